package io.tickkeeper.matching;

/**
 * The open orders of a shard by (account id, client order id), for the duplicate client order id check.
 * Open addressing with linear probing over parallel primitive arrays, and backward-shift deletion (no
 * tombstones), so lookups, inserts and removals allocate nothing until the index has to grow.
 */
final class ClientOrderIndex
{
    private static final int MAX_CAPACITY = 1 << 30;

    private int[] accountIds;
    private long[] clientOrderIds;
    private Order[] orders;
    private int mask;
    private int size;
    private int resizeThreshold;

    /**
     * @param expectedSize how many open orders the index holds without growing.
     */
    ClientOrderIndex(final int expectedSize)
    {
        if (expectedSize < 0 || expectedSize > MAX_CAPACITY / 2)
        {
            throw new IllegalArgumentException("expectedSize must be in 0.." + MAX_CAPACITY / 2 + ": " + expectedSize);
        }
        allocate(capacityFor(expectedSize));
    }

    int size()
    {
        return size;
    }

    /** @return the open order with this key, or null. */
    Order get(final int accountId, final long clientOrderId)
    {
        final int[] accountIds = this.accountIds;
        final long[] clientOrderIds = this.clientOrderIds;
        final Order[] orders = this.orders;
        int slot = slotOf(accountId, clientOrderId);
        Order order;
        while ((order = orders[slot]) != null)
        {
            if (accountIds[slot] == accountId && clientOrderIds[slot] == clientOrderId)
            {
                return order;
            }
            slot = (slot + 1) & mask;
        }
        return null;
    }

    /**
     * Adds an order under its key.
     *
     * @throws IllegalStateException when the key is already present.
     */
    void put(final int accountId, final long clientOrderId, final Order order)
    {
        int slot = slotOf(accountId, clientOrderId);
        while (orders[slot] != null)
        {
            if (accountIds[slot] == accountId && clientOrderIds[slot] == clientOrderId)
            {
                throw new IllegalStateException(
                    "account " + accountId + " already has open client order id " + clientOrderId);
            }
            slot = (slot + 1) & mask;
        }
        accountIds[slot] = accountId;
        clientOrderIds[slot] = clientOrderId;
        orders[slot] = order;
        if (++size > resizeThreshold)
        {
            rehash(orders.length << 1);
        }
    }

    /** @return the removed order, or null when the key was absent. */
    Order remove(final int accountId, final long clientOrderId)
    {
        int slot = slotOf(accountId, clientOrderId);
        Order order;
        while ((order = orders[slot]) != null)
        {
            if (accountIds[slot] == accountId && clientOrderIds[slot] == clientOrderId)
            {
                closeGap(slot);
                size--;
                return order;
            }
            slot = (slot + 1) & mask;
        }
        return null;
    }

    /**
     * Empties a slot and moves later entries of the probe run back into it, so every remaining key stays
     * reachable from its home slot without tombstones.
     */
    private void closeGap(final int removedSlot)
    {
        int gap = removedSlot;
        int slot = removedSlot;
        while (true)
        {
            slot = (slot + 1) & mask;
            final Order order = orders[slot];
            if (order == null)
            {
                break;
            }
            final int home = slotOf(accountIds[slot], clientOrderIds[slot]);
            if (((slot - home) & mask) >= ((slot - gap) & mask))
            {
                accountIds[gap] = accountIds[slot];
                clientOrderIds[gap] = clientOrderIds[slot];
                orders[gap] = order;
                gap = slot;
            }
        }
        orders[gap] = null;
    }

    private int slotOf(final int accountId, final long clientOrderId)
    {
        long hash = clientOrderId * 0x9E3779B97F4A7C15L + accountId * 0xC2B2AE3D27D4EB4FL;
        hash ^= hash >>> 29;
        hash *= 0xBF58476D1CE4E5B9L;
        hash ^= hash >>> 32;
        return (int)hash & mask;
    }

    private void rehash(final int capacity)
    {
        if (capacity > MAX_CAPACITY || capacity <= 0)
        {
            throw new IllegalStateException("client order index is full: " + size);
        }
        final int[] oldAccountIds = accountIds;
        final long[] oldClientOrderIds = clientOrderIds;
        final Order[] oldOrders = orders;
        allocate(capacity);
        for (int i = 0; i < oldOrders.length; i++)
        {
            final Order order = oldOrders[i];
            if (order != null)
            {
                int slot = slotOf(oldAccountIds[i], oldClientOrderIds[i]);
                while (orders[slot] != null)
                {
                    slot = (slot + 1) & mask;
                }
                accountIds[slot] = oldAccountIds[i];
                clientOrderIds[slot] = oldClientOrderIds[i];
                orders[slot] = order;
            }
        }
    }

    private void allocate(final int capacity)
    {
        accountIds = new int[capacity];
        clientOrderIds = new long[capacity];
        orders = new Order[capacity];
        mask = capacity - 1;
        resizeThreshold = capacity >> 1;
    }

    private static int capacityFor(final int expectedSize)
    {
        int capacity = 16;
        while (capacity >> 1 < expectedSize)
        {
            capacity <<= 1;
        }
        return capacity;
    }
}
