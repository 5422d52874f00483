package io.tickkeeper.risk.service;

import java.nio.ByteOrder;

import io.tickkeeper.protocol.sbe.BooleanType;
import io.tickkeeper.protocol.sbe.InputFrameDecoder;
import io.tickkeeper.protocol.sbe.MatchingReportKind;
import io.tickkeeper.protocol.sbe.MessageHeaderDecoder;
import io.tickkeeper.protocol.sbe.OrderType;
import io.tickkeeper.protocol.sbe.RiskAccountSessionDecoder;
import io.tickkeeper.protocol.sbe.RiskCancelOrderDecoder;
import io.tickkeeper.protocol.sbe.RiskLimitKind;
import io.tickkeeper.protocol.sbe.RiskLimitUpdateDecoder;
import io.tickkeeper.protocol.sbe.RiskMatchingReportDecoder;
import io.tickkeeper.protocol.sbe.RiskNewOrderDecoder;
import io.tickkeeper.protocol.sbe.RiskOrderStatusRequestDecoder;
import io.tickkeeper.protocol.sbe.RiskPrimaryStartedDecoder;
import io.tickkeeper.protocol.sbe.RiskReferencePriceDecoder;
import io.tickkeeper.protocol.sbe.RiskReplaceOrderDecoder;
import io.tickkeeper.protocol.sbe.Side;
import io.tickkeeper.risk.RiskEngine;
import io.tickkeeper.runtime.InputHandler;
import io.tickkeeper.runtime.OutputSink;
import org.agrona.DirectBuffer;

/**
 * The inbound boundary of the risk engine: decodes each sequenced SBE input (templates 501-509) and calls the
 * typed {@link RiskEngine} method with the input's time and client session; the outputs it causes are encoded by
 * the {@link RiskEventEncoder} into the input's output area. The engine never sees bytes.
 *
 * <p>Inputs are checked before they are sequenced: a client's with {@link #check} (501-505 only), the primary's
 * own with {@link #checkInput}. A journalled input that does not decode (a damaged journal) throws, which stops
 * the pipeline.
 */
public final class RiskCommandAdapter implements InputHandler
{
    private static final ByteOrder ORDER = MessageHeaderDecoder.BYTE_ORDER;
    private static final int CL_ORD_ID_LENGTH = RiskNewOrderDecoder.clOrdIdLength();
    private static final int SESSION_OFFSET =
        MessageHeaderDecoder.ENCODED_LENGTH + InputFrameDecoder.clientSessionIdEncodingOffset();

    private final RiskEngine engine;
    private final RiskEventEncoder events;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final RiskNewOrderDecoder newOrder = new RiskNewOrderDecoder();
    private final RiskCancelOrderDecoder cancel = new RiskCancelOrderDecoder();
    private final RiskReplaceOrderDecoder replace = new RiskReplaceOrderDecoder();
    private final RiskOrderStatusRequestDecoder status = new RiskOrderStatusRequestDecoder();
    private final RiskAccountSessionDecoder accountSession = new RiskAccountSessionDecoder();
    private final RiskMatchingReportDecoder matchingReport = new RiskMatchingReportDecoder();
    private final RiskReferencePriceDecoder referencePrice = new RiskReferencePriceDecoder();
    private final RiskLimitUpdateDecoder limitUpdate = new RiskLimitUpdateDecoder();
    private final RiskPrimaryStartedDecoder primaryStarted = new RiskPrimaryStartedDecoder();

    /**
     * @param engine the business logic; built with {@code events} as its listener.
     * @param events the encoder the engine's outputs go to.
     */
    public RiskCommandAdapter(final RiskEngine engine, final RiskEventEncoder events)
    {
        this.engine = engine;
        this.events = events;
    }

