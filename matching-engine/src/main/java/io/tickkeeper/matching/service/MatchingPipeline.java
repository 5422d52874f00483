package io.tickkeeper.matching.service;

import java.nio.file.Path;

import io.tickkeeper.matching.InstrumentSpec;
import io.tickkeeper.matching.MatchingEngine;
import io.tickkeeper.node.ServicePipeline;
import io.tickkeeper.runtime.EnginePipeline;
import io.tickkeeper.runtime.PipelineState;
import io.tickkeeper.runtime.session.DeduplicatingHandler;
import io.tickkeeper.runtime.session.SessionSnapshotter;
import io.tickkeeper.runtime.session.SessionTable;
import org.agrona.DirectBuffer;

/**
 * One matching shard as a running service, wired in one place:
 * <pre>
 *   publish(command) -&gt; check -&gt; EnginePipeline ring -+- journaller (Chronicle Queue)
 *                                                  +- DeduplicatingHandler (SessionTable: client keys)
 *                                                  |     -&gt; MatchingCommandAdapter -&gt; MatchingEngine
 *                                                  |     -&gt; MatchingEventEncoder -&gt; slot's output area
 *                                                  +-&gt; output stage (after both) -&gt; OutputPublisher
 *   snapshots: SessionSnapshotter(MatchingSnapshotCodec, SessionTable) &lt;-&gt; SnapshotStore;
 *   start() = newest snapshot + journal tail
 * </pre>
 * The replicated state is the engine together with the session table, which makes client commands idempotent:
 * a resent command is answered with its original answer instead of being applied again.
 * The engine's state belongs to the pipeline's logic thread while the pipeline runs. A ReplicatedNode runs it as
 * the matching service's {@link ServicePipeline}.
 */
public final class MatchingPipeline implements ServicePipeline
{
    private final MatchingEngine engine;
    private final SessionTable sessions;
    private final EnginePipeline pipeline;

    /**
     * Builds the engine and the pipeline; nothing runs until {@link #start()}.
     *
     * @param instruments       the shard's instruments.
     * @param runtime           the runtime settings (journal directory, output publisher, name, wait strategy,
     *                          epoch, ...); this class sets its input handler and snapshotter.
     * @param snapshotDirectory where the shard's snapshots live.
     */
    public MatchingPipeline(
        final InstrumentSpec[] instruments, final EnginePipeline.Context runtime, final Path snapshotDirectory)
    {
        final MatchingEventEncoder events = new MatchingEventEncoder();
        engine = new MatchingEngine(instruments, events);
        sessions = new SessionTable();
        pipeline = new EnginePipeline(runtime
            .inputHandler(new DeduplicatingHandler(new MatchingCommandAdapter(engine, events), sessions))
            .snapshots(new SessionSnapshotter(new MatchingSnapshotCodec(engine), sessions), snapshotDirectory));
    }

    /**
     * Restores the newest snapshot, replays the journal after it, then starts taking commands.
     *
     * @return the sequence of the last command recovered.
     */
    @Override
    public long start()
    {
        return pipeline.start();
    }

    /**
     * Checks and sequences one command (encoded with {@link MatchingCommandEncoder}). Thread-safe.
     *
     * @return the command's sequence.
     * @throws IllegalArgumentException when the bytes are not a valid matching command; nothing is sequenced.
     */
    @Override
    public long publish(final DirectBuffer buffer, final int offset, final int length)
    {
        MatchingCommandAdapter.check(buffer, offset, length);
        return pipeline.publish(buffer, offset, length);
    }

    /** Asks for a snapshot after the next command; see {@link EnginePipeline#requestSnapshot()}. */
    @Override
    public void requestSnapshot()
    {
        pipeline.requestSnapshot();
    }

    /** @return the sequence of the newest snapshot written or recovered from, 0 when there is none. */
    @Override
    public long lastSnapshotSequence()
    {
        return pipeline.lastSnapshotSequence();
    }

    /** @return the sequence of the last command the journaller appended. */
    public long journalledSequence()
    {
        return pipeline.journalledSequence();
    }

    /** @return the sequence of the last command whose events were published. */
    @Override
    public long outputSequence()
    {
        return pipeline.outputSequence();
    }

    /** @return the pipeline's state. */
    @Override
    public PipelineState state()
    {
        return pipeline.state();
    }

    /**
     * @return the hash of the whole replicated state: the engine's hash combined with the session table's; only
     *         while the pipeline does not run (before start, or after close).
     * @throws IllegalStateException while the pipeline runs: the state belongs to its logic thread.
     */
    @Override
    public long stateHash()
    {
        return combine(engineStateHash(), sessionStateHash());
    }

    /**
     * @return the engine's own state hash ({@link MatchingEngine#stateHash()}); only while the pipeline does not run.
     * @throws IllegalStateException while the pipeline runs.
     */
    public long engineStateHash()
    {
        checkNotRunning();
        return engine.stateHash();
    }

    /**
     * @return the session table's state hash ({@link SessionTable#stateHash()}); only while the pipeline does not
     *         run.
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

    private void checkNotRunning()
    {
        if (pipeline.state() == PipelineState.RUNNING)
        {
            throw new IllegalStateException("the state hash is read only while the pipeline is not running");
        }
    }

    /**
     * @return the engine runtime underneath, for the parts of a replicated node that work on it directly: the
     *     replicator and the standby replica, and the epoch a new primary stamps.
     */
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
