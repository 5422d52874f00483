package io.tickkeeper.coordinator.election;

/**
 * What a service hears from its {@link PrimaryElection}. Callbacks arrive one at a time, in order, and must
 * return quickly (flip a flag, hand work to the service's own thread): the election waits for them.
 */
public interface PrimaryListener
{
    /**
     * This node is now the primary: the epoch znode holds {@code epoch} and the primary znode names this node.
     * Stamp every output with {@code epoch}; before emitting, check {@link PrimaryElection#fencedEpoch()}.
     *
     * @param epoch the fencing epoch of this term, higher than any earlier primary's.
     */
    void onPrimary(long epoch);

    /**
     * This node campaigns and another node (or, while the shard is between primaries, nobody) is primary. Called
     * when the candidacy starts and whenever the primary znode changes while this node is a follower.
     *
     * @param primaryOrNull the current primary, or {@code null} when there is none.
     */
    void onFollower(PrimaryInfo primaryOrNull);

    /**
     * Stop acting as primary at once: called when this node leaves the primary role for any reason, and when the
     * connection is SUSPENDED or the session LOST (also for a follower, whose view is now stale).
     *
     * @param reason why, for logs.
     */
    void onNotPrimary(String reason);
}
