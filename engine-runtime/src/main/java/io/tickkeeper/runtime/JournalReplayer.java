package io.tickkeeper.runtime;

import io.tickkeeper.runtime.journal.Journal;
import io.tickkeeper.runtime.journal.JournalReader;

/**
 * Replays a journal into an {@link InputHandler}: the inputs after a sequence, in order, exactly as they were
 * sequenced, with each input's outputs handed to a publisher. Used to recover (after a snapshot, or from the
 * start) and to check that a replay reproduces the live state.
 */
public final class JournalReplayer
{
    private static final int INITIAL_OUTPUT_CAPACITY = 4096;

    private JournalReplayer()
    {
    }

    /**
     * Feeds every journalled input after {@code afterSequence} to the handler.
     *
     * @param journal       the journal to read.
     * @param afterSequence the last sequence already applied (0 to replay everything).
     * @param handler       receives the inputs, on the calling thread.
     * @param publisher     receives the outputs of each input.
     * @return the sequence of the last input fed, or {@code afterSequence} when there was none.
     * @throws IllegalStateException when the journal ends before {@code afterSequence}, does not hold the input
     *                               after it, or is not contiguous.
     */
    public static long replay(
        final Journal journal, final long afterSequence, final InputHandler handler, final OutputPublisher publisher)
    {
        final long lastSequence = journal.lastSequence();
        if (lastSequence < afterSequence)
        {
            throw new IllegalStateException("journal ends at sequence " + lastSequence + ", before " + afterSequence);
        }
        if (lastSequence == afterSequence)
        {
            return afterSequence;
        }
        try (JournalReader reader = journal.newReader())
        {
            if (!reader.seek(afterSequence + 1))
            {
                throw new IllegalStateException("journal does not hold sequence " + (afterSequence + 1) +
                    " (it ends at " + lastSequence + ")");
            }
            final OutputArea outputs = new OutputArea(INITIAL_OUTPUT_CAPACITY);
            long expected = afterSequence + 1;
            while (reader.next())
            {
                final long sequence = reader.sequence();
                if (sequence != expected || InputFrame.sequence(reader.buffer(), 0) != sequence)
                {
                    throw new IllegalStateException("journal is not contiguous: expected sequence " + expected +
                        ", found excerpt " + sequence + " framing input " + InputFrame.sequence(reader.buffer(), 0));
                }
                outputs.reset();
                handler.onInput(sequence, reader.buffer(), 0, reader.length(), outputs);
                outputs.publishTo(sequence, publisher);
                expected++;
            }
            return expected - 1;
        }
    }
}
