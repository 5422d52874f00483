package io.tickkeeper.coordinator.election;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PrimaryLeaseTest
{
    private static final long DURATION_NS = 600;

    @Test
    void shouldNotHoldBeforeTheFirstRenewal()
    {
        assertThat(new PrimaryLease(DURATION_NS).validAt(0)).isFalse();
    }

    @Test
    void shouldHoldForItsDurationAfterTheRequestWasSent()
    {
        final PrimaryLease lease = new PrimaryLease(DURATION_NS);

        lease.renew(1_000);

        assertThat(lease.validAt(1_000)).isTrue();
        assertThat(lease.validAt(1_599)).isTrue();
        assertThat(lease.validAt(1_600)).isFalse();
    }

    @Test
    void shouldNeverBeShortenedByAnOlderAnswerArrivingLate()
    {
        final PrimaryLease lease = new PrimaryLease(DURATION_NS);
        lease.renew(2_000);

        lease.renew(1_500);

        assertThat(lease.validAt(2_599)).isTrue();
    }

    @Test
    void shouldStopHoldingWhenCleared()
    {
        final PrimaryLease lease = new PrimaryLease(DURATION_NS);
        lease.renew(1_000);

        lease.clear();

        assertThat(lease.validAt(1_001)).isFalse();
    }

    @Test
    void shouldHoldAgainAfterARenewalFollowingAClear()
    {
        final PrimaryLease lease = new PrimaryLease(DURATION_NS);
        lease.renew(5_000);
        lease.clear();

        lease.renew(1_000);

        assertThat(lease.validAt(1_500)).isTrue();
        assertThat(lease.validAt(1_600)).isFalse();
    }

    @Test
    void shouldWorkAcrossTheNanoTimeWrapAround()
    {
        final PrimaryLease lease = new PrimaryLease(DURATION_NS);

        lease.renew(Long.MAX_VALUE - 100);

        assertThat(lease.validAt(Long.MIN_VALUE + 100)).isTrue();
        assertThat(lease.validAt(Long.MIN_VALUE + 500)).isFalse();
    }

    @Test
    void shouldRefuseANonPositiveDuration()
    {
        assertThatThrownBy(() -> new PrimaryLease(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
