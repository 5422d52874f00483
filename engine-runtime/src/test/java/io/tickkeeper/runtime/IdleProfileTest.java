package io.tickkeeper.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;

import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.junit.jupiter.api.Test;

class IdleProfileTest
{
    @Test
    void shouldBeLowCpuWhenNothingIsSet()
    {
        assertThat(IdleProfile.resolve(null, null)).isSameAs(IdleProfile.LOW_CPU);
        assertThat(IdleProfile.resolve(" ", "")).isSameAs(IdleProfile.LOW_CPU);
        assertThat(IdleProfile.DEFAULT).isSameAs(IdleProfile.LOW_CPU);
    }

    @Test
    void shouldLetThePropertyWinOverTheEnvironment()
    {
        assertThat(IdleProfile.resolve("low-latency", "busy-spin")).isSameAs(IdleProfile.LOW_LATENCY);
        assertThat(IdleProfile.resolve(null, "busy-spin")).isSameAs(IdleProfile.BUSY_SPIN);
        assertThat(IdleProfile.resolve("", "Low_Latency")).isSameAs(IdleProfile.LOW_LATENCY);
        assertThat(IdleProfile.resolve(" LOW-CPU ", null)).isSameAs(IdleProfile.LOW_CPU);
    }

    @Test
    void shouldNameTheSourceOfAnUnknownProfile()
    {
        assertThatThrownBy(() -> IdleProfile.resolve("fast", null))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("system property tickkeeper.idle")
            .hasMessageContaining("low-cpu, low-latency or busy-spin: fast");
        assertThatThrownBy(() -> IdleProfile.resolve(null, "sleep"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("environment variable TICKKEEPER_IDLE");
    }

    @Test
    void shouldBackOffToTheProfilesLongestPark()
    {
        assertThat(IdleProfile.LOW_CPU.maxParkNs()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(10));
        assertThat(IdleProfile.LOW_LATENCY.maxParkNs()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(1));
        assertThat(IdleProfile.LOW_CPU.newIdleStrategy())
            .hasToString(new QuietBackoffIdleStrategy(10, 10, 1_000, 1_000_000, 10_000_000, 10_000_000).toString());
        assertThat(IdleProfile.LOW_LATENCY.newIdleStrategy())
            .hasToString(new BackoffIdleStrategy(100, 10, 1_000, 1_000_000).toString());
        assertThat(IdleProfile.BUSY_SPIN.newIdleStrategy()).isInstanceOf(BusySpinIdleStrategy.class);
        assertThat(IdleProfile.BUSY_SPIN.maxParkNs()).isZero();
    }

    @Test
    void shouldGiveEveryPollerItsOwnStrategy()
    {
        assertThat(IdleProfile.LOW_CPU.newIdleStrategy()).isNotSameAs(IdleProfile.LOW_CPU.newIdleStrategy());
    }

    @Test
    void shouldReadTheProcessProfileOnce()
    {
        assertThat(IdleProfile.configured()).isSameAs(IdleProfile.configured());
        assertThat(IdleProfile.configured())
            .isSameAs(IdleProfile.resolve(System.getProperty(IdleProfile.PROPERTY), System.getenv(IdleProfile.ENV)));
    }
}
