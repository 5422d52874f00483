package io.tickkeeper.coordinator.zk;

import java.util.function.BooleanSupplier;

/**
 * Waits for a condition that another thread or process makes true, up to a deadline; for system tests only.
 */
public final class Await
{
    private static final long POLL_MS = 5;

    private Await()
    {
    }

    /**
     * @param condition what to wait for.
     * @param timeoutMs how long at most.
     * @param what      described in the failure message.
     * @throws InterruptedException when interrupted.
     * @throws AssertionError when the condition did not hold in time.
     */
    public static void until(final BooleanSupplier condition, final long timeoutMs, final String what)
        throws InterruptedException
    {
        final long deadlineNs = System.nanoTime() + timeoutMs * 1_000_000L;
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() - deadlineNs > 0)
            {
                throw new AssertionError("timed out after " + timeoutMs + " ms waiting for " + what);
            }
            Thread.sleep(POLL_MS);
        }
    }
}
