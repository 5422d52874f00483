package io.tickkeeper.node.edge;

import org.agrona.DirectBuffer;

/**
 * Where {@link CommandIngress} hands a checked command to be sequenced: the service pipeline's publish, or the
 * node's replicated pipeline. Called on the ingress thread only.
 */
@FunctionalInterface
public interface CommandSequencer
{
    /**
     * Sequences one command.
     *
     * @param buffer holds the command, its timestamp already stamped.
     * @param offset where it starts.
     * @param length how many bytes it has.
     * @return the sequence it got.
     * @throws IllegalArgumentException when the bytes are not a command the service takes.
     * @throws IllegalStateException    when the pipeline does not take commands (not running, not primary).
     */
    long publish(DirectBuffer buffer, int offset, int length);
}
