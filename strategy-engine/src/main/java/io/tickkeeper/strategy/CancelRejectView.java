package io.tickkeeper.strategy;

import io.tickkeeper.protocol.sbe.CancelRejectResponseTo;
import io.tickkeeper.protocol.sbe.OrdStatus;
import io.tickkeeper.protocol.sbe.RiskRejectReason;

/** The risk manager's refusal of a strategy's cancel or replace request (its RiskCancelReject). */
public interface CancelRejectView
{
    /** @return the time of the input that carried the refusal. */
    long timestampNs();

    /** @return the ClOrdID of the refused request. */
    String clOrdId();

    /** @return the ClOrdID of the order the request was about. */
    String origClOrdId();

    /** @return whether a cancel or a replace was refused. */
    CancelRejectResponseTo responseTo();

    /** @return why. */
    RiskRejectReason reason();

    /** @return the order's status. */
    OrdStatus ordStatus();

    /** @return the instrument. */
    int instrumentId();
}
