package io.tickkeeper.strategy;

import io.tickkeeper.protocol.sbe.OrderType;
import io.tickkeeper.protocol.sbe.Side;

/** One open order of a bot, as the engine tracks it. */
final class WorkingOrder implements OpenOrderView
{
    String clOrdId;
    String requestClOrdId;
    int instrumentId;
    Side side;
    OrderType orderType;
    long price;
    long quantity;
    long leavesQuantity;
    long cumQuantity;
    OrderState state;

    @Override
    public String clOrdId()
    {
        return clOrdId;
    }

    @Override
    public int instrumentId()
    {
        return instrumentId;
    }

    @Override
    public Side side()
    {
        return side;
    }

    @Override
    public OrderType orderType()
    {
        return orderType;
    }

    @Override
    public long price()
    {
        return price;
    }

    @Override
    public long quantity()
    {
        return quantity;
    }

    @Override
    public long leavesQuantity()
    {
        return leavesQuantity;
    }

    @Override
    public long cumQuantity()
    {
        return cumQuantity;
    }

    @Override
    public OrderState state()
    {
        return state;
    }

    /** @return whether the id names this order or its unanswered cancel or replace request. */
    boolean knownBy(final String id)
    {
        return id.equals(clOrdId) || id.equals(requestClOrdId);
    }

    @Override
    public String toString()
    {
        return clOrdId + " " + side + " " + leavesQuantity + "/" + quantity + " @" + price + " " + state;
    }
}
