package io.tickkeeper.strategy.bots;

import io.tickkeeper.protocol.sbe.OrderType;
import io.tickkeeper.protocol.sbe.Side;
import io.tickkeeper.strategy.DeterministicRandom;
import io.tickkeeper.strategy.ExecutionView;
import io.tickkeeper.strategy.OpenOrderView;
import io.tickkeeper.strategy.StateReader;
import io.tickkeeper.strategy.StateWriter;
import io.tickkeeper.strategy.Strategy;
import io.tickkeeper.strategy.StrategyContext;
import io.tickkeeper.strategy.StrategyParameters;

/**
 * Sends seeded random DAY limit orders near the reference price at {@code ratePerSecond} on average, measured in
 * timer-tick time: each tick adds {@code rate x elapsed} to a credit and every whole unit of credit is one order.
 * The side is a coin toss, the price the reference price moved by a random offset in
 * {@code [-maxOffset/2, maxOffset]} away from the touch (so some orders cross), the quantity 1..{@code maxSize}.
 * With {@code maxOpenOrders} open it cancels its oldest order first.
 *
 * <p>Parameters: {@code instrument} (1), {@code ratePerSecond} (2.0), {@code maxSize} (10), {@code maxOffset}
 * (20 price units), {@code maxOpenOrders} (5).
 */
public final class NoiseTrader implements Strategy
{
    private static final double NANOS_PER_SECOND = 1e9;
    private static final double MAX_CREDIT = 100;

    private StrategyContext context;
    private int instrument;
    private double ratePerSecond;
    private long maxSize;
    private long maxOffset;
    private int maxOpenOrders;
    private long lastTimerNs;
    private double credit;

    @Override
    public void onStart(final StrategyContext context)
    {
        this.context = context;
        apply(context.parameters());
    }

    @Override
    public void onParametersChanged(final StrategyParameters parameters, final long timestampNs)
    {
        apply(parameters);
    }

    @Override
    public void onMarketData(final int instrumentId, final long price, final long timestampNs)
    {
    }

    @Override
    public void onExecution(final ExecutionView report)
    {
    }

    @Override
    public void onTimer(final long timestampNs)
    {
        if (lastTimerNs == 0 || timestampNs <= lastTimerNs)
        {
            lastTimerNs = Math.max(lastTimerNs, timestampNs);
            return;
        }
        credit = Math.min(MAX_CREDIT, credit + ratePerSecond * (timestampNs - lastTimerNs) / NANOS_PER_SECOND);
        lastTimerNs = timestampNs;
        while (credit >= 1)
        {
            credit -= 1;
            trade();
        }
    }

    @Override
    public void saveState(final StateWriter out)
    {
        out.putLong(lastTimerNs);
        out.putDouble(credit);
    }

    @Override
    public void loadState(final StateReader in)
    {
        apply(context.parameters());
        lastTimerNs = in.getLong();
        credit = in.getDouble();
    }

    private void trade()
    {
        final long price = context.lastPrice(instrument);
        if (price <= 0)
        {
            return;
        }
        if (context.openOrderCount() >= maxOpenOrders)
        {
            cancelOldest();
            return;
        }
        final DeterministicRandom random = context.random();
        final Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        final long offset = random.nextLong(maxOffset + maxOffset / 2 + 1) - maxOffset / 2;
        final long limit = Math.max(1, side == Side.BUY ? price - offset : price + offset);
        final long quantity = 1 + random.nextLong(maxSize);
        context.sendNewOrder(instrument, side, OrderType.LIMIT_DAY, limit, quantity);
    }

    private void cancelOldest()
    {
        for (int i = 0; i < context.openOrderCount(); i++)
        {
            final OpenOrderView order = context.openOrder(i);
            if (!order.pending())
            {
                context.sendCancel(order.clOrdId());
                return;
            }
        }
    }

    private void apply(final StrategyParameters parameters)
    {
        final int newInstrument = parameters.getInt("instrument", 1);
        final double newRate = parameters.getDouble("ratePerSecond", 2.0);
        final long newMaxSize = parameters.getLong("maxSize", 10);
        final long newMaxOffset = parameters.getLong("maxOffset", 20);
        final int newMaxOpen = parameters.getInt("maxOpenOrders", 5);
        Checks.positive(parameters, "instrument", newInstrument);
        Checks.positive(parameters, "maxSize", newMaxSize);
        Checks.positive(parameters, "maxOpenOrders", newMaxOpen);
        if (newRate < 0 || newRate > 1_000)
        {
            throw new IllegalArgumentException("parameter ratePerSecond of " + parameters + " must be in [0, 1000]: " +
                newRate);
        }
        if (newMaxOffset < 0)
        {
            throw new IllegalArgumentException("parameter maxOffset of " + parameters + " must be >= 0");
        }
        instrument = newInstrument;
        ratePerSecond = newRate;
        maxSize = newMaxSize;
        maxOffset = newMaxOffset;
        maxOpenOrders = newMaxOpen;
    }
}
