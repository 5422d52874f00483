package io.tickkeeper.runtime.session;

import java.util.Arrays;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * The client sessions an engine has seen, as part of its replicated state: per session the last applied client
 * sequence and the answers of a window of recent commands (see {@link DeduplicatingHandler}). Sessions are
 * created on first sight, each with its window preallocated, and are never forgotten; at most {@code maxSessions}
 * exist. Deterministic: the same inputs give the same table, the same {@link #stateHash()} and the same snapshot
 * bytes on every node. Used by the business-logic thread only.
 *
 * <p>Snapshot layout (little-endian): {@code int32 magic, int32 sessionCount}, then per session in ascending id
 * {@code int64 sessionId, int64 lastApplied, int32 answerCount, int32 0}, then per kept answer in ascending client
 * sequence {@code int64 clientSequence, int32 length, int32 0} and the answer's bytes padded to 8.
 */
public final class SessionTable
{
    /** Default number of recent commands per session whose answers are kept. */
    public static final int DEFAULT_WINDOW = 1024;
    /** Default largest answer kept, in bytes. */
    public static final int DEFAULT_MAX_ANSWER_LENGTH = 128;
    /** Default most sessions remembered. */
    public static final int DEFAULT_MAX_SESSIONS = 1024;

    private static final int MAGIC = 0x53455353;
    private static final long HASH_SEED = 0x5E55_1045_7AB1_E5EDL;

    private final int window;
    private final int maxAnswerLength;
    private final int maxSessions;
    private final Long2ObjectHashMap<ClientSession> sessions = new Long2ObjectHashMap<>();

    /** A table with the default window, answer length and session bound. */
    public SessionTable()
    {
        this(DEFAULT_WINDOW, DEFAULT_MAX_ANSWER_LENGTH, DEFAULT_MAX_SESSIONS);
    }

    /**
     * @param window          how many recent commands per session keep their answers; a power of 2.
     * @param maxAnswerLength the largest answer (a command's first output) in bytes; a larger one stops the
     *                        engine, so size it to the service's largest first output.
     * @param maxSessions     the most sessions remembered; commands of further sessions are refused.
     */
    public SessionTable(final int window, final int maxAnswerLength, final int maxSessions)
    {
        if (window < 1 || Integer.bitCount(window) != 1)
        {
            throw new IllegalArgumentException("window must be a power of 2: " + window);
        }
        if (maxAnswerLength < 1)
        {
            throw new IllegalArgumentException("maxAnswerLength must be positive: " + maxAnswerLength);
        }
        if (maxSessions < 1)
        {
            throw new IllegalArgumentException("maxSessions must be positive: " + maxSessions);
        }
        this.window = window;
        this.maxAnswerLength = maxAnswerLength;
        this.maxSessions = maxSessions;
    }

    /** @return how many recent commands per session keep their answers. */
    public int window()
    {
        return window;
    }

    /** @return how many sessions are remembered. */
    public int sessionCount()
    {
        return sessions.size();
    }

    /**
     * @param sessionId a client session id.
     * @return the session's last applied client sequence, 0 for a session never seen.
     */
    public long lastApplied(final long sessionId)
    {
        final ClientSession session = sessions.get(sessionId);
        return session == null ? 0 : session.lastApplied();
    }

    /**
     * @return the session, created (with its window) on first sight; null when it is new and the table is full.
     */
    ClientSession session(final long sessionId)
    {
        ClientSession session = sessions.get(sessionId);
        if (session == null && sessions.size() < maxSessions)
        {
            session = new ClientSession(sessionId, window, maxAnswerLength);
            sessions.put(sessionId, session);
        }
        return session;
    }

    /**
     * Folds every session in ascending id (id, last applied, then each kept answer: client sequence, length and
     * bytes) into one number: two tables that took the same inputs have the same hash.
     *
     * @return the hash; allocates a sorted copy of the ids, so call it between inputs, not per input.
     */
    public long stateHash()
    {
        long hash = mix(HASH_SEED, sessions.size());
        for (final long sessionId : sortedIds())
        {
            final ClientSession session = sessions.get(sessionId);
            hash = mix(hash, sessionId);
            hash = mix(hash, session.lastApplied());
            for (long clientSequence = firstKept(session); clientSequence <= session.lastApplied(); clientSequence++)
            {
                if (session.holds(clientSequence))
                {
                    final int length = session.answerLength(clientSequence);
                    hash = mix(hash, clientSequence);
                    hash = mix(hash, length);
                    final DirectBuffer answers = session.answers();
                    final int offset = session.answerOffset(clientSequence);
                    for (int i = 0; i < length; i++)
                    {
                        hash = mix(hash, answers.getByte(offset + i));
                    }
                }
            }
        }
        return hash;
    }

    /**
     * Writes the table (layout in the class comment).
     *
     * @param buffer an expandable buffer.
     * @param offset where to start.
     * @return how many bytes were written.
     */
    public int writeSnapshot(final MutableDirectBuffer buffer, final int offset)
    {
        int at = offset;
        buffer.putInt(at, MAGIC);
        buffer.putInt(at + Integer.BYTES, sessions.size());
        at += Long.BYTES;
        for (final long sessionId : sortedIds())
        {
            final ClientSession session = sessions.get(sessionId);
            final int header = at;
            buffer.putLong(at, sessionId);
            buffer.putLong(at + Long.BYTES, session.lastApplied());
            at += 3 * Long.BYTES;
            int answerCount = 0;
            for (long clientSequence = firstKept(session); clientSequence <= session.lastApplied(); clientSequence++)
            {
                if (session.holds(clientSequence))
                {
                    final int length = session.answerLength(clientSequence);
                    buffer.putLong(at, clientSequence);
                    buffer.putInt(at + Long.BYTES, length);
                    buffer.putInt(at + Long.BYTES + Integer.BYTES, 0);
                    at += 2 * Long.BYTES;
                    buffer.putBytes(at, session.answers(), session.answerOffset(clientSequence), length);
                    at += align(length);
                    answerCount++;
                }
            }
            buffer.putInt(header + 2 * Long.BYTES, answerCount);
            buffer.putInt(header + 2 * Long.BYTES + Integer.BYTES, 0);
        }
        return at - offset;
    }

    /**
     * Replaces the table with a snapshot's.
     *
     * @param buffer holds the snapshot.
     * @param offset where the table starts.
     * @param length how many bytes it has.
     * @throws IllegalArgumentException when the bytes are not a session table that fits this one's settings.
     */
    public void readSnapshot(final DirectBuffer buffer, final int offset, final int length)
    {
        final int end = offset + length;
        require(length >= Long.BYTES && buffer.getInt(offset) == MAGIC, "not a session table snapshot");
        final int sessionCount = buffer.getInt(offset + Integer.BYTES);
        require(sessionCount >= 0 && sessionCount <= maxSessions,
            "snapshot holds " + sessionCount + " sessions; at most " + maxSessions + " allowed");
        sessions.clear();
        int at = offset + Long.BYTES;
        for (int s = 0; s < sessionCount; s++)
        {
            require(at + 3 * Long.BYTES <= end, "session table snapshot ends inside a session");
            final long sessionId = buffer.getLong(at);
            final long lastApplied = buffer.getLong(at + Long.BYTES);
            final int answerCount = buffer.getInt(at + 2 * Long.BYTES);
            at += 3 * Long.BYTES;
            require(!sessions.containsKey(sessionId), "session " + sessionId + " twice in the snapshot");
            final ClientSession session = new ClientSession(sessionId, window, maxAnswerLength);
            sessions.put(sessionId, session);
            for (int a = 0; a < answerCount; a++)
            {
                require(at + 2 * Long.BYTES <= end, "session table snapshot ends inside an answer");
                final long clientSequence = buffer.getLong(at);
                final int answerLength = buffer.getInt(at + Long.BYTES);
                at += 2 * Long.BYTES;
                require(answerLength >= 0 && answerLength <= maxAnswerLength && at + answerLength <= end,
                    "answer of " + answerLength + " bytes in session " + sessionId + " does not fit");
                require(clientSequence > session.lastApplied() && clientSequence <= lastApplied,
                    "answer " + clientSequence + " of session " + sessionId + " out of order");
                session.recordApplied(clientSequence, buffer, at, answerLength);
                at += align(answerLength);
            }
            session.restoreLastApplied(lastApplied);
        }
        require(at == end, "session table snapshot has " + (end - at) + " bytes after its last session");
    }

    private long[] sortedIds()
    {
        final long[] ids = new long[sessions.size()];
        int i = 0;
        final Long2ObjectHashMap<ClientSession>.KeyIterator keys = sessions.keySet().iterator();
        while (keys.hasNext())
        {
            ids[i++] = keys.nextLong();
        }
        Arrays.sort(ids);
        return ids;
    }

    private static long firstKept(final ClientSession session)
    {
        return Math.max(1, session.lastApplied() - session.window() + 1);
    }

    private static long mix(final long hash, final long value)
    {
        long h = (hash ^ value) * 0x9E37_79B9_7F4A_7C15L;
        h ^= h >>> 29;
        return h;
    }

    private static int align(final int length)
    {
        return (length + Long.BYTES - 1) & -Long.BYTES;
    }

    private static void require(final boolean condition, final String problem)
    {
        if (!condition)
        {
            throw new IllegalArgumentException(problem);
        }
    }
}
