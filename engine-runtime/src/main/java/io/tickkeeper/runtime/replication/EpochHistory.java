package io.tickkeeper.runtime.replication;

import io.tickkeeper.runtime.journal.JournalReader;

/**
 * Answers, from the primary's own journal, whether a standby's last input is one the primary holds. Every input
 * carries the epoch it was sequenced in, and epochs never decrease along a journal, so the journal itself is the
 * history of where each epoch began: no marker input is needed. An epoch has one primary, so two journals that
 * hold the same (epoch, sequence) hold the same inputs up to it.
 */
final class EpochHistory
{
    /** The standby's last input is in the primary's history: stream from the one after it. */
    static final long CONSISTENT = -1;

    private final JournalReader reader;
    private final long lastSequence;

    /**
     * @param reader       reads the primary's journal; used on the calling thread only.
     * @param lastSequence the last sequence the journal holds.
     */
    EpochHistory(final JournalReader reader, final long lastSequence)
    {
        this.reader = reader;
        this.lastSequence = lastSequence;
    }

    /**
     * @param standbyEpoch    the epoch of the standby's last input.
     * @param standbySequence the sequence of the standby's last input (0: it has none).
     * @return {@link #CONSISTENT}, or the sequence the standby must truncate its journal to: below its last, and
     *     never above the primary's last input of the standby's epoch or an older one. The standby asks again
     *     afterwards, so a tail is cut in as many rounds as it takes.
     */
    long truncationPoint(final long standbyEpoch, final long standbySequence)
    {
        if (standbySequence == 0)
        {
            return CONSISTENT;
        }
        if (standbySequence <= lastSequence && epochAt(standbySequence) == standbyEpoch)
        {
            return CONSISTENT;
        }
        return Math.min(standbySequence - 1, lastSequenceUpToEpoch(standbyEpoch));
    }

    /** @return the last sequence whose epoch is at most {@code epoch} (0 when there is none). */
    long lastSequenceUpToEpoch(final long epoch)
    {
        long low = 0;
        long high = lastSequence;
        while (low < high)
        {
            final long middle = low + (high - low + 1) / 2;
            if (epochAt(middle) <= epoch)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }
        return low;
    }

    long epochAt(final long sequence)
    {
        if (!reader.seek(sequence) || !reader.next())
        {
            throw new IllegalStateException("journal does not hold sequence " + sequence);
        }
        return ReplicationMessages.epoch(reader.buffer(), 0);
    }
}
