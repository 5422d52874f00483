package io.tickkeeper.runtime;

import java.util.concurrent.atomic.AtomicLong;

import io.tickkeeper.runtime.journal.Journal;
import io.tickkeeper.runtime.journal.JournalAppender;
import org.agrona.DirectBuffer;

/**
 * The journaller: appends every input to the journal, one excerpt each, on its own thread (which owns the
 * appender). With {@code syncOnBatchEnd} it also forces the file to the device at the end of every batch.
 */
final class JournalGate implements InputGate
{
    private final Journal journal;
    private final boolean syncOnBatchEnd;
    private final AtomicLong journalledSequence;
    private JournalAppender appender;

    JournalGate(final Journal journal, final boolean syncOnBatchEnd, final long journalledSequence)
    {
        this.journal = journal;
        this.syncOnBatchEnd = syncOnBatchEnd;
        this.journalledSequence = new AtomicLong(journalledSequence);
    }

    @Override
    public void onStart()
    {
        appender = journal.newAppender();
    }

    @Override
    public void onInput(
        final long sequence, final DirectBuffer buffer, final int offset, final int length, final boolean endOfBatch)
    {
        appender.append(sequence, buffer, offset, length);
        if (syncOnBatchEnd && endOfBatch)
        {
            appender.sync();
        }
        journalledSequence.lazySet(sequence);
    }

    @Override
    public void onClose()
    {
        if (appender != null)
        {
            appender.close();
        }
    }

    long journalledSequence()
    {
        return journalledSequence.get();
    }
}
