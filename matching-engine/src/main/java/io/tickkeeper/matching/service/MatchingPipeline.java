package io.tickkeeper.matching.service;

import java.nio.file.Path;

import io.tickkeeper.matching.InstrumentSpec;
import io.tickkeeper.matching.MatchingEngine;
import io.tickkeeper.runtime.EnginePipeline;
import io.tickkeeper.runtime.PipelineState;
import org.agrona.DirectBuffer;

/**
 * One matching shard as a running service, wired in one place:
 * <pre>
 *   publish(command) -&gt; check -&gt; EnginePipeline ring -+- journaller (Chronicle Queue)
 *                                                  +- MatchingCommandAdapter -&gt; MatchingEngine
 *                                                  |     -&gt; MatchingEventEncoder -&gt; slot's output area
 *                                                  +-&gt; output stage (after both) -&gt; OutputPublisher
 *   snapshots: MatchingSnapshotCodec &lt;-&gt; SnapshotStore; start() = newest snapshot + journal tail
 * </pre>
 * The engine's state belongs to the pipeline's logic thread while the pipeline runs.
 */
public final class MatchingPipeline implements AutoCloseable
{
    private final MatchingEngine engine;
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
        pipeline = new EnginePipeline(runtime
            .inputHandler(new MatchingCommandAdapter(engine, events))
            .snapshots(new MatchingSnapshotCodec(engine), snapshotDirectory));
    }

    /**
     * Restores the newest snapshot, replays the journal after it, then starts taking commands.
     *
     * @return the sequence of the last command recovered.
     */
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
    public long publish(final DirectBuffer buffer, final int offset, final int length)
    {
        MatchingCommandAdapter.check(buffer, offset, length);
        return pipeline.publish(buffer, offset, length);
    }

    /** Asks for a snapshot after the next command; see {@link EnginePipeline#requestSnapshot()}. */
    public void requestSnapshot()
    {
        pipeline.requestSnapshot();
    }

    /** @return the sequence of the newest snapshot written or recovered from, 0 when there is none. */
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
     * @return the engine's state hash; only while the pipeline does not run (before start, or after close).
     * @throws IllegalStateException while the pipeline runs: the state belongs to its logic thread.
     */
    public long stateHash()
    {
        if (pipeline.state() == PipelineState.RUNNING)
        {
            throw new IllegalStateException("the state hash is read only while the pipeline is not running");
        }
        return engine.stateHash();
    }

    @Override
    public void close()
    {
        pipeline.close();
    }
}
