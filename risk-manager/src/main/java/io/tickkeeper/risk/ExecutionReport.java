package io.tickkeeper.risk;

import io.tickkeeper.protocol.sbe.ExecType;
import io.tickkeeper.protocol.sbe.OrdStatus;
import io.tickkeeper.protocol.sbe.OrderType;
import io.tickkeeper.protocol.sbe.RiskRejectReason;
import io.tickkeeper.protocol.sbe.Side;

/**
 * One execution report the engine emits (FIX ExecutionReport): a flyweight the engine fills and hands to its
 * {@link RiskEventListener}; valid only during that call. The enums are the wire's (docs/risk.md maps them to FIX).
 */
public final class ExecutionReport
{
    long sessionId;
    long execId;
    long orderId;
    long price;
    long quantity;
    long lastPrice;
    long lastQuantity;
    long cumQuantity;
    long leavesQuantity;
    long notionalFilled;
    int instrumentId;
    int accountId;
    RiskRejectReason rejectReason = RiskRejectReason.NONE;
    int matchingResultCode;
    Side side;
    OrderType orderType;
    ExecType execType;
    OrdStatus ordStatus;
    String clOrdId;
    String origClOrdId;

    /** @return the client session the report is addressed to. */
    public long sessionId()
    {
        return sessionId;
    }

    /** @return the execution id: unique for the service's life. */
    public long execId()
    {
        return execId;
    }

    /** @return the risk manager's order id (FIX OrderID); 0 for an order that never got one. */
    public long orderId()
    {
        return orderId;
    }

    /** @return the order's limit price (0 for a market order). */
    public long price()
    {
        return price;
    }

    /** @return the order's total quantity. */
    public long quantity()
    {
        return quantity;
    }

    /** @return the price of this fill, else 0. */
    public long lastPrice()
    {
        return lastPrice;
    }

    /** @return the quantity of this fill, else 0. */
    public long lastQuantity()
    {
        return lastQuantity;
    }

    /** @return the quantity filled so far. */
    public long cumQuantity()
    {
        return cumQuantity;
    }

    /** @return the quantity still open (0 once the order is finished). */
    public long leavesQuantity()
    {
        return leavesQuantity;
    }

    /** @return the sum of price x quantity of the fills. */
    public long notionalFilled()
    {
        return notionalFilled;
    }

    /** @return the instrument. */
    public int instrumentId()
    {
        return instrumentId;
    }

    /** @return the account. */
    public int accountId()
    {
        return accountId;
    }

    /** @return why the order was refused, else NONE. */
    public RiskRejectReason rejectReason()
    {
        return rejectReason;
    }

    /** @return the matching ResultCode behind MATCHING_REJECT, else 0. */
    public int matchingResultCode()
    {
        return matchingResultCode;
    }

    /** @return the side. */
    public Side side()
    {
        return side;
    }

    /** @return the order type. */
    public OrderType orderType()
    {
        return orderType;
    }

    /** @return what happened. */
    public ExecType execType()
    {
        return execType;
    }

    /** @return the order's status after it. */
    public OrdStatus ordStatus()
    {
        return ordStatus;
    }

    /** @return the ClOrdID the report is about (a cancel or replace request's own id for its outcome). */
    public String clOrdId()
    {
        return clOrdId;
    }

    /** @return the OrigClOrdID for the outcome of a cancel or replace request, else empty. */
    public String origClOrdId()
    {
        return origClOrdId;
    }

    void clear()
    {
        sessionId = 0;
        execId = 0;
        orderId = 0;
        price = 0;
        quantity = 0;
        lastPrice = 0;
        lastQuantity = 0;
        cumQuantity = 0;
        leavesQuantity = 0;
        notionalFilled = 0;
        instrumentId = 0;
        accountId = 0;
        rejectReason = RiskRejectReason.NONE;
        matchingResultCode = 0;
        side = Side.BUY;
        orderType = OrderType.LIMIT_GTC;
        execType = ExecType.NEW;
        ordStatus = OrdStatus.NEW;
        clOrdId = "";
        origClOrdId = "";
    }

    @Override
    public String toString()
    {
        return "ExecutionReport{session=" + sessionId + ", execId=" + execId + ", orderId=" + orderId +
            ", execType=" + execType + ", ordStatus=" + ordStatus + ", reason=" + rejectReason + "/" +
            matchingResultCode + ", clOrdId=" + clOrdId + ", orig=" + origClOrdId + ", price=" + price +
            ", qty=" + quantity + ", last=" + lastQuantity + "@" + lastPrice + ", cum=" + cumQuantity +
            ", leaves=" + leavesQuantity + "}";
    }
}
