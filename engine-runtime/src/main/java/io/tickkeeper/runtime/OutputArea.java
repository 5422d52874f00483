package io.tickkeeper.runtime;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The outputs of one input, back to back, each as an 8-byte record header (int32 length, 4 bytes padding)
 * followed by the output's bytes, so that every output starts 8-byte aligned. Reused for every input of its
 * slot: it grows to the largest output set seen and then never allocates again.
 */
final class OutputArea implements OutputSink
{
    private static final int RECORD_HEADER_LENGTH = 8;
    private static final int ALIGNMENT = 8;
    private static final int NOT_CLAIMED = -1;

    private final ExpandableArrayBuffer buffer;
    private int limit;
    private int claimedOffset = NOT_CLAIMED;
    private int claimedLength;

    OutputArea(final int initialCapacity)
    {
        buffer = new ExpandableArrayBuffer(initialCapacity);
    }

    @Override
    public MutableDirectBuffer buffer()
    {
        return buffer;
    }

    @Override
    public int claim(final int maxLength)
    {
        if (claimedOffset != NOT_CLAIMED)
        {
            throw new IllegalStateException("the previous claim was not committed");
        }
        if (maxLength < 0)
        {
            throw new IllegalArgumentException("maxLength must be >= 0: " + maxLength);
        }
        final int offset = limit + RECORD_HEADER_LENGTH;
        buffer.checkLimit(offset + maxLength);
        claimedOffset = offset;
        claimedLength = maxLength;
        return offset;
    }

    @Override
    public void commit(final int length)
    {
        if (claimedOffset == NOT_CLAIMED)
        {
            throw new IllegalStateException("commit without a claim");
        }
        if (length < 0 || length > claimedLength)
        {
            throw new IllegalArgumentException("length must be in 0.." + claimedLength + ": " + length);
        }
        buffer.putInt(claimedOffset - RECORD_HEADER_LENGTH, length);
        buffer.putInt(claimedOffset - RECORD_HEADER_LENGTH + Integer.BYTES, 0);
        limit = align(claimedOffset + length);
        claimedOffset = NOT_CLAIMED;
    }

    void reset()
    {
        limit = 0;
        claimedOffset = NOT_CLAIMED;
    }

    /**
     * Hands every committed output to the publisher, in order.
     *
     * @return how many outputs there were.
     */
    int publishTo(final long sequence, final OutputPublisher publisher)
    {
        final DirectBuffer outputs = buffer;
        int count = 0;
        int offset = 0;
        while (offset < limit)
        {
            final int length = outputs.getInt(offset);
            final int start = offset + RECORD_HEADER_LENGTH;
            publisher.onOutput(sequence, outputs, start, length);
            offset = align(start + length);
            count++;
        }
        return count;
    }

    private static int align(final int value)
    {
        return (value + ALIGNMENT - 1) & -ALIGNMENT;
    }
}
