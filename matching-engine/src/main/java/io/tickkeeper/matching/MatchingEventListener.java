package io.tickkeeper.matching;

/**
 * Receives everything the matching engine emits, in order, while it handles a command. All arguments are
 * primitives or enum constants so that emitting allocates nothing. Implementations must not call back into
 * the engine.
 *
 * <p>Per command the order of events is: {@code onAccepted} (or {@code onReplaced}), then any
 * {@code onTrade}s in price-time order (each may be followed by an STP {@code onCancelled} of a resting order),
 * then at most one final event for the incoming order: {@code onCancelled} (STP) or {@code onExpired}.
 * A rejected command emits only {@code onRejected}.
 */
public interface MatchingEventListener
{
    /**
     * A new order passed validation and got its engine-assigned id.
     */
    void onAccepted(
        long timestampNs, int instrumentId, long orderId, int accountId, long clientOrderId,
        Side side, OrderType type, long price, long quantity);

    /**
     * A command was refused; nothing changed. For a new order {@code orderId} is 0 and {@code clientOrderId} is
     * the client's; for a cancel or replace {@code orderId} is the target and {@code clientOrderId} is 0.
     */
    void onRejected(
        long timestampNs, int instrumentId, long orderId, int accountId, long clientOrderId, ResultCode code);

    /**
     * A trade between an incoming order (taker) and a resting one (maker), at the maker's price.
     *
     * @param takerLeavesQuantity what is left of the taker after this trade.
     * @param makerLeavesQuantity what is left of the maker after this trade (0 means it left the book).
     */
    void onTrade(
        long timestampNs, int instrumentId, long price, long quantity,
        long takerOrderId, int takerAccountId, Side takerSide, long takerLeavesQuantity,
        long makerOrderId, int makerAccountId, long makerLeavesQuantity);

    /** An order, resting or incoming, was cancelled; {@code quantity} is what it still had open. */
    void onCancelled(
        long timestampNs, int instrumentId, long orderId, int accountId, long quantity, CancelReason reason);

    /** A resting order was changed by a replace: its new price and new open quantity. */
    void onReplaced(
        long timestampNs, int instrumentId, long orderId, int accountId, long price, long quantity,
        boolean keptPriority);

    /** An order's unfilled rest expired (IOC, FOK, market remainder, or a DAY order at end of day). */
    void onExpired(long timestampNs, int instrumentId, long orderId, int accountId, long quantity);
}
