package io.tickkeeper.risk.service;

import io.tickkeeper.node.EventFrameWriter;
import io.tickkeeper.protocol.sbe.BooleanType;
import io.tickkeeper.protocol.sbe.CancelOrderEncoder;
import io.tickkeeper.protocol.sbe.CancelRejectResponseTo;
import io.tickkeeper.protocol.sbe.InputFrameEncoder;
import io.tickkeeper.protocol.sbe.MessageHeaderEncoder;
import io.tickkeeper.protocol.sbe.NewOrderEncoder;
import io.tickkeeper.protocol.sbe.OrdStatus;
import io.tickkeeper.protocol.sbe.OrderType;
import io.tickkeeper.protocol.sbe.ReplaceOrderEncoder;
import io.tickkeeper.protocol.sbe.RiskAccountSessionAckEncoder;
import io.tickkeeper.protocol.sbe.RiskCancelRejectEncoder;
import io.tickkeeper.protocol.sbe.RiskExecutionReportEncoder;
import io.tickkeeper.protocol.sbe.RiskRejectReason;
import io.tickkeeper.protocol.sbe.RiskTradeEncoder;
import io.tickkeeper.protocol.sbe.SetReferencePriceEncoder;
import io.tickkeeper.protocol.sbe.Side;
import io.tickkeeper.protocol.sbe.StpMode;
import io.tickkeeper.risk.ExecutionReport;
import io.tickkeeper.risk.RiskEngine;
import io.tickkeeper.risk.RiskEventListener;
import io.tickkeeper.runtime.OutputSink;

/**
 * The outbound boundary of the risk engine: encodes each output as an SBE message into the output area of the
 * input being applied. Reports and trades are events led by an event frame with the input's epoch, sequence and
 * time and the session they are addressed to (the client sequence is the input's when the output goes to the
 * session that sent the input, else 0); forwarded commands are matching commands (templates 1-4) led by an input
 * frame with epoch and sequence 0 (matching stamps its own), the shard's forward session
 * ({@link RiskEngine#forwardSession}) and the shard's forward counter. Outputs are only accepted between
 * {@link #begin} and {@link #end}.
 */
public final class RiskEventEncoder implements RiskEventListener
{
    /** The largest output, in bytes: an execution report. */
    public static final int MAX_OUTPUT_LENGTH = MessageHeaderEncoder.ENCODED_LENGTH + RiskExecutionReportEncoder.BLOCK_LENGTH;

    private final EventFrameWriter writer = new EventFrameWriter("an output outside an input");
    private final RiskExecutionReportEncoder executionReport = new RiskExecutionReportEncoder();
    private final RiskCancelRejectEncoder cancelReject = new RiskCancelRejectEncoder();
    private final RiskTradeEncoder trade = new RiskTradeEncoder();
    private final RiskAccountSessionAckEncoder sessionAck = new RiskAccountSessionAckEncoder();
    private final NewOrderEncoder newOrder = new NewOrderEncoder();
    private final CancelOrderEncoder cancel = new CancelOrderEncoder();
    private final ReplaceOrderEncoder replace = new ReplaceOrderEncoder();
    private final SetReferencePriceEncoder setReferencePrice = new SetReferencePriceEncoder();

    /**
     * Starts the outputs of one input.
     *
     * @param out             the input's output area.
     * @param epoch           the input's epoch.
     * @param sequence        the input's sequence.
     * @param clientSessionId the session that sent the input (0 for the primary's own inputs).
     * @param clientSequence  the input's client sequence.
     */
    public void begin(
        final OutputSink out, final long epoch, final long sequence, final long clientSessionId,
        final long clientSequence)
    {
        writer.begin(out, epoch, sequence, clientSessionId, clientSequence);
    }

    /** Ends the outputs of the current input. */
    public void end()
    {
        writer.end();
    }

    @Override
    public void onExecutionReport(final long timestampNs, final ExecutionReport report)
    {
        writer.frame(writer.wrap(executionReport).frame(), report.sessionId(), timestampNs);
        executionReport.execId(report.execId())
            .orderId(report.orderId())
            .price(report.price())
            .quantity(report.quantity())
            .lastPrice(report.lastPrice())
            .lastQuantity(report.lastQuantity())
            .cumQuantity(report.cumQuantity())
            .leavesQuantity(report.leavesQuantity())
            .notionalFilled(report.notionalFilled())
            .instrumentId(report.instrumentId())
            .accountId(report.accountId())
            .rejectReason(report.rejectReason())
            .matchingResultCode(report.matchingResultCode())
            .side(report.side())
            .orderType(report.orderType())
            .execType(report.execType())
            .ordStatus(report.ordStatus())
            .clOrdId(report.clOrdId())
            .origClOrdId(report.origClOrdId());
        writer.commit(executionReport);
    }

