package io.tickkeeper.matching;

/**
 * One event a matcher emitted, as a plain value: two event streams are equal exactly when the matchers said the
 * same things in the same order. One record per {@link MatchingEventListener} method, with the same arguments.
 */
sealed interface MatchingEvent
    permits MatchingEvent.Accepted, MatchingEvent.Rejected, MatchingEvent.Trade, MatchingEvent.Cancelled,
    MatchingEvent.Replaced, MatchingEvent.Expired
{
    /** @see MatchingEventListener#onAccepted */
    record Accepted(
        long timestampNs, int instrumentId, long orderId, int accountId, long clientOrderId,
        Side side, OrderType type, long price, long quantity) implements MatchingEvent
    {
    }

    /** @see MatchingEventListener#onRejected */
    record Rejected(
        long timestampNs, int instrumentId, long orderId, int accountId, long clientOrderId, ResultCode code)
        implements MatchingEvent
    {
    }

    /** @see MatchingEventListener#onTrade */
    record Trade(
        long timestampNs, int instrumentId, long price, long quantity,
        long takerOrderId, int takerAccountId, Side takerSide, long takerLeavesQuantity,
        long makerOrderId, int makerAccountId, long makerLeavesQuantity) implements MatchingEvent
    {
    }

    /** @see MatchingEventListener#onCancelled */
    record Cancelled(
        long timestampNs, int instrumentId, long orderId, int accountId, long quantity, CancelReason reason)
        implements MatchingEvent
    {
    }

    /** @see MatchingEventListener#onReplaced */
    record Replaced(
        long timestampNs, int instrumentId, long orderId, int accountId, long price, long quantity,
        boolean keptPriority) implements MatchingEvent
    {
    }

    /** @see MatchingEventListener#onExpired */
    record Expired(long timestampNs, int instrumentId, long orderId, int accountId, long quantity)
        implements MatchingEvent
    {
    }
}
