package io.tickkeeper.matching;

/**
 * A free list of {@link PriceLevel}s, filled at construction so that opening and closing price levels allocates
 * nothing until more levels exist at once than ever before.
 */
final class LevelPool
{
    private PriceLevel free;

    LevelPool(final int initialCapacity)
    {
        if (initialCapacity < 0)
        {
            throw new IllegalArgumentException("initialCapacity must not be negative: " + initialCapacity);
        }
        for (int i = 0; i < initialCapacity; i++)
        {
            release(new PriceLevel());
        }
    }

    PriceLevel acquire(final long price)
    {
        PriceLevel level = free;
        if (level == null)
        {
            level = new PriceLevel();
        }
        else
        {
            free = level.nextFree;
            level.nextFree = null;
        }
        level.init(price);
        return level;
    }

    void release(final PriceLevel level)
    {
        level.head = null;
        level.tail = null;
        level.nextFree = free;
        free = level;
    }
}
