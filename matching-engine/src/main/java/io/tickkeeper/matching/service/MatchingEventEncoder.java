package io.tickkeeper.matching.service;

import io.tickkeeper.matching.CancelReason;
import io.tickkeeper.matching.MatchingEventListener;
import io.tickkeeper.matching.OrderType;
import io.tickkeeper.matching.ResultCode;
import io.tickkeeper.matching.Side;
import io.tickkeeper.node.EventFrameWriter;
import io.tickkeeper.protocol.sbe.BooleanType;
import io.tickkeeper.protocol.sbe.OrderAcceptedEncoder;
import io.tickkeeper.protocol.sbe.OrderCancelledEncoder;
import io.tickkeeper.protocol.sbe.OrderExpiredEncoder;
import io.tickkeeper.protocol.sbe.OrderRejectedEncoder;
import io.tickkeeper.protocol.sbe.OrderReplacedEncoder;
import io.tickkeeper.protocol.sbe.TradeEncoder;
import io.tickkeeper.runtime.OutputSink;

/**
 * The outbound boundary of the matching engine: encodes each event as an SBE message into the output area of
 * the command being applied, led by an event frame that repeats the command's epoch, sequence and client key
 * (client session and client sequence, so the edge can route each event to the session whose command caused it).
 * Events are only accepted between {@link #begin} and {@link #end}. Allocates nothing.
 */
public final class MatchingEventEncoder implements MatchingEventListener
{
    private final EventFrameWriter writer = new EventFrameWriter("an event outside a command");
    private final OrderAcceptedEncoder accepted = new OrderAcceptedEncoder();
    private final OrderRejectedEncoder rejected = new OrderRejectedEncoder();
    private final TradeEncoder trade = new TradeEncoder();
    private final OrderCancelledEncoder cancelled = new OrderCancelledEncoder();
    private final OrderReplacedEncoder replaced = new OrderReplacedEncoder();
    private final OrderExpiredEncoder expired = new OrderExpiredEncoder();

    /**
     * Starts the events of one command.
     *
     * @param out      the command's output area.
     * @param epoch    the command's epoch.
     * @param sequence the command's sequence.
     * @param clientSessionId the session of the client that sent the command (0 when none did).
     * @param clientSequence  the client's sequence of the command.
     */
    public void begin(
        final OutputSink out, final long epoch, final long sequence, final long clientSessionId,
        final long clientSequence)
    {
        writer.begin(out, epoch, sequence, clientSessionId, clientSequence);
    }

    /** Ends the events of the current command. */
    public void end()
    {
        writer.end();
    }

    @Override
    public void onAccepted(
        final long timestampNs, final int instrumentId, final long orderId, final int accountId,
        final long clientOrderId, final Side side, final OrderType type, final long price, final long quantity)
    {
        writer.frame(writer.wrap(accepted).frame(), timestampNs);
        accepted.orderId(orderId)
            .clientOrderId(clientOrderId)
            .price(price)
            .quantity(quantity)
            .instrumentId(instrumentId)
            .accountId(accountId)
            .side(ProtocolEnums.wire(side))
            .orderType(ProtocolEnums.wire(type));
        writer.commit(accepted);
    }

    @Override
    public void onRejected(
        final long timestampNs, final int instrumentId, final long orderId, final int accountId,
        final long clientOrderId, final ResultCode code)
    {
        writer.frame(writer.wrap(rejected).frame(), timestampNs);
        rejected.orderId(orderId)
            .clientOrderId(clientOrderId)
            .instrumentId(instrumentId)
            .accountId(accountId)
            .resultCode(ProtocolEnums.wire(code));
        writer.commit(rejected);
    }

    @Override
    public void onTrade(
        final long timestampNs, final int instrumentId, final long price, final long quantity,
        final long takerOrderId, final int takerAccountId, final Side takerSide, final long takerLeavesQuantity,
        final long makerOrderId, final int makerAccountId, final long makerLeavesQuantity)
    {
        writer.frame(writer.wrap(trade).frame(), timestampNs);
        trade.price(price)
            .quantity(quantity)
            .takerOrderId(takerOrderId)
            .takerLeavesQuantity(takerLeavesQuantity)
            .makerOrderId(makerOrderId)
            .makerLeavesQuantity(makerLeavesQuantity)
            .instrumentId(instrumentId)
            .takerAccountId(takerAccountId)
            .makerAccountId(makerAccountId)
            .takerSide(ProtocolEnums.wire(takerSide));
        writer.commit(trade);
    }

    @Override
    public void onCancelled(
        final long timestampNs, final int instrumentId, final long orderId, final int accountId, final long quantity,
        final CancelReason reason)
    {
        writer.frame(writer.wrap(cancelled).frame(), timestampNs);
        cancelled.orderId(orderId)
            .quantity(quantity)
            .instrumentId(instrumentId)
            .accountId(accountId)
            .reason(ProtocolEnums.wire(reason));
        writer.commit(cancelled);
    }

    @Override
    public void onReplaced(
        final long timestampNs, final int instrumentId, final long orderId, final int accountId, final long price,
        final long quantity, final boolean keptPriority)
    {
        writer.frame(writer.wrap(replaced).frame(), timestampNs);
        replaced.orderId(orderId)
            .price(price)
            .quantity(quantity)
            .instrumentId(instrumentId)
            .accountId(accountId)
            .keptPriority(keptPriority ? BooleanType.TRUE : BooleanType.FALSE);
        writer.commit(replaced);
    }

    @Override
    public void onExpired(
        final long timestampNs, final int instrumentId, final long orderId, final int accountId, final long quantity)
    {
        writer.frame(writer.wrap(expired).frame(), timestampNs);
        expired.orderId(orderId)
            .quantity(quantity)
            .instrumentId(instrumentId)
            .accountId(accountId);
        writer.commit(expired);
    }
}
