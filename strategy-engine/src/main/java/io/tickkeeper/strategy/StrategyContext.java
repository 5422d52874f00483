package io.tickkeeper.strategy;

import io.tickkeeper.protocol.sbe.OrderType;
import io.tickkeeper.protocol.sbe.Side;

/**
 * What a {@link Strategy} sees of the engine: it sends orders through it and reads its positions, open orders,
 * parameters and the last reference prices. Every answer is part of the replicated state, so it is the same on the
 * primary, the standby and in a replay. Orders can only be sent while a callback handles an input.
 */
public interface StrategyContext
{
    /** @return the strategy's name in the configuration (a bot name). */
    String name();

    /** @return the account the strategy's orders are sent for. */
    int accountId();

    /**
     * Sends a new order to the risk manager.
     *
     * @param instrumentId the instrument.
     * @param side         buy or sell.
     * @param type         the order type; {@link OrderType#MARKET} takes price 0.
     * @param price        the limit price (2 decimals), positive unless the order is a market order.
     * @param quantity     the quantity, positive.
     * @return the ClOrdID the engine gave the order.
     * @throws IllegalArgumentException when an argument is invalid (a bug in the strategy: it is disabled).
     * @throws IllegalStateException    outside an input, or when the strategy already has its maximum of open
     *                                  orders.
     */
    String sendNewOrder(int instrumentId, Side side, OrderType type, long price, long quantity);

    /**
     * Asks the risk manager to cancel an open order.
     *
     * @param clOrdId the order's ClOrdID.
     * @return the ClOrdID of the cancel request, or null when the order is not open or already has a cancel or
     *         replace pending (nothing is sent).
     * @throws IllegalStateException outside an input.
     */
    String sendCancel(String clOrdId);

    /**
     * Asks the risk manager to change an open order's price and quantity. Once replaced, the order is known by the
     * returned ClOrdID.
     *
     * @param clOrdId     the order's ClOrdID.
     * @param newPrice    the new limit price, positive.
     * @param newQuantity the new total quantity, positive.
     * @return the order's new ClOrdID, or null when the order is not open or already has a cancel or replace
     *         pending (nothing is sent).
     * @throws IllegalArgumentException when the price or quantity is not positive.
     * @throws IllegalStateException    outside an input.
     */
    String sendReplace(String clOrdId, long newPrice, long newQuantity);

    /** @return the strategy's deterministic random numbers (seeded from the configuration, part of the state). */
    DeterministicRandom random();

    /** @return the strategy's live parameters. */
    StrategyParameters parameters();

    /**
     * @param instrumentId an instrument.
     * @return the strategy's position in it: bought minus sold quantity.
     */
    long position(int instrumentId);

    /** @return how many orders the strategy has open (pending ones included). */
    int openOrderCount();

    /**
     * @param index from 0 to {@link #openOrderCount()} - 1, in the order the orders were sent (a replaced order
     *              moves to the end).
     * @return one open order; valid until the next input.
     */
    OpenOrderView openOrder(int index);

    /**
     * @param clOrdId a ClOrdID.
     * @return the open order known by it, or null.
     */
    OpenOrderView findOpenOrder(String clOrdId);

    /**
     * @param instrumentId an instrument.
     * @return the last reference price the engine saw for it, 0 before any.
     */
    long lastPrice(int instrumentId);
}
