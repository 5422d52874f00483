package io.tickkeeper.risk;

import java.util.ArrayList;
import java.util.List;

import io.tickkeeper.protocol.sbe.CancelRejectResponseTo;
import io.tickkeeper.protocol.sbe.ExecType;
import io.tickkeeper.protocol.sbe.OrdStatus;
import io.tickkeeper.protocol.sbe.OrderType;
import io.tickkeeper.protocol.sbe.RiskRejectReason;
import io.tickkeeper.protocol.sbe.Side;

/** Records every output of a risk engine as a value, in order. */
final class Recorder implements RiskEventListener
{
    /** An execution report. */
    record Er(long session, long execId, long orderId, ExecType execType, OrdStatus ordStatus,
        RiskRejectReason reason, int matchingResultCode, String clOrdId, String origClOrdId, long price,
        long quantity, long lastPrice, long lastQuantity, long cum, long leaves, long notionalFilled)
    {
    }

    /** A cancel reject. */
    record CancelReject(long session, long orderId, RiskRejectReason reason, OrdStatus ordStatus,
        CancelRejectResponseTo responseTo, String clOrdId, String origClOrdId)
    {
    }

    /** An account session acknowledgement. */
    record SessionAck(long session, int accountId, int openOrders, boolean connected, boolean served)
    {
    }

    /** A public trade. */
    record Trade(long tradeId, long price, long quantity, long buyOrderId, int buyAccountId, long sellOrderId,
        int sellAccountId, Side aggressorSide)
    {
    }

    /** A forwarded command (kind as in ForwardedCommand). */
    record Forward(int kind, int shard, long clientSequence, long timestampNs, long orderId, int instrumentId,
        int accountId, Side side, OrderType orderType, long price, long quantity)
    {
    }

    final List<Object> outputs = new ArrayList<>();

    @Override
    public void onExecutionReport(final long timestampNs, final ExecutionReport r)
    {
        outputs.add(new Er(r.sessionId(), r.execId(), r.orderId(), r.execType(), r.ordStatus(), r.rejectReason(),
            r.matchingResultCode(), r.clOrdId(), r.origClOrdId(), r.price(), r.quantity(), r.lastPrice(),
            r.lastQuantity(), r.cumQuantity(), r.leavesQuantity(), r.notionalFilled()));
    }

    @Override
    public void onCancelReject(
        final long timestampNs, final long sessionId, final long orderId, final int instrumentId, final int accountId,
        final RiskRejectReason reason, final OrdStatus ordStatus, final CancelRejectResponseTo responseTo,
        final String clOrdId, final String origClOrdId)
    {
        outputs.add(new CancelReject(sessionId, orderId, reason, ordStatus, responseTo, clOrdId, origClOrdId));
    }

    @Override
    public void onAccountSessionAck(
        final long timestampNs, final long sessionId, final int accountId, final int openOrders,
        final boolean connected, final boolean served)
    {
        outputs.add(new SessionAck(sessionId, accountId, openOrders, connected, served));
    }

    @Override
    public void onTrade(
        final long timestampNs, final long tradeId, final long matchingEpoch, final long matchingSequence,
        final int instrumentId, final long price, final long quantity, final long buyOrderId, final int buyAccountId,
        final long sellOrderId, final int sellAccountId, final Side aggressorSide)
    {
        outputs.add(new Trade(tradeId, price, quantity, buyOrderId, buyAccountId, sellOrderId, sellAccountId,
            aggressorSide));
    }

    @Override
    public void onForwardNewOrder(
        final long timestampNs, final int shard, final long clientSequence, final long orderId,
        final int instrumentId, final int accountId, final Side side, final OrderType orderType, final long price,
        final long quantity)
    {
        outputs.add(new Forward(ForwardedCommand.NEW_ORDER, shard, clientSequence, timestampNs, orderId,
            instrumentId, accountId, side, orderType, price, quantity));
    }

    @Override
    public void onForwardCancel(
        final long timestampNs, final int shard, final long clientSequence, final long matchingOrderId,
        final int instrumentId, final int accountId)
    {
        outputs.add(new Forward(ForwardedCommand.CANCEL, shard, clientSequence, timestampNs, matchingOrderId,
            instrumentId, accountId, null, null, 0, 0));
    }

    @Override
    public void onForwardReplace(
        final long timestampNs, final int shard, final long clientSequence, final long matchingOrderId,
        final int instrumentId, final int accountId, final long newPrice, final long newOpenQuantity)
    {
        outputs.add(new Forward(ForwardedCommand.REPLACE, shard, clientSequence, timestampNs, matchingOrderId,
            instrumentId, accountId, null, null, newPrice, newOpenQuantity));
    }

    @Override
    public void onForwardReferencePrice(
        final long timestampNs, final int shard, final long clientSequence, final int instrumentId,
        final long referencePrice)
    {
        outputs.add(new Forward(ForwardedCommand.REFERENCE_PRICE, shard, clientSequence, timestampNs, 0,
            instrumentId, 0, null, null, referencePrice, 0));
    }

    /** @return the outputs recorded since the last call, then forgets them. */
    List<Object> take()
    {
        final List<Object> taken = new ArrayList<>(outputs);
        outputs.clear();
        return taken;
    }

    <T> List<T> all(final List<Object> outputs, final Class<T> type)
    {
        final List<T> found = new ArrayList<>();
        for (final Object output : outputs)
        {
            if (type.isInstance(output))
            {
                found.add(type.cast(output));
            }
        }
        return found;
    }
}
