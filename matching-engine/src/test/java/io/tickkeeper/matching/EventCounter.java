package io.tickkeeper.matching;

/** A listener that only counts events, in primitive fields, so that it never allocates. */
final class EventCounter implements MatchingEventListener
{
    long accepted;
    long rejected;
    long trades;
    long tradedQuantity;
    long userCancels;
    long stpCancels;
    long replacedKeepingPriority;
    long replacedLosingPriority;
    long expired;
    long checksum;

    @Override
    public void onAccepted(
        final long timestampNs, final int instrumentId, final long orderId, final int accountId,
        final long clientOrderId, final Side side, final OrderType type, final long price, final long quantity)
    {
        accepted++;
        checksum = checksum * 31 + orderId;
    }

    @Override
    public void onRejected(
        final long timestampNs, final int instrumentId, final long orderId, final int accountId,
        final long clientOrderId, final ResultCode code)
    {
        rejected++;
        checksum = checksum * 31 + code.code();
    }

    @Override
    public void onTrade(
        final long timestampNs, final int instrumentId, final long price, final long quantity,
        final long takerOrderId, final int takerAccountId, final Side takerSide, final long takerLeavesQuantity,
        final long makerOrderId, final int makerAccountId, final long makerLeavesQuantity)
    {
        trades++;
        tradedQuantity += quantity;
        checksum = checksum * 31 + price * 17 + makerOrderId;
    }

    @Override
    public void onCancelled(
        final long timestampNs, final int instrumentId, final long orderId, final int accountId, final long quantity,
        final CancelReason reason)
    {
        if (reason == CancelReason.USER)
        {
            userCancels++;
        }
        else
        {
            stpCancels++;
        }
        checksum = checksum * 31 + orderId;
    }

    @Override
    public void onReplaced(
        final long timestampNs, final int instrumentId, final long orderId, final int accountId, final long price,
        final long quantity, final boolean keptPriority)
    {
        if (keptPriority)
        {
            replacedKeepingPriority++;
        }
        else
        {
            replacedLosingPriority++;
        }
        checksum = checksum * 31 + price;
    }

    @Override
    public void onExpired(
        final long timestampNs, final int instrumentId, final long orderId, final int accountId, final long quantity)
    {
        expired++;
        checksum = checksum * 31 + quantity;
    }
}
