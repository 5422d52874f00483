package io.tickkeeper.node;

import org.agrona.MutableDirectBuffer;
import org.agrona.sbe.MessageEncoderFlyweight;

import io.tickkeeper.protocol.sbe.EventFrameEncoder;
import io.tickkeeper.protocol.sbe.MessageHeaderEncoder;
import io.tickkeeper.runtime.OutputSink;

/**
 * Writes an engine's outputs into the output area of the input being applied: each output is an SBE message header
 * and message, and an event's frame repeats the input's epoch and sequence, the session the event is addressed to
 * and the time. The outbound boundary of an engine (its event encoder) owns one, calls {@link #begin} and
 * {@link #end} around each input and, for each output, {@link #wrap}, then fills the frame and the fields, then
 * {@link #commit}. Outputs are only accepted between {@link #begin} and {@link #end}. Allocates nothing.
 */
public final class EventFrameWriter
{
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final String outsideInput;
    private OutputSink out;
    private long epoch;
    private long sequence;
    private long clientSessionId;
    private long clientSequence;

    /**
     * @param outsideInput the message of the {@link IllegalStateException} an output outside an input raises.
     */
    public EventFrameWriter(final String outsideInput)
    {
        this.outsideInput = outsideInput;
    }

    /**
     * Starts the outputs of one input.
     *
     * @param out             the input's output area.
     * @param epoch           the input's epoch.
     * @param sequence        the input's sequence.
     * @param clientSessionId the session that sent the input (0 when none did).
     * @param clientSequence  the input's client sequence.
     */
    public void begin(
        final OutputSink out, final long epoch, final long sequence, final long clientSessionId,
        final long clientSequence)
    {
        this.out = out;
        this.epoch = epoch;
        this.sequence = sequence;
        this.clientSessionId = clientSessionId;
        this.clientSequence = clientSequence;
    }

    /** Ends the outputs of the current input. */
    public void end()
    {
        out = null;
    }

    /**
     * Claims room for one message in the output area, writes its message header and wraps the encoder after it.
     *
     * @param encoder the message's encoder.
     * @param <E>     its type.
     * @return the encoder, wrapped for its fields.
     * @throws IllegalStateException outside an input.
     */
    public <E extends MessageEncoderFlyweight> E wrap(final E encoder)
    {
        if (out == null)
        {
            throw new IllegalStateException(outsideInput);
        }
        final int offset = out.claim(MessageHeaderEncoder.ENCODED_LENGTH + encoder.sbeBlockLength());
        final MutableDirectBuffer buffer = out.buffer();
        header.wrap(buffer, offset)
            .blockLength(encoder.sbeBlockLength())
            .templateId(encoder.sbeTemplateId())
            .schemaId(encoder.sbeSchemaId())
            .version(encoder.sbeSchemaVersion());
        encoder.wrap(buffer, offset + MessageHeaderEncoder.ENCODED_LENGTH);
        return encoder;
    }

    /**
     * Fills the frame of an event addressed to the session that sent the input.
     *
     * @param frame       the event's frame.
     * @param timestampNs the event's time.
     */
    public void frame(final EventFrameEncoder frame, final long timestampNs)
    {
        frame(frame, clientSessionId, timestampNs);
    }

    /**
     * Fills the frame of an event addressed to a session: it carries the input's client sequence when that session
     * sent the input, else 0.
     *
     * @param frame       the event's frame.
     * @param sessionId   the session the event is addressed to (0: none).
     * @param timestampNs the event's time.
     */
    public void frame(final EventFrameEncoder frame, final long sessionId, final long timestampNs)
    {
        frame.epoch(epoch)
            .sequence(sequence)
            .clientSessionId(sessionId)
            .clientSequence(sessionId == clientSessionId ? clientSequence : 0)
            .timestampNs(timestampNs);
    }

    /**
     * Commits the message last {@link #wrap wrapped}, header included.
     *
     * @param encoder its encoder, with every field set.
     */
    public void commit(final MessageEncoderFlyweight encoder)
    {
        out.commit(MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength());
    }
}
