package io.tickkeeper.matching.client;

import java.util.ArrayDeque;
import java.util.Deque;

import io.aeron.FragmentAssembler;
import io.aeron.Subscription;
import io.tickkeeper.protocol.sbe.MessageHeaderDecoder;
import org.agrona.concurrent.UnsafeBuffer;

/** Reads what an engine sends to a hand-made session, for tests that speak the wire without a MatchingClient. */
final class RawResponses
{
    private final Subscription subscription;
    private final Deque<byte[]> received = new ArrayDeque<>();
    private final FragmentAssembler assembler = new FragmentAssembler((buffer, offset, length, header) ->
    {
        final byte[] bytes = new byte[length];
        buffer.getBytes(offset, bytes);
        received.add(bytes);
    });

    RawResponses(final Subscription subscription)
    {
        this.subscription = subscription;
    }

    /**
     * Polls once and takes the oldest message received, dropping messages of other templates before it.
     *
     * @return the bytes of the oldest message of that template, or null when none has arrived.
     */
    byte[] poll(final int templateId)
    {
        subscription.poll(assembler, 16);
        while (!received.isEmpty())
        {
            final byte[] bytes = received.poll();
            final int template = new MessageHeaderDecoder().wrap(new UnsafeBuffer(bytes), 0).templateId();
            if (template == templateId)
            {
                return bytes;
            }
        }
        return null;
    }
}
