package io.tickkeeper.runtime.session;

import io.tickkeeper.protocol.sbe.EndOfDayEncoder;
import io.tickkeeper.protocol.sbe.MessageHeaderEncoder;
import org.agrona.ExpandableArrayBuffer;

/** Feeds frame-only inputs with a client key to a handler, numbering them from 1. */
final class TestInputs
{
    private final ExpandableArrayBuffer input = new ExpandableArrayBuffer(64);
    private final EndOfDayEncoder encoder = new EndOfDayEncoder();
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private long sequence;

    RecordedOutputs apply(final DeduplicatingHandler handler, final long sessionId, final long clientSequence)
    {
        encoder.wrapAndApplyHeader(input, 0, header);
        sequence++;
        encoder.frame().epoch(1).sequence(sequence).clientSessionId(sessionId).clientSequence(clientSequence)
            .timestampNs(sequence);
        final RecordedOutputs out = new RecordedOutputs();
        handler.onInput(sequence, input, 0, MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength(), out);
        return out;
    }
}
