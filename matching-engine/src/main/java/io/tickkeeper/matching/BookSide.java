package io.tickkeeper.matching;

import java.util.Arrays;

/**
 * The price levels of one side of one book, kept in one array sorted from worst to best, so the best level is
 * the last element. Orders mostly arrive, move and trade near the best price, so the array is searched from its
 * end outwards (a galloping search, then a binary search in the bracket found) and levels are inserted or
 * removed with a {@link System#arraycopy} of the few entries between the change and the best end.
 *
 * <p>Levels are compared by a key that grows towards the best price: the price for bids and the negated price
 * for asks, so one ascending array serves both sides.
 */
final class BookSide
{
    private final Side side;
    private final LevelPool levelPool;
    private long[] keys;
    private PriceLevel[] levels;
    private int size;

    BookSide(final Side side, final LevelPool levelPool, final int initialCapacity)
    {
        if (initialCapacity <= 0)
        {
            throw new IllegalArgumentException("initialCapacity must be positive: " + initialCapacity);
        }
        this.side = side;
        this.levelPool = levelPool;
        keys = new long[initialCapacity];
        levels = new PriceLevel[initialCapacity];
    }

    Side side()
    {
        return side;
    }

    int size()
    {
        return size;
    }

    /** @return the best level, or null when the side is empty. */
    PriceLevel best()
    {
        return size == 0 ? null : levels[size - 1];
    }

    /** @return the level {@code rank} places from the best one (0 is the best). */
    PriceLevel fromBest(final int rank)
    {
        return levels[size - 1 - rank];
    }

    /**
     * @return the level at an array index: 0 is the worst, {@code size() - 1} the best. Closing a level leaves
     * the indexes of all worse levels unchanged, so a walk from the best index down may close levels as it goes.
     */
    PriceLevel atIndex(final int index)
    {
        return levels[index];
    }

    /** @return the level at a price, or null. */
    PriceLevel find(final long price)
    {
        final int index = indexOf(keyOf(price));
        return index >= 0 ? levels[index] : null;
    }

    /** @return the level at a price, opened (from the pool) when there was none. */
    PriceLevel findOrOpen(final long price)
    {
        final long key = keyOf(price);
        final int index = indexOf(key);
        if (index >= 0)
        {
            return levels[index];
        }
        final int insertAt = -index - 1;
        if (size == keys.length)
        {
            grow();
        }
        final int moved = size - insertAt;
        if (moved > 0)
        {
            System.arraycopy(keys, insertAt, keys, insertAt + 1, moved);
            System.arraycopy(levels, insertAt, levels, insertAt + 1, moved);
        }
        final PriceLevel level = levelPool.acquire(price);
        keys[insertAt] = key;
        levels[insertAt] = level;
        size++;
        return level;
    }

    /** Removes an (empty) level of this side and gives it back to the pool. */
    void close(final PriceLevel level)
    {
        final int last = size - 1;
        final int index = levels[last] == level ? last : indexOf(keyOf(level.price));
        if (index < 0 || levels[index] != level)
        {
            throw new IllegalStateException("level " + level.price + " is not on the " + side + " side");
        }
        final int moved = last - index;
        if (moved > 0)
        {
            System.arraycopy(keys, index + 1, keys, index, moved);
            System.arraycopy(levels, index + 1, levels, index, moved);
        }
        levels[last] = null;
        size = last;
        levelPool.release(level);
    }

    private long keyOf(final long price)
    {
        return side == Side.BUY ? price : -price;
    }

    /**
     * @return the index of the key, or {@code -(insertion point) - 1} when absent, like
     * {@link java.util.Arrays#binarySearch(long[], long)}.
     */
    private int indexOf(final long key)
    {
        final long[] keys = this.keys;
        int high = size - 1;
        int low;
        int distance = 1;
        while (true)
        {
            final int probe = size - distance;
            if (probe <= 0)
            {
                low = 0;
                break;
            }
            if (keys[probe] <= key)
            {
                low = probe;
                break;
            }
            high = probe - 1;
            distance <<= 1;
        }
        while (low <= high)
        {
            final int middle = (low + high) >>> 1;
            final long middleKey = keys[middle];
            if (middleKey < key)
            {
                low = middle + 1;
            }
            else if (middleKey > key)
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

    private void grow()
    {
        final int capacity = keys.length << 1;
        if (capacity < 0)
        {
            throw new IllegalStateException("too many price levels on the " + side + " side");
        }
        keys = Arrays.copyOf(keys, capacity);
        levels = Arrays.copyOf(levels, capacity);
    }
}
