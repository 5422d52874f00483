package io.tickkeeper.coordinator.lock;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What a single-writer resource (a trade log, a published feed) uses to refuse writes from a writer that has
 * lost its {@link FencedLock}: every write carries its writer's fencing token, and a token older than the newest
 * one seen is refused. The resource must admit and apply a write under its own mutual exclusion (one writer
 * thread, or a lock around both), and a resource that outlives its process must persist
 * {@link #highestSeen()} with its data and pass it back in at restart.
 */
public final class FencingGuard
{
    private final AtomicLong highest;

    /** A guard that has seen no token yet (tokens start at 1). */
    public FencingGuard()
    {
        this(0L);
    }

    /**
     * @param highestSeen the newest token the resource had admitted before (e.g. read back from its own data).
     */
    public FencingGuard(final long highestSeen)
    {
        if (highestSeen < 0L)
        {
            throw new IllegalArgumentException("highestSeen must not be negative, got " + highestSeen);
        }
        this.highest = new AtomicLong(highestSeen);
    }

    /**
     * @param token the fencing token a write carries.
     * @return true when the write may proceed (its token is the newest seen, or newer, which then becomes the
     *         newest); false when a newer holder has already written and this write must be refused.
     */
    public boolean admit(final long token)
    {
        if (token < 1L)
        {
            throw new IllegalArgumentException("fencing tokens start at 1, got " + token);
        }
        while (true)
        {
            final long current = highest.get();
            if (token < current)
            {
                return false;
            }
            if (token == current || highest.compareAndSet(current, token))
            {
                return true;
            }
        }
    }

    /** @return the newest token admitted so far. */
    public long highestSeen()
    {
        return highest.get();
    }
}
