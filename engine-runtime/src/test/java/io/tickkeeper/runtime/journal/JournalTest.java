package io.tickkeeper.runtime.journal;

import java.nio.file.Path;

import net.openhft.chronicle.core.time.SetTimeProvider;
import net.openhft.chronicle.queue.rollcycles.TestRollCycles;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class JournalTest
{
    @TempDir
    Path dir;

    private final SetTimeProvider clock = new SetTimeProvider("2026-11-25T00:00:00");
    private final UnsafeBuffer input = new UnsafeBuffer(new byte[64]);

    @Test
    void shouldReportZeroAsTheLastSequenceOfAnEmptyJournal()
    {
        try (Journal journal = open())
        {
            assertThat(journal.lastSequence()).isZero();
            try (JournalReader reader = journal.newReader())
            {
                assertThat(reader.next()).isFalse();
                assertThat(reader.seek(1)).isFalse();
            }
        }
    }

    @Test
    void shouldReadBackEveryInputWithItsSequenceAndBytes()
    {
        try (Journal journal = open())
        {
            append(journal, 1, 3);
            try (JournalReader reader = journal.newReader())
            {
                for (long sequence = 1; sequence <= 3; sequence++)
                {
                    assertThat(reader.next()).isTrue();
                    assertThat(reader.sequence()).isEqualTo(sequence);
                    assertThat(reader.length()).isEqualTo(input.capacity());
                    assertThat(reader.buffer().getLong(0)).isEqualTo(sequence * 100);
                    assertThat(reader.buffer().getByte(input.capacity() - 1)).isEqualTo((byte)sequence);
                }
                assertThat(reader.next()).isFalse();
            }
            assertThat(journal.lastSequence()).isEqualTo(3);
        }
    }

    @Test
    void shouldSeekToEverySequenceAcrossRolledAndSkippedCycleFiles()
    {
        try (Journal journal = open())
        {
            try (JournalAppender appender = journal.newAppender())
            {
                for (long sequence = 1; sequence <= 40; sequence++)
                {
                    if (sequence % 7 == 0)
                    {
                        clock.advanceMillis(sequence == 21 ? 3_000 : 1_000);
                    }
                    write(appender, sequence);
                }
            }
            assertThat(journal.directory().toFile().list((d, name) -> name.endsWith(".cq4"))).hasSizeGreaterThan(5);
            assertThat(journal.lastSequence()).isEqualTo(40);
            try (JournalReader reader = journal.newReader())
            {
                for (long sequence = 40; sequence >= 1; sequence--)
                {
                    assertThat(reader.seek(sequence)).as("seek %d", sequence).isTrue();
                    assertThat(reader.next()).isTrue();
                    assertThat(reader.sequence()).isEqualTo(sequence);
                    assertThat(reader.buffer().getLong(0)).isEqualTo(sequence * 100);
                }
                assertThat(reader.seek(41)).isFalse();
            }
        }
    }

    @Test
    void shouldNotFindASequenceBeforeTheFirstOneJournalled()
    {
        try (Journal journal = open())
        {
            append(journal, 5, 8);
            try (JournalReader reader = journal.newReader())
            {
                assertThat(reader.seek(4)).isFalse();
                assertThat(reader.seek(5)).isTrue();
                assertThat(reader.next()).isTrue();
                assertThat(reader.sequence()).isEqualTo(5);
            }
        }
    }

    @Test
    void shouldKeepEverythingAppendedAcrossReopening()
    {
        try (Journal journal = open())
        {
            append(journal, 1, 10);
            try (JournalAppender appender = journal.newAppender())
            {
                write(appender, 11);
                appender.sync();
            }
        }
        try (Journal journal = open())
        {
            assertThat(journal.lastSequence()).isEqualTo(11);
        }
    }

    private Journal open()
    {
        return Journal.open(dir, TestRollCycles.TEST_SECONDLY, clock);
    }

    private void append(final Journal journal, final long from, final long to)
    {
        try (JournalAppender appender = journal.newAppender())
        {
            for (long sequence = from; sequence <= to; sequence++)
            {
                write(appender, sequence);
            }
        }
    }

    private void write(final JournalAppender appender, final long sequence)
    {
        input.putLong(0, sequence * 100);
        input.putByte(input.capacity() - 1, (byte)sequence);
        appender.append(sequence, input, 0, input.capacity());
    }
}
