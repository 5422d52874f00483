package io.tickkeeper.node.edge;

/**
 * Whether this node serves clients, and under which epoch: set by the node as it becomes primary or stops being
 * it, read by {@link CommandIngress} (which sequences commands only while primary and refuses them with
 * NOT_PRIMARY otherwise) and by {@link ResponsePublisher} (which sends responses only while primary). Thread-safe.
 */
public final class EdgeRole
{
    /** The epoch reported while the node is not primary. */
    public static final long NOT_PRIMARY = 0;

    private volatile long primaryEpoch = NOT_PRIMARY;
    private volatile long lastEpoch;

    /**
     * The node is primary now.
     *
     * @param epoch its fencing epoch; positive.
     */
    public void becomePrimary(final long epoch)
    {
        if (epoch <= 0)
        {
            throw new IllegalArgumentException("epoch must be positive: " + epoch);
        }
        lastEpoch = epoch;
        primaryEpoch = epoch;
    }

    /** The node is not primary (standby, fenced, catching up, closing). */
    public void becomeStandby()
    {
        primaryEpoch = NOT_PRIMARY;
    }

    /** @return whether the node is primary. */
    public boolean isPrimary()
    {
        return primaryEpoch != NOT_PRIMARY;
    }

    /** @return the epoch while primary, else {@link #NOT_PRIMARY}. */
    public long primaryEpoch()
    {
        return primaryEpoch;
    }

    /** @return the newest epoch this node was primary in (0 if never): what its refusals are stamped with. */
    public long lastEpoch()
    {
        return lastEpoch;
    }
}
