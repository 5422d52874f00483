package io.tickkeeper.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class QuietBackoffIdleStrategyTest
{
    private static final long QUIET_NS = 10_000_000;
    private static final long QUIET_PARK_NS = 10_000_000;

    private long nowNs = 1_000;
    private final List<Long> parks = new ArrayList<>();
    private final QuietBackoffIdleStrategy idle = new QuietBackoffIdleStrategy(
        0, 0, 1_000, 1_000_000, QUIET_NS, QUIET_PARK_NS, () -> nowNs, parks::add);

    @Test
    void shouldNotParkLongWhileTheThreadHasBeenIdleForLessThanTheQuietTime()
    {
        idle.idle(0);
        nowNs += QUIET_NS - 1;
        idle.idle(0);

        assertThat(parks).isEmpty();
    }

    @Test
    void shouldParkTheQuietParkOnceIdleForTheQuietTime()
    {
        idle.idle(0);
        nowNs += QUIET_NS;
        idle.idle(0);
        idle.idle(0);

        assertThat(parks).containsExactly(QUIET_PARK_NS, QUIET_PARK_NS);
    }

    @Test
    void shouldStartTheQuietTimeAgainAfterWork()
    {
        idle.idle(0);
        nowNs += QUIET_NS;
        idle.idle(1);
        idle.idle(0);
        nowNs += QUIET_NS / 2;
        idle.idle(0);

        assertThat(parks).isEmpty();

        nowNs += QUIET_NS / 2;
        idle.idle(0);
        assertThat(parks).containsExactly(QUIET_PARK_NS);
    }

    @Test
    void shouldStartTheQuietTimeAgainAfterAReset()
    {
        idle.idle();
        nowNs += QUIET_NS;
        idle.reset();
        idle.idle();

        assertThat(parks).isEmpty();
    }

    @Test
    void shouldRefuseAQuietParkShorterThanTheActiveOne()
    {
        assertThatThrownBy(() -> new QuietBackoffIdleStrategy(0, 0, 1_000, 1_000_000, QUIET_NS, 999_999))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
