package io.tickkeeper.matching;

/** Why an open order (or the rest of an incoming one) was cancelled. */
public enum CancelReason
{
    /** The owner asked for it. */
    USER,
    /** Self-trade prevention removed it. */
    SELF_TRADE_PREVENTION
}
