package io.tickkeeper.coordinator.election;

/**
 * A local bound on how long the primary may act without hearing from ZooKeeper. A request sent at time
 * {@code s} and answered successfully proves the session was alive at the server after {@code s}, so the
 * ensemble cannot expire it (and let another node win) before {@code s + sessionTimeout}. The lease runs for a
 * fraction of that, leaving room for learner-to-leader propagation of session touches (up to a tick) and for
 * clock-rate differences. A paused process (GC, SIGSTOP) therefore stops acting on its own when it resumes,
 * before any ZooKeeper event reaches it.
 */
final class PrimaryLease
{
    private final long durationNs;
    private long deadlineNs;
    private boolean held;

    /**
     * @param durationNs how long after the sending of a successful request the lease holds.
     */
    PrimaryLease(final long durationNs)
    {
        if (durationNs <= 0)
        {
            throw new IllegalArgumentException("lease duration must be positive: " + durationNs);
        }
        this.durationNs = durationNs;
    }

    /**
     * @param sentNs when the successful request was sent ({@link System#nanoTime()}).
     */
    void renew(final long sentNs)
    {
        final long candidate = sentNs + durationNs;
        if (!held || candidate - deadlineNs > 0)
        {
            deadlineNs = candidate;
        }
        held = true;
    }

    void clear()
    {
        held = false;
    }

    /**
     * @param nowNs the current {@link System#nanoTime()}.
     * @return whether the lease holds at {@code nowNs}.
     */
    boolean validAt(final long nowNs)
    {
        return held && deadlineNs - nowNs > 0;
    }

    /** @return the lease duration in nanoseconds. */
    long durationNs()
    {
        return durationNs;
    }
}
