package io.tickkeeper.runtime.session;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * What the replicated state remembers of one client session: the highest client sequence applied, and for a
 * window of the most recent client sequences the answer each command got (its first output's bytes). The window
 * is one preallocated buffer of fixed-size entries indexed by {@code clientSequence & (window - 1)}, each entry
 * being the client sequence it holds (int64), the answer's length (int32, 4 bytes padding) and the answer's
 * bytes; recording an answer allocates nothing.
 */
final class ClientSession
{
    private static final int SEQUENCE_OFFSET = 0;
    private static final int LENGTH_OFFSET = Long.BYTES;
    private static final int ANSWER_OFFSET = 2 * Long.BYTES;

    private final long sessionId;
    private final int windowMask;
    private final int entryLength;
    private final int maxAnswerLength;
    private final UnsafeBuffer entries;
    private long lastApplied;

    ClientSession(final long sessionId, final int window, final int maxAnswerLength)
    {
        this.sessionId = sessionId;
        this.windowMask = window - 1;
        this.maxAnswerLength = maxAnswerLength;
        this.entryLength = ANSWER_OFFSET + align(maxAnswerLength);
        this.entries = new UnsafeBuffer(new byte[window * entryLength]);
    }

    long sessionId()
    {
        return sessionId;
    }

    /** @return the highest client sequence applied, 0 before any. */
    long lastApplied()
    {
        return lastApplied;
    }

    /** @return the number of client sequences whose answers are kept. */
    int window()
    {
        return windowMask + 1;
    }

    /** @return whether the answer to this client sequence is kept (it was applied and is inside the window). */
    boolean holds(final long clientSequence)
    {
        return clientSequence > 0 && clientSequence <= lastApplied && clientSequence > lastApplied - window() &&
            entries.getLong(entry(clientSequence) + SEQUENCE_OFFSET) == clientSequence;
    }

    /**
     * Records that a command was applied, with its answer; {@code clientSequence} must be above {@link
     * #lastApplied()}.
     *
     * @param length the answer's length; 0 when the command had no output.
     */
    void recordApplied(final long clientSequence, final DirectBuffer answer, final int offset, final int length)
    {
        if (clientSequence <= lastApplied)
        {
            throw new IllegalArgumentException("client sequence " + clientSequence + " of session " + sessionId +
                " is not above the last applied " + lastApplied);
        }
        if (length < 0 || length > maxAnswerLength)
        {
            throw new IllegalStateException("an answer of " + length + " bytes does not fit maxAnswerLength " +
                maxAnswerLength + " (session " + sessionId + ", client sequence " + clientSequence + ")");
        }
        final int at = entry(clientSequence);
        entries.putLong(at + SEQUENCE_OFFSET, clientSequence);
        entries.putInt(at + LENGTH_OFFSET, length);
        if (length > 0)
        {
            entries.putBytes(at + ANSWER_OFFSET, answer, offset, length);
        }
        lastApplied = clientSequence;
    }

    /** Overwrites 8 bytes of a kept answer (the handler blanks the epoch, which it stamps anew on every answer). */
    void putAnswerLong(final long clientSequence, final int offsetInAnswer, final long value)
    {
        entries.putLong(answerOffset(clientSequence) + offsetInAnswer, value, ByteOrder.LITTLE_ENDIAN);
    }

    /** Sets the last applied client sequence when a snapshot is loaded, after its kept answers. */
    void restoreLastApplied(final long clientSequence)
    {
        if (clientSequence < lastApplied)
        {
            throw new IllegalArgumentException("session " + sessionId + ": last applied " + clientSequence +
                " is below its newest kept answer " + lastApplied);
        }
        lastApplied = clientSequence;
    }

    /** @return the buffer holding the answers; see {@link #answerOffset} and {@link #answerLength}. */
    DirectBuffer answers()
    {
        return entries;
    }

    /** @return where the kept answer of a client sequence starts in {@link #answers()}; see {@link #holds}. */
    int answerOffset(final long clientSequence)
    {
        return entry(clientSequence) + ANSWER_OFFSET;
    }

    /** @return the length of the kept answer of a client sequence; see {@link #holds}. */
    int answerLength(final long clientSequence)
    {
        return entries.getInt(entry(clientSequence) + LENGTH_OFFSET);
    }

    private int entry(final long clientSequence)
    {
        return (int)(clientSequence & windowMask) * entryLength;
    }

    private static int align(final int length)
    {
        return (length + Long.BYTES - 1) & -Long.BYTES;
    }
}
