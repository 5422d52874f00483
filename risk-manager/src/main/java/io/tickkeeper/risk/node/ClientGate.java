package io.tickkeeper.risk.node;

import io.tickkeeper.node.ServicePipeline;
import io.tickkeeper.protocol.sbe.InputFrameDecoder;
import io.tickkeeper.protocol.sbe.MessageHeaderDecoder;
import io.tickkeeper.runtime.EnginePipeline;
import io.tickkeeper.runtime.PipelineState;
import org.agrona.DirectBuffer;

/**
 * One incarnation's pipeline with a gate for client commands: a new primary opens its client edge before its
 * service hook runs, so without the gate a client's command could be sequenced before the RiskPrimaryStarted and
 * its forward would reach the matching shard ahead of older forwards re-emitted after it (matching applies a
 * sequence that skips ahead and then refuses the older ones). Until {@link #open()} (called once the primary's
 * RiskPrimaryStarted and limits are sequenced) a client's command is refused as not-primary: the edge answers
 * NOT_PRIMARY and the client resends it a moment later. The primary's own inputs (client session 0) and the
 * standby's replicated inputs (which do not pass here) are never held.
 */
final class ClientGate implements ServicePipeline
{
    private static final int SESSION_OFFSET =
        MessageHeaderDecoder.ENCODED_LENGTH + InputFrameDecoder.clientSessionIdEncodingOffset();

    private final ServicePipeline pipeline;
    private volatile boolean open;

    ClientGate(final ServicePipeline pipeline)
    {
        this.pipeline = pipeline;
    }

    /** Lets client commands through from now on. */
    void open()
    {
        open = true;
    }

    @Override
    public long start()
    {
        return pipeline.start();
    }

    @Override
    public long publish(final DirectBuffer buffer, final int offset, final int length)
    {
        if (!open && length >= SESSION_OFFSET + Long.BYTES
            && buffer.getLong(offset + SESSION_OFFSET, MessageHeaderDecoder.BYTE_ORDER) != 0)
        {
            throw new IllegalStateException("client commands wait for the primary's RiskPrimaryStarted");
        }
        return pipeline.publish(buffer, offset, length);
    }

    @Override
    public void requestSnapshot()
    {
        pipeline.requestSnapshot();
    }

    @Override
    public long lastSnapshotSequence()
    {
        return pipeline.lastSnapshotSequence();
    }

    @Override
    public long outputSequence()
    {
        return pipeline.outputSequence();
    }

    @Override
    public PipelineState state()
    {
        return pipeline.state();
    }

    @Override
    public long stateHash()
    {
        return pipeline.stateHash();
    }

    @Override
    public EnginePipeline runtime()
    {
        return pipeline.runtime();
    }

    @Override
    public void close()
    {
        pipeline.close();
    }
}
