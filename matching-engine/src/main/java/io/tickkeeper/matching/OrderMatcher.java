package io.tickkeeper.matching;

/**
 * The matching engine's business interface: a deterministic state machine over the books of one shard.
 * Every command carries its own timestamp; implementations never read a clock and never use randomness,
 * so the same commands always give the same events and the same {@link #stateHash()}.
 * Events go to the listener the implementation was built with. The semantics are in docs/matching.md.
 */
public interface OrderMatcher
{
    /** Enter a new order. For {@link OrderType#MARKET} the price must be 0. */
    void newOrder(
        long timestampNs, int instrumentId, int accountId, long clientOrderId,
        Side side, OrderType type, long price, long quantity, StpMode stpMode);

    /** Cancel an open order of the account. */
    void cancel(long timestampNs, int instrumentId, int accountId, long orderId);

    /**
     * Replace an open order's price and open quantity. A lower quantity at the same price keeps time priority;
     * a price change or a higher quantity loses it, and a new price may trade at once.
     */
    void replace(long timestampNs, int instrumentId, int accountId, long orderId, long newPrice, long newQuantity);

    /** Set the reference price that price bands are measured from. Unknown instruments are ignored. */
    void setReferencePrice(long timestampNs, int instrumentId, long referencePrice);

    /** Expire every open DAY order of every instrument. */
    void endOfDay(long timestampNs);

    /** @return a read-only view of an instrument's book, or null when the instrument is unknown. */
    BookView book(int instrumentId);

    /** @return a hash of the whole state: every open order in priority order, reference prices, id counter. */
    long stateHash();
}
