package io.tickkeeper.risk;

import io.tickkeeper.protocol.sbe.CancelRejectResponseTo;
import io.tickkeeper.protocol.sbe.OrdStatus;
import io.tickkeeper.protocol.sbe.OrderType;
import io.tickkeeper.protocol.sbe.RiskRejectReason;
import io.tickkeeper.protocol.sbe.Side;

/**
 * Everything a {@link RiskEngine} emits, in the order it emits it: reports to the account's client session, public
 * trades, and the commands it forwards to a matching shard (with the shard's client sequence of the risk state).
 * The first output of a client command is its answer (kept by the session table for a resend).
 */
public interface RiskEventListener
{
    /**
     * An execution report.
     *
     * @param timestampNs the time of the input that caused it.
     * @param report      the report; valid during this call only.
     */
    void onExecutionReport(long timestampNs, ExecutionReport report);

    /**
     * A FIX OrderCancelReject.
     *
     * @param timestampNs the time of the input that caused it.
     * @param sessionId   the client session it is addressed to.
     * @param orderId     the risk order id, 0 when the order is unknown.
     * @param instrumentId the instrument.
     * @param accountId   the account.
     * @param reason      why.
     * @param ordStatus   the order's status (REJECTED when it is unknown).
     * @param responseTo  which request it answers.
     * @param clOrdId     the request's ClOrdID.
     * @param origClOrdId the ClOrdID of the order the request named.
     */
    void onCancelReject(
        long timestampNs, long sessionId, long orderId, int instrumentId, int accountId, RiskRejectReason reason,
        OrdStatus ordStatus, CancelRejectResponseTo responseTo, String clOrdId, String origClOrdId);

    /**
     * The answer to a RiskAccountSession, to the session that sent it (before any cancel it causes).
     *
     * @param timestampNs the time of the input.
     * @param sessionId   the session that sent the command.
     * @param accountId   the account.
     * @param openOrders  the account's open orders after the command.
     * @param connected   the command's connected flag.
     * @param served      whether the session serves the account after the command.
     */
    void onAccountSessionAck(
        long timestampNs, long sessionId, int accountId, int openOrders, boolean connected, boolean served);

    /**
     * A public trade (addressed to session 0).
     *
     * @param timestampNs      the time of the input that caused it.
     * @param tradeId          unique and stable: see {@link RiskEngine#tradeId}.
     * @param matchingEpoch    the matching epoch of the report.
     * @param matchingSequence the matching sequence of the report.
     * @param instrumentId     the instrument.
     * @param price            the price.
     * @param quantity         the quantity.
     * @param buyOrderId       the buyer's risk order id (0 when the order is not the risk manager's).
     * @param buyAccountId     the buyer's account.
     * @param sellOrderId      the seller's risk order id (0 when not the risk manager's).
     * @param sellAccountId    the seller's account.
     * @param aggressorSide    the taker's side.
     */
    void onTrade(
        long timestampNs, long tradeId, long matchingEpoch, long matchingSequence, int instrumentId, long price,
        long quantity, long buyOrderId, int buyAccountId, long sellOrderId, int sellAccountId, Side aggressorSide);

    /**
     * A NewOrder forwarded to a matching shard; its client order id is the risk order id.
     *
     * @param timestampNs    the time of the input that caused it.
     * @param shard          the shard index.
     * @param clientSequence the shard's forward counter.
     * @param orderId        the risk order id (matching's clientOrderId).
     * @param instrumentId   the instrument.
     * @param accountId      the account.
     * @param side           the side.
     * @param orderType      the order type.
     * @param price          the limit price, 0 for a market order.
     * @param quantity       the quantity.
     */
    void onForwardNewOrder(
        long timestampNs, int shard, long clientSequence, long orderId, int instrumentId, int accountId, Side side,
        OrderType orderType, long price, long quantity);

    /**
     * A CancelOrder forwarded to a matching shard.
     *
     * @param timestampNs     the time of the input that caused it.
     * @param shard           the shard index.
     * @param clientSequence  the shard's forward counter.
     * @param matchingOrderId the matching engine's order id.
     * @param instrumentId    the instrument.
     * @param accountId       the account.
     */
    void onForwardCancel(
        long timestampNs, int shard, long clientSequence, long matchingOrderId, int instrumentId, int accountId);

    /**
     * A ReplaceOrder forwarded to a matching shard.
     *
     * @param timestampNs     the time of the input that caused it.
     * @param shard           the shard index.
     * @param clientSequence  the shard's forward counter.
     * @param matchingOrderId the matching engine's order id.
     * @param instrumentId    the instrument.
     * @param accountId       the account.
     * @param newPrice        the new price.
     * @param newOpenQuantity the new open quantity (new total minus what is filled).
     */
    void onForwardReplace(
        long timestampNs, int shard, long clientSequence, long matchingOrderId, int instrumentId, int accountId,
        long newPrice, long newOpenQuantity);

    /**
     * A SetReferencePrice forwarded to a matching shard.
     *
     * @param timestampNs    the time of the input that caused it.
     * @param shard          the shard index.
     * @param clientSequence the shard's forward counter.
     * @param instrumentId   the instrument.
     * @param referencePrice the new reference price.
     */
    void onForwardReferencePrice(
        long timestampNs, int shard, long clientSequence, int instrumentId, long referencePrice);
}
