package io.tickkeeper.matching;

/**
 * Order types and their time in force. See docs/matching.md for the exact semantics of each.
 */
public enum OrderType
{
    /** Limit order that rests until cancelled. */
    LIMIT_GTC(true, true),
    /** Limit order that rests until cancelled or until the end-of-day command expires it. */
    LIMIT_DAY(true, true),
    /** Trades at any price against resting liquidity; the remainder expires. Price must be 0. */
    MARKET(false, false),
    /** Limit order that trades what it can at once; the remainder expires. */
    IOC(true, false),
    /** Limit order that trades its whole quantity at once or nothing (then it expires whole). */
    FOK(true, false),
    /** Limit order (GTC) that is rejected if it would trade on arrival; it only ever adds liquidity. */
    POST_ONLY(true, true);

    private final boolean priced;
    private final boolean rests;

    OrderType(final boolean priced, final boolean rests)
    {
        this.priced = priced;
        this.rests = rests;
    }

    /** @return true when the order carries a limit price. */
    public boolean isPriced()
    {
        return priced;
    }

    /** @return true when an unfilled remainder rests on the book. */
    public boolean rests()
    {
        return rests;
    }
}
