package io.tickkeeper.matching;

/**
 * Self-trade prevention: what happens when an incoming (taker) order would trade with a resting order of
 * the same account. The taker's mode decides. The default is {@link #CANCEL_NEWEST}; see docs/matching.md.
 */
public enum StpMode
{
    /** Self trades are allowed. */
    NONE,
    /** Cancel the rest of the incoming order; the resting order keeps its place. The default. */
    CANCEL_NEWEST,
    /** Cancel the resting order and continue matching the incoming one. */
    CANCEL_OLDEST,
    /** Cancel both the resting order and the rest of the incoming one. */
    CANCEL_BOTH;

    /** The mode used when a client does not choose one. */
    public static final StpMode DEFAULT = CANCEL_NEWEST;
}
