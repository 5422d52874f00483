package io.tickkeeper.risk;

import io.tickkeeper.protocol.sbe.OrdStatus;
import io.tickkeeper.protocol.sbe.OrderType;
import io.tickkeeper.protocol.sbe.Side;

/** One order the risk manager knows: what the client asked, what matching did with it, what is pending. */
final class RiskOrder
{
    long orderId;
    long originSessionId;
    long matchingOrderId;
    long price;
    long quantity;
    long cumQuantity;
    long notionalFilled;
    long valuationPrice;
    long pendingPrice;
    long pendingQuantity;
    long finishedSequence;
    int instrumentId;
    int accountId;
    int shard;
    Side side;
    OrderType orderType;
    RiskOrderState state;
    PendingRequest pending = PendingRequest.NONE;
    long pendingForwardSequence;
    boolean cancelWhenAnswered;
    String clOrdId;
    String pendingClOrdId = "";

    long leavesQuantity()
    {
        return state.isFinal() ? 0 : quantity - cumQuantity;
    }

    boolean isOpen()
    {
        return !state.isFinal();
    }

    OrdStatus ordStatus()
    {
        if (state == RiskOrderState.NEW || state == RiskOrderState.PARTIALLY_FILLED)
        {
            if (pending == PendingRequest.CANCEL || pending == PendingRequest.SYSTEM_CANCEL)
            {
                return OrdStatus.PENDING_CANCEL;
            }
            if (pending == PendingRequest.REPLACE)
            {
                return OrdStatus.PENDING_REPLACE;
            }
        }
        return state.ordStatus();
    }
}
