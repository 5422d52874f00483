package io.tickkeeper.runtime;

import java.util.concurrent.atomic.AtomicLong;

import io.tickkeeper.runtime.journal.Journal;
import io.tickkeeper.runtime.journal.JournalAppender;
import org.agrona.DirectBuffer;

/**
 * The journaller: appends every input to the journal, one excerpt each, on its own thread (which owns the
 * appender). With {@code syncOnBatchEnd} it also forces the file to the device at the end of every batch, and at
 * the end of every batch it tells the {@link JournalListener}, if any, how far it got.
 * <p>
 * It is also the journal's fence: an input whose epoch is lower than the highest epoch journalled is refused
 * (counted, not appended) and the journaller throws {@link StaleEpochException}, which stops the pipeline before
 * any output of that input can leave.
 */
final class JournalGate implements InputGate
{
    private final Journal journal;
    private final boolean syncOnBatchEnd;
    private final JournalListener listener;
    private final AtomicLong journalledSequence;
    private final AtomicLong journalledEpoch;
    private final AtomicLong staleEpochRefused = new AtomicLong();
    private JournalAppender appender;
    private long highestEpoch;

    JournalGate(
        final Journal journal, final boolean syncOnBatchEnd, final JournalListener listener,
        final long journalledSequence, final long journalledEpoch)
    {
        this.journal = journal;
        this.syncOnBatchEnd = syncOnBatchEnd;
        this.listener = listener;
        this.journalledSequence = new AtomicLong(journalledSequence);
        this.journalledEpoch = new AtomicLong(journalledEpoch);
        highestEpoch = journalledEpoch;
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
        final long epoch = InputFrame.epoch(buffer, offset);
        if (epoch < highestEpoch)
        {
            staleEpochRefused.incrementAndGet();
            throw new StaleEpochException(sequence, epoch, highestEpoch);
        }
        highestEpoch = epoch;
        appender.append(sequence, buffer, offset, length);
        if (syncOnBatchEnd && endOfBatch)
        {
            appender.sync();
        }
        journalledEpoch.lazySet(epoch);
        journalledSequence.lazySet(sequence);
        if (endOfBatch && listener != null)
        {
            listener.onJournalled(epoch, sequence);
        }
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

    long journalledEpoch()
    {
        return journalledEpoch.get();
    }

    long staleEpochRefused()
    {
        return staleEpochRefused.get();
    }
}
