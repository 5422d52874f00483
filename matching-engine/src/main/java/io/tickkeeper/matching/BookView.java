package io.tickkeeper.matching;

/**
 * A read-only view of one instrument's book, for market data, tools and tests. Reading never changes state
 * and never allocates.
 */
public interface BookView
{
    /** Returned for the best price of an empty side. */
    long NO_PRICE = Long.MIN_VALUE;

    /** @return the instrument this view shows. */
    int instrumentId();

    /** @return the current reference price used for price bands. */
    long referencePrice();

    /** @return the highest bid price, or {@link #NO_PRICE}. */
    long bestBid();

    /** @return the lowest ask price, or {@link #NO_PRICE}. */
    long bestAsk();

    /** @return the total open quantity at a price on a side (0 when there is no level). */
    long quantityAt(Side side, long price);

    /** @return the number of open orders at a price on a side. */
    int orderCountAt(Side side, long price);

    /** @return the number of price levels on a side. */
    int levelCount(Side side);

    /**
     * Copies up to {@code prices.length} levels of one side, best first, into the arrays.
     *
     * @return how many levels were copied.
     */
    int depth(Side side, long[] prices, long[] quantities, int[] orderCounts);
}
