package io.tickkeeper.runtime.replication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.tickkeeper.runtime.journal.Journal;
import io.tickkeeper.runtime.journal.JournalAppender;
import io.tickkeeper.runtime.journal.JournalReader;
import io.tickkeeper.runtime.snapshot.Snapshot;
import io.tickkeeper.runtime.snapshot.SnapshotStore;
import net.openhft.chronicle.queue.RollCycle;
import org.agrona.IoUtil;

/**
 * A node's storage as numbered generations, {@code <base>/gen-0001/journal} and {@code .../snapshots}: the highest
 * generation is the current one. A Chronicle journal cannot be cut short in place, so when the primary orders a
 * truncation the node copies the inputs it keeps (and the snapshots that cover only those) into the next generation
 * and restarts its pipeline from there. The copy is made in {@code gen-000N.partial} and renamed when complete, so
 * a node killed while copying starts again from the generation it had. Older generations stay on disk for
 * inspection.
 */
public final class JournalGenerations
{
    private static final Pattern NAME = Pattern.compile("gen-(\\d{4,})");

    private final Path baseDirectory;
    private int generation;

    /**
     * Finds the current generation under the base directory, creating {@code gen-0001} when there is none.
     *
     * @param baseDirectory the node's data directory.
     */
    public JournalGenerations(final Path baseDirectory)
    {
        this.baseDirectory = baseDirectory;
        try
        {
            Files.createDirectories(baseDirectory);
            try (Stream<Path> entries = Files.list(baseDirectory))
            {
                generation = entries.map(path -> NAME.matcher(path.getFileName().toString()))
                    .filter(Matcher::matches)
                    .mapToInt(matcher -> Integer.parseInt(matcher.group(1)))
                    .max()
                    .orElse(1);
            }
            Files.createDirectories(directoryOf(generation));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot open generations under " + baseDirectory, ex);
        }
    }

    /** @return the number of the current generation, from 1. */
    public int generation()
    {
        return generation;
    }

    /** @return the journal directory of the current generation. */
    public Path journalDirectory()
    {
        return directoryOf(generation).resolve("journal");
    }

    /** @return the snapshot directory of the current generation. */
    public Path snapshotDirectory()
    {
        return directoryOf(generation).resolve("snapshots");
    }

    /**
     * Starts the next generation holding the current journal's inputs up to {@code lastSequence} and the snapshots
     * at or before it. The pipeline using the current generation must be closed first.
     *
     * @param lastSequence the last input to keep (0 keeps none).
     * @param rollCycle    the journal's roll cycle.
     * @return the number of inputs copied.
     */
    public long truncate(final long lastSequence, final RollCycle rollCycle)
    {
        final Path sourceJournal = journalDirectory();
        final Path sourceSnapshots = snapshotDirectory();
        final int next = generation + 1;
        final Path finalTarget = directoryOf(next);
        if (Files.exists(finalTarget))
        {
            throw new IllegalStateException("generation " + finalTarget + " already exists");
        }
        final Path target = finalTarget.resolveSibling(finalTarget.getFileName() + ".partial");
        IoUtil.delete(target.toFile(), true);
        long copied = 0;
        try (Journal source = Journal.open(sourceJournal, rollCycle);
            Journal copy = Journal.open(target.resolve("journal"), rollCycle);
            JournalReader reader = source.newReader();
            JournalAppender appender = copy.newAppender())
        {
            long expected = 1;
            while (expected <= lastSequence && reader.next())
            {
                if (reader.sequence() != expected)
                {
                    throw new IllegalStateException("journal " + sourceJournal + " holds " + reader.sequence() +
                        " where " + expected + " was expected");
                }
                appender.append(expected, reader.buffer(), 0, reader.length());
                copied++;
                expected++;
            }
            if (copied != lastSequence)
            {
                throw new IllegalStateException("journal " + sourceJournal + " ends at " + copied +
                    ", before " + lastSequence);
            }
        }
        if (Files.isDirectory(sourceSnapshots))
        {
            final SnapshotStore from = new SnapshotStore(sourceSnapshots);
            final SnapshotStore to = new SnapshotStore(target.resolve("snapshots"));
            for (final long sequence : from.sequences())
            {
                if (sequence <= lastSequence)
                {
                    final Optional<Snapshot> snapshot = from.read(sequence);
                    snapshot.ifPresent(kept -> to.write(kept.sequence(), kept.state(), 0, kept.length()));
                }
            }
        }
        try
        {
            Files.move(target, finalTarget, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot move " + target + " to " + finalTarget, ex);
        }
        generation = next;
        return copied;
    }

    private Path directoryOf(final int number)
    {
        return baseDirectory.resolve(String.format("gen-%04d", number));
    }
}
