package io.tickkeeper.matching;

import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BookSideTest
{
    private final LevelPool pool = new LevelPool(4);

    @Test
    void shouldKeepBidsWithTheHighestPriceBest()
    {
        final BookSide bids = new BookSide(Side.BUY, pool, 2);
        bids.findOrOpen(100);
        bids.findOrOpen(102);
        bids.findOrOpen(101);

        assertThat(bids.size()).isEqualTo(3);
        assertThat(bids.best().price).isEqualTo(102);
        assertThat(bids.fromBest(1).price).isEqualTo(101);
        assertThat(bids.fromBest(2).price).isEqualTo(100);
    }

    @Test
    void shouldKeepAsksWithTheLowestPriceBest()
    {
        final BookSide asks = new BookSide(Side.SELL, pool, 2);
        asks.findOrOpen(100);
        asks.findOrOpen(102);
        asks.findOrOpen(101);

        assertThat(asks.best().price).isEqualTo(100);
        assertThat(asks.fromBest(2).price).isEqualTo(102);
        assertThat(asks.atIndex(0).price).isEqualTo(102);
    }

    @Test
    void shouldReturnTheSameLevelForTheSamePrice()
    {
        final BookSide asks = new BookSide(Side.SELL, pool, 4);
        final PriceLevel level = asks.findOrOpen(100);

        assertThat(asks.findOrOpen(100)).isSameAs(level);
        assertThat(asks.find(100)).isSameAs(level);
        assertThat(asks.find(99)).isNull();
        assertThat(asks.size()).isOne();
    }

    @Test
    void shouldReuseClosedLevels()
    {
        final BookSide bids = new BookSide(Side.BUY, pool, 4);
        final PriceLevel level = bids.findOrOpen(100);
        bids.close(level);

        assertThat(bids.best()).isNull();
        assertThat(bids.findOrOpen(105)).isSameAs(level);
        assertThat(level.price).isEqualTo(105);
    }

    @Test
    void shouldRefuseToCloseALevelOfAnotherSide()
    {
        final BookSide bids = new BookSide(Side.BUY, pool, 4);
        final BookSide asks = new BookSide(Side.SELL, pool, 4);
        bids.findOrOpen(100);
        final PriceLevel ask = asks.findOrOpen(100);

        assertThatThrownBy(() -> bids.close(ask)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldMatchASortedMapUnderRandomOpensAndCloses()
    {
        for (final Side side : Side.values())
        {
            final BookSide bookSide = new BookSide(side, pool, 1);
            final Comparator<Long> bestFirst = side == Side.BUY ? Comparator.reverseOrder() : Comparator.naturalOrder();
            final TreeMap<Long, PriceLevel> model = new TreeMap<>(bestFirst);
            final SplittableRandom random = new SplittableRandom(42);
            for (int step = 0; step < 20_000; step++)
            {
                final long price = 1_000 + random.nextInt(600);
                if (random.nextInt(3) == 0 && model.containsKey(price))
                {
                    bookSide.close(model.remove(price));
                }
                else
                {
                    final PriceLevel level = bookSide.findOrOpen(price);
                    assertThat(model.computeIfAbsent(price, p -> level)).isSameAs(level);
                }
                assertThat(bookSide.size()).isEqualTo(model.size());
                if (!model.isEmpty())
                {
                    assertThat(bookSide.best()).isSameAs(model.firstEntry().getValue());
                }
            }
            int rank = 0;
            for (final PriceLevel level : model.values())
            {
                assertThat(bookSide.fromBest(rank++)).isSameAs(level);
            }
        }
    }
}
