package io.tickkeeper.matching;

/**
 * A free list of {@link LevelPage}s, filled at construction so that opening and closing pages allocates nothing
 * until more pages are in use at once than ever before.
 */
final class PagePool
{
    private LevelPage free;

    PagePool(final int initialCapacity)
    {
        if (initialCapacity < 0)
        {
            throw new IllegalArgumentException("initialCapacity must not be negative: " + initialCapacity);
        }
        for (int i = 0; i < initialCapacity; i++)
        {
            release(new LevelPage());
        }
    }

    LevelPage acquire(final long pageKey)
    {
        LevelPage page = free;
        if (page == null)
        {
            page = new LevelPage();
        }
        else
        {
            free = page.nextFree;
            page.nextFree = null;
        }
        page.pageKey = pageKey;
        return page;
    }

    /** Takes back an empty page. */
    void release(final LevelPage page)
    {
        page.nextFree = free;
        free = page;
    }
}
