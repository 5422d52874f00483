package io.tickkeeper.runtime.snapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps snapshots of one service as plain files in a directory, one file per snapshot, named
 * {@code snapshot-<sequence, 19 digits>.snap}. A file is a 24-byte little-endian header (magic, format version,
 * sequence, state length, CRC-32C of the header's first 20 bytes and the state) followed by the state bytes.
 *
 * <p>A snapshot is written to a temporary file, forced to the device, then atomically renamed, so a crash
 * leaves either the whole snapshot or none. Reading skips files whose checksum or header does not verify and
 * falls back to the next older one. Not thread-safe; the store never deletes a snapshot.
 */
public final class SnapshotStore
{
    static final int MAGIC = 0x4E534B54;
    static final int FORMAT_VERSION = 1;
    static final int HEADER_LENGTH = 24;
    private static final int CHECKED_HEADER_LENGTH = 20;
    private static final Pattern FILE_NAME = Pattern.compile("snapshot-(\\d{19})\\.snap");
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotStore.class);

    private final Path directory;

    /**
     * @param directory where the snapshot files live; created when missing.
     */
    public SnapshotStore(final Path directory)
    {
        this.directory = Objects.requireNonNull(directory, "directory");
        try
        {
            Files.createDirectories(directory);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create snapshot directory " + directory, ex);
        }
    }

    /**
     * Writes a snapshot durably; a snapshot with the same sequence is replaced.
     *
     * @param sequence the sequence of the last input applied to the state.
     * @param state    holds the state bytes.
     * @param offset   where they start.
     * @param length   how many there are.
     * @return the file written.
     */
    public Path write(final long sequence, final DirectBuffer state, final int offset, final int length)
    {
        if (sequence < 0)
        {
            throw new IllegalArgumentException("sequence must be >= 0: " + sequence);
        }
        final byte[] bytes = new byte[HEADER_LENGTH + length];
        final UnsafeBuffer file = new UnsafeBuffer(bytes);
        file.putInt(0, MAGIC, ByteOrder.LITTLE_ENDIAN);
        file.putInt(4, FORMAT_VERSION, ByteOrder.LITTLE_ENDIAN);
        file.putLong(8, sequence, ByteOrder.LITTLE_ENDIAN);
        file.putInt(16, length, ByteOrder.LITTLE_ENDIAN);
        state.getBytes(offset, bytes, HEADER_LENGTH, length);
        file.putInt(CHECKED_HEADER_LENGTH, checksum(bytes, length), ByteOrder.LITTLE_ENDIAN);

        final Path target = directory.resolve(fileName(sequence));
        final Path temporary = directory.resolve(fileName(sequence) + ".tmp");
        try
        {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE))
            {
                final ByteBuffer source = ByteBuffer.wrap(bytes);
                while (source.hasRemaining())
                {
                    channel.write(source);
                }
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel directoryChannel = FileChannel.open(directory, StandardOpenOption.READ))
            {
                directoryChannel.force(true);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write snapshot " + target, ex);
        }
        return target;
    }

    /**
     * @return the newest snapshot whose file verifies, or empty when there is none.
     */
    public Optional<Snapshot> latest()
    {
        final List<Long> sequences = sequences();
        for (int i = sequences.size() - 1; i >= 0; i--)
        {
            final Optional<Snapshot> snapshot = read(sequences.get(i));
            if (snapshot.isPresent())
            {
                return snapshot;
            }
        }
        return Optional.empty();
    }

    /**
     * Reads one snapshot.
     *
     * @param sequence the snapshot's sequence.
     * @return the snapshot, or empty when its file is missing or does not verify (the reason is logged).
     */
    public Optional<Snapshot> read(final long sequence)
    {
        final Path path = directory.resolve(fileName(sequence));
        final byte[] bytes;
        try
        {
            if (!Files.exists(path))
            {
                return Optional.empty();
            }
            bytes = Files.readAllBytes(path);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read snapshot " + path, ex);
        }
        final String problem = verify(bytes, sequence);
        if (problem != null)
        {
            LOG.warn("skipping snapshot {}: {}", path, problem);
            return Optional.empty();
        }
        final int length = bytes.length - HEADER_LENGTH;
        return Optional.of(new Snapshot(sequence, new UnsafeBuffer(bytes, HEADER_LENGTH, length)));
    }

    /**
     * @return the sequences of the snapshot files present, ascending, whether they verify or not.
     */
    public List<Long> sequences()
    {
        final List<Long> sequences = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory))
        {
            files.forEach(file ->
            {
                final Matcher matcher = FILE_NAME.matcher(file.getFileName().toString());
                if (matcher.matches())
                {
                    sequences.add(Long.parseLong(matcher.group(1)));
                }
            });
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot list snapshots in " + directory, ex);
        }
        sequences.sort(null);
        return sequences;
    }

    /** @return the directory the snapshots live in. */
    public Path directory()
    {
        return directory;
    }

    static String fileName(final long sequence)
    {
        return String.format("snapshot-%019d.snap", sequence);
    }

    private static String verify(final byte[] bytes, final long expectedSequence)
    {
        if (bytes.length < HEADER_LENGTH)
        {
            return "shorter than the header";
        }
        final UnsafeBuffer file = new UnsafeBuffer(bytes);
        if (file.getInt(0, ByteOrder.LITTLE_ENDIAN) != MAGIC)
        {
            return "bad magic";
        }
        if (file.getInt(4, ByteOrder.LITTLE_ENDIAN) != FORMAT_VERSION)
        {
            return "unknown format version " + file.getInt(4, ByteOrder.LITTLE_ENDIAN);
        }
        if (file.getLong(8, ByteOrder.LITTLE_ENDIAN) != expectedSequence)
        {
            return "header sequence " + file.getLong(8, ByteOrder.LITTLE_ENDIAN) + " differs from the file name";
        }
        final int length = file.getInt(16, ByteOrder.LITTLE_ENDIAN);
        if (length != bytes.length - HEADER_LENGTH)
        {
            return "header says " + length + " state bytes, file has " + (bytes.length - HEADER_LENGTH);
        }
        if (file.getInt(CHECKED_HEADER_LENGTH, ByteOrder.LITTLE_ENDIAN) != checksum(bytes, length))
        {
            return "checksum mismatch";
        }
        return null;
    }

    private static int checksum(final byte[] bytes, final int length)
    {
        final CRC32C crc = new CRC32C();
        crc.update(bytes, 0, CHECKED_HEADER_LENGTH);
        crc.update(bytes, HEADER_LENGTH, length);
        return (int)crc.getValue();
    }
}
