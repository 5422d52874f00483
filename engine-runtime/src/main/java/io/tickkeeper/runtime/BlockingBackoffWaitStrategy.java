package io.tickkeeper.runtime;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.WaitStrategy;

/**
 * The default wait strategy: it blocks on the lock while the ring is empty (0% CPU when idle) and, unlike the
 * Disruptor's {@code BlockingWaitStrategy}, it does not busy-spin while a gated stage waits for the stages in front
 * of it. The output stage waits for the journaller and the logic almost all the time under load; on a two-core
 * machine a spinning output stage takes a whole core from the stages it waits for. Here it spins briefly, then
 * yields the core, then parks.
 *
 * <p>Publishers signal only when a consumer is blocked (the lite-blocking idea), so a busy pipeline does not take the
 * monitor on every publish. A Java monitor rather than a {@code Condition}: waiting on a monitor allocates nothing,
 * while every {@code Condition.await} allocates a queue node.
 */
final class BlockingBackoffWaitStrategy implements WaitStrategy
{
    static final int SPIN_TRIES = 100;
    static final int YIELD_TRIES = 100;
    static final long PARK_NS = TimeUnit.MICROSECONDS.toNanos(20);

    private final Object mutex = new Object();
    private final AtomicBoolean signalNeeded = new AtomicBoolean(false);

    @Override
    public long waitFor(
        final long sequence, final Sequence cursor, final Sequence dependentSequence, final SequenceBarrier barrier)
        throws AlertException, InterruptedException
    {
        if (cursor.get() < sequence)
        {
            synchronized (mutex)
            {
                while (cursor.get() < sequence)
                {
                    signalNeeded.set(true);
                    if (cursor.get() >= sequence)
                    {
                        break;
                    }
                    barrier.checkAlert();
                    mutex.wait();
                }
            }
        }

        long available;
        int tries = 0;
        while ((available = dependentSequence.get()) < sequence)
        {
            barrier.checkAlert();
            if (tries < SPIN_TRIES)
            {
                Thread.onSpinWait();
            }
            else if (tries < SPIN_TRIES + YIELD_TRIES)
            {
                Thread.yield();
            }
            else
            {
                LockSupport.parkNanos(PARK_NS);
            }
            tries++;
        }
        return available;
    }

    @Override
    public void signalAllWhenBlocking()
    {
        if (signalNeeded.getAndSet(false))
        {
            synchronized (mutex)
            {
                mutex.notifyAll();
            }
        }
    }

    @Override
    public String toString()
    {
        return "BlockingBackoffWaitStrategy{spin=" + SPIN_TRIES + ", yield=" + YIELD_TRIES + ", parkNs=" + PARK_NS + '}';
    }
}
