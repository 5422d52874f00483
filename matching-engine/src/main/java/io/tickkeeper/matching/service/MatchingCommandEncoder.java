package io.tickkeeper.matching.service;

import io.tickkeeper.matching.OrderType;
import io.tickkeeper.matching.Side;
import io.tickkeeper.matching.StpMode;
import io.tickkeeper.protocol.sbe.CancelOrderEncoder;
import io.tickkeeper.protocol.sbe.EndOfDayEncoder;
import io.tickkeeper.protocol.sbe.InputFrameEncoder;
import io.tickkeeper.protocol.sbe.MessageHeaderEncoder;
import io.tickkeeper.protocol.sbe.NewOrderEncoder;
import io.tickkeeper.protocol.sbe.ReplaceOrderEncoder;
import io.tickkeeper.protocol.sbe.SetReferencePriceEncoder;
import org.agrona.MutableDirectBuffer;

/**
 * Encodes matching commands for {@link MatchingPipeline#publish}: what a client of the engine (the gateway, a
 * tool, a test) uses. Epoch and sequence are left 0; the pipeline stamps them. Not thread-safe: one per thread.
 */
public final class MatchingCommandEncoder
{
    /** Bytes the longest command takes. */
    public static final int MAX_LENGTH = MessageHeaderEncoder.ENCODED_LENGTH + Math.max(
        Math.max(NewOrderEncoder.BLOCK_LENGTH, ReplaceOrderEncoder.BLOCK_LENGTH),
        Math.max(CancelOrderEncoder.BLOCK_LENGTH, SetReferencePriceEncoder.BLOCK_LENGTH));

    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final NewOrderEncoder newOrder = new NewOrderEncoder();
    private final CancelOrderEncoder cancel = new CancelOrderEncoder();
    private final ReplaceOrderEncoder replace = new ReplaceOrderEncoder();
    private final SetReferencePriceEncoder setReferencePrice = new SetReferencePriceEncoder();
    private final EndOfDayEncoder endOfDay = new EndOfDayEncoder();

    /** @return the length of the encoded NewOrder. */
    public int newOrder(
        final MutableDirectBuffer buffer, final int offset,
        final long clientSessionId, final long clientSequence, final long timestampNs,
        final int instrumentId, final int accountId, final long clientOrderId,
        final Side side, final OrderType type, final long price, final long quantity, final StpMode stpMode)
    {
        newOrder.wrapAndApplyHeader(buffer, offset, header);
        frame(newOrder.frame(), clientSessionId, clientSequence, timestampNs);
        newOrder.clientOrderId(clientOrderId)
            .price(price)
            .quantity(quantity)
            .instrumentId(instrumentId)
            .accountId(accountId)
            .side(ProtocolEnums.wire(side))
            .orderType(ProtocolEnums.wire(type))
            .stpMode(ProtocolEnums.wire(stpMode));
        return MessageHeaderEncoder.ENCODED_LENGTH + newOrder.encodedLength();
    }

    /** @return the length of the encoded CancelOrder. */
    public int cancel(
        final MutableDirectBuffer buffer, final int offset,
        final long clientSessionId, final long clientSequence, final long timestampNs,
        final int instrumentId, final int accountId, final long orderId)
    {
        cancel.wrapAndApplyHeader(buffer, offset, header);
        frame(cancel.frame(), clientSessionId, clientSequence, timestampNs);
        cancel.orderId(orderId).instrumentId(instrumentId).accountId(accountId);
        return MessageHeaderEncoder.ENCODED_LENGTH + cancel.encodedLength();
    }

    /** @return the length of the encoded ReplaceOrder. */
    public int replace(
        final MutableDirectBuffer buffer, final int offset,
        final long clientSessionId, final long clientSequence, final long timestampNs,
        final int instrumentId, final int accountId, final long orderId, final long newPrice, final long newQuantity)
    {
        replace.wrapAndApplyHeader(buffer, offset, header);
        frame(replace.frame(), clientSessionId, clientSequence, timestampNs);
        replace.orderId(orderId).newPrice(newPrice).newQuantity(newQuantity).instrumentId(instrumentId)
            .accountId(accountId);
        return MessageHeaderEncoder.ENCODED_LENGTH + replace.encodedLength();
    }

    /** @return the length of the encoded SetReferencePrice. */
    public int setReferencePrice(
        final MutableDirectBuffer buffer, final int offset,
        final long clientSessionId, final long clientSequence, final long timestampNs,
        final int instrumentId, final long referencePrice)
    {
        setReferencePrice.wrapAndApplyHeader(buffer, offset, header);
        frame(setReferencePrice.frame(), clientSessionId, clientSequence, timestampNs);
        setReferencePrice.referencePrice(referencePrice).instrumentId(instrumentId);
        return MessageHeaderEncoder.ENCODED_LENGTH + setReferencePrice.encodedLength();
    }

    /** @return the length of the encoded EndOfDay. */
    public int endOfDay(
        final MutableDirectBuffer buffer, final int offset,
        final long clientSessionId, final long clientSequence, final long timestampNs)
    {
        endOfDay.wrapAndApplyHeader(buffer, offset, header);
        frame(endOfDay.frame(), clientSessionId, clientSequence, timestampNs);
        return MessageHeaderEncoder.ENCODED_LENGTH + endOfDay.encodedLength();
    }

    private static void frame(
        final InputFrameEncoder frame, final long clientSessionId, final long clientSequence, final long timestampNs)
    {
        frame.epoch(0).sequence(0).clientSessionId(clientSessionId).clientSequence(clientSequence)
            .timestampNs(timestampNs);
    }
}
