package io.tickkeeper.bench;

import io.tickkeeper.matching.service.MatchingCommandEncoder;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A {@link CommandBatch} encoded once, up front, into one buffer of SBE commands, so publishing into the pipeline
 * costs only the copy into the ring slot.
 */
final class EncodedCommands
{
    /** The client session the pre-fill commands are sent in. */
    static final long PREFILL_SESSION = 1;
    /** The client session the measured commands are sent in. */
    static final long MEASURED_SESSION = 2;

    private final UnsafeBuffer buffer;
    private final int[] offsets;
    private final int[] lengths;

    private EncodedCommands(final UnsafeBuffer buffer, final int[] offsets, final int[] lengths)
    {
        this.buffer = buffer;
        this.offsets = offsets;
        this.lengths = lengths;
    }

    /**
     * Encodes every command of the batch; command {@code i} gets client sequence {@code i + 1} in the given client
     * session (so the engine's idempotency check sees each command once) and timestamp {@code i}.
     */
    static EncodedCommands encode(final CommandBatch batch, final long clientSessionId)
    {
        final int size = batch.size();
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[Math.multiplyExact(size, MatchingCommandEncoder.MAX_LENGTH)]);
        final int[] offsets = new int[size];
        final int[] lengths = new int[size];
        final MatchingCommandEncoder encoder = new MatchingCommandEncoder();
        final int instrumentId = batch.instrumentId();
        int offset = 0;
        for (int i = 0; i < size; i++)
        {
            final int length = switch (batch.kind(i))
            {
                case CommandBatch.NEW_ORDER -> encoder.newOrder(
                    buffer, offset, clientSessionId, i + 1, i, instrumentId, batch.accountId(i), batch.clientOrderId(i),
                    batch.side(i), batch.type(i), batch.price(i), batch.quantity(i), batch.stpMode(i));
                case CommandBatch.CANCEL -> encoder.cancel(
                    buffer, offset, clientSessionId, i + 1, i, instrumentId, batch.accountId(i), batch.orderId(i));
                case CommandBatch.REPLACE -> encoder.replace(
                    buffer, offset, clientSessionId, i + 1, i, instrumentId, batch.accountId(i), batch.orderId(i),
                    batch.price(i), batch.quantity(i));
                default -> throw new IllegalStateException("unknown command kind " + batch.kind(i));
            };
            offsets[i] = offset;
            lengths[i] = length;
            offset += length;
        }
        return new EncodedCommands(buffer, offsets, lengths);
    }

    int size()
    {
        return offsets.length;
    }

    UnsafeBuffer buffer()
    {
        return buffer;
    }

    int offset(final int index)
    {
        return offsets[index];
    }

    int length(final int index)
    {
        return lengths[index];
    }
}
