package io.tickkeeper.runtime.replication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.tickkeeper.runtime.EnginePipeline;
import io.tickkeeper.runtime.IdleProfile;
import io.tickkeeper.runtime.InputHandler;
import io.tickkeeper.runtime.OutputPublisher;
import io.tickkeeper.runtime.transport.AeronTransport;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Measures replicated latency in one process: a primary and a standby, each with its own Aeron transport, talking
 * UDP over loopback as two processes would. Inputs are published open-loop at planned times (one every
 * {@code intervalNs}); an input's latency is from its planned time (so a stall is not hidden by sending later) to
 * the moment the primary's output stage hands over its first output, which is after the standby acknowledged it.
 * Inputs that produce no output are not measured ({@code -1}). For the benchmark scripts; not used by services.
 */
public final class ReplicatedLatencyProbe
{
    private static final long SETUP_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(30);
    private static final long SPIN_BELOW_NS = TimeUnit.MICROSECONDS.toNanos(50);

    private ReplicatedLatencyProbe()
    {
    }

    /**
     * Encodes the input with the given index (epoch and sequence left for the runtime to stamp).
     */
    @FunctionalInterface
    public interface InputSource
    {
        /**
         * @param buffer where to encode, from offset 0.
         * @param index  the input's index, from 0.
         * @return the input's length.
         */
        int encode(MutableDirectBuffer buffer, long index);
    }

    /**
     * Runs the measurement with drivers and pollers of the {@link IdleProfile#LOW_LATENCY} profile, as benchmarked
     * services run them (whatever the process's own profile is).
     *
     * @param directory      an empty or missing directory for the two journals.
     * @param basePort       the primary uses this UDP port on 127.0.0.1, the standby the next one.
     * @param handlers       makes the business logic of each node (called twice).
     * @param inputs         encodes the inputs.
     * @param warmupInputs   inputs sent first and not measured.
     * @param measuredInputs inputs measured.
     * @param intervalNs     time between two planned sends.
     * @return the latency of each measured input in nanoseconds, in send order; -1 for an input without output.
     */
    public static long[] measure(
        final Path directory, final int basePort, final Supplier<InputHandler> handlers, final InputSource inputs,
        final int warmupInputs, final int measuredInputs, final long intervalNs)
    {
        return measure(directory, basePort, handlers, inputs, warmupInputs, measuredInputs, intervalNs,
            IdleProfile.LOW_LATENCY.maxParkNs());
    }

    /**
     * Runs the measurement.
     *
     * @param directory      an empty or missing directory for the two journals.
     * @param basePort       the primary uses this UDP port on 127.0.0.1, the standby the next one.
     * @param handlers       makes the business logic of each node (called twice).
     * @param inputs         encodes the inputs.
     * @param warmupInputs   inputs sent first and not measured.
     * @param measuredInputs inputs measured.
     * @param intervalNs     time between two planned sends.
     * @param driverMaxIdleParkNs the longest an idle media driver (and the standby's poller) parks: shorter is faster
     *                            and costs idle CPU.
     * @return the latency of each measured input in nanoseconds, in send order; -1 for an input without output.
     */
    public static long[] measure(
        final Path directory, final int basePort, final Supplier<InputHandler> handlers, final InputSource inputs,
        final int warmupInputs, final int measuredInputs, final long intervalNs, final long driverMaxIdleParkNs)
    {
        Objects.requireNonNull(handlers, "handlers");
        Objects.requireNonNull(inputs, "inputs");
        if (warmupInputs < 0 || measuredInputs < 1 || intervalNs < 1)
        {
            throw new IllegalArgumentException("need warmupInputs >= 0, measuredInputs >= 1, intervalNs >= 1");
        }
        requireEmpty(directory);
        final int total = warmupInputs + measuredInputs;
        final FirstOutputClock clock = new FirstOutputClock(total);
        final long[] plannedNs = new long[total];
        try (Node primary = new Node("latency-primary", directory.resolve("primary"), basePort, handlers.get(), clock,
            driverMaxIdleParkNs);
            Node standby = new Node("latency-standby", directory.resolve("standby"), basePort + 1, handlers.get(),
                (sequence, buffer, offset, length) ->
                {
                }, driverMaxIdleParkNs))
        {
            primary.pipeline.epoch(1);
            primary.replicator.lead(primary.pipeline);
            standby.replica.start(standby.pipeline);
            standby.replica.follow(AeronTransport.udp(AeronTransport.LOOPBACK, basePort));
            await("the standby is in sync", () -> primary.replicator.standbyState() == StandbyState.IN_SYNC);

            final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(512);
            final long startNs = System.nanoTime() + intervalNs;
            for (int i = 0; i < total; i++)
            {
                final long planned = startNs + i * intervalNs;
                waitUntil(planned);
                plannedNs[i] = planned;
                final int length = inputs.encode(buffer, i);
                primary.pipeline.publish(buffer, 0, length);
            }
            await("every input is out", () -> primary.pipeline.outputSequence() >= total);
        }
        final long[] latenciesNs = new long[measuredInputs];
        for (int i = 0; i < measuredInputs; i++)
        {
            final long outNs = clock.firstOutputNs[warmupInputs + i];
            latenciesNs[i] = outNs == 0 ? -1 : outNs - plannedNs[warmupInputs + i];
        }
        return latenciesNs;
    }

