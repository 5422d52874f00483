package io.tickkeeper.tradelog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Reads a trade log in order, from its first record, without changing it (the queue is opened read-only, so a
 * reader may run while a writer appends). Not thread-safe.
 */
public final class TradeLogReader implements AutoCloseable
{
    private final SingleChronicleQueue queue;
    private final ExcerptTailer tailer;
    private final TradeRecordCodec codec = new TradeRecordCodec();
    private long index = -1L;

    private TradeLogReader(final SingleChronicleQueue queue)
    {
        this.queue = queue;
        this.tailer = queue.createTailer();
    }

    /**
     * @param directory the log's directory.
     * @return a reader positioned before the first record.
     * @throws IllegalArgumentException when the directory does not exist.
     */
    public static TradeLogReader open(final Path directory)
    {
        Objects.requireNonNull(directory, "directory");
        if (!Files.isDirectory(directory))
        {
            throw new IllegalArgumentException("no trade log at " + directory + ": not a directory");
        }
        return new TradeLogReader(SingleChronicleQueueBuilder.binary(directory)
            .rollCycle(TradeLog.DEFAULT_ROLL_CYCLE)
            .readOnly(true)
            .build());
    }

    /**
     * Reads the next record.
     *
     * @param into the record to fill.
     * @return false when the log holds no more records (for now).
     * @throws IllegalStateException when an excerpt is not a trade-log record.
     */
    public boolean next(final TradeRecord into)
    {
        try (DocumentContext context = tailer.readingDocument())
        {
            if (!context.isPresent())
            {
                return false;
            }
            index = context.index();
            codec.decode(context.wire().bytes(), index, into);
            return true;
        }
    }

    /** @return the queue index of the record read last, -1 before the first. */
    public long index()
    {
        return index;
    }

    @Override
    public void close()
    {
        tailer.close();
        queue.close();
    }
}
