package io.tickkeeper.runtime.journal;

import java.text.ParseException;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

/**
 * Reads a {@link Journal} in order. Each successful {@link #next()} exposes one input through
 * {@link #sequence()}, {@link #buffer()} and {@link #length()} until the next call. Not thread-safe.
 */
public final class JournalReader implements AutoCloseable
{
    private static final int SEQUENCE_LENGTH = Long.BYTES;

    private final SingleChronicleQueue queue;
    private final ExcerptTailer tailer;
    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(256);
    private long sequence;
    private int length;
    private long peekedSequence;

    JournalReader(final SingleChronicleQueue queue, final ExcerptTailer tailer)
    {
        this.queue = queue;
        this.tailer = tailer;
    }

    /**
     * Reads the next input.
     *
     * @return false when the journal has no more inputs (for now).
     */
    public boolean next()
    {
        try (DocumentContext context = tailer.readingDocument())
        {
            if (!context.isPresent())
            {
                return false;
            }
            final Bytes<?> bytes = context.wire().bytes();
            final int inputLength = (int)bytes.readRemaining() - SEQUENCE_LENGTH;
            if (inputLength < 0)
            {
                throw new IllegalStateException("journal excerpt at index " + Long.toHexString(context.index()) +
                    " is too short to hold a sequence");
            }
            sequence = bytes.readLong();
            buffer.checkLimit(inputLength);
            bytes.read(buffer.byteArray(), 0, inputLength);
            length = inputLength;
            return true;
        }
    }

    /**
     * Positions the reader so that the next {@link #next()} returns the input with this sequence. Inputs are
     * found by index arithmetic inside each cycle file, so the cost grows with the number of files, not inputs.
     *
     * @param target the sequence to read next.
     * @return false when the journal does not hold that sequence (it ends before it or starts after it).
     */
    public boolean seek(final long target)
    {
        final RollCycle rollCycle = queue.rollCycle();
        tailer.direction(TailerDirection.FORWARD).toStart();
        while (true)
        {
            final long firstIndex = peekIndex();
            if (firstIndex < 0)
            {
                return false;
            }
            final long firstSequence = peekedSequence;
            if (firstSequence == target)
            {
                return tailer.moveToIndex(firstIndex);
            }
            if (firstSequence > target)
            {
                return false;
            }
            final int cycle = rollCycle.toCycle(firstIndex);
            final long candidate = firstIndex + (target - firstSequence);
            if (rollCycle.toCycle(candidate) == cycle && tailer.moveToIndex(candidate))
            {
                final long foundIndex = peekIndex();
                if (foundIndex == candidate)
                {
                    if (peekedSequence != target)
                    {
                        throw new IllegalStateException("journal is not contiguous: index " +
                            Long.toHexString(candidate) + " holds sequence " + peekedSequence + ", expected " + target);
                    }
                    return tailer.moveToIndex(candidate);
                }
            }
            final int nextCycle = nextCycle(cycle);
            if (nextCycle < 0 || !tailer.moveToCycle(nextCycle))
            {
                return false;
            }
        }
    }

    /** @return the sequence of the input read last. */
    public long sequence()
    {
        return sequence;
    }

    /** @return the buffer holding the input read last, from offset 0. */
    public DirectBuffer buffer()
    {
        return buffer;
    }

    /** @return the length of the input read last. */
    public int length()
    {
        return length;
    }

    @Override
    public void close()
    {
        tailer.close();
    }

    private long peekIndex()
    {
        try (DocumentContext context = tailer.readingDocument())
        {
            if (!context.isPresent())
            {
                return -1;
            }
            peekedSequence = context.wire().bytes().readLong();
            context.rollbackOnClose();
            return context.index();
        }
    }

    private int nextCycle(final int cycle)
    {
        try
        {
            return queue.nextCycle(cycle, TailerDirection.FORWARD);
        }
        catch (final ParseException ex)
        {
            throw new IllegalStateException("cannot list the journal's cycle files", ex);
        }
    }
}
