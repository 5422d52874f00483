package io.tickkeeper.strategy;

import io.tickkeeper.protocol.sbe.OrderType;
import io.tickkeeper.protocol.sbe.Side;

/** Quotes one bid on the first tick, then throws on the third. */
public final class ThrowsOnThirdTick implements Strategy
{
    private StrategyContext context;
    private int ticks;

    @Override
    public void onStart(final StrategyContext context)
    {
        this.context = context;
    }

    @Override
    public void onMarketData(final int instrumentId, final long price, final long timestampNs)
    {
        ticks++;
        if (ticks == 1)
        {
            context.sendNewOrder(instrumentId, Side.BUY, OrderType.LIMIT_DAY, price - 10, 1);
        }
        if (ticks == 3)
        {
            throw new IllegalStateException("boom on tick 3");
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
}
