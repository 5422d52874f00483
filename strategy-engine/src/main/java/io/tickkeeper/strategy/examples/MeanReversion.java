package io.tickkeeper.strategy.examples;

import io.tickkeeper.protocol.sbe.ExecType;
import io.tickkeeper.protocol.sbe.OrderType;
import io.tickkeeper.protocol.sbe.Side;
import io.tickkeeper.strategy.ExecutionView;
import io.tickkeeper.strategy.StateReader;
import io.tickkeeper.strategy.StateWriter;
import io.tickkeeper.strategy.Strategy;
import io.tickkeeper.strategy.StrategyContext;
import io.tickkeeper.strategy.StrategyParameters;

/**
 * The example of docs/strategy-api.md: a mean-reversion trader. It keeps an exponential moving average of one
 * instrument's reference price; when the price is {@code band} or more below the average it buys {@code size} with
 * an IOC order at the price, when it is {@code band} or more above it sells, as long as the position stays within
 * {@code maxPosition}. It waits for {@code cooldownNs} after each order and counts its fills.
 *
 * <p>Parameters: {@code instrument} (1), {@code period} (20 ticks), {@code band} (25 price units), {@code size}
 * (5), {@code maxPosition} (20), {@code cooldownNs} (0).
 */
public final class MeanReversion implements Strategy
{
    private StrategyContext context;
    private int instrument;
    private double alpha;
    private long band;
    private long size;
    private long maxPosition;
    private long cooldownNs;

    private double average;
    private long ticks;
    private boolean ordered;
    private long lastOrderNs;
    private long fills;

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
        average = ticks == 0 ? price : average + alpha * (price - average);
        ticks++;
        if (ticks < 2 || ordered && timestampNs - lastOrderNs < cooldownNs)
        {
            return;
        }
        final long position = context.position(instrument);
        if (price <= average - band && position + size <= maxPosition)
        {
            context.sendNewOrder(instrument, Side.BUY, OrderType.IOC, price, size);
            ordered = true;
            lastOrderNs = timestampNs;
        }
        else if (price >= average + band && position - size >= -maxPosition)
        {
            context.sendNewOrder(instrument, Side.SELL, OrderType.IOC, price, size);
            ordered = true;
            lastOrderNs = timestampNs;
        }
    }

    @Override
    public void onExecution(final ExecutionView report)
    {
        if (report.execType() == ExecType.FILL || report.execType() == ExecType.PARTIAL_FILL)
        {
            fills++;
        }
    }

    @Override
    public void onTimer(final long timestampNs)
    {
    }

    @Override
    public void saveState(final StateWriter out)
    {
        out.putDouble(average);
        out.putLong(ticks);
        out.putBoolean(ordered);
        out.putLong(lastOrderNs);
        out.putLong(fills);
    }

    @Override
    public void loadState(final StateReader in)
    {
        apply(context.parameters());
        average = in.getDouble();
        ticks = in.getLong();
        ordered = in.getBoolean();
        lastOrderNs = in.getLong();
        fills = in.getLong();
    }

    /** @return the moving average. */
    public double average()
    {
        return average;
    }

    /** @return how many fills the strategy had. */
    public long fills()
    {
        return fills;
    }

    private void apply(final StrategyParameters parameters)
    {
        final int newInstrument = parameters.getInt("instrument", 1);
        final int period = parameters.getInt("period", 20);
        final long newBand = parameters.getLong("band", 25);
        final long newSize = parameters.getLong("size", 5);
        final long newMaxPosition = parameters.getLong("maxPosition", 20);
        final long newCooldownNs = parameters.getLong("cooldownNs", 0);
        if (newInstrument <= 0 || period <= 0 || newBand <= 0 || newSize <= 0 || newMaxPosition <= 0 ||
            newCooldownNs < 0)
        {
            throw new IllegalArgumentException("MeanReversion needs positive instrument, period, band, size and " +
                "maxPosition and a cooldownNs >= 0: " + parameters);
        }
        instrument = newInstrument;
        alpha = 2.0 / (period + 1);
        band = newBand;
        size = newSize;
        maxPosition = newMaxPosition;
        cooldownNs = newCooldownNs;
    }
}
