package io.tickkeeper.strategy.bots;

import io.tickkeeper.protocol.sbe.OrderType;
import io.tickkeeper.protocol.sbe.Side;
import io.tickkeeper.strategy.ExecutionView;
import io.tickkeeper.strategy.OpenOrderView;
import io.tickkeeper.strategy.StateReader;
import io.tickkeeper.strategy.Strategy;
import io.tickkeeper.strategy.StrategyContext;
import io.tickkeeper.strategy.StrategyParameters;

/**
 * Quotes one bid and one ask (DAY limit orders) around the reference price: {@code fair = price - skew x position},
 * bid {@code fair - spread/2}, ask {@code bid + spread}. When the target of a side moves by at least
 * {@code requoteThreshold} it requotes (a replace, or a cancel then a new quote when {@code useReplace} is false).
 * A side that would take the inventory beyond {@code maxInventory} is not quoted (its order is cancelled).
 *
 * <p>Parameters: {@code instrument} (1), {@code spread} (10, price units), {@code size} (10), {@code skew} (0.1,
 * price units per unit of position), {@code maxInventory} (100), {@code requoteThreshold} (2, price units),
 * {@code useReplace} (true).
 */
public final class MarketMaker implements Strategy
{
    private StrategyContext context;
    private int instrument;
    private long spread;
    private long size;
    private double skew;
    private long maxInventory;
    private long requoteThreshold;
    private boolean useReplace;

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
        requote();
    }

    @Override
    public void onMarketData(final int instrumentId, final long price, final long timestampNs)
    {
        if (instrumentId == instrument)
        {
            requote();
        }
    }

    @Override
    public void onExecution(final ExecutionView report)
    {
        if (report.instrumentId() == instrument)
        {
            requote();
        }
    }

    @Override
    public void onTimer(final long timestampNs)
    {
        requote();
    }

    @Override
    public void loadState(final StateReader in)
    {
        apply(context.parameters());
    }

    private void requote()
    {
        final long price = context.lastPrice(instrument);
        if (price <= 0)
        {
            return;
        }
        final long position = context.position(instrument);
        final long fair = price - Math.round(skew * position);
        final long bid = Math.max(1, fair - spread / 2);
        final long ask = bid + spread;
        side(Side.BUY, bid, position + size <= maxInventory);
        side(Side.SELL, ask, position - size >= -maxInventory);
    }

    private void side(final Side side, final long target, final boolean wanted)
    {
        final OpenOrderView quote = quote(side);
        if (quote == null)
        {
            if (wanted)
            {
                context.sendNewOrder(instrument, side, OrderType.LIMIT_DAY, target, size);
            }
            return;
        }
        if (quote.pending())
        {
            return;
        }
        if (!wanted)
        {
            context.sendCancel(quote.clOrdId());
        }
        else if (Math.abs(quote.price() - target) >= requoteThreshold)
        {
            if (useReplace)
            {
                context.sendReplace(quote.clOrdId(), target, quote.cumQuantity() + size);
            }
            else
            {
                context.sendCancel(quote.clOrdId());
            }
        }
    }

    private OpenOrderView quote(final Side side)
    {
        for (int i = 0; i < context.openOrderCount(); i++)
        {
            final OpenOrderView order = context.openOrder(i);
            if (order.instrumentId() == instrument && order.side() == side)
            {
                return order;
            }
        }
        return null;
    }

    private void apply(final StrategyParameters parameters)
    {
        final int newInstrument = parameters.getInt("instrument", 1);
        final long newSpread = parameters.getLong("spread", 10);
        final long newSize = parameters.getLong("size", 10);
        final double newSkew = parameters.getDouble("skew", 0.1);
        final long newMaxInventory = parameters.getLong("maxInventory", 100);
        final long newThreshold = parameters.getLong("requoteThreshold", 2);
        final boolean newUseReplace = parameters.getBoolean("useReplace", true);
        Checks.positive(parameters, "instrument", newInstrument);
        Checks.positive(parameters, "spread", newSpread);
        Checks.positive(parameters, "size", newSize);
        Checks.positive(parameters, "maxInventory", newMaxInventory);
        Checks.positive(parameters, "requoteThreshold", newThreshold);
        if (newSkew < 0)
        {
            throw new IllegalArgumentException("parameter skew of " + parameters + " must be >= 0: " + newSkew);
        }
        instrument = newInstrument;
        spread = newSpread;
        size = newSize;
        skew = newSkew;
        maxInventory = newMaxInventory;
        requoteThreshold = newThreshold;
        useReplace = newUseReplace;
    }
}
