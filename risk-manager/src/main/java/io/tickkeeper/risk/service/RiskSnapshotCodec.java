package io.tickkeeper.risk.service;

import io.tickkeeper.risk.RiskEngine;
import io.tickkeeper.runtime.StateSnapshotter;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The risk engine's state as snapshot bytes for the pipeline: {@link RiskEngine#writeSnapshot} and
 * {@link RiskEngine#loadSnapshot} (which only works on a freshly built engine). The layout is the engine's own
 * (docs/risk.md); the session table goes after it ({@link io.tickkeeper.runtime.session.SessionSnapshotter}).
 */
public final class RiskSnapshotCodec implements StateSnapshotter
{
    private final RiskEngine engine;

    /** @param engine the engine whose state is written and into which a snapshot is loaded. */
    public RiskSnapshotCodec(final RiskEngine engine)
    {
        this.engine = engine;
    }

    @Override
    public int writeSnapshot(final MutableDirectBuffer buffer)
    {
        return engine.writeSnapshot(buffer, 0);
    }

    @Override
    public void readSnapshot(final DirectBuffer buffer, final int offset, final int length)
    {
        engine.loadSnapshot(buffer, offset, length);
    }
}
