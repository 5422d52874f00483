package io.tickkeeper.matching.drill;

/**
 * One fault the drill injected into the primary, and how the shard recovered.
 *
 * @param number       1-based, in the order of the drill.
 * @param fault        {@code SIGKILL} or {@code SIGSTOP}.
 * @param victim       the node that was primary.
 * @param oldEpoch     its epoch.
 * @param newPrimary   the node that acknowledged first afterwards.
 * @param newEpoch     the epoch of that acknowledgement.
 * @param electedMs    fault to the drill seeing a primary znode of a higher epoch.
 * @param failoverMs   fault to first acknowledgement from the new primary.
 * @param rejoinMs     fault to the victim back in the in-sync set.
 */
record Failover(
    int number, String fault, String victim, long oldEpoch, String newPrimary, long newEpoch, long electedMs,
    long failoverMs, long rejoinMs)
{
}
