package io.tickkeeper.feed;

/**
 * One reference price tick as the model produces it, reused from tick to tick (no allocation per tick).
 */
public final class MutableTick
{
    private long sequence;
    private int instrumentId;
    private long price;
    private Regime regime = Regime.NORMAL;
    private long timestampNs;

    void set(final long sequence, final int instrumentId, final long price, final Regime regime,
        final long timestampNs)
    {
        this.sequence = sequence;
        this.instrumentId = instrumentId;
        this.price = price;
        this.regime = regime;
        this.timestampNs = timestampNs;
    }

    /** @return the feed sequence. */
    public long sequence()
    {
        return sequence;
    }

    /** @return the instrument, 1..N. */
    public int instrumentId()
    {
        return instrumentId;
    }

    /** @return the price, 2 decimals. */
    public long price()
    {
        return price;
    }

    /** @return the regime in force. */
    public Regime regime()
    {
        return regime;
    }

    /** @return the simulation time. */
    public long timestampNs()
    {
        return timestampNs;
    }
}
