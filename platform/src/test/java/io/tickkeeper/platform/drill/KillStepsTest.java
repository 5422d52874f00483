package io.tickkeeper.platform.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class KillStepsTest
{
    @Test
    void shouldFindTheFirstAcknowledgementAtOrAfterAMoment()
    {
        final List<Long> acks = List.of(10L, 20L, 30L, 40L);

        assertThat(KillSteps.firstAckAfter(acks, 25)).contains(30L);
        assertThat(KillSteps.firstAckAfter(acks, 30)).contains(30L);
        assertThat(KillSteps.firstAckAfter(acks, 5)).contains(10L);
        assertThat(KillSteps.firstAckAfter(acks, 41)).isEmpty();
        assertThat(KillSteps.firstAckAfter(List.of(), 0)).isEmpty();
    }
}
