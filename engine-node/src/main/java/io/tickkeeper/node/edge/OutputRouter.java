package io.tickkeeper.node.edge;

import org.agrona.DirectBuffer;

/**
 * A service's own use of the primary's outputs, consulted by {@link ResponsePublisher} before the client routes:
 * an output the router consumes (for example a command the service forwards to another service) does not go to a
 * client session. Called on the output stage's thread, only while this node is primary and its lease holds, in
 * input order; it must not block for long (the pipeline waits behind it).
 */
@FunctionalInterface
public interface OutputRouter
{
    /** Consumes nothing: every output goes to the client routes. */
    OutputRouter NONE = (sequence, buffer, offset, length) -> false;

    /**
     * Offers one output to the service.
     *
     * @param sequence the sequence of the input that caused it.
     * @param buffer   holds the output (an event led by the SBE message header); valid during this call only.
     * @param offset   where it starts.
     * @param length   how many bytes it has.
     * @return true when the service consumed it (it goes to no client), false to send it to its client session.
     */
    boolean route(long sequence, DirectBuffer buffer, int offset, int length);
}
