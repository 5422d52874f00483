package io.tickkeeper.matching;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BookSideTest
{
    private final LevelPool levelPool = new LevelPool(4);
    private final PagePool pagePool = new PagePool(1);

    @Test
    void shouldKeepBidsWithTheHighestPriceBest()
    {
        final BookSide bids = new BookSide(Side.BUY, 1, levelPool, pagePool, 1);
        bids.findOrOpen(100);
        bids.findOrOpen(102);
        bids.findOrOpen(101);

        assertThat(bids.size()).isEqualTo(3);
        assertThat(pricesBestFirst(bids)).containsExactly(102L, 101L, 100L);
    }

    @Test
    void shouldKeepAsksWithTheLowestPriceBest()
    {
        final BookSide asks = new BookSide(Side.SELL, 1, levelPool, pagePool, 1);
        asks.findOrOpen(100);
        asks.findOrOpen(102);
        asks.findOrOpen(101);

        assertThat(pricesBestFirst(asks)).containsExactly(100L, 101L, 102L);
    }

    @Test
    void shouldReturnTheSameLevelForTheSamePrice()
    {
        final BookSide asks = new BookSide(Side.SELL, 5, levelPool, pagePool, 4);
        final PriceLevel level = asks.findOrOpen(100);

        assertThat(asks.findOrOpen(100)).isSameAs(level);
        assertThat(asks.find(100)).isSameAs(level);
        assertThat(asks.find(95)).isNull();
        assertThat(asks.find(101)).isNull();
        assertThat(asks.find(-100)).isNull();
        assertThat(asks.size()).isOne();
    }

    @Test
    void shouldFindTheNextBestLevelWhenTheBestCloses()
    {
        final BookSide bids = new BookSide(Side.BUY, 3, levelPool, pagePool, 1);
        final PriceLevel far = bids.findOrOpen(3);
        final PriceLevel near = bids.findOrOpen(3L * 10_000);
        final PriceLevel best = bids.findOrOpen(3L * 10_001);

        bids.close(best);
        assertThat(bids.best()).isSameAs(near);
        bids.close(near);
        assertThat(bids.best()).isSameAs(far);
        bids.close(far);
        assertThat(bids.best()).isNull();
        assertThat(bids.size()).isZero();
    }

    @Test
    void shouldReuseClosedLevels()
    {
        final BookSide bids = new BookSide(Side.BUY, 1, levelPool, pagePool, 4);
        final PriceLevel level = bids.findOrOpen(100);
        bids.close(level);

        assertThat(bids.best()).isNull();
        assertThat(bids.findOrOpen(105)).isSameAs(level);
        assertThat(level.price).isEqualTo(105);
    }

    @Test
    void shouldRefuseToCloseALevelOfAnotherSide()
    {
        final BookSide bids = new BookSide(Side.BUY, 1, levelPool, pagePool, 4);
        final BookSide asks = new BookSide(Side.SELL, 1, levelPool, pagePool, 4);
        bids.findOrOpen(100);
        final PriceLevel ask = asks.findOrOpen(100);

        assertThatThrownBy(() -> bids.close(ask)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldMatchASortedMapUnderRandomOpensAndCloses()
    {
        for (final long tickSize : new long[]{1, 4, 7})
        {
            for (final Side side : Side.values())
            {
                checkAgainstSortedMap(side, tickSize);
            }
        }
    }

    private void checkAgainstSortedMap(final Side side, final long tickSize)
    {
        final BookSide bookSide = new BookSide(side, tickSize, levelPool, pagePool, 1);
        final Comparator<Long> bestFirst = side == Side.BUY ? Comparator.reverseOrder() : Comparator.naturalOrder();
        final TreeMap<Long, PriceLevel> model = new TreeMap<>(bestFirst);
        final SplittableRandom random = new SplittableRandom(42 + tickSize);
        for (int step = 0; step < 20_000; step++)
        {
            final long ticks = random.nextInt(4) == 0 ? 1 + random.nextInt(5_000) : 1_000 + random.nextInt(600);
            final long price = ticks * tickSize;
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
            assertThat(bookSide.best()).isSameAs(model.isEmpty() ? null : model.firstEntry().getValue());
            if (step % 1_000 == 0)
            {
                assertThat(pricesBestFirst(bookSide)).containsExactlyElementsOf(model.keySet());
            }
        }
        assertThat(pricesBestFirst(bookSide)).containsExactlyElementsOf(model.keySet());
        for (final long price : model.keySet())
        {
            assertThat(bookSide.find(price)).isSameAs(model.get(price));
        }
    }

    private static List<Long> pricesBestFirst(final BookSide side)
    {
        final List<Long> prices = new ArrayList<>();
        for (PriceLevel level = side.best(); level != null; level = side.nextWorse(level))
        {
            prices.add(level.price);
        }
        return prices;
    }
}
