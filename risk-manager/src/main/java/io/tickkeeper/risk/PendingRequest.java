package io.tickkeeper.risk;

/** The cancel or replace request of an order that matching has not answered yet; at most one at a time. */
enum PendingRequest
{
    /** Nothing pending. */
    NONE,
    /** A client's cancel request. */
    CANCEL,
    /** A client's replace request. */
    REPLACE,
    /** A cancel the engine sent itself (cancel on disconnect); no client waits for it. */
    SYSTEM_CANCEL;

    private static final PendingRequest[] VALUES = values();

    static PendingRequest fromOrdinal(final int ordinal)
    {
        if (ordinal < 0 || ordinal >= VALUES.length)
        {
            throw new IllegalArgumentException("no pending request " + ordinal);
        }
        return VALUES[ordinal];
    }
}
