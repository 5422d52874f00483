package io.tickkeeper.runtime;

import java.nio.ByteOrder;

import io.tickkeeper.protocol.sbe.InputFrameDecoder;
import io.tickkeeper.protocol.sbe.InputFrameEncoder;
import io.tickkeeper.protocol.sbe.MessageHeaderEncoder;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Inputs of the test state machine: a message of the TickKeeper schema with a test-only template id, an input
 * frame, then a key (int64) and an amount (int64).
 */
final class TestInputs
{
    static final int TEMPLATE_ID = 900;
    static final int KEY_OFFSET = MessageHeaderEncoder.ENCODED_LENGTH + InputFrameEncoder.ENCODED_LENGTH;
    static final int AMOUNT_OFFSET = KEY_OFFSET + Long.BYTES;
    static final int BLOCK_LENGTH = InputFrameEncoder.ENCODED_LENGTH + 2 * Long.BYTES;
    static final int LENGTH = MessageHeaderEncoder.ENCODED_LENGTH + BLOCK_LENGTH;

    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private TestInputs()
    {
    }

    /** Encodes one input at the offset and returns its length. */
    static int encode(
        final MutableDirectBuffer buffer, final int offset, final long timestampNs, final long key, final long amount)
    {
        new MessageHeaderEncoder().wrap(buffer, offset)
            .blockLength(BLOCK_LENGTH)
            .templateId(TEMPLATE_ID)
            .schemaId(MessageHeaderEncoder.SCHEMA_ID)
            .version(MessageHeaderEncoder.SCHEMA_VERSION);
        new InputFrameEncoder().wrap(buffer, offset + MessageHeaderEncoder.ENCODED_LENGTH)
            .epoch(-1)
            .sequence(-1)
            .clientSessionId(7)
            .clientSequence(key)
            .timestampNs(timestampNs);
        buffer.putLong(offset + KEY_OFFSET, key, ORDER);
        buffer.putLong(offset + AMOUNT_OFFSET, amount, ORDER);
        return LENGTH;
    }

    static InputFrameDecoder frame(final DirectBuffer buffer, final int offset)
    {
        return new InputFrameDecoder().wrap(buffer, offset + MessageHeaderEncoder.ENCODED_LENGTH);
    }

    static long key(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + KEY_OFFSET, ORDER);
    }

    static long amount(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + AMOUNT_OFFSET, ORDER);
    }
}
