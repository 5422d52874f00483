package io.tickkeeper.node;

import org.agrona.DirectBuffer;

/**
 * How a service sequences inputs it generates itself while its node is primary (see
 * {@link ReplicatedService#onPrimary}): a market-data tick, a report from another service, a marker. Such inputs
 * are not a client's: their frame carries {@code clientSessionId 0}, so the session table applies them without
 * deduplication. Thread-safe; any thread may call it.
 */
@FunctionalInterface
public interface InputPublisher
{
    /**
     * Sequences one input; the pipeline stamps its epoch and sequence.
     *
     * @param buffer holds the input (an input frame led by the SBE message header).
     * @param offset where it starts.
     * @param length how many bytes it has.
     * @return the sequence it got.
     * @throws IllegalArgumentException when the bytes are not an input, are too long, or name a client session.
     * @throws IllegalStateException    when the node is no longer primary (nothing was sequenced): the service
     *                                  stops publishing, and {@link ReplicatedService#onNotPrimary()} follows.
     */
    long publish(DirectBuffer buffer, int offset, int length);
}
