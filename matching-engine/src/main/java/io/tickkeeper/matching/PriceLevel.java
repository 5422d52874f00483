package io.tickkeeper.matching;

/**
 * All open orders of one side at one price, oldest first, as an intrusive doubly linked FIFO. Knows its place in
 * its {@link BookSide} ({@link #key}, {@link #page}, {@link #slot}). Pooled by {@link LevelPool}; while pooled,
 * {@link #nextFree} links the free list.
 */
final class PriceLevel
{
    long price;
    long key;
    LevelPage page;
    int slot;
    Order head;
    Order tail;
    int orderCount;
    long totalQuantity;
    PriceLevel nextFree;

    void init(final long price)
    {
        this.price = price;
        head = null;
        tail = null;
        orderCount = 0;
        totalQuantity = 0;
    }

    /** Adds an order at the back of the queue (lowest time priority). */
    void append(final Order order)
    {
        order.level = this;
        order.next = null;
        order.previous = tail;
        if (tail == null)
        {
            head = order;
        }
        else
        {
            tail.next = order;
        }
        tail = order;
        orderCount++;
        totalQuantity += order.openQuantity;
    }

    /** Takes an order out of the queue, wherever it is; its open quantity leaves the level's total. */
    void unlink(final Order order)
    {
        final Order previous = order.previous;
        final Order next = order.next;
        if (previous == null)
        {
            head = next;
        }
        else
        {
            previous.next = next;
        }
        if (next == null)
        {
            tail = previous;
        }
        else
        {
            next.previous = previous;
        }
        order.previous = null;
        order.next = null;
        order.level = null;
        orderCount--;
        totalQuantity -= order.openQuantity;
    }

    boolean isEmpty()
    {
        return head == null;
    }
}
