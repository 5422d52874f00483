package io.tickkeeper.runtime.session;

import io.tickkeeper.runtime.StateSnapshotter;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * A service's snapshot together with its session table, so that a node restored from a snapshot still answers
 * resent commands. Layout: the service's own snapshot bytes, then the session table ({@link SessionTable}), then a
 * trailer {@code int32 serviceLength, int32 magic}.
 */
public final class SessionSnapshotter implements StateSnapshotter
{
    private static final int MAGIC = 0x53534E50;
    private static final int TRAILER_LENGTH = 2 * Integer.BYTES;

    private final StateSnapshotter service;
    private final SessionTable sessions;

    /**
     * @param service  the service's snapshotter.
     * @param sessions the session table that goes with the service's state.
     */
    public SessionSnapshotter(final StateSnapshotter service, final SessionTable sessions)
    {
        this.service = service;
        this.sessions = sessions;
    }

    @Override
    public int writeSnapshot(final MutableDirectBuffer buffer)
    {
        final int serviceLength = service.writeSnapshot(buffer);
        final int tableLength = sessions.writeSnapshot(buffer, serviceLength);
        final int trailer = serviceLength + tableLength;
        buffer.putInt(trailer, serviceLength);
        buffer.putInt(trailer + Integer.BYTES, MAGIC);
        return trailer + TRAILER_LENGTH;
    }

    @Override
    public void readSnapshot(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < TRAILER_LENGTH || buffer.getInt(offset + length - Integer.BYTES) != MAGIC)
        {
            throw new IllegalArgumentException("not a snapshot with a session table");
        }
        final int serviceLength = buffer.getInt(offset + length - TRAILER_LENGTH);
        if (serviceLength < 0 || serviceLength > length - TRAILER_LENGTH)
        {
            throw new IllegalArgumentException("service state of " + serviceLength + " bytes in a snapshot of " +
                length);
        }
        service.readSnapshot(buffer, offset, serviceLength);
        sessions.readSnapshot(buffer, offset + serviceLength, length - TRAILER_LENGTH - serviceLength);
    }
}