    @Override
    public void onInput(
        final long sequence, final DirectBuffer buffer, final int offset, final int length, final OutputSink out)
    {
        header.wrap(buffer, offset);
        final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        final int blockLength = header.blockLength();
        final int version = header.version();
        final int templateId = header.templateId();
        switch (templateId)
        {
            case RiskNewOrderDecoder.TEMPLATE_ID ->
            {
                newOrder.wrap(buffer, body, blockLength, version);
                final InputFrameDecoder frame = begin(newOrder.frame(), sequence, out);
                engine.newOrder(frame.timestampNs(), frame.clientSessionId(), newOrder.instrumentId(),
                    newOrder.accountId(), newOrder.clOrdId(), newOrder.side(), newOrder.orderType(), newOrder.price(),
                    newOrder.quantity());
            }
            case RiskCancelOrderDecoder.TEMPLATE_ID ->
            {
                cancel.wrap(buffer, body, blockLength, version);
                final InputFrameDecoder frame = begin(cancel.frame(), sequence, out);
                engine.cancel(frame.timestampNs(), frame.clientSessionId(), cancel.instrumentId(), cancel.accountId(),
                    cancel.clOrdId(), cancel.origClOrdId());
            }
            case RiskReplaceOrderDecoder.TEMPLATE_ID ->
            {
                replace.wrap(buffer, body, blockLength, version);
                final InputFrameDecoder frame = begin(replace.frame(), sequence, out);
                engine.replace(frame.timestampNs(), frame.clientSessionId(), replace.instrumentId(),
                    replace.accountId(), replace.clOrdId(), replace.origClOrdId(), replace.newPrice(),
                    replace.newQuantity());
            }
            case RiskOrderStatusRequestDecoder.TEMPLATE_ID ->
            {
                status.wrap(buffer, body, blockLength, version);
                final InputFrameDecoder frame = begin(status.frame(), sequence, out);
                engine.orderStatus(frame.timestampNs(), frame.clientSessionId(), status.accountId(), status.clOrdId());
            }
            case RiskAccountSessionDecoder.TEMPLATE_ID ->
            {
                accountSession.wrap(buffer, body, blockLength, version);
                final InputFrameDecoder frame = begin(accountSession.frame(), sequence, out);
                engine.accountSession(frame.timestampNs(), frame.clientSessionId(), accountSession.accountId(),
                    accountSession.connected() == BooleanType.TRUE,
                    accountSession.cancelOnDisconnect() == BooleanType.TRUE);
            }
            case RiskMatchingReportDecoder.TEMPLATE_ID -> applyMatchingReport(buffer, body, blockLength, version,
                sequence, out);
            case RiskReferencePriceDecoder.TEMPLATE_ID ->
            {
                referencePrice.wrap(buffer, body, blockLength, version);
                final InputFrameDecoder frame = begin(referencePrice.frame(), sequence, out);
                engine.referencePrice(frame.timestampNs(), referencePrice.instrumentId(), referencePrice.price(),
                    referencePrice.feedToken(), referencePrice.feedSequence());
            }
            case RiskLimitUpdateDecoder.TEMPLATE_ID ->
            {
                limitUpdate.wrap(buffer, body, blockLength, version);
                final InputFrameDecoder frame = begin(limitUpdate.frame(), sequence, out);
                engine.limitUpdate(frame.timestampNs(), limitUpdate.kind(), limitUpdate.accountId(),
                    limitUpdate.value());
            }
            case RiskPrimaryStartedDecoder.TEMPLATE_ID ->
            {
                primaryStarted.wrap(buffer, body, blockLength, version);
                final InputFrameDecoder frame = begin(primaryStarted.frame(), sequence, out);
                engine.primaryStarted(frame.timestampNs());
            }
            default -> throw new IllegalArgumentException(
                "input " + sequence + " is not a risk input: template " + templateId);
        }
        events.end();
    }

    private void applyMatchingReport(
        final DirectBuffer buffer, final int body, final int blockLength, final int version, final long sequence,
        final OutputSink out)
    {
        final RiskMatchingReportDecoder report = matchingReport;
        report.wrap(buffer, body, blockLength, version);
        final InputFrameDecoder frame = begin(report.frame(), sequence, out);
        engine.matchingReport(frame.timestampNs(), report.kind(), report.shard(), report.matchingEpoch(),
            report.matchingSequence(), report.eventIndex(), report.matchingClientSequence(), report.orderId(),
            report.clientOrderId(), report.instrumentId(), report.accountId(), report.side(), report.price(),
            report.quantity(), report.makerOrderId(), report.makerAccountId(), report.resultCode());
    }

    /**
     * Checks that bytes are a command a client may send (501-505): a full block, valid enum values, ClOrdIDs of
     * 1-32 printable ASCII characters, NUL-padded. Stateless and allocation-free: any thread may call it.
     *
     * @throws IllegalArgumentException naming the first problem found.
     */
    public static void check(final DirectBuffer buffer, final int offset, final int length)
    {
        final int templateId = checkFrame(buffer, offset, length);
        if (templateId > RiskAccountSessionDecoder.TEMPLATE_ID)
        {
            throw new IllegalArgumentException("template " + templateId + " is not a client's risk command");
        }
        checkBody(templateId, buffer, offset + MessageHeaderDecoder.ENCODED_LENGTH);
    }

