package io.tickkeeper.runtime;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

/**
 * How every polling thread of a process waits when it finds no work: the Aeron pollers (ingress, service clients,
 * replication, feed relays, gateways) and the media driver's agent. The ONE place where idle latency is traded for
 * idle CPU; nothing else in the platform picks a park time.
 * <p>
 * A poller that finds work polls again at once; after a miss it spins, yields, then parks from 1 µs, doubling each
 * miss, up to 1 ms; {@link #LOW_CPU} then parks {@link #maxParkNs()} per cycle once the thread has found nothing for
 * {@value #QUIET_MS} ms ({@link QuietBackoffIdleStrategy}). Under load a poller never reaches the longest park; at
 * rest it wakes up {@code 1 s / maxParkNs} times a second, which is what idle CPU is made of (a wake-up of a parked
 * JVM thread costs about 15 µs of CPU). The first message after a quiet spell waits up to {@link #maxParkNs()} at
 * every parked hop.
 * <p>
 * The profile of a process is chosen once, by the system property {@value #PROPERTY} or, when that is unset or blank,
 * the environment variable {@value #ENV} (launchers pass the variable on to their children), and is
 * {@link #LOW_CPU} when neither is set. Names are case-insensitive, with '-' or '_': {@code low-cpu},
 * {@code low-latency}, {@code busy-spin}. docs/aeron.md has the measurements.
 */
public enum IdleProfile
{
    /**
     * The default, for machines shared by many processes (the sandbox, the drill, CI, laptops): back off to a park of
     * 1 ms as {@link #LOW_LATENCY} does, then, after {@value #QUIET_MS} ms without work, park 10 ms per cycle. About
     * 100 wake-ups a second per quiet poller; request/response exchanges in progress keep the 1 ms bound.
     */
    LOW_CPU(10, 10, TimeUnit.MICROSECONDS.toNanos(1), TimeUnit.MILLISECONDS.toNanos(10)),
    /**
     * Opt-in for latency benchmarks and production hosts with cores to spare: longer spinning, and a park of at most
     * 1 ms (the platform's setting before the profiles, which the recorded benchmark results used). About 1,000
     * wake-ups a second per idle poller.
     */
    LOW_LATENCY(100, 10, TimeUnit.MICROSECONDS.toNanos(1), TimeUnit.MILLISECONDS.toNanos(1)),
    /**
     * Never gives the core up: a whole core per poller and per media driver, always. Only for hosts with an isolated
     * core for every polling thread; on a shared machine it starves everything else.
     */
    BUSY_SPIN(0, 0, 0, 0);

    /** System property naming the profile; wins over {@value #ENV}. */
    public static final String PROPERTY = "tickkeeper.idle";

    /** Environment variable naming the profile. */
    public static final String ENV = "TICKKEEPER_IDLE";

    /** The profile of a process in which neither {@value #PROPERTY} nor {@value #ENV} is set. */
    public static final IdleProfile DEFAULT = LOW_CPU;

    /** How long a {@link #LOW_CPU} poller finds no work before it parks its longest park. */
    public static final long QUIET_MS = 10;

    private static final long ACTIVE_MAX_PARK_NS = TimeUnit.MILLISECONDS.toNanos(1);

    private final long spins;
    private final long yields;
    private final long minParkNs;
    private final long maxParkNs;

    IdleProfile(final long spins, final long yields, final long minParkNs, final long maxParkNs)
    {
        this.spins = spins;
        this.yields = yields;
        this.minParkNs = minParkNs;
        this.maxParkNs = maxParkNs;
    }

    /**
     * The profile of this process, read from {@value #PROPERTY} / {@value #ENV} on first use and fixed from then on.
     *
     * @return the profile.
     * @throws IllegalArgumentException when the configured name is not a profile.
     */
    public static IdleProfile configured()
    {
        if (Configured.ERROR != null)
        {
            throw new IllegalArgumentException(Configured.ERROR.getMessage(), Configured.ERROR);
        }
        return Configured.PROFILE;
    }

    /**
     * The profile named by the property, else by the environment variable, else {@link #DEFAULT}; blank counts as
     * unset.
     *
     * @param property the system property's value, or null.
     * @param env      the environment variable's value, or null.
     * @return the profile.
     * @throws IllegalArgumentException when the value that counts is not a profile's name.
     */
    public static IdleProfile resolve(final String property, final String env)
    {
        if (property != null && !property.isBlank())
        {
            return parse(property, "system property " + PROPERTY);
        }
        if (env != null && !env.isBlank())
        {
            return parse(env, "environment variable " + ENV);
        }
        return DEFAULT;
    }

    private static IdleProfile parse(final String value, final String source)
    {
        final String name = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (final IdleProfile profile : values())
        {
            if (profile.name().equals(name))
            {
                return profile;
            }
        }
        throw new IllegalArgumentException(source + " must be low-cpu, low-latency or busy-spin: " + value);
    }

    /**
     * A new idle strategy for one polling thread (strategies keep per-thread state: never share one).
     *
     * @return back-off from spinning to parks of at most {@link #maxParkNs()}, or a busy spin.
     */
    public IdleStrategy newIdleStrategy()
    {
        return switch (this)
        {
            case LOW_CPU -> new QuietBackoffIdleStrategy(spins, yields, minParkNs, ACTIVE_MAX_PARK_NS,
                TimeUnit.MILLISECONDS.toNanos(QUIET_MS), maxParkNs);
            case LOW_LATENCY -> new BackoffIdleStrategy(spins, yields, minParkNs, maxParkNs);
            case BUSY_SPIN -> new BusySpinIdleStrategy();
        };
    }

    /**
     * The longest an idle poller of this profile parks: the bound for loops that park by hand (waiting for a clock
     * deadline or a mirror) and for settings expressed as a park time.
     *
     * @return nanoseconds; 0 for {@link #BUSY_SPIN}.
     */
    public long maxParkNs()
    {
        return maxParkNs;
    }

    /** The process's profile, resolved on first use (class initialisation is lazy and thread-safe). */
    private static final class Configured
    {
        private static final IdleProfile PROFILE;
        private static final IllegalArgumentException ERROR;

        static
        {
            IdleProfile profile = DEFAULT;
            IllegalArgumentException error = null;
            try
            {
                profile = resolve(System.getProperty(PROPERTY), System.getenv(ENV));
            }
            catch (final IllegalArgumentException ex)
            {
                error = ex;
            }
            PROFILE = profile;
            ERROR = error;
        }
    }
}
