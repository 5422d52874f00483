package io.tickkeeper.matching.drill;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DrillVerdictTest
{
    @Test
    void shouldPrintTheLineInTheAgreedShape()
    {
        final DrillVerdict verdict = new DrillVerdict(6, 41_234, 0, 0, 0, 0, 612, 1_480);

        assertThat(verdict.line()).isEqualTo("drill: kills=6 acked=41234 lost_acked=0 duplicate_fills=0 "
            + "state_hash_mismatch=0 stale_epoch_accepted=0 failover_ms_p50=612 failover_ms_max=1480");
        assertThat(verdict.line()).matches("drill: kills=\\d+ acked=\\d+ lost_acked=\\d+ duplicate_fills=\\d+ "
            + "state_hash_mismatch=\\d+ stale_epoch_accepted=\\d+ failover_ms_p50=\\d+ failover_ms_max=\\d+");
    }

    @Test
    void shouldFailWhenAnySafetyCounterIsNotZero()
    {
        assertThat(new DrillVerdict(5, 10, 0, 0, 0, 0, 1, 1).passed()).isTrue();
        assertThat(new DrillVerdict(5, 10, 1, 0, 0, 0, 1, 1).passed()).isFalse();
        assertThat(new DrillVerdict(5, 10, 0, 1, 0, 0, 1, 1).passed()).isFalse();
        assertThat(new DrillVerdict(5, 10, 0, 0, 1, 0, 1, 1).passed()).isFalse();
        assertThat(new DrillVerdict(5, 10, 0, 0, 0, 1, 1, 1).passed()).isFalse();
    }
}
