package io.tickkeeper.strategy;

/** Where an open order of a strategy is in its life, as far as the strategy engine knows. */
public enum OrderState
{
    /** Sent; the risk manager has not acknowledged it yet. */
    PENDING_NEW,
    /** Acknowledged and working (possibly partly filled). */
    LIVE,
    /** A cancel request is unanswered. */
    PENDING_CANCEL,
    /** A replace request is unanswered. */
    PENDING_REPLACE
}
