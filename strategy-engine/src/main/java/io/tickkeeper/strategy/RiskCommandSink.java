package io.tickkeeper.strategy;

import io.tickkeeper.protocol.sbe.OrderType;
import io.tickkeeper.protocol.sbe.Side;

/**
 * Where the {@link StrategyEngine}'s commands to the risk manager go (the pipeline encodes them as RiskNewOrder,
 * RiskCancelOrder and RiskReplaceOrder outputs). {@code clientSequence} counts the engine's commands from 1: it is
 * replicated state, so a new primary sends a command the same key the old one did.
 */
public interface RiskCommandSink
{
    /** A new order. */
    void newOrder(
        long clientSequence, long timestampNs, int accountId, int instrumentId, String clOrdId, Side side,
        OrderType type, long price, long quantity);

    /** A cancel of the order {@code origClOrdId}. */
    void cancel(
        long clientSequence, long timestampNs, int accountId, int instrumentId, String clOrdId, String origClOrdId);

    /** A replace of the order {@code origClOrdId}; {@code newQuantity} is the new total quantity. */
    void replace(
        long clientSequence, long timestampNs, int accountId, int instrumentId, String clOrdId, String origClOrdId,
        long newPrice, long newQuantity);
}
