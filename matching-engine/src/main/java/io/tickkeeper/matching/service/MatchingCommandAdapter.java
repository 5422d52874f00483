package io.tickkeeper.matching.service;

import java.nio.ByteOrder;

import io.tickkeeper.matching.OrderMatcher;
import io.tickkeeper.protocol.sbe.CancelOrderDecoder;
import io.tickkeeper.protocol.sbe.EndOfDayDecoder;
import io.tickkeeper.protocol.sbe.InputFrameDecoder;
import io.tickkeeper.protocol.sbe.MessageHeaderDecoder;
import io.tickkeeper.protocol.sbe.NewOrderDecoder;
import io.tickkeeper.protocol.sbe.OrderType;
import io.tickkeeper.protocol.sbe.ReplaceOrderDecoder;
import io.tickkeeper.protocol.sbe.SetReferencePriceDecoder;
import io.tickkeeper.protocol.sbe.Side;
import io.tickkeeper.protocol.sbe.StpMode;
import io.tickkeeper.runtime.InputHandler;
import io.tickkeeper.runtime.OutputSink;
import org.agrona.DirectBuffer;

/**
 * The inbound boundary of the matching engine: decodes each sequenced SBE command and calls the typed
 * {@link OrderMatcher} method, with the command's timestamp; the events it causes are encoded by the
 * {@link MatchingEventEncoder} into the input's output area. The matcher never sees bytes.
 *
 * <p>Commands are checked with {@link #check} before they are sequenced, so a journalled command always
 * decodes; one that does not (a damaged journal) throws, which stops the pipeline.
 */
public final class MatchingCommandAdapter implements InputHandler
{
    private static final ByteOrder ORDER = MessageHeaderDecoder.BYTE_ORDER;

    private final OrderMatcher matcher;
    private final MatchingEventEncoder events;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final NewOrderDecoder newOrder = new NewOrderDecoder();
    private final CancelOrderDecoder cancel = new CancelOrderDecoder();
    private final ReplaceOrderDecoder replace = new ReplaceOrderDecoder();
    private final SetReferencePriceDecoder setReferencePrice = new SetReferencePriceDecoder();
    private final EndOfDayDecoder endOfDay = new EndOfDayDecoder();

    /**
     * @param matcher the business logic; built with {@code events} as its listener.
     * @param events  the encoder the matcher's events go to.
     */
    public MatchingCommandAdapter(final OrderMatcher matcher, final MatchingEventEncoder events)
    {
        this.matcher = matcher;
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
            case NewOrderDecoder.TEMPLATE_ID:
                newOrder.wrap(buffer, body, blockLength, version);
                begin(newOrder.frame(), sequence, out);
                matcher.newOrder(
                    newOrder.frame().timestampNs(), newOrder.instrumentId(), newOrder.accountId(),
                    newOrder.clientOrderId(), ProtocolEnums.side(newOrder.side()),
                    ProtocolEnums.orderType(newOrder.orderType()), newOrder.price(), newOrder.quantity(),
                    ProtocolEnums.stpMode(newOrder.stpMode()));
                break;
            case CancelOrderDecoder.TEMPLATE_ID:
                cancel.wrap(buffer, body, blockLength, version);
                begin(cancel.frame(), sequence, out);
                matcher.cancel(
                    cancel.frame().timestampNs(), cancel.instrumentId(), cancel.accountId(), cancel.orderId());
                break;
            case ReplaceOrderDecoder.TEMPLATE_ID:
                replace.wrap(buffer, body, blockLength, version);
                begin(replace.frame(), sequence, out);
                matcher.replace(
                    replace.frame().timestampNs(), replace.instrumentId(), replace.accountId(), replace.orderId(),
                    replace.newPrice(), replace.newQuantity());
                break;
            case SetReferencePriceDecoder.TEMPLATE_ID:
                setReferencePrice.wrap(buffer, body, blockLength, version);
                begin(setReferencePrice.frame(), sequence, out);
                matcher.setReferencePrice(
                    setReferencePrice.frame().timestampNs(), setReferencePrice.instrumentId(),
                    setReferencePrice.referencePrice());
                break;
            case EndOfDayDecoder.TEMPLATE_ID:
                endOfDay.wrap(buffer, body, blockLength, version);
                begin(endOfDay.frame(), sequence, out);
                matcher.endOfDay(endOfDay.frame().timestampNs());
                break;
            default:
                throw new IllegalArgumentException("input " + sequence + " is not a matching command: template " +
                    templateId);
        }
        events.end();
    }

    /**
     * Checks that bytes are a matching command this adapter can apply: a known template with a full block and
     * valid enum values. Stateless and allocation-free, so any producer thread may call it before publishing.
     *
     * @throws IllegalArgumentException naming the first problem found.
     */
    public static void check(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < MessageHeaderDecoder.ENCODED_LENGTH)
        {
            throw new IllegalArgumentException("a command needs a " + MessageHeaderDecoder.ENCODED_LENGTH +
                "-byte header, got " + length + " bytes");
        }
        final int templateId =
            buffer.getShort(offset + MessageHeaderDecoder.templateIdEncodingOffset(), ORDER) & 0xFFFF;
        final int blockLength =
            buffer.getShort(offset + MessageHeaderDecoder.blockLengthEncodingOffset(), ORDER) & 0xFFFF;
        final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        final int expectedBlockLength = expectedBlockLength(templateId);
        if (blockLength < expectedBlockLength || MessageHeaderDecoder.ENCODED_LENGTH + blockLength > length)
        {
            throw new IllegalArgumentException("command template " + templateId + " needs a block of " +
                expectedBlockLength + " bytes within the " + length + " bytes given, has " + blockLength);
        }
        if (templateId == NewOrderDecoder.TEMPLATE_ID)
        {
            ProtocolEnums.side(Side.get(unsignedByte(buffer, body + NewOrderDecoder.sideEncodingOffset())));
            ProtocolEnums.orderType(
                OrderType.get(unsignedByte(buffer, body + NewOrderDecoder.orderTypeEncodingOffset())));
            ProtocolEnums.stpMode(StpMode.get(unsignedByte(buffer, body + NewOrderDecoder.stpModeEncodingOffset())));
        }
    }

    private void begin(final InputFrameDecoder frame, final long sequence, final OutputSink out)
    {
        events.begin(out, frame.epoch(), sequence, frame.clientSessionId(), frame.clientSequence());
    }

    private static int expectedBlockLength(final int templateId)
    {
        switch (templateId)
        {
            case NewOrderDecoder.TEMPLATE_ID:
                return NewOrderDecoder.BLOCK_LENGTH;
            case CancelOrderDecoder.TEMPLATE_ID:
                return CancelOrderDecoder.BLOCK_LENGTH;
            case ReplaceOrderDecoder.TEMPLATE_ID:
                return ReplaceOrderDecoder.BLOCK_LENGTH;
            case SetReferencePriceDecoder.TEMPLATE_ID:
                return SetReferencePriceDecoder.BLOCK_LENGTH;
            case EndOfDayDecoder.TEMPLATE_ID:
                return EndOfDayDecoder.BLOCK_LENGTH;
            default:
                throw new IllegalArgumentException("not a matching command: template " + templateId);
        }
    }

    private static short unsignedByte(final DirectBuffer buffer, final int index)
    {
        return (short)(buffer.getByte(index) & 0xFF);
    }
}
