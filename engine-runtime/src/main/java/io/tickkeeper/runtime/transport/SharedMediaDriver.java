package io.tickkeeper.runtime.transport;

import java.io.PrintStream;
import java.util.concurrent.TimeUnit;

import io.aeron.driver.MediaDriver;
import io.tickkeeper.runtime.IdleProfile;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.ShutdownSignalBarrier;
import org.agrona.concurrent.SleepingMillisIdleStrategy;

/**
 * The host's one media driver, shared by every TickKeeper process whose {@link AeronTransport} is told its directory
 * ({@value AeronTransport#SHARED_DRIVER_ENV}). Same term buffers, counters file and SHARED threading (conductor,
 * sender and receiver on one thread) as the embedded driver of {@link AeronTransport}; it waits as the host's
 * {@link IdleProfile} says unless {@code --idle} overrides it (docs/aeron.md has the measurements and the latency it
 * costs).
 * <p>
 * It refuses to start over a directory whose driver still heartbeats, deletes a dead driver's directory, and deletes
 * its own on SIGTERM/SIGINT. Usage: {@code SharedMediaDriver DIRECTORY [--idle profile|backoff|sleep]
 * [--max-idle-park-us N] [--term-length-bytes N] [--counters-bytes N]}.
 */
public final class SharedMediaDriver
{
    /**
     * Default idle: the process's {@link IdleProfile} ({@value IdleProfile#ENV}), as every poller and the embedded
     * driver. {@code backoff} and {@code sleep} override it with {@code --max-idle-park-us} (default 1000).
     */
    public static final String DEFAULT_IDLE = "profile";

    private static final long DEFAULT_OVERRIDE_MAX_IDLE_PARK_NS = TimeUnit.MILLISECONDS.toNanos(1);

    private SharedMediaDriver()
    {
    }

    /**
     * Runs the driver until SIGTERM or SIGINT.
     *
     * @param args the directory, then options.
     */
    public static void main(final String[] args)
    {
        final MediaDriver.Context context;
        try
        {
            context = context(args);
        }
        catch (final IllegalArgumentException ex)
        {
            System.err.println(ex.getMessage());
            System.exit(2);
            return;
        }
        try (ShutdownSignalBarrier barrier = new ShutdownSignalBarrier();
            MediaDriver driver = MediaDriver.launch(context))
        {
            print(System.out, driver.aeronDirectoryName(), context);
            barrier.await();
        }
    }

    /**
     * Builds the driver's settings from the command line.
     *
     * @param args the directory, then options.
     * @return the settings of the shared driver.
     * @throws IllegalArgumentException on a usage error.
     */
    static MediaDriver.Context context(final String[] args)
    {
        if (args.length == 0 || args[0].startsWith("-"))
        {
            throw new IllegalArgumentException("usage: SharedMediaDriver DIRECTORY [--idle profile|backoff|sleep] "
                + "[--max-idle-park-us N] [--term-length-bytes N] [--counters-bytes N]");
        }
        String idle = DEFAULT_IDLE;
        long maxIdleParkNs = DEFAULT_OVERRIDE_MAX_IDLE_PARK_NS;
        int termLengthBytes = AeronTransport.Context.DEFAULT_TERM_LENGTH_BYTES;
        int countersBytes = AeronTransport.Context.DEFAULT_COUNTERS_BUFFER_BYTES;
        for (int i = 1; i < args.length; i += 2)
        {
            if (i + 1 >= args.length)
            {
                throw new IllegalArgumentException("option " + args[i] + " needs a value");
            }
            final String value = args[i + 1];
            switch (args[i])
            {
                case "--idle" -> idle = value;
                case "--max-idle-park-us" -> maxIdleParkNs = TimeUnit.MICROSECONDS.toNanos(parse(args[i], value));
                case "--term-length-bytes" -> termLengthBytes = (int)parse(args[i], value);
                case "--counters-bytes" -> countersBytes = (int)parse(args[i], value);
                default -> throw new IllegalArgumentException("unknown option: " + args[i]);
            }
        }
        new AeronTransport.Context().name("shared").termLengthBytes(termLengthBytes).countersBufferBytes(countersBytes)
            .maxIdleParkNs(maxIdleParkNs).conclude();
        return AeronTransport.driverContext(args[0], termLengthBytes, countersBytes,
            idleStrategy(idle, maxIdleParkNs, IdleProfile.configured()))
            .dirDeleteOnStart(false)
            .dirDeleteOnShutdown(true)
            .warnIfDirectoryExists(false)
            .asyncExecutorEnabled(false);
    }

    /**
     * The SHARED agent's idle strategy.
     *
     * @param idle          {@code profile}: the idle profile's; {@code sleep}: sleep the longest park, in whole
     *                      milliseconds (at least 1), every idle duty cycle; {@code backoff}: spin, yield, then park
     *                      from 1 µs up to the longest park.
     * @param maxIdleParkNs the longest park of {@code sleep} and {@code backoff}.
     * @param profile       the host's idle profile.
     * @return the strategy.
     */
    static IdleStrategy idleStrategy(final String idle, final long maxIdleParkNs, final IdleProfile profile)
    {
        return switch (idle)
        {
            case "profile" -> AeronTransport.driverIdleStrategy(profile, AeronTransport.Context.PROFILE_MAX_IDLE_PARK);
            case "sleep" -> new SleepingMillisIdleStrategy(Math.max(1, TimeUnit.NANOSECONDS.toMillis(maxIdleParkNs)));
            case "backoff" -> new BackoffIdleStrategy(10, 10, 1_000, maxIdleParkNs);
            default -> throw new IllegalArgumentException("--idle must be profile, sleep or backoff: " + idle);
        };
    }

    private static long parse(final String option, final String value)
    {
        try
        {
            return Long.parseLong(value);
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException(option + " needs a number: " + value, ex);
        }
    }

    private static void print(final PrintStream out, final String directory, final MediaDriver.Context context)
    {
        out.println("shared media driver running in " + directory + " (idle " + context.sharedIdleStrategy()
            + ", term " + context.publicationTermBufferLength() + " bytes); export "
            + AeronTransport.SHARED_DRIVER_ENV + "=" + directory + " for its clients; SIGTERM stops it");
        out.flush();
    }
}
