package io.tickkeeper.node.broadcast;

import org.agrona.DirectBuffer;

/** Takes the messages a {@link BroadcastSubscriber} admits, on the thread that polls it. */
@FunctionalInterface
public interface BroadcastListener
{
    /**
     * One admitted message.
     *
     * @param epoch  the epoch of the primary that published it (the newest seen so far).
     * @param buffer holds the message without its epoch prefix; valid during this call only.
     * @param offset where the message starts.
     * @param length how many bytes it has.
     */
    void onMessage(long epoch, DirectBuffer buffer, int offset, int length);
}
