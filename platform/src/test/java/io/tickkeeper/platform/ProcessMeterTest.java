package io.tickkeeper.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ProcessMeterTest
{
    @Test
    void shouldReadTheResidentMemoryAndCpuTimeOfALiveProcess()
    {
        final long pid = ProcessHandle.current().pid();
        final long before = ProcessMeter.cpuTicks(pid);
        long sum = 0;
        for (long i = 0; i < 200_000_000L; i++)
        {
            sum += i ^ (sum >>> 3);
        }

        assertThat(sum).isNotZero();
        assertThat(ProcessMeter.rssKb(pid)).isGreaterThan(1024);
        assertThat(ProcessMeter.cpuTicks(pid)).isGreaterThan(before);
    }

    @Test
    void shouldCountAProcessThatIsGoneAsZero()
    {
        assertThat(ProcessMeter.rssKb(List.of(Long.MAX_VALUE))).isZero();
        assertThat(ProcessMeter.cpuTicks(Long.MAX_VALUE)).isZero();
    }

    @Test
    void shouldExpressTicksAsAShareOfAllCores()
    {
        assertThat(ProcessMeter.percentOfCores(100, 1_000, 2)).isEqualTo(50.0);
        assertThat(ProcessMeter.percentOfCores(50, 10_000, 2)).isEqualTo(2.5);
    }
}
