package io.tickkeeper.coordinator.election;

/**
 * Where a {@link PrimaryElection} stands. Only {@link #PRIMARY} may act as primary, and only while its lease
 * holds ({@link PrimaryElection#fencedEpoch()}).
 */
public enum ElectionState
{
    /** Not started. */
    LATENT,
    /** In the latch queue; another node or nobody is primary. */
    CANDIDATE,
    /** Won the latch; verifying ownership, bumping the epoch and publishing the primary znode. */
    PROMOTING,
    /** The primary of its shard for the current epoch. */
    PRIMARY,
    /**
     * Connection SUSPENDED or session LOST: not primary. On RECONNECTED it campaigns again: with the same latch
     * node when the session survived, with a fresh latch after a lost session.
     */
    DISCONNECTED,
    /** Closed; the latch and the primary znode are gone. */
    CLOSED
}
