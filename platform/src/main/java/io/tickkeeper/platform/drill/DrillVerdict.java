package io.tickkeeper.platform.drill;

/**
 * The counters of a failover drill (the local platform drill and the compose drill alike); {@link #line()} is the
 * stable last line both print.
 *
 * @param kills              nodes killed.
 * @param acked              orders the FIX client saw acknowledged.
 * @param lostAcked          acknowledged orders that OrderStatusRequest afterwards said unknown, or never answered.
 * @param duplicateFills     duplicate or excess fills and acknowledgements, plus trade log violations.
 * @param stateHashMismatch  pairs whose journals or state hashes differ.
 * @param staleEpochAccepted journal inputs accepted from an epoch older than one already seen.
 * @param failoverMsP50      median kill-to-serving time.
 * @param failoverMsMax      longest kill-to-serving time.
 */
public record DrillVerdict(long kills, long acked, long lostAcked, long duplicateFills, long stateHashMismatch,
    long staleEpochAccepted, long failoverMsP50, long failoverMsMax)
{
    /** @return {@code drill: kills=N acked=N lost_acked=N ... failover_ms_max=N}. */
    public String line()
    {
        return "drill: kills=" + kills + " acked=" + acked + " lost_acked=" + lostAcked + " duplicate_fills="
            + duplicateFills + " state_hash_mismatch=" + stateHashMismatch + " stale_epoch_accepted="
            + staleEpochAccepted + " failover_ms_p50=" + failoverMsP50 + " failover_ms_max=" + failoverMsMax;
    }

    /** @return whether the four safety counters are 0. */
    public boolean passed()
    {
        return lostAcked == 0 && duplicateFills == 0 && stateHashMismatch == 0 && staleEpochAccepted == 0;
    }
}
