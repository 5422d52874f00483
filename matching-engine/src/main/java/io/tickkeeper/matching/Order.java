package io.tickkeeper.matching;

/**
 * One open order on the book. Instances are pooled and reused ({@link OrderPool}), and linked into their price
 * level's FIFO queue through {@link #previous} and {@link #next}; while an order sits in the pool, {@link #next}
 * links the free list.
 */
final class Order
{
    long orderId;
    int instrumentId;
    int accountId;
    long clientOrderId;
    Side side;
    OrderType type;
    StpMode stpMode;
    long price;
    long openQuantity;
    long timestampNs;

    PriceLevel level;
    Order previous;
    Order next;

    void set(
        final long orderId, final int instrumentId, final int accountId, final long clientOrderId, final Side side,
        final OrderType type, final StpMode stpMode, final long price, final long openQuantity,
        final long timestampNs)
    {
        this.orderId = orderId;
        this.instrumentId = instrumentId;
        this.accountId = accountId;
        this.clientOrderId = clientOrderId;
        this.side = side;
        this.type = type;
        this.stpMode = stpMode;
        this.price = price;
        this.openQuantity = openQuantity;
        this.timestampNs = timestampNs;
    }

    void clear()
    {
        side = null;
        type = null;
        stpMode = null;
        level = null;
        previous = null;
        next = null;
    }
}
