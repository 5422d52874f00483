package io.tickkeeper.bench;

import io.tickkeeper.matching.CancelReason;
import io.tickkeeper.matching.MatchingEventListener;
import io.tickkeeper.matching.OrderType;
import io.tickkeeper.matching.ResultCode;
import io.tickkeeper.matching.Side;

/** Counts events without allocating, so the raw-book benchmark measures the book and nothing else. */
final class CountingListener implements MatchingEventListener
{
    long events;
    long trades;
    long rejects;

    @Override
    public void onAccepted(
        final long timestampNs, final int instrumentId, final long orderId, final int accountId,
        final long clientOrderId, final Side side, final OrderType type, final long price, final long quantity)
    {
        events++;
    }

    @Override
    public void onRejected(
        final long timestampNs, final int instrumentId, final long orderId, final int accountId,
        final long clientOrderId, final ResultCode code)
    {
        events++;
        rejects++;
    }

    @Override
    public void onTrade(
        final long timestampNs, final int instrumentId, final long price, final long quantity,
        final long takerOrderId, final int takerAccountId, final Side takerSide, final long takerLeavesQuantity,
        final long makerOrderId, final int makerAccountId, final long makerLeavesQuantity)
    {
        events++;
        trades++;
    }

    @Override
    public void onCancelled(
        final long timestampNs, final int instrumentId, final long orderId, final int accountId, final long quantity,
        final CancelReason reason)
    {
        events++;
    }

    @Override
    public void onReplaced(
        final long timestampNs, final int instrumentId, final long orderId, final int accountId, final long price,
        final long quantity, final boolean keptPriority)
    {
        events++;
    }

    @Override
    public void onExpired(
        final long timestampNs, final int instrumentId, final long orderId, final int accountId, final long quantity)
    {
        events++;
    }
}
