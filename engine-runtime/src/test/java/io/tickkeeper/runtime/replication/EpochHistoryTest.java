package io.tickkeeper.runtime.replication;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import io.tickkeeper.runtime.journal.Journal;
import io.tickkeeper.runtime.journal.JournalReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EpochHistoryTest
{
    @TempDir
    Path dir;

    @Test
    void shouldFindTheStandbysLastInputOrWhereItsTailMustBeCut()
    {
        try (Journal journal = Journal.open(dir.resolve("journal")))
        {
            TestJournals.appendEpochs(journal, 1, 1, 10);
            TestJournals.appendEpochs(journal, 3, 11, 15);
            TestJournals.appendEpochs(journal, 4, 16, 20);
            try (JournalReader reader = journal.newReader())
            {
                final EpochHistory history = new EpochHistory(reader, 20);

                assertThat(history.truncationPoint(0, 0)).isEqualTo(EpochHistory.CONSISTENT);
                assertThat(history.truncationPoint(1, 10)).isEqualTo(EpochHistory.CONSISTENT);
                assertThat(history.truncationPoint(3, 12)).isEqualTo(EpochHistory.CONSISTENT);
                assertThat(history.truncationPoint(4, 20)).isEqualTo(EpochHistory.CONSISTENT);

                assertThat(history.truncationPoint(1, 12)).as("old epoch ran past its end here").isEqualTo(10);
                assertThat(history.truncationPoint(2, 14)).as("an epoch this primary never had").isEqualTo(10);
                assertThat(history.truncationPoint(4, 25)).as("ahead of the primary").isEqualTo(20);
                assertThat(history.truncationPoint(5, 18)).as("a newer epoch: step back one").isEqualTo(17);
                assertThat(history.truncationPoint(3, 5)).as("epoch 3 cannot be at 5").isEqualTo(4);
                assertThat(history.truncationPoint(0, 3)).as("nothing in common").isZero();
                assertThat(history.lastSequenceUpToEpoch(3)).isEqualTo(15);
            }
        }
    }
}
