package io.tickkeeper.risk.service;

import io.tickkeeper.protocol.sbe.BooleanType;
import io.tickkeeper.protocol.sbe.InputFrameEncoder;
import io.tickkeeper.protocol.sbe.MatchingReportKind;
import io.tickkeeper.protocol.sbe.MessageHeaderEncoder;
import io.tickkeeper.protocol.sbe.OrderType;
import io.tickkeeper.protocol.sbe.RiskAccountSessionEncoder;
import io.tickkeeper.protocol.sbe.RiskCancelOrderEncoder;
import io.tickkeeper.protocol.sbe.RiskLimitKind;
import io.tickkeeper.protocol.sbe.RiskLimitUpdateEncoder;
import io.tickkeeper.protocol.sbe.RiskMatchingReportEncoder;
import io.tickkeeper.protocol.sbe.RiskNewOrderEncoder;
import io.tickkeeper.protocol.sbe.RiskOrderStatusRequestEncoder;
import io.tickkeeper.protocol.sbe.RiskPrimaryStartedEncoder;
import io.tickkeeper.protocol.sbe.RiskReferencePriceEncoder;
import io.tickkeeper.protocol.sbe.RiskReplaceOrderEncoder;
import io.tickkeeper.protocol.sbe.Side;
import org.agrona.MutableDirectBuffer;

/**
 * Encodes the risk engine's inputs (501-509) for {@link RiskPipeline#publish}: what a gateway, the strategy engine
 * and the risk primary itself use. Epoch and sequence are left 0; the pipeline stamps them. The primary's own
 * inputs (506-509) carry client session 0. Not thread-safe: one per thread.
 */
public final class RiskCommandEncoder
{
    /** Bytes the longest input takes (a RiskMatchingReport). */
    public static final int MAX_LENGTH = MessageHeaderEncoder.ENCODED_LENGTH + Math.max(
        RiskMatchingReportEncoder.BLOCK_LENGTH,
        Math.max(RiskReplaceOrderEncoder.BLOCK_LENGTH, RiskNewOrderEncoder.BLOCK_LENGTH));

    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final RiskNewOrderEncoder newOrder = new RiskNewOrderEncoder();
    private final RiskCancelOrderEncoder cancel = new RiskCancelOrderEncoder();
    private final RiskReplaceOrderEncoder replace = new RiskReplaceOrderEncoder();
    private final RiskOrderStatusRequestEncoder status = new RiskOrderStatusRequestEncoder();
    private final RiskAccountSessionEncoder accountSession = new RiskAccountSessionEncoder();
    private final RiskMatchingReportEncoder matchingReport = new RiskMatchingReportEncoder();
    private final RiskReferencePriceEncoder referencePrice = new RiskReferencePriceEncoder();
    private final RiskLimitUpdateEncoder limitUpdate = new RiskLimitUpdateEncoder();
    private final RiskPrimaryStartedEncoder primaryStarted = new RiskPrimaryStartedEncoder();

    /** @return the length of the encoded RiskNewOrder. */
    public int newOrder(
        final MutableDirectBuffer buffer, final int offset, final long clientSessionId, final long clientSequence,
        final long timestampNs, final int instrumentId, final int accountId, final String clOrdId, final Side side,
        final OrderType orderType, final long price, final long quantity)
    {
        newOrder.wrapAndApplyHeader(buffer, offset, header);
        frame(newOrder.frame(), clientSessionId, clientSequence, timestampNs);
        newOrder.price(price)
            .quantity(quantity)
            .instrumentId(instrumentId)
            .accountId(accountId)
            .side(side)
            .orderType(orderType)
            .clOrdId(clOrdId);
        return MessageHeaderEncoder.ENCODED_LENGTH + newOrder.encodedLength();
    }

    /** @return the length of the encoded RiskCancelOrder. */
    public int cancel(
        final MutableDirectBuffer buffer, final int offset, final long clientSessionId, final long clientSequence,
        final long timestampNs, final int instrumentId, final int accountId, final String clOrdId,
        final String origClOrdId)
    {
        cancel.wrapAndApplyHeader(buffer, offset, header);
        frame(cancel.frame(), clientSessionId, clientSequence, timestampNs);
        cancel.instrumentId(instrumentId)
            .accountId(accountId)
            .clOrdId(clOrdId)
            .origClOrdId(origClOrdId);
        return MessageHeaderEncoder.ENCODED_LENGTH + cancel.encodedLength();
    }

    /** @return the length of the encoded RiskReplaceOrder. */
    public int replace(
        final MutableDirectBuffer buffer, final int offset, final long clientSessionId, final long clientSequence,
        final long timestampNs, final int instrumentId, final int accountId, final String clOrdId,
        final String origClOrdId, final long newPrice, final long newQuantity)
    {
        replace.wrapAndApplyHeader(buffer, offset, header);
        frame(replace.frame(), clientSessionId, clientSequence, timestampNs);
        replace.newPrice(newPrice)
            .newQuantity(newQuantity)
            .instrumentId(instrumentId)
            .accountId(accountId)
            .clOrdId(clOrdId)
            .origClOrdId(origClOrdId);
        return MessageHeaderEncoder.ENCODED_LENGTH + replace.encodedLength();
    }

