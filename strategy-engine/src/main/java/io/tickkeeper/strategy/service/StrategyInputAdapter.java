package io.tickkeeper.strategy.service;

import java.nio.ByteOrder;

import io.tickkeeper.protocol.sbe.BooleanType;
import io.tickkeeper.protocol.sbe.CancelRejectResponseTo;
import io.tickkeeper.protocol.sbe.ExecType;
import io.tickkeeper.protocol.sbe.MessageHeaderDecoder;
import io.tickkeeper.protocol.sbe.OrdStatus;
import io.tickkeeper.protocol.sbe.OrderType;
import io.tickkeeper.protocol.sbe.RiskRejectReason;
import io.tickkeeper.protocol.sbe.Side;
import io.tickkeeper.protocol.sbe.StrategyCancelRejectDecoder;
import io.tickkeeper.protocol.sbe.StrategyExecutionDecoder;
import io.tickkeeper.protocol.sbe.StrategyMarketTickDecoder;
import io.tickkeeper.protocol.sbe.StrategyParamsDecoder;
import io.tickkeeper.protocol.sbe.StrategyTimerDecoder;
import io.tickkeeper.runtime.InputHandler;
import io.tickkeeper.runtime.OutputSink;
import io.tickkeeper.strategy.CancelReject;
import io.tickkeeper.strategy.ExecutionReport;
import io.tickkeeper.strategy.StrategyEngine;
import org.agrona.DirectBuffer;

/**
 * The inbound boundary of the strategy engine: decodes each sequenced input (templates 701-705) and calls the
 * typed {@link StrategyEngine} method with the input's timestamp; the commands it causes are encoded by the
 * {@link RiskCommandEncoder} into the input's output area. The engine and the strategies never see bytes.
 *
 * <p>Inputs are checked with {@link #check} before they are sequenced, so a journalled input always decodes; one
 * that does not (a damaged journal) throws, which stops the pipeline.
 */
public final class StrategyInputAdapter implements InputHandler
{
    private static final ByteOrder ORDER = MessageHeaderDecoder.BYTE_ORDER;
    private static final int HEADER = MessageHeaderDecoder.ENCODED_LENGTH;

    private final StrategyEngine engine;
    private final RiskCommandEncoder commands;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final StrategyMarketTickDecoder tick = new StrategyMarketTickDecoder();
    private final StrategyExecutionDecoder execution = new StrategyExecutionDecoder();
    private final StrategyCancelRejectDecoder cancelReject = new StrategyCancelRejectDecoder();
    private final StrategyTimerDecoder timer = new StrategyTimerDecoder();
    private final StrategyParamsDecoder params = new StrategyParamsDecoder();
    private final ExecutionReport report = new ExecutionReport();
    private final CancelReject reject = new CancelReject();

    /**
     * @param engine   the business logic; built with {@code commands} as its sink.
     * @param commands the encoder the engine's commands go to.
     */
    public StrategyInputAdapter(final StrategyEngine engine, final RiskCommandEncoder commands)
    {
        this.engine = engine;
        this.commands = commands;
    }

    @Override
    public void onInput(
        final long sequence, final DirectBuffer buffer, final int offset, final int length, final OutputSink out)
    {
        header.wrap(buffer, offset);
        final int body = offset + HEADER;
        final int blockLength = header.blockLength();
        final int version = header.version();
        commands.begin(out);
        try
        {
            switch (header.templateId())
            {
                case StrategyMarketTickDecoder.TEMPLATE_ID:
                    tick.wrap(buffer, body, blockLength, version);
                    engine.onMarketTick(tick.frame().timestampNs(), tick.instrumentId(), tick.price(),
                        tick.feedToken(), tick.feedSequence());
                    break;
                case StrategyExecutionDecoder.TEMPLATE_ID:
                    execution.wrap(buffer, body, blockLength, version);
                    report.set(execution.frame().timestampNs(), execution.accountId(), execution.clOrdId(),
                            execution.origClOrdId(), execution.execType(), execution.ordStatus(),
                            execution.instrumentId(), execution.side(), execution.orderType())
                        .quantities(execution.price(), execution.quantity(), execution.lastPrice(),
                            execution.lastQuantity(), execution.cumQuantity(), execution.leavesQuantity())
                        .ids(execution.orderId(), execution.execId(), execution.rejectReason());
                    engine.onExecution(report);
                    break;
                case StrategyCancelRejectDecoder.TEMPLATE_ID:
                    cancelReject.wrap(buffer, body, blockLength, version);
                    reject.set(cancelReject.frame().timestampNs(), cancelReject.accountId(), cancelReject.clOrdId(),
                        cancelReject.origClOrdId(), cancelReject.responseTo(), cancelReject.reason(),
                        cancelReject.ordStatus(), cancelReject.instrumentId());
                    engine.onCancelReject(reject);
                    break;
                case StrategyTimerDecoder.TEMPLATE_ID:
                    timer.wrap(buffer, body, blockLength, version);
                    engine.onTimer(timer.frame().timestampNs());
                    break;
                case StrategyParamsDecoder.TEMPLATE_ID:
                    params.wrap(buffer, body, blockLength, version);
                    final boolean removed = params.removed() == BooleanType.TRUE;
                    final String bot = params.bot();
                    final String key = params.key();
                    final String value = params.value();
                    engine.onParameter(params.frame().timestampNs(), bot, key, removed ? null : value);
                    break;
                default:
                    throw new IllegalArgumentException("input " + sequence + " is not a strategy input: template " +
                        header.templateId());
            }
        }
        finally
        {
            commands.end();
        }
    }

