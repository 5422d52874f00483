package io.tickkeeper.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.tickkeeper.matching.InstrumentSpec;
import io.tickkeeper.matching.service.MatchingPipeline;
import io.tickkeeper.runtime.EnginePipeline;
import io.tickkeeper.runtime.OutputPublisher;
import io.tickkeeper.runtime.WaitStrategyType;
import org.HdrHistogram.Histogram;
import org.agrona.DirectBuffer;
import org.agrona.IoUtil;

/**
 * One run of the matching pipeline (Disruptor ring, Chronicle journal on a real file, engine, gated output) over the
 * workload: either flat out for throughput, or open loop at a fixed rate for latency.
 *
 * <p>Open loop: command {@code i} has a planned send time {@code start + i / rate}; its latency is measured from that
 * planned time (not from when it was actually sent) to the moment the output stage publishes the first event it
 * caused. A stall therefore charges every command that should have been sent during it, which corrects for
 * coordinated omission without estimating anything. The sender yields (rather than spins) until each planned time,
 * so that on a two-core machine it does not take a core from the pipeline it measures.
 */
final class PipelineRun implements OutputPublisher
{
    private static final long AWAIT_PARK_NS = TimeUnit.MICROSECONDS.toNanos(100);

    private final long[] plannedNs;
    private final Histogram latencyNs;
    private final long firstSequence;
    private long lastSequenceSeen;
    private volatile long outputSequence;

    private PipelineRun(final int commands, final long firstSequence, final Histogram latencyNs)
    {
        this.plannedNs = new long[commands];
        this.latencyNs = latencyNs;
        this.firstSequence = firstSequence;
        this.lastSequenceSeen = firstSequence - 1;
    }

    @Override
    public void onOutput(final long sequence, final DirectBuffer buffer, final int offset, final int length)
    {
        if (sequence != lastSequenceSeen)
        {
            lastSequenceSeen = sequence;
            final int index = (int)(sequence - firstSequence);
            if (index >= 0 && latencyNs != null)
            {
                latencyNs.recordValue(Math.max(0, System.nanoTime() - plannedNs[index]));
            }
            outputSequence = sequence;
        }
    }

    /**
     * Runs the pre-fill, then the measured commands as fast as the ring takes them.
     *
     * @return measured commands per second, from the first publish to the last command's output.
     */
    static long throughput(
        final ExchangeLikeWorkload.Workload workload, final EncodedCommands prefill, final EncodedCommands measured,
        final Path workDirectory, final WaitStrategyType waitStrategy)
    {
        return run(workload, prefill, measured, workDirectory, waitStrategy, 0, null);
    }

    /**
     * Runs the pre-fill, then the measured commands open loop at {@code ratePerSecond}, recording each command's
     * latency in nanoseconds into {@code latencyNs}.
     */
    static void latency(
        final ExchangeLikeWorkload.Workload workload, final EncodedCommands prefill, final EncodedCommands measured,
        final Path workDirectory, final WaitStrategyType waitStrategy, final long ratePerSecond,
        final Histogram latencyNs)
    {
        run(workload, prefill, measured, workDirectory, waitStrategy, ratePerSecond, latencyNs);
    }

    private static long run(
        final ExchangeLikeWorkload.Workload workload, final EncodedCommands prefill, final EncodedCommands measured,
        final Path workDirectory, final WaitStrategyType waitStrategy, final long ratePerSecond,
        final Histogram latencyNs)
    {
        deleteRecursively(workDirectory);
        final long firstSequence = workload.prefill().size() + 1;
        final PipelineRun run = new PipelineRun(measured.size(), firstSequence, latencyNs);
        final EnginePipeline.Context context = new EnginePipeline.Context()
            .name("bench")
            .ringSize(64 * 1024)
            .singleProducer(true)
            .waitStrategy(waitStrategy)
            .journalDirectory(workDirectory.resolve("journal"))
            .outputPublisher(run);
        try (MatchingPipeline pipeline = new MatchingPipeline(
            new InstrumentSpec[]{ExchangeLikeWorkload.instrument()}, context, workDirectory.resolve("snapshots")))
        {
            pipeline.start();
            for (int i = 0; i < prefill.size(); i++)
            {
                pipeline.publish(prefill.buffer(), prefill.offset(i), prefill.length(i));
            }
            awaitOutput(run, firstSequence - 1);

            final int size = measured.size();
            final long lastSequence = firstSequence + size - 1;
            final long startNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1);
            if (ratePerSecond > 0)
            {
                final double intervalNs = 1e9 / ratePerSecond;
                for (int i = 0; i < size; i++)
                {
                    run.plannedNs[i] = startNs + (long)(i * intervalNs);
                }
                for (int i = 0; i < size; i++)
                {
                    final long planned = run.plannedNs[i];
                    while (System.nanoTime() < planned)
                    {
                        Thread.yield();
                    }
                    pipeline.publish(measured.buffer(), measured.offset(i), measured.length(i));
                }
                awaitOutput(run, lastSequence);
                return 0;
            }
            final long beginNs = System.nanoTime();
            for (int i = 0; i < size; i++)
            {
                pipeline.publish(measured.buffer(), measured.offset(i), measured.length(i));
            }
            awaitOutput(run, lastSequence);
            final long elapsedNs = System.nanoTime() - beginNs;
            return Math.round(size * 1e9 / elapsedNs);
        }
        finally
        {
            deleteRecursively(workDirectory);
        }
    }

    private static void awaitOutput(final PipelineRun run, final long sequence)
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (run.outputSequence < sequence)
        {
            if (System.nanoTime() > deadlineNs)
            {
                throw new IllegalStateException("pipeline stalled: output at " + run.outputSequence + ", expected "
                    + sequence);
            }
            LockSupport.parkNanos(AWAIT_PARK_NS);
        }
    }

    static void deleteRecursively(final Path directory)
    {
        IoUtil.delete(directory.toFile(), true);
    }
}
