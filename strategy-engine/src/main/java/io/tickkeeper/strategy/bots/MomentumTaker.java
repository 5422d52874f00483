package io.tickkeeper.strategy.bots;

import io.tickkeeper.protocol.sbe.OrderType;
import io.tickkeeper.protocol.sbe.Side;
import io.tickkeeper.strategy.ExecutionView;
import io.tickkeeper.strategy.StateReader;
import io.tickkeeper.strategy.StateWriter;
import io.tickkeeper.strategy.Strategy;
import io.tickkeeper.strategy.StrategyContext;
import io.tickkeeper.strategy.StrategyParameters;

/**
 * Trades a fast/slow EMA crossover of one instrument's reference price: when the fast EMA crosses above the slow
 * one it buys, below it sells, with an IOC limit {@code slippage} through the price (or a market order), as long as
 * the position stays within {@code maxPosition}. The EMAs warm up for {@code slow} ticks before any signal.
 *
 * <p>Parameters: {@code instrument} (1), {@code fast} (5 ticks), {@code slow} (20 ticks), {@code size} (5),
 * {@code maxPosition} (50), {@code slippage} (5 price units), {@code orderType} (IOC or MARKET; IOC).
 */
public final class MomentumTaker implements Strategy
{
    private StrategyContext context;
    private int instrument;
    private int fast;
    private int slow;
    private long size;
    private long maxPosition;
    private long slippage;
    private OrderType orderType;
    private double fastEma;
    private double slowEma;
    private long ticks;
    private int lastSignal;

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
        if (instrumentId != instrument)
        {
            return;
        }
        if (ticks == 0)
        {
            fastEma = price;
            slowEma = price;
        }
        else
        {
            fastEma += (price - fastEma) * 2.0 / (fast + 1);
            slowEma += (price - slowEma) * 2.0 / (slow + 1);
        }
        ticks++;
        if (ticks < slow)
        {
            return;
        }
        final int signal = Double.compare(fastEma, slowEma);
        if (signal != 0 && lastSignal != 0 && signal != lastSignal)
        {
            trade(signal > 0 ? Side.BUY : Side.SELL, price);
        }
        if (signal != 0)
        {
            lastSignal = signal;
        }
    }

    @Override
    public void onExecution(final ExecutionView report)
    {
    }

    @Override
    public void onTimer(final long timestampNs)
    {
    }

    @Override
    public void saveState(final StateWriter out)
    {
        out.putDouble(fastEma);
        out.putDouble(slowEma);
        out.putLong(ticks);
        out.putInt(lastSignal);
    }

    @Override
    public void loadState(final StateReader in)
    {
        apply(context.parameters());
        fastEma = in.getDouble();
        slowEma = in.getDouble();
        ticks = in.getLong();
        lastSignal = in.getInt();
    }

    /** @return the fast EMA. */
    public double fastEma()
    {
        return fastEma;
    }

    /** @return the slow EMA. */
    public double slowEma()
    {
        return slowEma;
    }

    private void trade(final Side side, final long price)
    {
        final long position = context.position(instrument);
        final long after = side == Side.BUY ? position + size : position - size;
        if (Math.abs(after) > maxPosition)
        {
            return;
        }
        final long limit = orderType == OrderType.MARKET ? 0 :
            side == Side.BUY ? price + slippage : Math.max(1, price - slippage);
        context.sendNewOrder(instrument, side, orderType, limit, size);
    }

    private void apply(final StrategyParameters parameters)
    {
        final int newInstrument = parameters.getInt("instrument", 1);
        final int newFast = parameters.getInt("fast", 5);
        final int newSlow = parameters.getInt("slow", 20);
        final long newSize = parameters.getLong("size", 5);
        final long newMaxPosition = parameters.getLong("maxPosition", 50);
        final long newSlippage = parameters.getLong("slippage", 5);
        final String type = parameters.get("orderType") == null ? "IOC" : parameters.get("orderType").trim();
        Checks.positive(parameters, "instrument", newInstrument);
        Checks.positive(parameters, "fast", newFast);
        Checks.positive(parameters, "size", newSize);
        Checks.positive(parameters, "maxPosition", newMaxPosition);
        if (newSlow <= newFast)
        {
            throw new IllegalArgumentException("parameter slow of " + parameters + " must be above fast (" +
                newFast + "): " + newSlow);
        }
        if (newSlippage < 0)
        {
            throw new IllegalArgumentException("parameter slippage of " + parameters + " must be >= 0");
        }
        if (!"IOC".equals(type) && !"MARKET".equals(type))
        {
            throw new IllegalArgumentException("parameter orderType of " + parameters + " must be IOC or MARKET: " +
                type);
        }
        instrument = newInstrument;
        fast = newFast;
        slow = newSlow;
        size = newSize;
        maxPosition = newMaxPosition;
        slippage = newSlippage;
        orderType = OrderType.valueOf(type);
    }
}
