package io.tickkeeper.runtime.replication;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class ReplicatedLatencyProbeTest
{
    private static final Logger LOG = LoggerFactory.getLogger(ReplicatedLatencyProbeTest.class);

    @TempDir
    Path dir;

    /**
     * Also a way to run the probe by hand: {@code -Dprobe.measured=N -Dprobe.intervalUs=N -Dprobe.driverParkUs=N}.
     */
    @Test
    void shouldMeasureEveryInputFromItsPlannedTimeToItsReplicatedOutput()
    {
        final int measured = Integer.getInteger("probe.measured", 2_000);
        final long intervalUs = Long.getLong("probe.intervalUs", 1_000);
        final long driverParkUs = Long.getLong("probe.driverParkUs", 1_000);
        final long[] latenciesNs = ReplicatedLatencyProbe.measure(dir.resolve("probe"), 24_060, HashingMachine::new,
            (buffer, index) -> HashingMachine.encode(buffer, 0, 0, index, index % 7), 1_000, measured,
            TimeUnit.MICROSECONDS.toNanos(intervalUs), TimeUnit.MICROSECONDS.toNanos(driverParkUs));

        assertThat(latenciesNs).hasSize(measured);
        assertThat(Arrays.stream(latenciesNs).min().orElseThrow()).isPositive();
        final long p50Us = TimeUnit.NANOSECONDS.toMicros(ReplicatedLatencyProbe.percentileNs(latenciesNs, 50));
        final long p99Us = TimeUnit.NANOSECONDS.toMicros(ReplicatedLatencyProbe.percentileNs(latenciesNs, 99));
        LOG.warn("replicated latency, {} inputs/s over UDP loopback, drivers park <= {} us: p50={} us p99={} us " +
            "max={} us", 1_000_000 / intervalUs, driverParkUs, p50Us, p99Us,
            TimeUnit.NANOSECONDS.toMicros(ReplicatedLatencyProbe.percentileNs(latenciesNs, 100)));
        assertThat(p50Us).isLessThanOrEqualTo(p99Us);
    }

    @Test
    void shouldTakePercentilesOfMeasuredLatenciesOnly()
    {
        final long[] latenciesNs = {5, -1, 1, 4, 2, 3};

        assertThat(ReplicatedLatencyProbe.percentileNs(latenciesNs, 50)).isEqualTo(3);
        assertThat(ReplicatedLatencyProbe.percentileNs(latenciesNs, 100)).isEqualTo(5);
        assertThat(ReplicatedLatencyProbe.percentileNs(latenciesNs, 0)).isEqualTo(1);
        assertThat(ReplicatedLatencyProbe.percentileNs(new long[] {-1}, 99)).isEqualTo(-1);
    }
}
