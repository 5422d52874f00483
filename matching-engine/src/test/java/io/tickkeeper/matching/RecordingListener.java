package io.tickkeeper.matching;

import java.util.ArrayList;
import java.util.List;

/**
 * A listener that keeps every event as a {@link MatchingEvent} value, in order, until it is drained.
 */
final class RecordingListener implements MatchingEventListener
{
    private final List<MatchingEvent> events = new ArrayList<>();

    /** @return the events recorded since the last drain, oldest first; the recording is then empty. */
    List<MatchingEvent> drain()
    {
        final List<MatchingEvent> drained = List.copyOf(events);
        events.clear();
        return drained;
    }

    @Override
    public void onAccepted(
        final long timestampNs, final int instrumentId, final long orderId, final int accountId,
        final long clientOrderId, final Side side, final OrderType type, final long price, final long quantity)
    {
        events.add(new MatchingEvent.Accepted(
            timestampNs, instrumentId, orderId, accountId, clientOrderId, side, type, price, quantity));
    }

    @Override
    public void onRejected(
        final long timestampNs, final int instrumentId, final long orderId, final int accountId,
        final long clientOrderId, final ResultCode code)
    {
        events.add(new MatchingEvent.Rejected(timestampNs, instrumentId, orderId, accountId, clientOrderId, code));
    }

    @Override
    public void onTrade(
        final long timestampNs, final int instrumentId, final long price, final long quantity,
        final long takerOrderId, final int takerAccountId, final Side takerSide, final long takerLeavesQuantity,
        final long makerOrderId, final int makerAccountId, final long makerLeavesQuantity)
    {
        events.add(new MatchingEvent.Trade(
            timestampNs, instrumentId, price, quantity, takerOrderId, takerAccountId, takerSide, takerLeavesQuantity,
            makerOrderId, makerAccountId, makerLeavesQuantity));
    }

    @Override
    public void onCancelled(
        final long timestampNs, final int instrumentId, final long orderId, final int accountId, final long quantity,
        final CancelReason reason)
    {
        events.add(new MatchingEvent.Cancelled(timestampNs, instrumentId, orderId, accountId, quantity, reason));
    }

    @Override
    public void onReplaced(
        final long timestampNs, final int instrumentId, final long orderId, final int accountId, final long price,
        final long quantity, final boolean keptPriority)
    {
        events.add(new MatchingEvent.Replaced(
            timestampNs, instrumentId, orderId, accountId, price, quantity, keptPriority));
    }

    @Override
    public void onExpired(
        final long timestampNs, final int instrumentId, final long orderId, final int accountId, final long quantity)
    {
        events.add(new MatchingEvent.Expired(timestampNs, instrumentId, orderId, accountId, quantity));
    }
}
