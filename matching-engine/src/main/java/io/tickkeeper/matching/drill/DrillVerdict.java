package io.tickkeeper.matching.drill;

/**
 * The drill's counters, each computed by its checks, and the one line the drill ends with.
 *
 * @param kills              SIGKILLs of the primary.
 * @param acked              orders the clients saw accepted.
 * @param lostAcked          accepted orders the final state does not hold exactly once under the acknowledged id.
 * @param duplicateFills     trades of a second copy of one client order, or trades that overfill an order.
 * @param stateHashMismatch  differences between the two nodes' journals or final state hashes.
 * @param staleEpochAccepted inputs journalled after an input of a higher epoch, and acknowledgements a client took
 *                           from an epoch older than one it had already seen.
 * @param failoverMsP50      median failover time, kill to first acknowledgement from the new primary.
 * @param failoverMsMax      longest failover time.
 */
record DrillVerdict(
    long kills,
    long acked,
    long lostAcked,
    long duplicateFills,
    long stateHashMismatch,
    long staleEpochAccepted,
    long failoverMsP50,
    long failoverMsMax)
{
    /** @return whether the four safety counters are all 0. */
    boolean passed()
    {
        return lostAcked == 0 && duplicateFills == 0 && stateHashMismatch == 0 && staleEpochAccepted == 0;
    }

    /** @return the drill's last line. */
    String line()
    {
        return "drill: kills=" + kills + " acked=" + acked + " lost_acked=" + lostAcked + " duplicate_fills="
            + duplicateFills + " state_hash_mismatch=" + stateHashMismatch + " stale_epoch_accepted="
            + staleEpochAccepted + " failover_ms_p50=" + failoverMsP50 + " failover_ms_max=" + failoverMsMax;
    }
}
