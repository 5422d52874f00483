package io.tickkeeper.runtime;

import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.LiteBlockingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;

/**
 * How the pipeline's stage threads wait for inputs. Ten engine processes share a small machine, so the default
 * blocks and costs nothing while idle; spinning strategies trade a whole core per stage for lower latency.
 * Disruptor's sleeping strategy is left out on purpose: it idles at about 60% of a core per ring.
 */
public enum WaitStrategyType
{
    /**
     * Lock and condition while the ring is empty (idle threads sleep in the kernel); a stage waiting for the stages
     * in front of it spins briefly, yields, then parks instead of spinning. The default.
     */
    BLOCKING,
    /** Like {@link #BLOCKING} but skips the wake-up signal when nobody waits; Disruptor calls it experimental. */
    LITE_BLOCKING,
    /** Spins, then yields the core: low latency, a core per stage even when idle. */
    YIELDING,
    /** Spins without ever giving the core up: lowest latency, a core per stage always. */
    BUSY_SPIN;

    /** The strategy used unless configured otherwise. */
    public static final WaitStrategyType DEFAULT = BLOCKING;

    WaitStrategy newWaitStrategy()
    {
        switch (this)
        {
            case BLOCKING:
                return new BlockingBackoffWaitStrategy();
            case LITE_BLOCKING:
                return new LiteBlockingWaitStrategy();
            case YIELDING:
                return new YieldingWaitStrategy();
            case BUSY_SPIN:
                return new BusySpinWaitStrategy();
            default:
                throw new IllegalStateException("unknown wait strategy " + this);
        }
    }
}
