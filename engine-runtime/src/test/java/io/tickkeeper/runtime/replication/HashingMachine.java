package io.tickkeeper.runtime.replication;

import java.nio.ByteOrder;

import io.tickkeeper.protocol.sbe.InputFrameEncoder;
import io.tickkeeper.protocol.sbe.MessageHeaderEncoder;
import io.tickkeeper.runtime.InputHandler;
import io.tickkeeper.runtime.OutputSink;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * A deterministic test state machine: folds every input (sequence, epoch, key, amount) into a state hash and
 * writes one output per input (its sequence and the hash after it). Inputs are messages of the TickKeeper schema
 * with a test-only template id: header, input frame, key (int64), amount (int64).
 */
final class HashingMachine implements InputHandler
{
    static final int TEMPLATE_ID = 901;
    static final int OUTPUT_LENGTH = 2 * Long.BYTES;

    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;
    private static final int KEY_OFFSET = MessageHeaderEncoder.ENCODED_LENGTH + InputFrameEncoder.ENCODED_LENGTH;
    private static final int AMOUNT_OFFSET = KEY_OFFSET + Long.BYTES;
    private static final int BLOCK_LENGTH = InputFrameEncoder.ENCODED_LENGTH + 2 * Long.BYTES;
    private static final int LENGTH = MessageHeaderEncoder.ENCODED_LENGTH + BLOCK_LENGTH;

    private volatile long hash = 17;
    private volatile long appliedSequence;

    @Override
    public void onInput(
        final long sequence, final DirectBuffer buffer, final int offset, final int length, final OutputSink out)
    {
        if (ReplicationMessages.sequence(buffer, offset) != sequence)
        {
            throw new IllegalStateException("frame and runtime disagree on sequence " + sequence);
        }
        long next = hash;
        next = next * 31 + sequence;
        next = next * 31 + ReplicationMessages.epoch(buffer, offset);
        next = next * 31 + buffer.getLong(offset + KEY_OFFSET, ORDER);
        next = next * 31 + buffer.getLong(offset + AMOUNT_OFFSET, ORDER);
        hash = next;
        appliedSequence = sequence;
        final int at = out.claim(OUTPUT_LENGTH);
        out.buffer().putLong(at, sequence);
        out.buffer().putLong(at + Long.BYTES, next);
        out.commit(OUTPUT_LENGTH);
    }

    long hash()
    {
        return hash;
    }

    long appliedSequence()
    {
        return appliedSequence;
    }

    /** Encodes one input (epoch and sequence left for the runtime to stamp) and returns its length. */
    static int encode(final MutableDirectBuffer buffer, final long epoch, final long sequence, final long key,
        final long amount)
    {
        new MessageHeaderEncoder().wrap(buffer, 0)
            .blockLength(BLOCK_LENGTH)
            .templateId(TEMPLATE_ID)
            .schemaId(MessageHeaderEncoder.SCHEMA_ID)
            .version(MessageHeaderEncoder.SCHEMA_VERSION);
        new InputFrameEncoder().wrap(buffer, MessageHeaderEncoder.ENCODED_LENGTH)
            .epoch(epoch)
            .sequence(sequence)
            .clientSessionId(1)
            .clientSequence(key)
            .timestampNs(key * 1_000);
        buffer.putLong(KEY_OFFSET, key, ORDER);
        buffer.putLong(AMOUNT_OFFSET, amount, ORDER);
        return LENGTH;
    }
}
