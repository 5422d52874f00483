package io.tickkeeper.matching;

/**
 * Loads one canonical snapshot walk (see {@link MatchingSnapshotSink}) into a freshly constructed
 * {@link MatchingEngine}, checking that the walk keeps its order: the engine state first and once, instruments
 * in ascending id, each instrument's orders after its state, BUY before SELL, and on each side levels from best
 * to worst. Orders are appended to their level in arrival order, so the FIFO order within a level is kept.
 */
final class SnapshotLoader implements MatchingSnapshotSink
{
    private final MatchingEngine engine;
    private boolean engineStateSeen;
    private boolean instrumentSeen;
    private int instrumentId;
    private Side lastSide;
    private long lastPrice;

    SnapshotLoader(final MatchingEngine engine)
    {
        this.engine = engine;
    }

    @Override
    public void onEngineState(final long nextOrderId)
    {
        if (engineStateSeen)
        {
            throw new IllegalStateException("engine state given twice");
        }
        if (nextOrderId < 1)
        {
            throw new IllegalArgumentException("nextOrderId must be positive: " + nextOrderId);
        }
        engineStateSeen = true;
        engine.restoreNextOrderId(nextOrderId);
    }

    @Override
    public void onInstrumentState(final int instrumentId, final long referencePrice)
    {
        if (!engineStateSeen)
        {
            throw new IllegalStateException("instrument " + instrumentId + " given before the engine state");
        }
        if (!engine.hasInstrument(instrumentId))
        {
            throw new IllegalArgumentException("unknown instrument " + instrumentId);
        }
        if (instrumentSeen && instrumentId <= this.instrumentId)
        {
            throw new IllegalArgumentException(
                "instrument " + instrumentId + " given after instrument " + this.instrumentId);
        }
        if (referencePrice < 1 || referencePrice > InstrumentSpec.MAX_PRICE)
        {
            throw new IllegalArgumentException(
                "reference price of instrument " + instrumentId + " out of range: " + referencePrice);
        }
        instrumentSeen = true;
        this.instrumentId = instrumentId;
        lastSide = null;
        engine.restoreReferencePrice(instrumentId, referencePrice);
    }

    @Override
    public void onOrder(
        final int instrumentId, final long orderId, final int accountId, final long clientOrderId, final Side side,
        final OrderType type, final StpMode stpMode, final long price, final long openQuantity,
        final long timestampNs)
    {
        if (!instrumentSeen || instrumentId != this.instrumentId)
        {
            throw new IllegalArgumentException(
                "order " + orderId + " of instrument " + instrumentId + " is not after that instrument's state");
        }
        if (side == lastSide)
        {
            final boolean worseOrEqual = side == Side.BUY ? price <= lastPrice : price >= lastPrice;
            if (!worseOrEqual)
            {
                throw new IllegalArgumentException(
                    "order " + orderId + " at " + price + " is better than the level before it at " + lastPrice);
            }
        }
        else if (side == Side.BUY && lastSide == Side.SELL)
        {
            throw new IllegalArgumentException("BUY order " + orderId + " given after the SELL side");
        }
        engine.restoreOrder(
            instrumentId, orderId, accountId, clientOrderId, side, type, stpMode, price, openQuantity, timestampNs);
        lastSide = side;
        lastPrice = price;
    }
}
