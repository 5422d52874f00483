package io.tickkeeper.matching;

/**
 * A free list of {@link Order}s, filled at construction so that taking and giving back orders allocates nothing
 * until more orders are open at once than ever before.
 */
final class OrderPool
{
    private Order free;

    OrderPool(final int initialCapacity)
    {
        if (initialCapacity < 0)
        {
            throw new IllegalArgumentException("initialCapacity must not be negative: " + initialCapacity);
        }
        for (int i = 0; i < initialCapacity; i++)
        {
            release(new Order());
        }
    }

    Order acquire()
    {
        final Order order = free;
        if (order == null)
        {
            return new Order();
        }
        free = order.next;
        order.next = null;
        return order;
    }

    void release(final Order order)
    {
        order.clear();
        order.next = free;
        free = order;
    }
}
