package io.tickkeeper.runtime.replication;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import com.sun.management.OperatingSystemMXBean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class ReplicationIdleCpuTest
{
    private static final Logger LOG = LoggerFactory.getLogger(ReplicationIdleCpuTest.class);
    private static final long WINDOW_NS = TimeUnit.SECONDS.toNanos(3);

    @TempDir
    Path dir;

    @Test
    void shouldIdleAnInSyncPairWithoutSpinning()
    {
        try (TestNode primary = new TestNode("idle-p", dir.resolve("a"), 24_070, StandbyLossPolicy.CONTINUE, 4_000);
            TestNode standby = new TestNode("idle-s", dir.resolve("b"), 24_071, StandbyLossPolicy.CONTINUE, 4_000))
        {
            primary.lead(1);
            standby.follow(primary);
            Await.until("standby in sync", () -> primary.replicator.standbyState() == StandbyState.IN_SYNC);
            primary.publishAndAwait(1_000, 1);
            Await.until("standby applied 1000", () -> standby.machine.appliedSequence() == 1_000);
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));

            final OperatingSystemMXBean os = (OperatingSystemMXBean)ManagementFactory.getOperatingSystemMXBean();
            final long cpuStartNs = os.getProcessCpuTime();
            final long wallStartNs = System.nanoTime();
            LockSupport.parkNanos(WINDOW_NS);
            final double percentOfOneCore =
                100.0 * (os.getProcessCpuTime() - cpuStartNs) / (System.nanoTime() - wallStartNs);

            LOG.warn("idle in-sync pair (two drivers, two pipelines, replicator, replica) in one JVM: {}% of one core",
                String.format("%.1f", percentOfOneCore));
            assertThat(percentOfOneCore).isLessThan(40.0);
        }
    }
}
