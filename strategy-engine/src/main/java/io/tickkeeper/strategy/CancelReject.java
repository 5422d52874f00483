package io.tickkeeper.strategy;

import io.tickkeeper.protocol.sbe.CancelRejectResponseTo;
import io.tickkeeper.protocol.sbe.OrdStatus;
import io.tickkeeper.protocol.sbe.RiskRejectReason;

/** A mutable {@link CancelRejectView}: the adapter fills one and hands it to {@link StrategyEngine#onCancelReject}. */
public final class CancelReject implements CancelRejectView
{
    private long timestampNs;
    private int accountId;
    private String clOrdId = "";
    private String origClOrdId = "";
    private CancelRejectResponseTo responseTo = CancelRejectResponseTo.CANCEL;
    private RiskRejectReason reason = RiskRejectReason.NONE;
    private OrdStatus ordStatus = OrdStatus.NEW;
    private int instrumentId;

    /**
     * Sets every field.
     *
     * @return this.
     */
    public CancelReject set(
        final long timestampNs, final int accountId, final String clOrdId, final String origClOrdId,
        final CancelRejectResponseTo responseTo, final RiskRejectReason reason, final OrdStatus ordStatus,
        final int instrumentId)
    {
        this.timestampNs = timestampNs;
        this.accountId = accountId;
        this.clOrdId = clOrdId;
        this.origClOrdId = origClOrdId;
        this.responseTo = responseTo;
        this.reason = reason;
        this.ordStatus = ordStatus;
        this.instrumentId = instrumentId;
        return this;
    }

    /** @return the account the refusal is for. */
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
    public CancelRejectResponseTo responseTo()
    {
        return responseTo;
    }

    @Override
    public RiskRejectReason reason()
    {
        return reason;
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
}
