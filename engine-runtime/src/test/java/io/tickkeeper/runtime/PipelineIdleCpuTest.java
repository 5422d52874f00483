package io.tickkeeper.runtime;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import com.sun.management.OperatingSystemMXBean;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures the CPU a started but idle pipeline burns: the CPU time of its stage threads (and, for reference,
 * of the whole test JVM) over a few seconds of wall time, as a percentage of one core. Prints the figures.
 */
class PipelineIdleCpuTest
{
    private static final long SETTLE_NS = TimeUnit.MILLISECONDS.toNanos(500);
    private static final long WINDOW_NS = TimeUnit.SECONDS.toNanos(3);
    private static final double IDLE_LIMIT_PERCENT = 5.0;

    @TempDir
    Path dir;

    @Test
    void shouldIdleBelowFivePercentOfACoreWithTheDefaultWaitStrategy()
    {
        final IdleCpu idle = measure(WaitStrategyType.DEFAULT, WINDOW_NS);

        assertThat(idle.pipelinePercent).isLessThan(IDLE_LIMIT_PERCENT);
        assertThat(idle.processPercent).isLessThan(IDLE_LIMIT_PERCENT);
    }

    @Test
    void shouldIdleBelowFivePercentOfACoreWithLiteBlocking()
    {
        final IdleCpu idle = measure(WaitStrategyType.LITE_BLOCKING, WINDOW_NS);

        assertThat(idle.pipelinePercent).isLessThan(IDLE_LIMIT_PERCENT);
    }

    /**
     * Three spinning threads would take two whole cores on an otherwise idle machine; the bar is low because the
     * machine is shared, and still far above what the blocking strategies measure.
     */
    @Test
    void shouldSeeBusySpinningBurnCpuSoTheProbeMeasuresRealWork()
    {
        final IdleCpu idle = measure(WaitStrategyType.BUSY_SPIN, TimeUnit.SECONDS.toNanos(1));

        assertThat(idle.pipelinePercent).isGreaterThan(10.0);
    }

    private IdleCpu measure(final WaitStrategyType strategy, final long windowNs)
    {
        final String name = "idle-" + strategy.name().toLowerCase();
        final EnginePipeline.Context context = new EnginePipeline.Context()
            .name(name)
            .waitStrategy(strategy)
            .journalDirectory(dir.resolve(name))
            .inputHandler(new CountingMachine())
            .outputPublisher(new RecordingPublisher());
        try (EnginePipeline pipeline = new EnginePipeline(context))
        {
            pipeline.start();
            final ExpandableArrayBuffer input = new ExpandableArrayBuffer(128);
            for (int i = 1; i <= 1_000; i++)
            {
                pipeline.publish(input, 0, TestInputs.encode(input, 0, i, i, i));
            }
            Await.until("the warm-up inputs are out", () -> pipeline.outputSequence() == 1_000);
            LockSupport.parkNanos(SETTLE_NS);

            final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            final OperatingSystemMXBean os = (OperatingSystemMXBean)ManagementFactory.getOperatingSystemMXBean();
            final long pipelineStartNs = pipelineCpuNs(threads, name);
            final long processStartNs = os.getProcessCpuTime();
            final long wallStartNs = System.nanoTime();
            LockSupport.parkNanos(windowNs);
            final long wallNs = System.nanoTime() - wallStartNs;
            final IdleCpu idle = new IdleCpu(
                100.0 * (pipelineCpuNs(threads, name) - pipelineStartNs) / wallNs,
                100.0 * (os.getProcessCpuTime() - processStartNs) / wallNs);
            System.out.printf("idle CPU over %.1f s, wait strategy %s: pipeline threads %.3f%% of a core, " +
                "whole test JVM %.3f%%%n", wallNs / 1e9, strategy, idle.pipelinePercent, idle.processPercent);
            return idle;
        }
    }

    private static long pipelineCpuNs(final ThreadMXBean threads, final String name)
    {
        long totalNs = 0;
        int found = 0;
        for (final ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds()))
        {
            if (info != null && info.getThreadName().startsWith(name + "-"))
            {
                totalNs += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
                found++;
            }
        }
        assertThat(found).as("stage threads of " + name).isEqualTo(3);
        return totalNs;
    }

    private static final class IdleCpu
    {
        private final double pipelinePercent;
        private final double processPercent;

        IdleCpu(final double pipelinePercent, final double processPercent)
        {
            this.pipelinePercent = pipelinePercent;
            this.processPercent = processPercent;
        }
    }
}
