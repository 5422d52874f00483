package io.tickkeeper.node;

import io.tickkeeper.runtime.EnginePipeline;
import io.tickkeeper.runtime.PipelineState;
import org.agrona.DirectBuffer;

/**
 * A replicated service's running state machine as a {@link ReplicatedNode} drives it: an {@link EnginePipeline}
 * (journal, gates, business logic, output stage) together with the service's state, usually with a session table
 * in front of the logic so a resent client command is answered with its first answer. The node builds one per
 * incarnation ({@link ReplicatedService#newPipeline}), starts it, publishes into it and closes it.
 */
public interface ServicePipeline extends AutoCloseable
{
    /**
     * Restores the newest snapshot, replays the journal after it, then starts taking inputs.
     *
     * @return the sequence of the last input recovered.
     */
    long start();

    /**
     * Checks and sequences one input. Thread-safe.
     *
     * @param buffer holds the input.
     * @param offset where it starts.
     * @param length how many bytes it has.
     * @return the input's sequence.
     * @throws IllegalArgumentException when the bytes are not an input the service takes; nothing is sequenced.
     * @throws IllegalStateException    when the pipeline does not run.
     */
    long publish(DirectBuffer buffer, int offset, int length);

    /** Asks for a snapshot after the next input; see {@link EnginePipeline#requestSnapshot()}. */
    void requestSnapshot();

    /** @return the sequence of the newest snapshot written or recovered from, 0 when there is none. */
    long lastSnapshotSequence();

    /** @return the sequence of the last input whose outputs were published. */
    long outputSequence();

    /** @return the pipeline's state. */
    PipelineState state();

    /**
     * @return the hash of the whole replicated state (service and session table); only while the pipeline does not
     *         run (before start, or after close).
     * @throws IllegalStateException while the pipeline runs: the state belongs to its logic thread.
     */
    long stateHash();

    /**
     * @return the engine runtime underneath, for the parts of the node that work on it directly: the replicator,
     *         the standby replica, and the epoch a new primary stamps.
     */
    EnginePipeline runtime();

    /** Stops the pipeline; idempotent. */
    @Override
    void close();
}
