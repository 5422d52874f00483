package io.tickkeeper.node;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.LongSupplier;

import io.tickkeeper.runtime.EnginePipeline;
import io.tickkeeper.runtime.InputHandler;
import io.tickkeeper.runtime.PipelineState;
import io.tickkeeper.runtime.StateSnapshotter;
import io.tickkeeper.runtime.session.DeduplicatingHandler;
import io.tickkeeper.runtime.session.SessionSnapshotter;
import io.tickkeeper.runtime.session.SessionTable;
import org.agrona.DirectBuffer;

/**
 * The usual {@link ServicePipeline}: a service's logic behind a {@link SessionTable}, wired in one place:
 * <pre>
 *   publish(input) -&gt; EnginePipeline ring -+- journaller
 *                                         +- DeduplicatingHandler(SessionTable) -&gt; the service's InputHandler
 *                                         +-&gt; output stage -&gt; the node's publisher
 *   snapshots: SessionSnapshotter(the service's StateSnapshotter, SessionTable)
 * </pre>
 * The replicated state is the service's state together with the session table, so a resent client command is
 * answered with its first answer (which must fit the table's {@code maxAnswerLength}). Inputs the service generates
 * itself carry {@code clientSessionId 0} and are always applied. {@link #publish} checks nothing beyond the input
 * frame: the node's ingress checks client commands with {@link ReplicatedService#checkCommand}.
 */
public final class SessionPipeline implements ServicePipeline
{
    private final EnginePipeline pipeline;
    private final SessionTable sessions;
    private final LongSupplier serviceStateHash;

    /**
     * Builds the pipeline; nothing runs until {@link #start()}.
     *
     * @param runtime           the node's runtime settings; this class sets the input handler and snapshotter.
     * @param snapshotDirectory where snapshots live.
     * @param logic             the service's business logic (on the pipeline's logic thread).
     * @param state             writes and reads the service's state for snapshots.
     * @param serviceStateHash  the service's own state hash (read only while the pipeline does not run).
     * @param sessions          the session table, sized for the service (window, maxAnswerLength, sessions).
     */
    public SessionPipeline(
        final EnginePipeline.Context runtime, final Path snapshotDirectory, final InputHandler logic,
        final StateSnapshotter state, final LongSupplier serviceStateHash, final SessionTable sessions)
    {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.serviceStateHash = Objects.requireNonNull(serviceStateHash, "serviceStateHash");
        pipeline = new EnginePipeline(runtime
            .inputHandler(new DeduplicatingHandler(Objects.requireNonNull(logic, "logic"), sessions))
            .snapshots(new SessionSnapshotter(Objects.requireNonNull(state, "state"), sessions), snapshotDirectory));
    }

    @Override
    public long start()
    {
        return pipeline.start();
    }

    @Override
    public long publish(final DirectBuffer buffer, final int offset, final int length)
    {
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

    /**
     * @return the service's hash folded with the session table's (the matching pipeline's rule); only while the
     *         pipeline does not run.
     * @throws IllegalStateException while the pipeline runs.
     */
    @Override
    public long stateHash()
    {
        if (pipeline.state() == PipelineState.RUNNING)
        {
            throw new IllegalStateException("the state hash is read only while the pipeline is not running");
        }
        return Long.rotateLeft(serviceStateHash.getAsLong(), 17) ^ (sessions.stateHash() * 0x9E37_79B9_7F4A_7C15L);
    }

    @Override
    public EnginePipeline runtime()
    {
        return pipeline;
    }

    @Override
    public void close()
    {
        pipeline.close();
    }
}
