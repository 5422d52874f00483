package io.tickkeeper.node.broadcast;

import java.util.List;

import io.aeron.Aeron;
import io.aeron.ExclusivePublication;
import io.aeron.Publication;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Sends a primary's public messages (public trades, copies of execution reports, ...) to every subscriber endpoint:
 * one exclusive unicast publication per endpoint, as the market feed does, so a subscriber that is down costs its
 * own publication a NOT_CONNECTED and never holds the others back. Each message goes out as a
 * {@link BroadcastFrame}: the publishing primary's epoch, then the message, so a {@link BroadcastSubscriber} drops
 * what a deposed primary still sends.
 * <p>
 * {@link #offer} never blocks for long: a back-pressured endpoint is retried {@value #MAX_ATTEMPTS} times, then
 * misses that message ({@link #backPressureDrops()}); an endpoint without a subscriber misses it at once
 * ({@link #notConnected()}). Broadcast is best effort: nothing is resent.
 * <p>
 * One thread offers (the publications are exclusive); the counters may be read from any thread.
 */
public final class BroadcastPublisher implements AutoCloseable
{
    /** Offers of one message to one back-pressured endpoint before it misses the message (microseconds in all). */
    public static final int MAX_ATTEMPTS = 1_000;

    private final ExclusivePublication[] publications;
    private final UnsafeBuffer epochPrefix = new UnsafeBuffer(new byte[BroadcastFrame.HEADER_LENGTH]);
    private volatile long offered;
    private volatile long sent;
    private volatile long notConnected;
    private volatile long backPressureDrops;

    /**
     * Adds one publication per channel on {@link BroadcastFrame#STREAM_ID}.
     *
     * @param aeron    a connected client.
     * @param channels the subscribers' channels ({@link BroadcastEndpoints#channels(String)}); at least one.
     */
    public BroadcastPublisher(final Aeron aeron, final List<String> channels)
    {
        if (channels.isEmpty())
        {
            throw new IllegalArgumentException("a broadcast needs at least one channel");
        }
        publications = new ExclusivePublication[channels.size()];
        try
        {
            for (int i = 0; i < publications.length; i++)
            {
                publications[i] = aeron.addExclusivePublication(channels.get(i), BroadcastFrame.STREAM_ID);
            }
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietCloseAll(publications);
            throw ex;
        }
    }

    /**
     * Sends one message to every endpoint, prefixed with the epoch.
     *
     * @param epoch  the fencing epoch of the primary that publishes; positive.
     * @param buffer holds the message (SBE header first); not kept.
     * @param offset where it starts.
     * @param length how many bytes it has.
     * @return how many endpoints took it.
     */
    public int offer(final long epoch, final DirectBuffer buffer, final int offset, final int length)
    {
        if (epoch <= 0)
        {
            throw new IllegalArgumentException("epoch must be positive: " + epoch);
        }
        epochPrefix.putLong(BroadcastFrame.EPOCH_OFFSET, epoch, BroadcastFrame.BYTE_ORDER);
        int took = 0;
        for (final ExclusivePublication publication : publications)
        {
            if (offer(publication, buffer, offset, length))
            {
                took++;
            }
        }
        offered++;
        sent += took;
        return took;
    }

    /** @return how many endpoints have a connected subscriber now. */
    public int connectedEndpoints()
    {
        int connected = 0;
        for (final ExclusivePublication publication : publications)
        {
            if (publication.isConnected())
            {
                connected++;
            }
        }
        return connected;
    }

    /** @return messages offered. */
    public long offered()
    {
        return offered;
    }

    /** @return deliveries to endpoints (a message taken by three endpoints counts three). */
    public long sent()
    {
        return sent;
    }

    /** @return deliveries missed because an endpoint had no subscriber (or its publication was closed or full). */
    public long notConnected()
    {
        return notConnected;
    }

    /** @return deliveries missed because an endpoint stayed back-pressured for {@value #MAX_ATTEMPTS} offers. */
    public long backPressureDrops()
    {
        return backPressureDrops;
    }

    @Override
    public void close()
    {
        CloseHelper.closeAll(publications);
    }

    private boolean offer(final ExclusivePublication publication, final DirectBuffer buffer, final int offset,
        final int length)
    {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++)
        {
            final long result = publication.offer(epochPrefix, 0, BroadcastFrame.HEADER_LENGTH, buffer, offset, length);
            if (result > 0L)
            {
                return true;
            }
            if (result == Publication.NOT_CONNECTED || result == Publication.CLOSED
                || result == Publication.MAX_POSITION_EXCEEDED)
            {
                notConnected++;
                return false;
            }
            Thread.onSpinWait();
        }
        backPressureDrops++;
        return false;
    }
}
