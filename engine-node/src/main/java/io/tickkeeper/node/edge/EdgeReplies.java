package io.tickkeeper.node.edge;

import io.aeron.Publication;
import io.tickkeeper.protocol.sbe.CommandRefusedEncoder;
import io.tickkeeper.protocol.sbe.MessageHeaderEncoder;
import io.tickkeeper.protocol.sbe.RefusalReason;
import io.tickkeeper.protocol.sbe.SessionWelcomeEncoder;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * What the ingress answers by itself, without sequencing anything: a SessionWelcome when a session's response
 * publication is connected, and a CommandRefused for a command it did not sequence. One per ingress thread.
 */
final class EdgeReplies
{
    private static final int MAX_LENGTH = MessageHeaderEncoder.ENCODED_LENGTH +
        Math.max(CommandRefusedEncoder.BLOCK_LENGTH, SessionWelcomeEncoder.BLOCK_LENGTH);

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[MAX_LENGTH]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final CommandRefusedEncoder refused = new CommandRefusedEncoder();
    private final SessionWelcomeEncoder welcome = new SessionWelcomeEncoder();

    /** @return whether the publication took the welcome. */
    boolean welcome(final Publication publication, final long epoch, final long sessionId, final long timestampNs)
    {
        welcome.wrapAndApplyHeader(buffer, 0, header);
        welcome.frame().epoch(epoch).sequence(0).clientSessionId(sessionId).clientSequence(0).timestampNs(timestampNs);
        return publication.offer(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + welcome.encodedLength()) > 0;
    }

    /** @return whether the publication took the refusal. */
    boolean refuse(
        final Publication publication, final long epoch, final long sessionId, final long clientSequence,
        final long timestampNs, final RefusalReason reason)
    {
        refused.wrapAndApplyHeader(buffer, 0, header);
        refused.frame()
            .epoch(epoch)
            .sequence(0)
            .clientSessionId(sessionId)
            .clientSequence(clientSequence)
            .timestampNs(timestampNs);
        refused.lastAppliedClientSequence(0).reason(reason);
        return publication.offer(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + refused.encodedLength()) > 0;
    }
}
