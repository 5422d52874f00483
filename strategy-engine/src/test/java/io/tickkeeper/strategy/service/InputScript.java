package io.tickkeeper.strategy.service;

import java.util.ArrayList;
import java.util.List;

import io.tickkeeper.protocol.sbe.ExecType;
import io.tickkeeper.protocol.sbe.MessageHeaderDecoder;
import io.tickkeeper.protocol.sbe.MessageHeaderEncoder;
import io.tickkeeper.protocol.sbe.OrdStatus;
import io.tickkeeper.protocol.sbe.OrderType;
import io.tickkeeper.protocol.sbe.RiskExecutionReportDecoder;
import io.tickkeeper.protocol.sbe.RiskExecutionReportEncoder;
import io.tickkeeper.protocol.sbe.RiskRejectReason;
import io.tickkeeper.protocol.sbe.Side;
import io.tickkeeper.strategy.DeterministicRandom;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A seeded script of strategy inputs, encoded: feed ticks of a random walk, timer ticks every few inputs, a parameter
 * change, and the risk manager's acknowledgements and fills of the ClOrdIDs the bots give their first orders.
 */
final class InputScript
{
    static final int MM_ACCOUNT = 11;
    static final int NOISE_ACCOUNT = 12;
    static final int MOMENTUM_ACCOUNT = 13;

    private final StrategyInputEncoder inputs = new StrategyInputEncoder();
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final RiskExecutionReportEncoder report = new RiskExecutionReportEncoder();
    private final RiskExecutionReportDecoder reportDecoder = new RiskExecutionReportDecoder();
    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final ExpandableArrayBuffer scratch = new ExpandableArrayBuffer(512);

    /** @return the inputs, each its own byte array. */
    List<byte[]> build(final long seed, final int count)
    {
        final DeterministicRandom random = new DeterministicRandom(seed);
        final List<byte[]> script = new ArrayList<>();
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(StrategyInputEncoder.MAX_LENGTH);
        long price = 10_000;
        long feedSequence = 0;
        for (int i = 0; i < count; i++)
        {
            final long timestampNs = 1_000_000_000L + i * 50_000_000L;
            final int length;
            final int kind = random.nextInt(10);
            if (i == count / 2)
            {
                length = inputs.parameter(buffer, 0, timestampNs, "mm", "spread", "16");
            }
            else if (kind < 5)
            {
                price = Math.max(100, price + random.nextLong(41) - 20);
                length = inputs.marketTick(buffer, 0, timestampNs, 1, price, 1, ++feedSequence, (short)1);
            }
            else if (kind < 7)
            {
                length = inputs.timer(buffer, 0, timestampNs);
            }
            else
            {
                final boolean maker = random.nextBoolean();
                final String clOrdId = (maker ? "Smm-" : "Snoise-") + (1 + random.nextInt(12));
                final boolean fill = random.nextBoolean();
                length = execution(buffer, timestampNs, maker ? MM_ACCOUNT : NOISE_ACCOUNT, clOrdId, fill, price);
            }
            final byte[] bytes = new byte[length];
            buffer.getBytes(0, bytes);
            script.add(bytes);
        }
        return script;
    }

    private int execution(
        final ExpandableArrayBuffer buffer, final long timestampNs, final int account, final String clOrdId,
        final boolean fill, final long price)
    {
        report.wrapAndApplyHeader(scratch, 0, header);
        report.frame().epoch(3).sequence(9).clientSessionId(1).clientSequence(1).timestampNs(timestampNs);
        report.execId(timestampNs)
            .orderId(7)
            .price(price)
            .quantity(10)
            .lastPrice(fill ? price : 0)
            .lastQuantity(fill ? 1 : 0)
            .cumQuantity(fill ? 1 : 0)
            .leavesQuantity(fill ? 9 : 10)
            .notionalFilled(fill ? price : 0)
            .instrumentId(1)
            .accountId(account)
            .rejectReason(RiskRejectReason.NONE)
            .matchingResultCode(0)
            .side(clOrdId.hashCode() % 2 == 0 ? Side.BUY : Side.SELL)
            .orderType(OrderType.LIMIT_DAY)
            .execType(fill ? ExecType.PARTIAL_FILL : ExecType.NEW)
            .ordStatus(fill ? OrdStatus.PARTIALLY_FILLED : OrdStatus.NEW)
            .clOrdId(clOrdId)
            .origClOrdId("");
        headerDecoder.wrap(scratch, 0);
        reportDecoder.wrapAndApplyHeader(new UnsafeBuffer(scratch.byteArray()), 0, headerDecoder);
        return inputs.execution(buffer, 0, timestampNs, reportDecoder);
    }
}
