package io.tickkeeper.strategy;

import io.tickkeeper.protocol.sbe.ExecType;
import io.tickkeeper.protocol.sbe.OrdStatus;
import io.tickkeeper.protocol.sbe.OrderType;
import io.tickkeeper.protocol.sbe.RiskRejectReason;
import io.tickkeeper.protocol.sbe.Side;

/** An execution report about one of a strategy's orders (the risk manager's RiskExecutionReport). */
public interface ExecutionView
{
    /** @return the time of the input that carried the report. */
    long timestampNs();

    /** @return the order's ClOrdID (for a cancel or replace: the request's). */
    String clOrdId();

    /** @return the ClOrdID the order had before a cancel or replace, else empty. */
    String origClOrdId();

    /** @return what happened. */
    ExecType execType();

    /** @return the order's status after it. */
    OrdStatus ordStatus();

    /** @return the instrument. */
    int instrumentId();

    /** @return the order's side. */
    Side side();

    /** @return the order's type. */
    OrderType orderType();

    /** @return the order's limit price. */
    long price();

    /** @return the order's total quantity. */
    long quantity();

    /** @return the price of this fill, 0 when it is not a fill. */
    long lastPrice();

    /** @return the quantity of this fill, 0 when it is not a fill. */
    long lastQuantity();

    /** @return the quantity filled so far. */
    long cumQuantity();

    /** @return the quantity still open. */
    long leavesQuantity();

    /** @return why the risk manager rejected the order, {@link RiskRejectReason#NONE} otherwise. */
    RiskRejectReason rejectReason();

    /** @return the risk manager's order id (FIX OrderID). */
    long orderId();

    /** @return the report's unique id. */
    long execId();
}
