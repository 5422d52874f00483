package io.tickkeeper.runtime;

import io.tickkeeper.protocol.sbe.InputFrameDecoder;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * A small deterministic state machine for testing the runtime: it adds each input's amount to a total per key,
 * folds every input into a hash, and writes {@code amount mod 3} outputs per input (so some inputs have none).
 * An input with amount {@link #POISON} makes it throw.
 */
final class CountingMachine implements InputHandler, StateSnapshotter
{
    static final long POISON = -13;
    static final int KEYS = 16;
    static final int OUTPUT_LENGTH = 3 * Long.BYTES;

    private final long[] totals = new long[KEYS];
    private long hash = 17;
    private long lastSequence;
    private long lastEpoch = -1;

    @Override
    public void onInput(
        final long sequence, final DirectBuffer buffer, final int offset, final int length, final OutputSink out)
    {
        final InputFrameDecoder frame = TestInputs.frame(buffer, offset);
        if (frame.sequence() != sequence)
        {
            throw new IllegalStateException("frame says " + frame.sequence() + ", runtime says " + sequence);
        }
        final long amount = TestInputs.amount(buffer, offset);
        if (amount == POISON)
        {
            throw new IllegalArgumentException("poisoned input " + sequence);
        }
        final int key = (int)Math.floorMod(TestInputs.key(buffer, offset), (long)KEYS);
        totals[key] += amount;
        hash = hash * 31 + sequence;
        hash = hash * 31 + key;
        hash = hash * 31 + amount;
        hash = hash * 31 + frame.timestampNs();
        lastSequence = sequence;
        lastEpoch = frame.epoch();
        final long outputs = Math.floorMod(amount, 3L);
        for (int i = 0; i < outputs; i++)
        {
            final int at = out.claim(OUTPUT_LENGTH);
            out.buffer().putLong(at, sequence);
            out.buffer().putLong(at + Long.BYTES, i);
            out.buffer().putLong(at + 2 * Long.BYTES, totals[key]);
            out.commit(OUTPUT_LENGTH);
        }
    }

    @Override
    public int writeSnapshot(final MutableDirectBuffer buffer)
    {
        int offset = 0;
        buffer.putLong(offset, hash);
        offset += Long.BYTES;
        buffer.putLong(offset, lastSequence);
        offset += Long.BYTES;
        for (final long total : totals)
        {
            buffer.putLong(offset, total);
            offset += Long.BYTES;
        }
        return offset;
    }

    @Override
    public void readSnapshot(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length != (2 + KEYS) * Long.BYTES)
        {
            throw new IllegalArgumentException("snapshot of " + length + " bytes");
        }
        int at = offset;
        hash = buffer.getLong(at);
        at += Long.BYTES;
        lastSequence = buffer.getLong(at);
        at += Long.BYTES;
        for (int i = 0; i < KEYS; i++)
        {
            totals[i] = buffer.getLong(at);
            at += Long.BYTES;
        }
    }

    long hash()
    {
        return hash;
    }

    long lastSequence()
    {
        return lastSequence;
    }

    long lastEpoch()
    {
        return lastEpoch;
    }

    long total(final int key)
    {
        return totals[key];
    }
}