    /** @return the length of the encoded RiskOrderStatusRequest. */
    public int orderStatus(
        final MutableDirectBuffer buffer, final int offset, final long clientSessionId, final long clientSequence,
        final long timestampNs, final int accountId, final String clOrdId)
    {
        status.wrapAndApplyHeader(buffer, offset, header);
        frame(status.frame(), clientSessionId, clientSequence, timestampNs);
        status.accountId(accountId).clOrdId(clOrdId);
        return MessageHeaderEncoder.ENCODED_LENGTH + status.encodedLength();
    }

    /** @return the length of the encoded RiskAccountSession. */
    public int accountSession(
        final MutableDirectBuffer buffer, final int offset, final long clientSessionId, final long clientSequence,
        final long timestampNs, final int accountId, final boolean connected, final boolean cancelOnDisconnect)
    {
        accountSession.wrapAndApplyHeader(buffer, offset, header);
        frame(accountSession.frame(), clientSessionId, clientSequence, timestampNs);
        accountSession.accountId(accountId)
            .connected(connected ? BooleanType.TRUE : BooleanType.FALSE)
            .cancelOnDisconnect(cancelOnDisconnect ? BooleanType.TRUE : BooleanType.FALSE);
        return MessageHeaderEncoder.ENCODED_LENGTH + accountSession.encodedLength();
    }

    /** @return the length of the encoded RiskMatchingReport (client session 0). */
    public int matchingReport(
        final MutableDirectBuffer buffer, final int offset, final long timestampNs, final MatchingReportKind kind,
        final int shard, final long matchingEpoch, final long matchingSequence, final int eventIndex,
        final long matchingClientSequence, final long orderId, final long clientOrderId, final int instrumentId,
        final int accountId, final Side side, final long price, final long quantity, final long leavesQuantity,
        final long makerOrderId, final int makerAccountId, final long makerLeavesQuantity, final int resultCode)
    {
        matchingReport.wrapAndApplyHeader(buffer, offset, header);
        frame(matchingReport.frame(), 0, 0, timestampNs);
        matchingReport.matchingEpoch(matchingEpoch)
            .matchingSequence(matchingSequence)
            .matchingClientSequence(matchingClientSequence)
            .orderId(orderId)
            .clientOrderId(clientOrderId)
            .price(price)
            .quantity(quantity)
            .leavesQuantity(leavesQuantity)
            .makerOrderId(makerOrderId)
            .makerLeavesQuantity(makerLeavesQuantity)
            .eventIndex(eventIndex)
            .shard(shard)
            .instrumentId(instrumentId)
            .accountId(accountId)
            .makerAccountId(makerAccountId)
            .resultCode(resultCode)
            .kind(kind)
            .side(side);
        return MessageHeaderEncoder.ENCODED_LENGTH + matchingReport.encodedLength();
    }

    /** @return the length of the encoded RiskReferencePrice (client session 0). */
    public int referencePrice(
        final MutableDirectBuffer buffer, final int offset, final long timestampNs, final int instrumentId,
        final long price, final long feedToken, final long feedSequence)
    {
        referencePrice.wrapAndApplyHeader(buffer, offset, header);
        frame(referencePrice.frame(), 0, 0, timestampNs);
        referencePrice.price(price).feedSequence(feedSequence).feedToken(feedToken).instrumentId(instrumentId);
        return MessageHeaderEncoder.ENCODED_LENGTH + referencePrice.encodedLength();
    }

    /** @return the length of the encoded RiskLimitUpdate (client session 0). */
    public int limitUpdate(
        final MutableDirectBuffer buffer, final int offset, final long timestampNs, final RiskLimitKind kind,
        final int accountId, final long value)
    {
        limitUpdate.wrapAndApplyHeader(buffer, offset, header);
        frame(limitUpdate.frame(), 0, 0, timestampNs);
        limitUpdate.value(value).accountId(accountId).kind(kind);
        return MessageHeaderEncoder.ENCODED_LENGTH + limitUpdate.encodedLength();
    }

    /** @return the length of the encoded RiskPrimaryStarted (client session 0). */
    public int primaryStarted(final MutableDirectBuffer buffer, final int offset, final long timestampNs)
    {
        primaryStarted.wrapAndApplyHeader(buffer, offset, header);
        frame(primaryStarted.frame(), 0, 0, timestampNs);
        return MessageHeaderEncoder.ENCODED_LENGTH + primaryStarted.encodedLength();
    }

    private static void frame(
        final InputFrameEncoder frame, final long clientSessionId, final long clientSequence, final long timestampNs)
    {
        frame.epoch(0)
            .sequence(0)
            .clientSessionId(clientSessionId)
            .clientSequence(clientSequence)
            .timestampNs(timestampNs);
    }
}
