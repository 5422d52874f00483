package io.tickkeeper.risk.service;

import java.nio.file.Path;

import io.tickkeeper.node.ServicePipeline;
import io.tickkeeper.risk.RiskConfig;
import io.tickkeeper.risk.RiskEngine;
import io.tickkeeper.runtime.EnginePipeline;
import io.tickkeeper.runtime.PipelineState;
import io.tickkeeper.runtime.session.DeduplicatingHandler;
import io.tickkeeper.runtime.session.SessionSnapshotter;
import io.tickkeeper.runtime.session.SessionTable;
import org.agrona.DirectBuffer;

/**
 * The risk manager as a running service, wired in one place:
 * <pre>
 *   publish(input) -&gt; checkInput -&gt; EnginePipeline ring -+- journaller (Chronicle Queue)
 *                                                     +- DeduplicatingHandler (SessionTable: client keys)
 *                                                     |     -&gt; RiskCommandAdapter -&gt; RiskEngine
 *                                                     |     -&gt; RiskEventEncoder -&gt; slot's output area
 *                                                     +-&gt; output stage (after both) -&gt; OutputPublisher
 *   snapshots: SessionSnapshotter(RiskSnapshotCodec, SessionTable) &lt;-&gt; SnapshotStore;
 *   start() = newest snapshot + journal tail
 * </pre>
 * The outputs of an input are events (execution reports, cancel rejects, public trades) and the matching commands
 * forwarded to the shards; the node's output router sends the forwards and the client routes the events.
 * Client commands (501-505) are idempotent per client key through the session table; the primary's own inputs
 * (506-509, client session 0) always apply. As a {@link ServicePipeline} it is what the risk node's
 * {@code RiskService} runs in each incarnation.
 */
public final class RiskPipeline implements ServicePipeline
{
    /** The largest answer the session table keeps: a command's first output is at most an execution report. */
    public static final int MAX_ANSWER_LENGTH = 256;

    /**
     * Recent commands per session whose answers are kept for resends: 4x the default, because a gateway session
     * carries every order of its FIX clients (at 2,000 orders/s, two seconds of them) and a client resends a
     * command whose answer is overdue after a second (ServiceClient); a resend older than the window is refused
     * as TOO_OLD. 4,096 x 256 bytes = 1 MiB per session.
     */
    public static final int SESSION_WINDOW = 4 * SessionTable.DEFAULT_WINDOW;

    private final RiskEngine engine;
    private final SessionTable sessions;
    private final EnginePipeline pipeline;

    /**
     * Builds the engine and the pipeline; nothing runs until {@link #start()}.
     *
     * @param config            instruments, shards, initial limits; the same on every node.
     * @param runtime           the runtime settings; this class sets its input handler and snapshotter.
     * @param snapshotDirectory where the snapshots live.
     */
    public RiskPipeline(final RiskConfig config, final EnginePipeline.Context runtime, final Path snapshotDirectory)
    {
        final RiskEventEncoder events = new RiskEventEncoder();
        engine = new RiskEngine(config, events);
        sessions = new SessionTable(SESSION_WINDOW, MAX_ANSWER_LENGTH, SessionTable.DEFAULT_MAX_SESSIONS);
        pipeline = new EnginePipeline(runtime
            .inputHandler(new DeduplicatingHandler(new RiskCommandAdapter(engine, events), sessions))
            .snapshots(new SessionSnapshotter(new RiskSnapshotCodec(engine), sessions), snapshotDirectory));
    }

    /**
     * Restores the newest snapshot, replays the journal after it, then starts taking inputs.
     *
     * @return the sequence of the last input recovered.
     */
    public long start()
    {
        return pipeline.start();
    }

    /**
     * Checks ({@link RiskCommandAdapter#checkInput}) and sequences one input. Thread-safe.
     *
     * @return the input's sequence.
     * @throws IllegalArgumentException when the bytes are not a risk input; nothing is sequenced.
     */
    public long publish(final DirectBuffer buffer, final int offset, final int length)
    {
        RiskCommandAdapter.checkInput(buffer, offset, length);
        return pipeline.publish(buffer, offset, length);
    }

    /** Asks for a snapshot after the next input; see {@link EnginePipeline#requestSnapshot()}. */
    public void requestSnapshot()
    {
        pipeline.requestSnapshot();
    }

    /** @return the sequence of the newest snapshot written or recovered from, 0 when there is none. */
    public long lastSnapshotSequence()
    {
        return pipeline.lastSnapshotSequence();
    }

    /** @return the sequence of the last input the journaller appended. */
    public long journalledSequence()
    {
        return pipeline.journalledSequence();
    }

    /** @return the sequence of the last input whose outputs were published. */
    public long outputSequence()
    {
        return pipeline.outputSequence();
    }

    /** @return the pipeline's state. */
    public PipelineState state()
    {
        return pipeline.state();
    }

    /**
     * @return the hash of the whole replicated state (engine and session table); only while the pipeline does not
     *         run.
     * @throws IllegalStateException while the pipeline runs.
     */
    public long stateHash()
    {
        return combine(engineStateHash(), sessionStateHash());
    }

    /**
     * @return the engine's own state hash; only while the pipeline does not run.
     * @throws IllegalStateException while the pipeline runs.
     */
    public long engineStateHash()
    {
        checkNotRunning();
        return engine.stateHash();
    }

    /**
     * @return the session table's state hash; only while the pipeline does not run.
     * @throws IllegalStateException while the pipeline runs.
     */
    public long sessionStateHash()
    {
        checkNotRunning();
        return sessions.stateHash();
    }

    /**
     * How {@link #stateHash()} folds the engine's and the session table's hashes into one.
     *
     * @param engineStateHash  the engine's hash.
     * @param sessionStateHash the session table's hash.
     * @return the combined hash.
     */
    public static long combine(final long engineStateHash, final long sessionStateHash)
    {
        return Long.rotateLeft(engineStateHash, 17) ^ (sessionStateHash * 0x9E37_79B9_7F4A_7C15L);
    }

    /** @return the engine runtime underneath, for the replicator, the standby replica and the epoch. */
    public EnginePipeline runtime()
    {
        return pipeline;
    }

    @Override
    public void close()
    {
        pipeline.close();
    }

    private void checkNotRunning()
    {
        if (pipeline.state() == PipelineState.RUNNING)
        {
            throw new IllegalStateException("the state hash is read only while the pipeline is not running");
        }
    }
}
