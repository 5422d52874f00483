package io.tickkeeper.strategy.service;

import io.tickkeeper.protocol.sbe.BooleanType;
import io.tickkeeper.protocol.sbe.InputFrameEncoder;
import io.tickkeeper.protocol.sbe.MessageHeaderEncoder;
import io.tickkeeper.protocol.sbe.ReferencePriceTickDecoder;
import io.tickkeeper.protocol.sbe.RiskCancelRejectDecoder;
import io.tickkeeper.protocol.sbe.RiskExecutionReportDecoder;
import io.tickkeeper.protocol.sbe.StrategyCancelRejectEncoder;
import io.tickkeeper.protocol.sbe.StrategyExecutionEncoder;
import io.tickkeeper.protocol.sbe.StrategyMarketTickEncoder;
import io.tickkeeper.protocol.sbe.StrategyParamsEncoder;
import io.tickkeeper.protocol.sbe.StrategyTimerEncoder;
import org.agrona.MutableDirectBuffer;

/**
 * Wraps what reaches the strategy primary as the engine's sequenced inputs (templates 701-705): a feed tick, a risk
 * execution report or cancel reject (copied field by field), a timer tick, a parameter change. The frame names no
 * client session (the primary generated the input); epoch and sequence are left 0 for the pipeline to stamp. Not
 * thread-safe: one per thread.
 */
public final class StrategyInputEncoder
{
    /** The longest key or value of a parameter, in bytes. */
    public static final int MAX_PARAMETER_TEXT = 128;
    /** The most bytes an input takes (a parameter change with the longest texts). */
    public static final int MAX_LENGTH = MessageHeaderEncoder.ENCODED_LENGTH + StrategyParamsEncoder.BLOCK_LENGTH +
        3 * Integer.BYTES + 3 * MAX_PARAMETER_TEXT;

    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final StrategyMarketTickEncoder tick = new StrategyMarketTickEncoder();
    private final StrategyExecutionEncoder execution = new StrategyExecutionEncoder();
    private final StrategyCancelRejectEncoder cancelReject = new StrategyCancelRejectEncoder();
    private final StrategyTimerEncoder timer = new StrategyTimerEncoder();
    private final StrategyParamsEncoder params = new StrategyParamsEncoder();
    private final byte[] clOrdId = new byte[StrategyExecutionEncoder.clOrdIdLength()];

    /** @return the length of the encoded StrategyMarketTick; its time is the tick's simulation time. */
    public int marketTick(
        final MutableDirectBuffer buffer, final int offset, final long timestampNs, final int instrumentId,
        final long price, final long feedToken, final long feedSequence, final short regime)
    {
        tick.wrapAndApplyHeader(buffer, offset, header);
        frame(tick.frame(), timestampNs);
        tick.price(price)
            .feedSequence(feedSequence)
            .feedToken(feedToken)
            .feedTimestampNs(timestampNs)
            .instrumentId(instrumentId)
            .regime(regime);
        return MessageHeaderEncoder.ENCODED_LENGTH + tick.encodedLength();
    }

    /** @return the length of the StrategyMarketTick wrapping the feed's tick. */
    public int marketTick(final MutableDirectBuffer buffer, final int offset, final ReferencePriceTickDecoder feed)
    {
        return marketTick(buffer, offset, feed.timestampNs(), feed.instrumentId(), feed.price(), feed.feedToken(),
            feed.sequence(), feed.regime());
    }

    /**
     * @param timestampNs the time the primary took the report (the risk event's own time is in its frame).
     * @return the length of the StrategyExecution wrapping the risk manager's report.
     */
    public int execution(
        final MutableDirectBuffer buffer, final int offset, final long timestampNs,
        final RiskExecutionReportDecoder report)
    {
        execution.wrapAndApplyHeader(buffer, offset, header);
        frame(execution.frame(), timestampNs);
        execution.execId(report.execId())
            .orderId(report.orderId())
            .price(report.price())
            .quantity(report.quantity())
            .lastPrice(report.lastPrice())
            .lastQuantity(report.lastQuantity())
            .cumQuantity(report.cumQuantity())
            .leavesQuantity(report.leavesQuantity())
            .instrumentId(report.instrumentId())
            .accountId(report.accountId())
            .rejectReason(report.rejectReason())
            .side(report.side())
            .orderType(report.orderType())
            .execType(report.execType())
            .ordStatus(report.ordStatus());
        report.getClOrdId(clOrdId, 0);
        execution.putClOrdId(clOrdId, 0);
        report.getOrigClOrdId(clOrdId, 0);
        execution.putOrigClOrdId(clOrdId, 0);
        return MessageHeaderEncoder.ENCODED_LENGTH + execution.encodedLength();
    }

    /** @return the length of the StrategyCancelReject wrapping the risk manager's refusal. */
    public int cancelReject(
        final MutableDirectBuffer buffer, final int offset, final long timestampNs,
        final RiskCancelRejectDecoder reject)
    {
        cancelReject.wrapAndApplyHeader(buffer, offset, header);
        frame(cancelReject.frame(), timestampNs);
        cancelReject.orderId(reject.orderId())
            .instrumentId(reject.instrumentId())
            .accountId(reject.accountId())
            .reason(reject.reason())
            .ordStatus(reject.ordStatus())
            .responseTo(reject.responseTo());
        reject.getClOrdId(clOrdId, 0);
        cancelReject.putClOrdId(clOrdId, 0);
        reject.getOrigClOrdId(clOrdId, 0);
        cancelReject.putOrigClOrdId(clOrdId, 0);
        return MessageHeaderEncoder.ENCODED_LENGTH + cancelReject.encodedLength();
    }

    /** @return the length of the encoded StrategyTimer. */
    public int timer(final MutableDirectBuffer buffer, final int offset, final long timestampNs)
    {
        timer.wrapAndApplyHeader(buffer, offset, header);
        frame(timer.frame(), timestampNs);
        return MessageHeaderEncoder.ENCODED_LENGTH + timer.encodedLength();
    }

    /**
     * @param value the new value, or null when the parameter was removed.
     * @return the length of the encoded StrategyParams.
     * @throws IllegalArgumentException when a text is longer than {@link #MAX_PARAMETER_TEXT} bytes.
     */
    public int parameter(
        final MutableDirectBuffer buffer, final int offset, final long timestampNs, final String bot,
        final String key, final String value)
    {
        checkText("bot", bot);
        checkText("key", key);
        checkText("value", value == null ? "" : value);
        params.wrapAndApplyHeader(buffer, offset, header);
        frame(params.frame(), timestampNs);
        params.removed(value == null ? BooleanType.TRUE : BooleanType.FALSE)
            .bot(bot)
            .key(key)
            .value(value == null ? "" : value);
        return MessageHeaderEncoder.ENCODED_LENGTH + params.encodedLength();
    }

    private static void checkText(final String what, final String text)
    {
        if (text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PARAMETER_TEXT)
        {
            throw new IllegalArgumentException("parameter " + what + " longer than " + MAX_PARAMETER_TEXT +
                " bytes: " + text);
        }
    }

    private static void frame(final InputFrameEncoder frame, final long timestampNs)
    {
        frame.epoch(0).sequence(0).clientSessionId(0).clientSequence(0).timestampNs(timestampNs);
    }
}
