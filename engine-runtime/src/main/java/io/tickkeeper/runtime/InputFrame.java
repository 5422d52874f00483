package io.tickkeeper.runtime;

import java.nio.ByteOrder;

import io.tickkeeper.protocol.sbe.InputFrameEncoder;
import io.tickkeeper.protocol.sbe.MessageHeaderEncoder;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Where the runtime reads and stamps the input frame that leads every input: an SBE message of the TickKeeper
 * schema whose block starts with the {@code inputFrame} composite. Stateless, so any producer thread may use it.
 */
final class InputFrame
{
    static final int HEADER_LENGTH = MessageHeaderEncoder.ENCODED_LENGTH;
    static final int MIN_LENGTH = HEADER_LENGTH + InputFrameEncoder.ENCODED_LENGTH;

    private static final ByteOrder ORDER = InputFrameEncoder.BYTE_ORDER;
    private static final int BLOCK_LENGTH_OFFSET = MessageHeaderEncoder.blockLengthEncodingOffset();
    private static final int SCHEMA_ID_OFFSET = MessageHeaderEncoder.schemaIdEncodingOffset();
    private static final int EPOCH_OFFSET = HEADER_LENGTH + InputFrameEncoder.epochEncodingOffset();
    private static final int SEQUENCE_OFFSET = HEADER_LENGTH + InputFrameEncoder.sequenceEncodingOffset();

    private InputFrame()
    {
    }

    /**
     * Checks that the bytes can be an input: long enough, of our schema, with a block holding the frame and
     * lying inside the bytes.
     *
     * @throws IllegalArgumentException naming the first problem found.
     */
    static void check(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < MIN_LENGTH)
        {
            throw new IllegalArgumentException("an input needs at least " + MIN_LENGTH + " bytes, got " + length);
        }
        final int schemaId = buffer.getShort(offset + SCHEMA_ID_OFFSET, ORDER) & 0xFFFF;
        if (schemaId != InputFrameEncoder.SCHEMA_ID)
        {
            throw new IllegalArgumentException(
                "input of schema " + schemaId + ", expected " + InputFrameEncoder.SCHEMA_ID);
        }
        final int blockLength = buffer.getShort(offset + BLOCK_LENGTH_OFFSET, ORDER) & 0xFFFF;
        if (blockLength < InputFrameEncoder.ENCODED_LENGTH)
        {
            throw new IllegalArgumentException("input block of " + blockLength + " bytes cannot hold the input frame");
        }
        if (HEADER_LENGTH + blockLength > length)
        {
            throw new IllegalArgumentException("input block of " + blockLength + " bytes overruns the input's " +
                length + " bytes");
        }
    }

    static void stamp(final MutableDirectBuffer buffer, final int offset, final long epoch, final long sequence)
    {
        buffer.putLong(offset + EPOCH_OFFSET, epoch, ORDER);
        buffer.putLong(offset + SEQUENCE_OFFSET, sequence, ORDER);
    }

    static long sequence(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + SEQUENCE_OFFSET, ORDER);
    }

    static long epoch(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + EPOCH_OFFSET, ORDER);
    }
}
