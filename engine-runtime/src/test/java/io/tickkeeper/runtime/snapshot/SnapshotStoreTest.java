package io.tickkeeper.runtime.snapshot;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotStoreTest
{
    @TempDir
    Path dir;

    @Test
    void shouldHaveNoSnapshotWhenEmpty()
    {
        assertThat(new SnapshotStore(dir.resolve("none")).latest()).isEmpty();
    }

    @Test
    void shouldReadBackTheNewestSnapshotWithItsSequenceAndBytes()
    {
        final SnapshotStore store = new SnapshotStore(dir);
        store.write(100, state("first"), 0, 5);
        store.write(250, state("second!"), 0, 7);
        store.write(90, state("old"), 0, 3);

        final Optional<Snapshot> latest = store.latest();
        assertThat(latest).isPresent();
        assertThat(latest.get().sequence()).isEqualTo(250);
        assertThat(latest.get().state().getStringWithoutLengthAscii(0, latest.get().length())).isEqualTo("second!");
        assertThat(store.sequences()).containsExactly(90L, 100L, 250L);
        assertThat(dir.resolve("snapshot-0000000000000000250.snap")).exists();
    }

    @Test
    void shouldFallBackToAnOlderSnapshotWhenTheNewestIsCorrupt() throws IOException
    {
        final SnapshotStore store = new SnapshotStore(dir);
        store.write(100, state("good"), 0, 4);
        final Path newest = store.write(200, state("flipped"), 0, 7);
        try (RandomAccessFile file = new RandomAccessFile(newest.toFile(), "rw"))
        {
            file.seek(SnapshotStore.HEADER_LENGTH + 2);
            file.write('X');
        }

        assertThat(store.read(200)).isEmpty();
        assertThat(store.latest()).get().extracting(Snapshot::sequence).isEqualTo(100L);
    }

    @Test
    void shouldRefuseATruncatedSnapshot() throws IOException
    {
        final SnapshotStore store = new SnapshotStore(dir);
        final Path file = store.write(7, state("abcdef"), 0, 6);
        Files.write(file, java.util.Arrays.copyOf(Files.readAllBytes(file), SnapshotStore.HEADER_LENGTH + 3));

        assertThat(store.read(7)).isEmpty();
        assertThat(store.latest()).isEmpty();
    }

    @Test
    void shouldLeaveNoTemporaryFileBehind() throws IOException
    {
        final SnapshotStore store = new SnapshotStore(dir);
        store.write(1, state("x"), 0, 1);
        try (var files = Files.list(dir))
        {
            assertThat(files.map(path -> path.getFileName().toString()))
                .containsExactly("snapshot-0000000000000000001.snap");
        }
    }

    private static UnsafeBuffer state(final String text)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[text.length()]);
        buffer.putStringWithoutLengthAscii(0, text);
        return buffer;
    }
}
