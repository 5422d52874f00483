package io.tickkeeper.node;

import java.util.Locale;

/**
 * Where a {@link ReplicatedNode} stands (docs/replication.md draws the graph). The member znode shows it as
 * {@link #role()}.
 * <pre>
 *   STARTING -&gt; REPLAYING -&gt; CATCHING_UP -&gt; STANDBY -&gt; PRIMARY
 *                   ^               ^-- dropped --+      |
 *                   +----------- FENCED &lt;----------------+   (session SUSPENDED/LOST, or a newer epoch seen)
 *   any state -&gt; CLOSED
 * </pre>
 */
public enum NodeState
{
    /** Connecting to ZooKeeper, registering the member znode. */
    STARTING,
    /** Replaying its own journal (from its newest snapshot) into a fresh engine. */
    REPLAYING,
    /** Asking the primary for every input after its last one and applying them. */
    CATCHING_UP,
    /**
     * Applying the primary's live inputs (or, with no primary, holding its replayed state); may campaign once the
     * in-sync set lists it.
     */
    STANDBY,
    /** Won the election: sequences inputs, serves clients, emits outputs stamped with its epoch. */
    PRIMARY,
    /** No longer primary: emits nothing; rebuilds as a standby. */
    FENCED,
    /** Stopped for good. */
    CLOSED;

    /**
     * @param next a state.
     * @return whether a node in this state may move to {@code next}.
     */
    public boolean canMoveTo(final NodeState next)
    {
        if (next == CLOSED)
        {
            return this != CLOSED;
        }
        switch (this)
        {
            case STARTING:
                return next == REPLAYING;
            case REPLAYING:
                return next == CATCHING_UP || next == STANDBY || next == FENCED;
            case CATCHING_UP:
                return next == STANDBY || next == FENCED || next == REPLAYING;
            case STANDBY:
                return next == PRIMARY || next == CATCHING_UP || next == FENCED || next == REPLAYING;
            case PRIMARY:
                return next == FENCED;
            case FENCED:
                return next == REPLAYING;
            default:
                return false;
        }
    }

    /** @return the lower-case word the member znode shows for this state, e.g. {@code catching-up}. */
    public String role()
    {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @return whether a node in this state may emit outputs and acknowledge clients. */
    public boolean emits()
    {
        return this == PRIMARY;
    }
}
