package io.tickkeeper.coordinator.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FencingGuardTest
{
    @Test
    void shouldAdmitTheSameOrANewerTokenAndRefuseAnOlderOne()
    {
        final FencingGuard guard = new FencingGuard();

        assertThat(guard.admit(3L)).isTrue();
        assertThat(guard.admit(3L)).isTrue();
        assertThat(guard.admit(2L)).isFalse();
        assertThat(guard.admit(7L)).isTrue();
        assertThat(guard.admit(3L)).isFalse();
        assertThat(guard.highestSeen()).isEqualTo(7L);
    }

    @Test
    void shouldRememberTheHighestTokenItWasGivenAtRestart()
    {
        final FencingGuard guard = new FencingGuard(12L);

        assertThat(guard.admit(11L)).isFalse();
        assertThat(guard.admit(12L)).isTrue();
    }

    @Test
    void shouldRefuseTokensThatNoLockGrants()
    {
        assertThatThrownBy(() -> new FencingGuard().admit(0L)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FencingGuard(-1L)).isInstanceOf(IllegalArgumentException.class);
    }
}