    /**
     * Checks that bytes are a strategy input this adapter can apply: a known template with a full block, valid
     * enum values, and variable-length texts inside the bytes. Stateless, so any producer thread may call it.
     *
     * @throws IllegalArgumentException naming the first problem found.
     */
    public static void check(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < HEADER)
        {
            throw new IllegalArgumentException("an input needs a " + HEADER + "-byte header, got " + length);
        }
        final int templateId = buffer.getShort(offset + MessageHeaderDecoder.templateIdEncodingOffset(), ORDER) &
            0xFFFF;
        final int blockLength = buffer.getShort(offset + MessageHeaderDecoder.blockLengthEncodingOffset(), ORDER) &
            0xFFFF;
        final int expected = expectedBlockLength(templateId);
        if (blockLength < expected || HEADER + blockLength > length)
        {
            throw new IllegalArgumentException("strategy input template " + templateId + " needs a block of " +
                expected + " bytes within the " + length + " bytes given, has " + blockLength);
        }
        final int body = offset + HEADER;
        switch (templateId)
        {
            case StrategyExecutionDecoder.TEMPLATE_ID:
                Side.get(unsignedByte(buffer, body + StrategyExecutionDecoder.sideEncodingOffset()));
                OrderType.get(unsignedByte(buffer, body + StrategyExecutionDecoder.orderTypeEncodingOffset()));
                ExecType.get(unsignedByte(buffer, body + StrategyExecutionDecoder.execTypeEncodingOffset()));
                OrdStatus.get(unsignedByte(buffer, body + StrategyExecutionDecoder.ordStatusEncodingOffset()));
                RiskRejectReason.get(
                    buffer.getShort(body + StrategyExecutionDecoder.rejectReasonEncodingOffset(), ORDER) & 0xFFFF);
                break;
            case StrategyCancelRejectDecoder.TEMPLATE_ID:
                OrdStatus.get(unsignedByte(buffer, body + StrategyCancelRejectDecoder.ordStatusEncodingOffset()));
                CancelRejectResponseTo.get(
                    unsignedByte(buffer, body + StrategyCancelRejectDecoder.responseToEncodingOffset()));
                RiskRejectReason.get(
                    buffer.getShort(body + StrategyCancelRejectDecoder.reasonEncodingOffset(), ORDER) & 0xFFFF);
                break;
            case StrategyParamsDecoder.TEMPLATE_ID:
                BooleanType.get(unsignedByte(buffer, body + StrategyParamsDecoder.removedEncodingOffset()));
                int at = body + blockLength;
                final int end = offset + length;
                for (int field = 0; field < 3; field++)
                {
                    if (end - at < Integer.BYTES)
                    {
                        throw new IllegalArgumentException("strategy parameter input ends inside a text length");
                    }
                    final long textLength = buffer.getInt(at, ORDER) & 0xFFFF_FFFFL;
                    at += Integer.BYTES;
                    if (textLength > end - at)
                    {
                        throw new IllegalArgumentException("strategy parameter text of " + textLength +
                            " bytes overruns the input");
                    }
                    at += (int)textLength;
                }
                break;
            default:
                break;
        }
    }

    private static int expectedBlockLength(final int templateId)
    {
        switch (templateId)
        {
            case StrategyMarketTickDecoder.TEMPLATE_ID:
                return StrategyMarketTickDecoder.BLOCK_LENGTH;
            case StrategyExecutionDecoder.TEMPLATE_ID:
                return StrategyExecutionDecoder.BLOCK_LENGTH;
            case StrategyCancelRejectDecoder.TEMPLATE_ID:
                return StrategyCancelRejectDecoder.BLOCK_LENGTH;
            case StrategyTimerDecoder.TEMPLATE_ID:
                return StrategyTimerDecoder.BLOCK_LENGTH;
            case StrategyParamsDecoder.TEMPLATE_ID:
                return StrategyParamsDecoder.BLOCK_LENGTH;
            default:
                throw new IllegalArgumentException("not a strategy input: template " + templateId);
        }
    }

    private static short unsignedByte(final DirectBuffer buffer, final int index)
    {
        return (short)(buffer.getByte(index) & 0xFF);
    }
}