    /**
     * @param latenciesNs latencies as {@link #measure} returns them.
     * @param percentile  from 0 to 100.
     * @return that percentile of the measured latencies (ignoring -1), or -1 when none was measured.
     */
    public static long percentileNs(final long[] latenciesNs, final double percentile)
    {
        final long[] measured = Arrays.stream(latenciesNs).filter(latency -> latency >= 0).sorted().toArray();
        if (measured.length == 0)
        {
            return -1;
        }
        final int index = (int)Math.ceil(percentile / 100.0 * measured.length) - 1;
        return measured[Math.max(0, Math.min(measured.length - 1, index))];
    }

    private static void waitUntil(final long deadlineNs)
    {
        long remainingNs;
        while ((remainingNs = deadlineNs - System.nanoTime()) > 0)
        {
            if (remainingNs > SPIN_BELOW_NS)
            {
                LockSupport.parkNanos(remainingNs - SPIN_BELOW_NS);
            }
            else
            {
                Thread.onSpinWait();
            }
        }
    }

    private static void await(final String what, final BooleanSupplier condition)
    {
        final long deadlineNs = System.nanoTime() + SETUP_TIMEOUT_NS;
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() - deadlineNs > 0)
            {
                throw new IllegalStateException("timed out waiting until " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    private static void requireEmpty(final Path directory)
    {
        try
        {
            if (Files.exists(directory))
            {
                try (Stream<Path> entries = Files.list(directory))
                {
                    if (entries.findAny().isPresent())
                    {
                        throw new IllegalArgumentException("directory must be empty: " + directory);
                    }
                }
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /** Notes the time of each input's first output, on the output stage's thread. */
    private static final class FirstOutputClock implements OutputPublisher
    {
        private final long[] firstOutputNs;
        private long lastSequence;

        FirstOutputClock(final int inputs)
        {
            firstOutputNs = new long[inputs];
        }

        @Override
        public void onOutput(final long sequence, final DirectBuffer buffer, final int offset, final int length)
        {
            if (sequence != lastSequence && sequence <= firstOutputNs.length)
            {
                lastSequence = sequence;
                firstOutputNs[(int)(sequence - 1)] = System.nanoTime();
            }
        }
    }

    /** One node of the pair. */
    private static final class Node implements AutoCloseable
    {
        final AeronTransport transport;
        final Replicator replicator;
        final StandbyReplica replica;
        final EnginePipeline pipeline;

        Node(final String name, final Path directory, final int port, final InputHandler handler,
            final OutputPublisher publisher, final long driverMaxIdleParkNs)
        {
            transport = new AeronTransport(new AeronTransport.Context().name(name).maxIdleParkNs(driverMaxIdleParkNs));
            transport.start();
            replicator = new Replicator(new Replicator.Context()
                .name(name)
                .idleProfile(IdleProfile.LOW_LATENCY)
                .transport(transport)
                .controlChannel(AeronTransport.udp(AeronTransport.LOOPBACK, port)));
            replica = new StandbyReplica(new StandbyReplica.Context()
                .name(name)
                .transport(transport)
                .endpoint(AeronTransport.LOOPBACK + ":" + port)
                .idleMaxParkNs(driverMaxIdleParkNs)
                .listener(sequence ->
                {
                    throw new IllegalStateException("a fresh pair cannot diverge (truncate to " + sequence + ")");
                }));
            pipeline = new EnginePipeline(new EnginePipeline.Context()
                .name(name)
                .singleProducer(true)
                .journalDirectory(directory)
                .inputHandler(handler)
                .outputPublisher(publisher)
                .addGate(replicator)
                .journalListener(replica));
            pipeline.start();
        }

        @Override
        public void close()
        {
            replica.close();
            replicator.close();
            pipeline.close();
            transport.close();
        }
    }
}
