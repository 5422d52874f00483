package io.tickkeeper.runtime;

import org.agrona.DirectBuffer;

/**
 * Takes the outputs of the pipeline away (to the network, a file, a test), in input order, once every gate
 * (the journaller and any other) and the business logic have passed the input that caused them.
 * Called on the output stage's thread only.
 */
@FunctionalInterface
public interface OutputPublisher
{
    /**
     * Publishes one output.
     *
     * @param sequence the sequence of the input that caused it.
     * @param buffer   holds the output's bytes; valid during this call only.
     * @param offset   where the output starts.
     * @param length   how many bytes it has.
     */
    void onOutput(long sequence, DirectBuffer buffer, int offset, int length);
}
