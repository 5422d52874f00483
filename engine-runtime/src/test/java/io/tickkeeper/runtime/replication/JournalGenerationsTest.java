package io.tickkeeper.runtime.replication;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.tickkeeper.runtime.journal.Journal;
import io.tickkeeper.runtime.snapshot.SnapshotStore;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalGenerationsTest
{
    @TempDir
    Path dir;

    @Test
    void shouldCopyTheKeptInputsAndSnapshotsIntoTheNextGeneration()
    {
        final JournalGenerations generations = new JournalGenerations(dir.resolve("node"));
        assertThat(generations.generation()).isEqualTo(1);
        try (Journal journal = Journal.open(generations.journalDirectory()))
        {
            TestJournals.appendEpochs(journal, 1, 1, 30);
        }
        final SnapshotStore snapshots = new SnapshotStore(generations.snapshotDirectory());
        final UnsafeBuffer state = new UnsafeBuffer(new byte[8]);
        snapshots.write(10, state, 0, 8);
        snapshots.write(25, state, 0, 8);

        assertThat(generations.truncate(20, Journal.DEFAULT_ROLL_CYCLE)).isEqualTo(20);

        assertThat(generations.generation()).isEqualTo(2);
        assertThat(generations.journalDirectory()).isEqualTo(dir.resolve("node/gen-0002/journal"));
        try (Journal journal = Journal.open(generations.journalDirectory()))
        {
            assertThat(journal.lastSequence()).isEqualTo(20);
        }
        assertThat(new SnapshotStore(generations.snapshotDirectory()).sequences()).containsExactly(10L);
        assertThat(new JournalGenerations(dir.resolve("node")).generation()).isEqualTo(2);
    }

    @Test
    void shouldIgnoreAndReplaceACopyLeftHalfDoneByAKilledNode() throws IOException
    {
        final JournalGenerations generations = new JournalGenerations(dir.resolve("node"));
        try (Journal journal = Journal.open(generations.journalDirectory()))
        {
            TestJournals.appendEpochs(journal, 1, 1, 5);
        }
        final Path partial = Files.createDirectories(dir.resolve("node/gen-0002.partial/journal"));
        Files.writeString(partial.resolve("junk.cq4"), "half a copy");

        assertThat(new JournalGenerations(dir.resolve("node")).generation()).isEqualTo(1);
        assertThat(generations.truncate(3, Journal.DEFAULT_ROLL_CYCLE)).isEqualTo(3);

        assertThat(dir.resolve("node/gen-0002.partial")).doesNotExist();
        try (Journal journal = Journal.open(generations.journalDirectory()))
        {
            assertThat(journal.lastSequence()).isEqualTo(3);
        }
    }
}
