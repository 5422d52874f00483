package io.tickkeeper.strategy;

import io.tickkeeper.protocol.sbe.ExecType;
import io.tickkeeper.protocol.sbe.OrdStatus;
import io.tickkeeper.protocol.sbe.OrderType;
import io.tickkeeper.protocol.sbe.RiskRejectReason;
import io.tickkeeper.protocol.sbe.Side;

/** A mutable {@link ExecutionView}: the adapter fills one and hands it to {@link StrategyEngine#onExecution}. */
public final class ExecutionReport implements ExecutionView
{
    private long timestampNs;
    private String clOrdId = "";
    private String origClOrdId = "";
    private ExecType execType = ExecType.NEW;
    private OrdStatus ordStatus = OrdStatus.NEW;
    private int accountId;
    private int instrumentId;
    private Side side = Side.BUY;
    private OrderType orderType = OrderType.LIMIT_DAY;
    private long price;
    private long quantity;
    private long lastPrice;
    private long lastQuantity;
    private long cumQuantity;
    private long leavesQuantity;
    private RiskRejectReason rejectReason = RiskRejectReason.NONE;
    private long orderId;
    private long execId;

    /**
     * Sets the fields that say what happened.
     *
     * @return this.
     */
    public ExecutionReport set(
        final long timestampNs, final int accountId, final String clOrdId, final String origClOrdId,
        final ExecType execType, final OrdStatus ordStatus, final int instrumentId, final Side side,
        final OrderType orderType)
    {
        this.timestampNs = timestampNs;
        this.accountId = accountId;
        this.clOrdId = clOrdId;
        this.origClOrdId = origClOrdId;
        this.execType = execType;
        this.ordStatus = ordStatus;
        this.instrumentId = instrumentId;
        this.side = side;
        this.orderType = orderType;
        return this;
    }

    /**
     * Sets the quantities and prices.
     *
     * @return this.
     */
    public ExecutionReport quantities(
        final long price, final long quantity, final long lastPrice, final long lastQuantity, final long cumQuantity,
        final long leavesQuantity)
    {
        this.price = price;
        this.quantity = quantity;
        this.lastPrice = lastPrice;
        this.lastQuantity = lastQuantity;
        this.cumQuantity = cumQuantity;
        this.leavesQuantity = leavesQuantity;
        return this;
    }

    /**
     * Sets the ids and the reject reason.
     *
     * @return this.
     */
    public ExecutionReport ids(final long orderId, final long execId, final RiskRejectReason rejectReason)
    {
        this.orderId = orderId;
        this.execId = execId;
        this.rejectReason = rejectReason;
        return this;
    }

    /** @return the account the report is for: which bot it goes to. */
    public int accountId()
    {
        return accountId;
    }

    @Override
    public long timestampNs()
    {
        return timestampNs;
    }

    @Override
    public String clOrdId()
    {
        return clOrdId;
    }

    @Override
    public String origClOrdId()
    {
        return origClOrdId;
    }

    @Override
    public ExecType execType()
    {
        return execType;
    }

    @Override
    public OrdStatus ordStatus()
    {
        return ordStatus;
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
    public long lastPrice()
    {
        return lastPrice;
    }

    @Override
    public long lastQuantity()
    {
        return lastQuantity;
    }

    @Override
    public long cumQuantity()
    {
        return cumQuantity;
    }

    @Override
    public long leavesQuantity()
    {
        return leavesQuantity;
    }

    @Override
    public RiskRejectReason rejectReason()
    {
        return rejectReason;
    }

    @Override
    public long orderId()
    {
        return orderId;
    }

    @Override
    public long execId()
    {
        return execId;
    }
}