    /**
     * Checks any input the risk engine takes (501-509): 501-505 as {@link #check}, 506-509 only from the primary
     * itself (client session 0). Stateless and allocation-free.
     *
     * @throws IllegalArgumentException naming the first problem found.
     */
    public static void checkInput(final DirectBuffer buffer, final int offset, final int length)
    {
        final int templateId = checkFrame(buffer, offset, length);
        if (templateId >= RiskMatchingReportDecoder.TEMPLATE_ID && buffer.getLong(offset + SESSION_OFFSET, ORDER) != 0)
        {
            throw new IllegalArgumentException("template " + templateId + " is sequenced by the primary only");
        }
        checkBody(templateId, buffer, offset + MessageHeaderDecoder.ENCODED_LENGTH);
    }

    private static int checkFrame(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < MessageHeaderDecoder.ENCODED_LENGTH)
        {
            throw new IllegalArgumentException("an input needs a " + MessageHeaderDecoder.ENCODED_LENGTH +
                "-byte header, got " + length + " bytes");
        }
        final int schemaId =
            buffer.getShort(offset + MessageHeaderDecoder.schemaIdEncodingOffset(), ORDER) & 0xFFFF;
        if (schemaId != MessageHeaderDecoder.SCHEMA_ID)
        {
            throw new IllegalArgumentException("input of schema " + schemaId);
        }
        final int templateId =
            buffer.getShort(offset + MessageHeaderDecoder.templateIdEncodingOffset(), ORDER) & 0xFFFF;
        final int blockLength =
            buffer.getShort(offset + MessageHeaderDecoder.blockLengthEncodingOffset(), ORDER) & 0xFFFF;
        final int expectedBlockLength = expectedBlockLength(templateId);
        if (blockLength < expectedBlockLength || MessageHeaderDecoder.ENCODED_LENGTH + blockLength > length)
        {
            throw new IllegalArgumentException("input template " + templateId + " needs a block of " +
                expectedBlockLength + " bytes within the " + length + " bytes given, has " + blockLength);
        }
        return templateId;
    }

    private static void checkBody(final int templateId, final DirectBuffer buffer, final int body)
    {
        switch (templateId)
        {
            case RiskNewOrderDecoder.TEMPLATE_ID ->
            {
                checkSide(buffer, body + RiskNewOrderDecoder.sideEncodingOffset());
                final short type = unsignedByte(buffer, body + RiskNewOrderDecoder.orderTypeEncodingOffset());
                if (!isOrderType(type))
                {
                    throw new IllegalArgumentException("no such order type: " + type);
                }
                checkClOrdId(buffer, body + RiskNewOrderDecoder.clOrdIdEncodingOffset(), "clOrdId");
            }
            case RiskCancelOrderDecoder.TEMPLATE_ID ->
            {
                checkClOrdId(buffer, body + RiskCancelOrderDecoder.clOrdIdEncodingOffset(), "clOrdId");
                checkClOrdId(buffer, body + RiskCancelOrderDecoder.origClOrdIdEncodingOffset(), "origClOrdId");
            }
            case RiskReplaceOrderDecoder.TEMPLATE_ID ->
            {
                checkClOrdId(buffer, body + RiskReplaceOrderDecoder.clOrdIdEncodingOffset(), "clOrdId");
                checkClOrdId(buffer, body + RiskReplaceOrderDecoder.origClOrdIdEncodingOffset(), "origClOrdId");
            }
            case RiskOrderStatusRequestDecoder.TEMPLATE_ID ->
                checkClOrdId(buffer, body + RiskOrderStatusRequestDecoder.clOrdIdEncodingOffset(), "clOrdId");
            case RiskAccountSessionDecoder.TEMPLATE_ID ->
            {
                checkBoolean(buffer, body + RiskAccountSessionDecoder.connectedEncodingOffset(), "connected");
                checkBoolean(buffer, body + RiskAccountSessionDecoder.cancelOnDisconnectEncodingOffset(),
                    "cancelOnDisconnect");
            }
            case RiskMatchingReportDecoder.TEMPLATE_ID ->
            {
                checkSide(buffer, body + RiskMatchingReportDecoder.sideEncodingOffset());
                final short kind = unsignedByte(buffer, body + RiskMatchingReportDecoder.kindEncodingOffset());
                if (!isReportKind(kind))
                {
                    throw new IllegalArgumentException("no such matching report kind: " + kind);
                }
            }
            case RiskLimitUpdateDecoder.TEMPLATE_ID ->
            {
                final short kind = unsignedByte(buffer, body + RiskLimitUpdateDecoder.kindEncodingOffset());
                if (!isLimitKind(kind))
                {
                    throw new IllegalArgumentException("no such risk limit kind: " + kind);
                }
            }
            default ->
            {
            }
        }
    }

    private static int expectedBlockLength(final int templateId)
    {
        return switch (templateId)
        {
            case RiskNewOrderDecoder.TEMPLATE_ID -> RiskNewOrderDecoder.BLOCK_LENGTH;
            case RiskCancelOrderDecoder.TEMPLATE_ID -> RiskCancelOrderDecoder.BLOCK_LENGTH;
            case RiskReplaceOrderDecoder.TEMPLATE_ID -> RiskReplaceOrderDecoder.BLOCK_LENGTH;
            case RiskOrderStatusRequestDecoder.TEMPLATE_ID -> RiskOrderStatusRequestDecoder.BLOCK_LENGTH;
            case RiskAccountSessionDecoder.TEMPLATE_ID -> RiskAccountSessionDecoder.BLOCK_LENGTH;
            case RiskMatchingReportDecoder.TEMPLATE_ID -> RiskMatchingReportDecoder.BLOCK_LENGTH;
            case RiskReferencePriceDecoder.TEMPLATE_ID -> RiskReferencePriceDecoder.BLOCK_LENGTH;
            case RiskLimitUpdateDecoder.TEMPLATE_ID -> RiskLimitUpdateDecoder.BLOCK_LENGTH;
            case RiskPrimaryStartedDecoder.TEMPLATE_ID -> RiskPrimaryStartedDecoder.BLOCK_LENGTH;
            default -> throw new IllegalArgumentException("not a risk input: template " + templateId);
        };
    }

    private static void checkSide(final DirectBuffer buffer, final int index)
    {
        final short value = unsignedByte(buffer, index);
        boolean valid;
        try
        {
            valid = Side.get(value) != Side.NULL_VAL;
        }
        catch (final IllegalArgumentException ex)
        {
            valid = false;
        }
        if (!valid)
        {
            throw new IllegalArgumentException("no such side: " + value);
        }
    }

    private static void checkBoolean(final DirectBuffer buffer, final int index, final String name)
    {
        final short value = unsignedByte(buffer, index);
        if (value != BooleanType.TRUE.value() && value != BooleanType.FALSE.value())
        {
            throw new IllegalArgumentException(name + " is not a boolean: " + value);
        }
    }

    private static boolean isOrderType(final short value)
    {
        try
        {
            return OrderType.get(value) != OrderType.NULL_VAL;
        }
        catch (final IllegalArgumentException ex)
        {
            return false;
        }
    }

    private static boolean isReportKind(final short value)
    {
        try
        {
            return MatchingReportKind.get(value) != MatchingReportKind.NULL_VAL;
        }
        catch (final IllegalArgumentException ex)
        {
            return false;
        }
    }

    private static boolean isLimitKind(final short value)
    {
        try
        {
            return RiskLimitKind.get(value) != RiskLimitKind.NULL_VAL;
        }
        catch (final IllegalArgumentException ex)
        {
            return false;
        }
    }

    private static void checkClOrdId(final DirectBuffer buffer, final int index, final String name)
    {
        int length = 0;
        while (length < CL_ORD_ID_LENGTH && buffer.getByte(index + length) != 0)
        {
            final byte c = buffer.getByte(index + length);
            if (c < 0x20 || c > 0x7E)
            {
                throw new IllegalArgumentException(name + " has a byte that is not printable ASCII: " + (c & 0xFF));
            }
            length++;
        }
        if (length == 0)
        {
            throw new IllegalArgumentException(name + " is empty");
        }
        for (int i = length; i < CL_ORD_ID_LENGTH; i++)
        {
            if (buffer.getByte(index + i) != 0)
            {
                throw new IllegalArgumentException(name + " has bytes after its NUL padding");
            }
        }
    }

    private InputFrameDecoder begin(final InputFrameDecoder frame, final long sequence, final OutputSink out)
    {
        events.begin(out, frame.epoch(), sequence, frame.clientSessionId(), frame.clientSequence());
        return frame;
    }

    private static short unsignedByte(final DirectBuffer buffer, final int index)
    {
        return (short)(buffer.getByte(index) & 0xFF);
    }
}
