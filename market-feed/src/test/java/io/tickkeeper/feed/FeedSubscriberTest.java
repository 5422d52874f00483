package io.tickkeeper.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class FeedSubscriberTest
{
    private final List<String> delivered = new ArrayList<>();
    private final FeedSubscriber subscriber = new FeedSubscriber(null,
        (instrumentId, price, sequence, token, timestampNs, regime) ->
            delivered.add(token + "/" + sequence + "/" + instrumentId + "/" + price));

    @Test
    void shouldDeliverAContiguousStream()
    {
        tick(1L, 1L);
        tick(1L, 2L);
        tick(2L, 3L);

        assertThat(delivered).containsExactly("1/1/1/100", "1/2/1/100", "2/3/1/100");
        assertThat(subscriber.gaps()).isZero();
        assertThat(subscriber.repeats()).isZero();
        assertThat(subscriber.staleTokenDrops()).isZero();
        assertThat(subscriber.newestToken()).isEqualTo(2L);
    }

    @Test
    void shouldDropATickWithAnOlderTokenThanTheNewestSeen()
    {
        tick(1L, 10L);
        tick(2L, 11L);
        tick(1L, 12L);
        tick(2L, 12L);

        assertThat(delivered).containsExactly("1/10/1/100", "2/11/1/100", "2/12/1/100");
        assertThat(subscriber.staleTokenDrops()).isEqualTo(1L);
        assertThat(subscriber.gaps()).isZero();
    }

    @Test
    void shouldCountAGapAndDeliverPastIt()
    {
        tick(1L, 1L);
        tick(1L, 5L);
        tick(1L, 6L);

        assertThat(delivered).hasSize(3);
        assertThat(subscriber.gaps()).isEqualTo(1L);
        assertThat(subscriber.missedMessages()).isEqualTo(3L);
    }

    @Test
    void shouldDropADuplicateButTakeANewPublishersOverlap()
    {
        tick(1L, 1L);
        tick(1L, 2L);
        tick(1L, 2L);
        tick(2L, 2L);
        tick(2L, 3L);

        assertThat(delivered).containsExactly("1/1/1/100", "1/2/1/100", "2/2/1/100", "2/3/1/100");
        assertThat(subscriber.repeats()).isEqualTo(2L);
        assertThat(subscriber.gaps()).isZero();
    }

    @Test
    void shouldNotCountTheFirstTickSeenAsAGap()
    {
        tick(3L, 5_000L);

        assertThat(subscriber.gaps()).isZero();
        assertThat(delivered).containsExactly("3/5000/1/100");
    }

    private void tick(final long token, final long sequence)
    {
        subscriber.onTick(token, sequence, 0L, 100L, 1, Regime.NORMAL);
    }
}
