package io.tickkeeper.risk;

/**
 * One account's replicated state: the session serving it, its kill switch, its open orders, the open notional
 * of those orders, the notional it filled on the current UTC day, and its new-order throttle window.
 */
final class Account
{
    final int accountId;
    long sessionId;
    boolean killed;
    int openOrders;
    long openNotional;
    long day;
    long filledNotionalToday;
    long lastOrderTimestampNs;
    long[] orderTimes = new long[16];
    int orderTimesHead;
    int orderTimesCount;

    Account(final int accountId)
    {
        this.accountId = accountId;
    }

    /** @return how many accepted new orders remain in the window ending at {@code nowNs} (exclusive of older). */
    int ordersInWindow(final long nowNs, final long windowNs)
    {
        while (orderTimesCount > 0 && orderTimes[orderTimesHead] <= nowNs - windowNs)
        {
            orderTimesHead = (orderTimesHead + 1) % orderTimes.length;
            orderTimesCount--;
        }
        return orderTimesCount;
    }

    void recordOrder(final long timeNs)
    {
        if (orderTimesCount == orderTimes.length)
        {
            final long[] grown = new long[orderTimes.length * 2];
            for (int i = 0; i < orderTimesCount; i++)
            {
                grown[i] = orderTimes[(orderTimesHead + i) % orderTimes.length];
            }
            orderTimes = grown;
            orderTimesHead = 0;
        }
        orderTimes[(orderTimesHead + orderTimesCount) % orderTimes.length] = timeNs;
        orderTimesCount++;
    }

    long orderTime(final int index)
    {
        return orderTimes[(orderTimesHead + index) % orderTimes.length];
    }

    void rollDay(final long dayOfTimestamp)
    {
        if (dayOfTimestamp > day)
        {
            day = dayOfTimestamp;
            filledNotionalToday = 0;
        }
    }
}
