package io.tickkeeper.matching;

import java.util.Arrays;

/**
 * The price levels of one side of one book, as a paged price ladder: each tick of the side's price range maps to
 * a slot of a {@link LevelPage} of {@link LevelPage#SIZE} consecutive ticks, and the pages in use are kept in an
 * array sorted from worst to best. Opening or closing a level at any price is a page lookup (a binary search
 * over the few pages in use) and a slot write, with no shifting; only opening or closing a whole page moves
 * array entries. The best level is cached; when it closes, the next one is found in the page's bitmap.
 *
 * <p>Why not one sorted array of levels: in a book of ~750 levels where orders move to random prices, inserting
 * and removing levels in the middle of a sorted array copies hundreds of entries per move. The ladder does not.
 *
 * <p>Slots are addressed by a key that grows towards the best price: the tick index ({@code price / tickSize})
 * for bids and its negation for asks, so the same code serves both sides and "best" is always "highest key".
 */
final class BookSide
{
    private static final int NOT_A_POWER_OF_TWO = -1;

    private final Side side;
    private final long keySign;
    private final long tickSize;
    private final int tickShift;
    private final LevelPool levelPool;
    private final PagePool pagePool;
    private long[] pageKeys;
    private LevelPage[] pages;
    private int pageCount;
    private int levelCount;
    private PriceLevel best;

    BookSide(
        final Side side, final long tickSize, final LevelPool levelPool, final PagePool pagePool,
        final int initialPages)
    {
        if (tickSize <= 0)
        {
            throw new IllegalArgumentException("tickSize must be positive: " + tickSize);
        }
        if (initialPages <= 0)
        {
            throw new IllegalArgumentException("initialPages must be positive: " + initialPages);
        }
        this.side = side;
        this.keySign = side == Side.BUY ? 1 : -1;
        this.tickSize = tickSize;
        this.tickShift = Long.bitCount(tickSize) == 1 ? Long.numberOfTrailingZeros(tickSize) : NOT_A_POWER_OF_TWO;
        this.levelPool = levelPool;
        this.pagePool = pagePool;
        pageKeys = new long[initialPages];
        pages = new LevelPage[initialPages];
    }

    /** @return the number of open levels. */
    int size()
    {
        return levelCount;
    }

    /** @return the best level, or null when the side is empty. */
    PriceLevel best()
    {
        return best;
    }

    /** @return the next level after {@code level} going away from the best price, or null after the worst. */
    PriceLevel nextWorse(final PriceLevel level)
    {
        final LevelPage page = level.page;
        final int slot = page.highestBelow(level.slot);
        if (slot != LevelPage.NONE)
        {
            return page.levels[slot];
        }
        final int pageIndex = pageIndexOf(page.pageKey);
        return pageIndex > 0 ? highestOf(pages[pageIndex - 1]) : null;
    }

    /** @return the level at a price, or null (also for a price that is not on a tick). */
    PriceLevel find(final long price)
    {
        if (price <= 0 || price % tickSize != 0)
        {
            return null;
        }
        final long key = keyOf(price);
        final int pageIndex = pageIndexOf(key >> LevelPage.SHIFT);
        return pageIndex >= 0 ? pages[pageIndex].levels[(int)key & LevelPage.MASK] : null;
    }

    /** @return the level at a price (a positive multiple of the tick size), opened when there was none. */
    PriceLevel findOrOpen(final long price)
    {
        final long key = keyOf(price);
        final long pageKey = key >> LevelPage.SHIFT;
        final int slot = (int)key & LevelPage.MASK;
        final int pageIndex = pageIndexOf(pageKey);
        final LevelPage page;
        if (pageIndex >= 0)
        {
            page = pages[pageIndex];
            final PriceLevel level = page.levels[slot];
            if (level != null)
            {
                return level;
            }
        }
        else
        {
            page = openPage(-pageIndex - 1, pageKey);
        }
        final PriceLevel level = levelPool.acquire(price);
        level.key = key;
        level.page = page;
        level.slot = slot;
        page.put(slot, level);
        levelCount++;
        if (best == null || key > best.key)
        {
            best = level;
        }
        return level;
    }

    /** Removes an (empty) level of this side and gives it back to the pool. */
    void close(final PriceLevel level)
    {
        final LevelPage page = level.page;
        if (page == null || page.owner != this || page.levels[level.slot] != level)
        {
            throw new IllegalStateException("level " + level.price + " is not on the " + side + " side");
        }
        page.remove(level.slot);
        levelCount--;
        if (level == best)
        {
            final int lower = page.highestBelow(level.slot);
            best = lower == LevelPage.NONE ? null : page.levels[lower];
        }
        if (page.levelCount == 0)
        {
            closePage(page);
            if (best == null && pageCount > 0)
            {
                best = highestOf(pages[pageCount - 1]);
            }
        }
        level.page = null;
        levelPool.release(level);
    }

    private long keyOf(final long price)
    {
        final long ticks = tickShift == NOT_A_POWER_OF_TWO ? price / tickSize : price >> tickShift;
        return ticks * keySign;
    }

    private static PriceLevel highestOf(final LevelPage page)
    {
        return page.levels[page.highest()];
    }

    /**
     * @return the index of the page, or {@code -(insertion point) - 1} when absent. The best page is tried first.
     */
    private int pageIndexOf(final long pageKey)
    {
        final int last = pageCount - 1;
        if (last < 0)
        {
            return -1;
        }
        final long[] keys = pageKeys;
        final long bestKey = keys[last];
        if (bestKey <= pageKey)
        {
            return bestKey == pageKey ? last : -(last + 2);
        }
        int low = 0;
        int high = last - 1;
        while (low <= high)
        {
            final int middle = (low + high) >>> 1;
            final long middleKey = keys[middle];
            if (middleKey < pageKey)
            {
                low = middle + 1;
            }
            else if (middleKey > pageKey)
            {
                high = middle - 1;
            }
            else
            {
                return middle;
            }
        }
        return -(low + 1);
    }

    private LevelPage openPage(final int index, final long pageKey)
    {
        if (pageCount == pages.length)
        {
            final int capacity = pages.length << 1;
            pageKeys = Arrays.copyOf(pageKeys, capacity);
            pages = Arrays.copyOf(pages, capacity);
        }
        final int moved = pageCount - index;
        if (moved > 0)
        {
            System.arraycopy(pageKeys, index, pageKeys, index + 1, moved);
            System.arraycopy(pages, index, pages, index + 1, moved);
        }
        final LevelPage page = pagePool.acquire(pageKey);
        page.owner = this;
        pageKeys[index] = pageKey;
        pages[index] = page;
        pageCount++;
        return page;
    }

    private void closePage(final LevelPage page)
    {
        final int index = pageIndexOf(page.pageKey);
        final int last = pageCount - 1;
        final int moved = last - index;
        if (moved > 0)
        {
            System.arraycopy(pageKeys, index + 1, pageKeys, index, moved);
            System.arraycopy(pages, index + 1, pages, index, moved);
        }
        pages[last] = null;
        pageCount = last;
        page.owner = null;
        pagePool.release(page);
    }
}
