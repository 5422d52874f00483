package io.tickkeeper.risk;

import io.tickkeeper.protocol.sbe.OrdStatus;

/**
 * The lifecycle of a risk order. PENDING_NEW until matching accepts it; NEW and PARTIALLY_FILLED while it is open;
 * FILLED, CANCELED, EXPIRED and REJECTED are final. {@link #next} is the only transition.
 */
public enum RiskOrderState
{
    /** Passed the checks, forwarded, not yet accepted by matching. */
    PENDING_NEW(OrdStatus.PENDING_NEW),
    /** Accepted by matching, nothing filled. */
    NEW(OrdStatus.NEW),
    /** Accepted, partly filled. */
    PARTIALLY_FILLED(OrdStatus.PARTIALLY_FILLED),
    /** Completely filled. */
    FILLED(OrdStatus.FILLED),
    /** Cancelled (by the client, on disconnect, or by self-trade prevention). */
    CANCELED(OrdStatus.CANCELED),
    /** Its rest expired (IOC, FOK, market, end of day). */
    EXPIRED(OrdStatus.EXPIRED),
    /** Matching refused it. */
    REJECTED(OrdStatus.REJECTED);

    private static final RiskOrderState[] VALUES = values();

    private final OrdStatus ordStatus;

    RiskOrderState(final OrdStatus ordStatus)
    {
        this.ordStatus = ordStatus;
    }

    /** @return the FIX OrdStatus of the state. */
    public OrdStatus ordStatus()
    {
        return ordStatus;
    }

    /** @return whether the order is finished: nothing more happens to it. */
    public boolean isFinal()
    {
        return this == FILLED || this == CANCELED || this == EXPIRED || this == REJECTED;
    }

    /**
     * The one transition: checks that the order may go from this state to {@code to}.
     *
     * @param to the next state.
     * @return {@code to}.
     * @throws IllegalStateException when the move is not allowed (a final state never changes; only a pending
     *                               order is accepted or rejected; an order is filled only once accepted).
     */
    public RiskOrderState next(final RiskOrderState to)
    {
        final boolean allowed = switch (to)
        {
            case PENDING_NEW -> false;
            case NEW, REJECTED -> this == PENDING_NEW;
            case PARTIALLY_FILLED, FILLED -> this == NEW || this == PARTIALLY_FILLED;
            case CANCELED, EXPIRED -> !isFinal();
        };
        if (!allowed)
        {
            throw new IllegalStateException("a risk order does not go from " + this + " to " + to);
        }
        return to;
    }

    static RiskOrderState fromOrdinal(final int ordinal)
    {
        if (ordinal < 0 || ordinal >= VALUES.length)
        {
            throw new IllegalArgumentException("no risk order state " + ordinal);
        }
        return VALUES[ordinal];
    }
}
