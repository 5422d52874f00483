package io.tickkeeper.coordinator.zk;

/**
 * What one ZooKeeper server is doing, as its {@code srvr} command reports it.
 */
public enum ServerMode
{
    /** Leads the quorum. */
    LEADER,
    /** Follows the leader. */
    FOLLOWER,
    /** Serves reads without voting. */
    OBSERVER,
    /** Runs alone, without a quorum. */
    STANDALONE,
    /** Running but not serving requests (looking for a leader, or catching up). */
    NOT_SERVING,
    /** No answer on its client port. */
    DOWN;

    /**
     * @param srvrMode the value of the {@code Mode:} line of {@code srvr}.
     * @return the matching mode.
     */
    static ServerMode parse(final String srvrMode)
    {
        switch (srvrMode.trim().toLowerCase(java.util.Locale.ROOT))
        {
            case "leader":
                return LEADER;
            case "follower":
                return FOLLOWER;
            case "observer":
                return OBSERVER;
            case "standalone":
                return STANDALONE;
            default:
                return NOT_SERVING;
        }
    }

    /** @return whether the server answers client requests. */
    public boolean serving()
    {
        return this == LEADER || this == FOLLOWER || this == OBSERVER || this == STANDALONE;
    }
}
