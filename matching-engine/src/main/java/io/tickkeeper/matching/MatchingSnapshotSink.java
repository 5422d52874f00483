package io.tickkeeper.matching;

/**
 * Receives the whole state of a {@link MatchingEngine}, in the canonical order of docs/matching.md ("State
 * hash"): {@link #onEngineState} once, then for each instrument in ascending id {@link #onInstrumentState}
 * followed by {@link #onOrder} for each of its open orders, BUY side then SELL side, levels best first, orders
 * oldest first. A snapshot writer implements it to save the state; {@link MatchingEngine#restorer()} implements it
 * to load a saved state into a new engine. All arguments are primitives or enum constants.
 */
public interface MatchingSnapshotSink
{
    /**
     * The engine-wide state; always first.
     *
     * @param nextOrderId the id the next accepted order will get.
     */
    void onEngineState(long nextOrderId);

    /**
     * One instrument's state; its open orders follow.
     *
     * @param instrumentId   the instrument.
     * @param referencePrice its current reference price for price bands.
     */
    void onInstrumentState(int instrumentId, long referencePrice);

    /**
     * One open order of the instrument named by the last {@link #onInstrumentState}.
     *
     * @param openQuantity what the order still has open.
     * @param timestampNs  the timestamp its time priority comes from.
     */
    void onOrder(
        int instrumentId, long orderId, int accountId, long clientOrderId, Side side, OrderType type,
        StpMode stpMode, long price, long openQuantity, long timestampNs);
}
