package io.tickkeeper.feed;

import java.util.List;

import io.aeron.Aeron;
import io.aeron.ExclusivePublication;
import io.aeron.Publication;
import org.agrona.CloseHelper;
import org.agrona.concurrent.UnsafeBuffer;

import io.tickkeeper.protocol.sbe.MessageHeaderEncoder;
import io.tickkeeper.protocol.sbe.ReferencePriceTickEncoder;

/**
 * Encodes {@code ReferencePriceTick} and sends it on one exclusive publication per destination channel (several
 * unicast publications rather than one multi-destination cast: a consumer that is down costs its own publication
 * nothing but NOT_CONNECTED, and never holds the others back). A destination that is back-pressured past a few
 * retries misses that tick (its subscriber sees a gap). Owned by the feed's duty thread.
 */
final class FeedPublisher implements AutoCloseable
{
    private static final int RETRIES = 3;

    private final ExclusivePublication[] publications;
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[128]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final ReferencePriceTickEncoder encoder = new ReferencePriceTickEncoder();
    private final int length;
    private volatile long notConnected;
    private volatile long backPressureDrops;

    FeedPublisher(final Aeron aeron, final List<String> channels)
    {
        if (channels.isEmpty())
        {
            throw new IllegalArgumentException("the feed needs at least one channel");
        }
        publications = new ExclusivePublication[channels.size()];
        try
        {
            for (int i = 0; i < publications.length; i++)
            {
                publications[i] = aeron.addExclusivePublication(channels.get(i), FeedSubscriber.STREAM_ID);
            }
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietCloseAll(publications);
            throw ex;
        }
        encoder.wrapAndApplyHeader(buffer, 0, header);
        length = MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength();
    }

    /**
     * @param token the publisher's fencing token.
     * @param tick  the tick.
     * @return how many destinations took it.
     */
    int publish(final long token, final MutableTick tick)
    {
        encoder.wrapAndApplyHeader(buffer, 0, header)
            .feedToken(token)
            .sequence(tick.sequence())
            .timestampNs(tick.timestampNs())
            .price(tick.price())
            .instrumentId(tick.instrumentId())
            .regime((short)tick.regime().code());
        int sent = 0;
        for (final ExclusivePublication publication : publications)
        {
            if (offer(publication))
            {
                sent++;
            }
        }
        return sent;
    }

    /** @return ticks a destination missed because no subscriber was connected to it. */
    long notConnected()
    {
        return notConnected;
    }

    /** @return ticks a destination missed because it stayed back-pressured. */
    long backPressureDrops()
    {
        return backPressureDrops;
    }

    @Override
    public void close()
    {
        CloseHelper.closeAll(publications);
    }

    private boolean offer(final ExclusivePublication publication)
    {
        for (int attempt = 0; attempt <= RETRIES; attempt++)
        {
            final long result = publication.offer(buffer, 0, length);
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
        }
        backPressureDrops++;
        return false;
    }
}
