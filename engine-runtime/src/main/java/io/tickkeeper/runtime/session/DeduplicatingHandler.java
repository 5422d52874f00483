package io.tickkeeper.runtime.session;

import java.nio.ByteOrder;

import io.tickkeeper.protocol.sbe.CommandRefusedEncoder;
import io.tickkeeper.protocol.sbe.EventFrameEncoder;
import io.tickkeeper.protocol.sbe.InputFrameDecoder;
import io.tickkeeper.protocol.sbe.MessageHeaderDecoder;
import io.tickkeeper.protocol.sbe.MessageHeaderEncoder;
import io.tickkeeper.protocol.sbe.RefusalReason;
import io.tickkeeper.runtime.InputHandler;
import io.tickkeeper.runtime.OutputSink;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Makes a service's inputs idempotent per client key: wraps the service's {@link InputHandler} and consults the
 * {@link SessionTable} with the {@code (clientSessionId, clientSequence)} of each input's frame.
 * <ul>
 *   <li>{@code clientSessionId == 0}: not a client's command (an operator's, a marker); always applied.</li>
 *   <li>{@code clientSequence} above the session's last applied: applied; the command's first output is kept as
 *       its answer. A sequence that skips ahead is applied too: a client numbers its commands in order and sends
 *       them in order on one stream, so a gap means the commands in it never reached the primary (the client
 *       resends them, and they are then refused as {@link RefusalReason#SEQUENCE_SKIPPED}: a session's commands
 *       apply in increasing order).</li>
 *   <li>At or below the last applied and inside the window: a resend. It is not applied again; its kept answer is
 *       emitted again, byte for byte, except that the event frame's epoch becomes the current input's (the
 *       primary answering now vouches for it; the table keeps answers with the epoch blanked, so its state does
 *       not depend on which epoch applied a command). The frame keeps the original sequence, so a consumer that
 *       tracks sequences sees that it is a repeat.</li>
 *   <li>Below the window: refused with {@code CommandRefused(TOO_OLD)}; an older sequence of the window that was
 *       skipped, with {@code SEQUENCE_SKIPPED}; a non-positive one with {@code MALFORMED}; a new session when the
 *       table is full, with {@code TOO_MANY_SESSIONS}.</li>
 * </ul>
 * Deterministic and allocation-free per input once a session exists. Every output is an event led by the event
 * frame (docs/pipeline.md); a command's first output must fit the table's {@code maxAnswerLength}.
 */
public final class DeduplicatingHandler implements InputHandler
{
    private static final ByteOrder ORDER = InputFrameDecoder.BYTE_ORDER;
    private static final int HEADER = MessageHeaderDecoder.ENCODED_LENGTH;
    private static final int EPOCH_OFFSET = HEADER + InputFrameDecoder.epochEncodingOffset();
    private static final int SESSION_OFFSET = HEADER + InputFrameDecoder.clientSessionIdEncodingOffset();
    private static final int CLIENT_SEQUENCE_OFFSET = HEADER + InputFrameDecoder.clientSequenceEncodingOffset();
    private static final int TIMESTAMP_OFFSET = HEADER + InputFrameDecoder.timestampNsEncodingOffset();
    private static final int EVENT_EPOCH_OFFSET = HEADER + EventFrameEncoder.epochEncodingOffset();
    private static final int REFUSAL_LENGTH = HEADER + CommandRefusedEncoder.BLOCK_LENGTH;

    private final InputHandler service;
    private final SessionTable sessions;
    private final FirstOutputSink capture = new FirstOutputSink();
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final CommandRefusedEncoder refused = new CommandRefusedEncoder();
    private long answeredAgain;
    private long refusedCount;

    /**
     * @param service  the service's business logic.
     * @param sessions the session table, part of the same replicated state.
     */
    public DeduplicatingHandler(final InputHandler service, final SessionTable sessions)
    {
        this.service = service;
        this.sessions = sessions;
    }

    @Override
    public void onInput(
        final long sequence, final DirectBuffer buffer, final int offset, final int length, final OutputSink out)
    {
        final long sessionId = buffer.getLong(offset + SESSION_OFFSET, ORDER);
        if (sessionId == 0)
        {
            service.onInput(sequence, buffer, offset, length, out);
            return;
        }
        final long clientSequence = buffer.getLong(offset + CLIENT_SEQUENCE_OFFSET, ORDER);
        final long epoch = buffer.getLong(offset + EPOCH_OFFSET, ORDER);
        final long timestampNs = buffer.getLong(offset + TIMESTAMP_OFFSET, ORDER);
        final ClientSession session = sessions.session(sessionId);
        if (session == null)
        {
            refuse(out, epoch, sequence, sessionId, clientSequence, timestampNs, 0, RefusalReason.TOO_MANY_SESSIONS);
        }
        else if (clientSequence <= 0)
        {
            refuse(out, epoch, sequence, sessionId, clientSequence, timestampNs, session.lastApplied(),
                RefusalReason.MALFORMED);
        }
        else if (clientSequence > session.lastApplied())
        {
            capture.wrap(out);
            service.onInput(sequence, buffer, offset, length, capture);
            session.recordApplied(clientSequence, out.buffer(), capture.firstOffset(), capture.firstLength());
            if (capture.firstLength() >= EVENT_EPOCH_OFFSET + Long.BYTES)
            {
                session.putAnswerLong(clientSequence, EVENT_EPOCH_OFFSET, 0);
            }
        }
        else if (session.holds(clientSequence))
        {
            answerAgain(out, session, clientSequence, epoch);
        }
        else
        {
            final RefusalReason reason = clientSequence <= session.lastApplied() - sessions.window() ?
                RefusalReason.TOO_OLD : RefusalReason.SEQUENCE_SKIPPED;
            refuse(out, epoch, sequence, sessionId, clientSequence, timestampNs, session.lastApplied(), reason);
        }
    }

    /** @return how many resent commands were answered with their kept answer; read on the logic thread. */
    public long answeredAgain()
    {
        return answeredAgain;
    }

    /** @return how many client commands were refused; read on the logic thread. */
    public long refused()
    {
        return refusedCount;
    }

    private void answerAgain(
        final OutputSink out, final ClientSession session, final long clientSequence, final long epoch)
    {
        answeredAgain++;
        final int length = session.answerLength(clientSequence);
        if (length == 0)
        {
            return;
        }
        final int at = out.claim(length);
        final MutableDirectBuffer target = out.buffer();
        target.putBytes(at, session.answers(), session.answerOffset(clientSequence), length);
        if (length >= EVENT_EPOCH_OFFSET + Long.BYTES)
        {
            target.putLong(at + EVENT_EPOCH_OFFSET, epoch, ORDER);
        }
        out.commit(length);
    }

    private void refuse(
        final OutputSink out, final long epoch, final long sequence, final long sessionId, final long clientSequence,
        final long timestampNs, final long lastApplied, final RefusalReason reason)
    {
        refusedCount++;
        final int at = out.claim(REFUSAL_LENGTH);
        refused.wrapAndApplyHeader(out.buffer(), at, header);
        refused.frame()
            .epoch(epoch)
            .sequence(sequence)
            .clientSessionId(sessionId)
            .clientSequence(clientSequence)
            .timestampNs(timestampNs);
        refused.lastAppliedClientSequence(lastApplied).reason(reason);
        out.commit(HEADER + refused.encodedLength());
    }
}
