package io.tickkeeper.runtime;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the pipeline's stage threads (daemons, named after the pipeline) and waits for them to end. */
final class StageThreads implements ThreadFactory
{
    private static final Logger LOG = LoggerFactory.getLogger(StageThreads.class);

    private final String name;
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    StageThreads(final String name)
    {
        this.name = name;
    }

    @Override
    public Thread newThread(final Runnable runnable)
    {
        final Thread thread = new Thread(runnable, name + "-stage-" + threads.size());
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler((failed, ex) -> LOG.debug("{} ended: {}", failed.getName(), ex.toString()));
        threads.add(thread);
        return thread;
    }

    /**
     * Waits for every thread to end.
     *
     * @return false when one was still alive when the time ran out (or the wait was interrupted).
     */
    boolean join(final long timeoutNs)
    {
        final long deadlineNs = System.nanoTime() + timeoutNs;
        for (final Thread thread : threads)
        {
            final long remainingNs = deadlineNs - System.nanoTime();
            if (remainingNs <= 0)
            {
                return !thread.isAlive();
            }
            try
            {
                TimeUnit.NANOSECONDS.timedJoin(thread, remainingNs);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                return false;
            }
            if (thread.isAlive())
            {
                return false;
            }
        }
        return true;
    }
}
