package io.tickkeeper.matching;

/**
 * A run of {@link #SIZE} consecutive ticks of one book side: a slot per tick holding its open price level (or
 * null), and a bitmap of the occupied slots so that the next level towards or away from the best price is found
 * with a few word operations. Slots grow towards the best price (see {@link BookSide}). Pooled by
 * {@link PagePool}; while pooled, {@link #nextFree} links the free list.
 */
final class LevelPage
{
    static final int SHIFT = 8;
    static final int SIZE = 1 << SHIFT;
    static final int MASK = SIZE - 1;
    static final int NONE = -1;

    private static final int WORDS = SIZE / Long.SIZE;

    final PriceLevel[] levels = new PriceLevel[SIZE];
    private final long[] occupied = new long[WORDS];
    BookSide owner;
    long pageKey;
    int levelCount;
    LevelPage nextFree;

    void put(final int slot, final PriceLevel level)
    {
        levels[slot] = level;
        occupied[slot >>> 6] |= 1L << slot;
        levelCount++;
    }

    void remove(final int slot)
    {
        levels[slot] = null;
        occupied[slot >>> 6] &= ~(1L << slot);
        levelCount--;
    }

    /** @return the highest occupied slot, or {@link #NONE}. */
    int highest()
    {
        return highestBelow(SIZE);
    }

    /** @return the highest occupied slot below {@code slot}, or {@link #NONE}. */
    int highestBelow(final int slot)
    {
        int word = (slot - 1) >> 6;
        if (word < 0)
        {
            return NONE;
        }
        final int bitsBelow = slot & 63;
        long bits = occupied[word];
        if (bitsBelow != 0)
        {
            bits &= (1L << bitsBelow) - 1;
        }
        while (true)
        {
            if (bits != 0)
            {
                return (word << 6) + 63 - Long.numberOfLeadingZeros(bits);
            }
            if (--word < 0)
            {
                return NONE;
            }
            bits = occupied[word];
        }
    }
}
