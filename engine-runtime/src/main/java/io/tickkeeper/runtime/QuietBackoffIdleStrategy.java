package io.tickkeeper.runtime;

import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.SystemNanoClock;

/**
 * Backs off in two stages: while the thread found work within the last {@code quietNs} it backs off like a
 * {@link BackoffIdleStrategy} (spin, yield, then park from {@code minParkNs} doubling to {@code activeMaxParkNs});
 * once it has found nothing for {@code quietNs} it parks {@code quietParkNs} every idle cycle.
 * <p>
 * Why two stages: a plain back-off to a long park slows request/response exchanges down. Each hop of an exchange
 * (driver, poller, acknowledging standby) is idle while the others work, and with a doubling back-off it oversleeps
 * by up to the time it has already waited, so a round trip of a few milliseconds on a loaded machine grows by a long
 * park at every hop (a replicated input waiting for its acknowledgement: ten times slower with a 10 ms cap). With
 * the active stage capped as before, only a thread that has really been quiet pays the long park on its next message.
 * <p>
 * Not thread-safe: one per polling thread.
 */
public final class QuietBackoffIdleStrategy implements IdleStrategy
{
    private final BackoffIdleStrategy active;
    private final long quietNs;
    private final long quietParkNs;
    private final NanoClock clock;
    private final LongConsumer parker;
    private long idleSinceNs;
    private boolean idling;

    /**
     * @param spins           spins after the last work before yielding.
     * @param yields          yields before parking.
     * @param minParkNs       the first park.
     * @param activeMaxParkNs the longest park while recently active.
     * @param quietNs         the time without work after which the thread counts as quiet.
     * @param quietParkNs     the park of every idle cycle once quiet.
     */
    public QuietBackoffIdleStrategy(final long spins, final long yields, final long minParkNs,
        final long activeMaxParkNs, final long quietNs, final long quietParkNs)
    {
        this(spins, yields, minParkNs, activeMaxParkNs, quietNs, quietParkNs, new SystemNanoClock(),
            LockSupport::parkNanos);
    }

    QuietBackoffIdleStrategy(final long spins, final long yields, final long minParkNs, final long activeMaxParkNs,
        final long quietNs, final long quietParkNs, final NanoClock clock, final LongConsumer parker)
    {
        if (activeMaxParkNs < minParkNs || quietParkNs < activeMaxParkNs || quietNs < 0)
        {
            throw new IllegalArgumentException("need minParkNs <= activeMaxParkNs <= quietParkNs and quietNs >= 0: "
                + minParkNs + ", " + activeMaxParkNs + ", " + quietParkNs + ", " + quietNs);
        }
        this.active = new BackoffIdleStrategy(spins, yields, minParkNs, activeMaxParkNs);
        this.quietNs = quietNs;
        this.quietParkNs = quietParkNs;
        this.clock = clock;
        this.parker = parker;
    }

    @Override
    public void idle(final int workCount)
    {
        if (workCount > 0)
        {
            reset();
        }
        else
        {
            idle();
        }
    }

    @Override
    public void idle()
    {
        final long nowNs = clock.nanoTime();
        if (!idling)
        {
            idling = true;
            idleSinceNs = nowNs;
        }
        if (nowNs - idleSinceNs >= quietNs)
        {
            parker.accept(quietParkNs);
        }
        else
        {
            active.idle();
        }
    }

    @Override
    public void reset()
    {
        idling = false;
        active.reset();
    }

    @Override
    public String alias()
    {
        return "quiet-backoff";
    }

    @Override
    public String toString()
    {
        return "QuietBackoffIdleStrategy{active=" + active + ", quietNs=" + quietNs + ", quietParkNs=" + quietParkNs
            + "}";
    }
}
