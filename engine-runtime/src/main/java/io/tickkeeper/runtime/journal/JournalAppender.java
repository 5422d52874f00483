package io.tickkeeper.runtime.journal;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.DirectBuffer;

/**
 * Appends sequenced inputs to a {@link Journal}, one excerpt each. Confined to the thread that created it.
 *
 * <p>When {@link #append} returns, the excerpt is in the memory-mapped file, so it survives the death of the
 * process (the page cache belongs to the kernel); {@link #sync()} also forces it to the device.
 */
public final class JournalAppender implements AutoCloseable
{
    private final ExcerptAppender appender;
    private byte[] scratch = new byte[256];

    JournalAppender(final ExcerptAppender appender)
    {
        this.appender = appender;
    }

    /**
     * Appends one input.
     *
     * @param sequence the input's sequence; the caller keeps sequences contiguous.
     * @param buffer   holds the input's bytes.
     * @param offset   where the input starts in the buffer.
     * @param length   how many bytes the input has.
     */
    public void append(final long sequence, final DirectBuffer buffer, final int offset, final int length)
    {
        try (DocumentContext context = appender.writingDocument())
        {
            final Bytes<?> bytes = context.wire().bytes();
            bytes.writeLong(sequence);
            final byte[] array = buffer.byteArray();
            if (array != null)
            {
                bytes.write(array, buffer.wrapAdjustment() + offset, length);
            }
            else
            {
                if (scratch.length < length)
                {
                    scratch = new byte[Math.max(length, scratch.length * 2)];
                }
                buffer.getBytes(offset, scratch, 0, length);
                bytes.write(scratch, 0, length);
            }
        }
    }

    /** Forces everything appended so far to the storage device (msync). */
    public void sync()
    {
        appender.sync();
    }

    @Override
    public void close()
    {
        appender.close();
    }
}
