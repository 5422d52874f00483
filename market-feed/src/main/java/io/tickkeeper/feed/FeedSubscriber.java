package io.tickkeeper.feed;

import io.aeron.Aeron;
import io.aeron.Subscription;
import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.Header;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;

import io.tickkeeper.coordinator.lock.FencingGuard;
import io.tickkeeper.protocol.sbe.MessageHeaderDecoder;
import io.tickkeeper.protocol.sbe.ReferencePriceTickDecoder;

/**
 * The consumer side of the market feed, for every service that follows reference prices (risk, strategy,
 * gateway, and the feed's own standby). It polls one Aeron subscription, decodes {@code ReferencePriceTick} and
 * hands admitted ticks to a {@link FeedListener}:
 * <ul>
 * <li>a tick whose fencing token is older than the newest one seen is dropped ({@link #staleTokenDrops()}): it
 *     comes from a publisher that has lost the feed lock;</li>
 * <li>a sequence that skips ahead is a gap ({@link #gaps()}, {@link #missedMessages()}); the tick is delivered;</li>
 * <li>a sequence at or below the last one is a repeat ({@link #repeats()}): dropped when it carries the same token
 *     (a duplicate), delivered when it carries a newer token (a new publisher took over at an earlier sequence
 *     than this subscriber had seen; its prices supersede, docs/market-feed.md).</li>
 * </ul>
 * One thread polls; the counters may be read from any thread.
 */
public final class FeedSubscriber implements AutoCloseable
{
    /** The Aeron stream id of the market feed. */
    public static final int STREAM_ID = 6_001;

    private static final int FRAGMENT_LIMIT = 64;

    private final Subscription subscription;
    private final FeedListener listener;
    private final FencingGuard guard = new FencingGuard();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final ReferencePriceTickDecoder decoder = new ReferencePriceTickDecoder();
    private final FragmentHandler handler = this::onFragment;

    private long lastSequence;
    private long lastToken;
    private volatile long delivered;
    private volatile long staleTokenDrops;
    private volatile long gaps;
    private volatile long missedMessages;
    private volatile long repeats;
    private volatile long malformed;

    /**
     * @param subscription a subscription on {@link #STREAM_ID}; closed with this subscriber.
     * @param listener     told of every admitted tick.
     */
    public FeedSubscriber(final Subscription subscription, final FeedListener listener)
    {
        this.subscription = subscription;
        this.listener = listener;
    }

    /**
     * @param aeron    a connected client.
     * @param channel  the channel this consumer receives the feed on, e.g. {@code aeron:udp?endpoint=host:port}.
     * @param listener told of every admitted tick.
     * @return a subscriber on that channel.
     */
    public static FeedSubscriber subscribe(final Aeron aeron, final String channel, final FeedListener listener)
    {
        return new FeedSubscriber(aeron.addSubscription(channel, STREAM_ID), listener);
    }

    /**
     * Polls what has arrived, without blocking.
     *
     * @return the number of fragments read.
     */
    public int poll()
    {
        return subscription.poll(handler, FRAGMENT_LIMIT);
    }

    /** @return whether at least one publisher is connected. */
    public boolean isConnected()
    {
        return subscription.isConnected();
    }

    /** @return ticks handed to the listener. */
    public long delivered()
    {
        return delivered;
    }

    /** @return ticks dropped because a newer fencing token had been seen. */
    public long staleTokenDrops()
    {
        return staleTokenDrops;
    }

    /** @return how many times the sequence skipped ahead. */
    public long gaps()
    {
        return gaps;
    }

    /** @return how many sequences the gaps skipped in all. */
    public long missedMessages()
    {
        return missedMessages;
    }

    /** @return ticks whose sequence was not above the last one. */
    public long repeats()
    {
        return repeats;
    }

    /** @return messages that were not a well-formed {@code ReferencePriceTick}. */
    public long malformed()
    {
        return malformed;
    }

    /** @return the newest fencing token seen. */
    public long newestToken()
    {
        return guard.highestSeen();
    }

    @Override
    public void close()
    {
        CloseHelper.close(subscription);
    }

    /**
     * The admission rule, on decoded fields.
     */
    void onTick(final long token, final long sequence, final long timestampNs, final long price,
        final int instrumentId, final Regime regime)
    {
        if (token < 1L || sequence < 1L)
        {
            malformed++;
            return;
        }
        if (!guard.admit(token))
        {
            staleTokenDrops++;
            return;
        }
        if (lastSequence != 0L)
        {
            if (sequence <= lastSequence)
            {
                repeats++;
                if (token <= lastToken)
                {
                    return;
                }
            }
            else if (sequence > lastSequence + 1L)
            {
                gaps++;
                missedMessages += sequence - lastSequence - 1L;
            }
        }
        lastSequence = sequence;
        lastToken = token;
        delivered++;
        listener.onTick(instrumentId, price, sequence, token, timestampNs, regime);
    }

    private void onFragment(final DirectBuffer buffer, final int offset, final int length, final Header ignored)
    {
        if (length < MessageHeaderDecoder.ENCODED_LENGTH)
        {
            malformed++;
            return;
        }
        header.wrap(buffer, offset);
        if (header.schemaId() != ReferencePriceTickDecoder.SCHEMA_ID
            || header.templateId() != ReferencePriceTickDecoder.TEMPLATE_ID
            || length < MessageHeaderDecoder.ENCODED_LENGTH + header.blockLength())
        {
            malformed++;
            return;
        }
        decoder.wrap(buffer, offset + MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
        final short regimeCode = decoder.regime();
        if (regimeCode < 0 || regimeCode > Regime.STRESSED.code())
        {
            malformed++;
            return;
        }
        onTick(decoder.feedToken(), decoder.sequence(), decoder.timestampNs(), decoder.price(),
            decoder.instrumentId(), Regime.fromCode(regimeCode));
    }
}
