package io.tickkeeper.runtime.replication;

/**
 * Told by the {@link Replicator} when its standby joins or leaves the in-sync set, and when a standby reports a
 * newer epoch than the primary's own (the primary has been fenced). Called on the replicator's threads: be quick,
 * do not block, do not call back into the replicator.
 */
public interface ReplicatorListener
{
    /**
     * The standby acknowledged the live sequence: add it to the in-sync set.
     *
     * @param replicaSessionId the standby's session.
     * @param sequence         the sequence it acknowledged.
     */
    void onStandbyInSync(long replicaSessionId, long sequence);

    /**
     * The in-sync standby was dropped: remove it from the in-sync set.
     *
     * @param replicaSessionId the standby's session.
     * @param reason           why, for the log.
     */
    void onStandbyOutOfSync(long replicaSessionId, String reason);

    /**
     * A standby knows an epoch newer than the primary's: another node has been elected. The primary should step
     * down.
     *
     * @param epoch the newer epoch.
     */
    default void onNewerEpochSeen(final long epoch)
    {
    }
}
