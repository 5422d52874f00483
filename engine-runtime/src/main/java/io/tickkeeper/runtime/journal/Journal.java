package io.tickkeeper.runtime.journal;

import java.io.Closeable;
import java.nio.file.Path;
import java.util.Objects;

import net.openhft.chronicle.core.time.SystemTimeProvider;
import net.openhft.chronicle.core.time.TimeProvider;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * The input journal of one engine: a Chronicle Queue in which every excerpt is one sequenced input, stored as
 * its sequence (int64, little-endian) followed by the input's bytes exactly as they were sequenced.
 *
 * <p>Sequences in a journal are contiguous and start wherever the first excerpt says (1 for a new engine).
 * The queue rolls to a new file every cycle of the chosen {@link RollCycle} (by default {@link #DEFAULT_ROLL_CYCLE},
 * one file per day); the runtime never deletes cycle files. Writing goes through a {@link JournalAppender}, which
 * is confined to the thread that created it; reading through any number of {@link JournalReader}s.
 */
public final class Journal implements Closeable
{
    /** One file per day: large enough for 4 billion inputs a day, few enough files to list quickly. */
    public static final RollCycle DEFAULT_ROLL_CYCLE = RollCycles.FAST_DAILY;

    private final SingleChronicleQueue queue;

    private Journal(final SingleChronicleQueue queue)
    {
        this.queue = queue;
    }

    /**
     * Opens (creating if needed) the journal in a directory, rolling files daily.
     *
     * @param directory where the journal's files live; one journal per directory.
     * @return the open journal.
     */
    public static Journal open(final Path directory)
    {
        return open(directory, DEFAULT_ROLL_CYCLE);
    }

    /**
     * Opens (creating if needed) the journal in a directory.
     *
     * @param directory where the journal's files live; one journal per directory.
     * @param rollCycle how often the journal starts a new file.
     * @return the open journal.
     */
    public static Journal open(final Path directory, final RollCycle rollCycle)
    {
        return open(directory, rollCycle, SystemTimeProvider.INSTANCE);
    }

    static Journal open(final Path directory, final RollCycle rollCycle, final TimeProvider timeProvider)
    {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(rollCycle, "rollCycle");
        final SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(directory)
            .rollCycle(rollCycle)
            .timeProvider(timeProvider)
            .build();
        return new Journal(queue);
    }

    /**
     * Creates an appender. It belongs to the calling thread: only that thread may append and close it.
     *
     * @return a new appender.
     */
    public JournalAppender newAppender()
    {
        return new JournalAppender(queue.createAppender());
    }

    /**
     * @return a new reader positioned at the start of the journal.
     */
    public JournalReader newReader()
    {
        return new JournalReader(queue, queue.createTailer());
    }

    /**
     * Reads the sequence of the last input in the journal. Slow (it opens a tailer): call it at start-up.
     *
     * @return the last sequence, or 0 when the journal is empty.
     */
    public long lastSequence()
    {
        final long lastIndex = queue.lastIndex();
        if (lastIndex < 0)
        {
            return 0;
        }
        try (ExcerptTailer tailer = queue.createTailer())
        {
            if (!tailer.moveToIndex(lastIndex))
            {
                throw new IllegalStateException("journal's last index " + Long.toHexString(lastIndex) + " is gone");
            }
            try (DocumentContext context = tailer.readingDocument())
            {
                if (!context.isPresent())
                {
                    throw new IllegalStateException("journal's last excerpt is unreadable");
                }
                return context.wire().bytes().readLong();
            }
        }
    }

    /** @return the directory the journal lives in. */
    public Path directory()
    {
        return queue.file().toPath();
    }

    /** Closes the queue; appenders and readers must be closed first. */
    @Override
    public void close()
    {
        queue.close();
    }
}