    @Override
    public void onCancelReject(
        final long timestampNs, final long sessionId, final long orderId, final int instrumentId,
        final int accountId, final RiskRejectReason reason, final OrdStatus ordStatus,
        final CancelRejectResponseTo responseTo, final String clOrdId, final String origClOrdId)
    {
        writer.frame(writer.wrap(cancelReject).frame(), sessionId, timestampNs);
        cancelReject.orderId(orderId)
            .instrumentId(instrumentId)
            .accountId(accountId)
            .reason(reason)
            .ordStatus(ordStatus)
            .responseTo(responseTo)
            .clOrdId(clOrdId)
            .origClOrdId(origClOrdId);
        writer.commit(cancelReject);
    }

    @Override
    public void onAccountSessionAck(
        final long timestampNs, final long sessionId, final int accountId, final int openOrders,
        final boolean connected, final boolean served)
    {
        writer.frame(writer.wrap(sessionAck).frame(), sessionId, timestampNs);
        sessionAck.accountId(accountId)
            .openOrders(openOrders)
            .connected(connected ? BooleanType.TRUE : BooleanType.FALSE)
            .served(served ? BooleanType.TRUE : BooleanType.FALSE);
        writer.commit(sessionAck);
    }

    @Override
    public void onTrade(
        final long timestampNs, final long tradeId, final long matchingEpoch, final long matchingSequence,
        final int instrumentId, final long price, final long quantity, final long buyOrderId, final int buyAccountId,
        final long sellOrderId, final int sellAccountId, final Side aggressorSide)
    {
        writer.frame(writer.wrap(trade).frame(), 0, timestampNs);
        trade.tradeId(tradeId)
            .matchingEpoch(matchingEpoch)
            .matchingSequence(matchingSequence)
            .price(price)
            .quantity(quantity)
            .buyOrderId(buyOrderId)
            .sellOrderId(sellOrderId)
            .instrumentId(instrumentId)
            .buyAccountId(buyAccountId)
            .sellAccountId(sellAccountId)
            .aggressorSide(aggressorSide);
        writer.commit(trade);
    }

    @Override
    public void onForwardNewOrder(
        final long timestampNs, final int shard, final long clientSequence, final long orderId,
        final int instrumentId, final int accountId, final Side side, final OrderType orderType, final long price,
        final long quantity)
    {
        forwardFrame(writer.wrap(newOrder).frame(), shard, clientSequence, timestampNs);
        newOrder.clientOrderId(orderId)
            .price(price)
            .quantity(quantity)
            .instrumentId(instrumentId)
            .accountId(accountId)
            .side(side)
            .orderType(orderType)
            .stpMode(StpMode.NONE);
        writer.commit(newOrder);
    }

    @Override
    public void onForwardCancel(
        final long timestampNs, final int shard, final long clientSequence, final long matchingOrderId,
        final int instrumentId, final int accountId)
    {
        forwardFrame(writer.wrap(cancel).frame(), shard, clientSequence, timestampNs);
        cancel.orderId(matchingOrderId)
            .instrumentId(instrumentId)
            .accountId(accountId);
        writer.commit(cancel);
    }

    @Override
    public void onForwardReplace(
        final long timestampNs, final int shard, final long clientSequence, final long matchingOrderId,
        final int instrumentId, final int accountId, final long newPrice, final long newOpenQuantity)
    {
        forwardFrame(writer.wrap(replace).frame(), shard, clientSequence, timestampNs);
        replace.orderId(matchingOrderId)
            .newPrice(newPrice)
            .newQuantity(newOpenQuantity)
            .instrumentId(instrumentId)
            .accountId(accountId);
        writer.commit(replace);
    }

    @Override
    public void onForwardReferencePrice(
        final long timestampNs, final int shard, final long clientSequence, final int instrumentId,
        final long referencePrice)
    {
        forwardFrame(writer.wrap(setReferencePrice).frame(), shard, clientSequence, timestampNs);
        setReferencePrice.referencePrice(referencePrice).instrumentId(instrumentId);
        writer.commit(setReferencePrice);
    }

    private static void forwardFrame(
        final InputFrameEncoder frame, final int shard, final long clientSequence, final long timestampNs)
    {
        frame.epoch(0)
            .sequence(0)
            .clientSessionId(RiskEngine.forwardSession(shard))
            .clientSequence(clientSequence)
            .timestampNs(timestampNs);
    }
}
