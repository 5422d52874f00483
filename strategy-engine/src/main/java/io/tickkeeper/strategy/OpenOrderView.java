package io.tickkeeper.strategy;

import io.tickkeeper.protocol.sbe.OrderType;
import io.tickkeeper.protocol.sbe.Side;

/** One open order of a strategy, as the engine tracks it from what it sent and the reports it got. */
public interface OpenOrderView
{
    /** @return the ClOrdID the order is known by now. */
    String clOrdId();

    /** @return the instrument. */
    int instrumentId();

    /** @return buy or sell. */
    Side side();

    /** @return the order type. */
    OrderType orderType();

    /** @return the limit price (0 for a market order). */
    long price();

    /** @return the total order quantity. */
    long quantity();

    /** @return the quantity still open. */
    long leavesQuantity();

    /** @return the quantity filled so far. */
    long cumQuantity();

    /** @return where the order is in its life. */
    OrderState state();

    /** @return whether a request about the order is unanswered (new, cancel or replace): send nothing more for it. */
    default boolean pending()
    {
        return state() != OrderState.LIVE;
    }
}
