package io.tickkeeper.runtime.replication;

import io.tickkeeper.runtime.journal.Journal;
import io.tickkeeper.runtime.journal.JournalAppender;
import org.agrona.ExpandableArrayBuffer;

/** Writes test inputs of a given epoch straight into a journal. */
final class TestJournals
{
    private TestJournals()
    {
    }

    static void appendEpochs(final Journal journal, final long epoch, final long from, final long to)
    {
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(128);
        try (JournalAppender appender = journal.newAppender())
        {
            for (long sequence = from; sequence <= to; sequence++)
            {
                final int length = HashingMachine.encode(buffer, epoch, sequence, sequence, 1);
                appender.append(sequence, buffer, 0, length);
            }
        }
    }
}
