package io.tickkeeper.strategy.service;

import io.tickkeeper.runtime.StateSnapshotter;
import io.tickkeeper.strategy.StrategyEngine;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Writes the {@link StrategyEngine}'s state into snapshot bytes and loads them back: the engine's counters and last
 * prices, then per bot (in configuration order) whether it is enabled, its counters, random state, positions,
 * parameters, open orders and the strategy's own state. Loading works on an engine freshly built from the same bots.
 */
public final class StrategySnapshotCodec implements StateSnapshotter
{
    private final StrategyEngine engine;

    /** @param engine the engine whose state is written and into which a snapshot is loaded. */
    public StrategySnapshotCodec(final StrategyEngine engine)
    {
        this.engine = engine;
    }

    @Override
    public int writeSnapshot(final MutableDirectBuffer buffer)
    {
        return engine.writeSnapshot(buffer);
    }

    @Override
    public void readSnapshot(final DirectBuffer buffer, final int offset, final int length)
    {
        engine.readSnapshot(buffer, offset, length);
    }
}
