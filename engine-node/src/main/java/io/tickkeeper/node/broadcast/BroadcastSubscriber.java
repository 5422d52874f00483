package io.tickkeeper.node.broadcast;

import io.aeron.Aeron;
import io.aeron.FragmentAssembler;
import io.aeron.Subscription;
import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.Header;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;

/**
 * The receiving end of a broadcast: one Aeron subscription on one endpoint, which every primary of the publishing
 * service sends to (each with its own {@link BroadcastPublisher}). A message whose epoch is older than the newest
 * seen comes from a deposed primary and is dropped ({@link #staleEpochDrops()}); the others go to the
 * {@link BroadcastListener}, without their epoch prefix. A frame too short to hold an epoch, or whose epoch is not
 * positive, is counted as {@link #malformed()}.
 * <p>
 * One thread polls; the counters may be read from any thread.
 */
public final class BroadcastSubscriber implements AutoCloseable
{
    private static final int FRAGMENT_LIMIT = 64;

    private final Subscription subscription;
    private final BroadcastListener listener;
    private final FragmentHandler handler = new FragmentAssembler(this::onFragment);
    private volatile long newestEpoch;
    private volatile long delivered;
    private volatile long staleEpochDrops;
    private volatile long malformed;

    /**
     * @param subscription a subscription on {@link BroadcastFrame#STREAM_ID}; closed with this subscriber.
     * @param listener     takes every admitted message.
     */
    public BroadcastSubscriber(final Subscription subscription, final BroadcastListener listener)
    {
        this.subscription = subscription;
        this.listener = listener;
    }

    /**
     * @param aeron    a connected client.
     * @param channel  the channel to receive on ({@link BroadcastEndpoints#channel(String)}).
     * @param listener takes every admitted message.
     * @return a subscriber on that channel.
     */
    public static BroadcastSubscriber subscribe(final Aeron aeron, final String channel,
        final BroadcastListener listener)
    {
        return new BroadcastSubscriber(aeron.addSubscription(channel, BroadcastFrame.STREAM_ID), listener);
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

    /** @return the newest epoch seen (0 before the first message). */
    public long newestEpoch()
    {
        return newestEpoch;
    }

    /** @return messages handed to the listener. */
    public long delivered()
    {
        return delivered;
    }

    /** @return messages dropped because their epoch was older than the newest seen. */
    public long staleEpochDrops()
    {
        return staleEpochDrops;
    }

    /** @return frames without a positive epoch prefix. */
    public long malformed()
    {
        return malformed;
    }

    @Override
    public void close()
    {
        CloseHelper.close(subscription);
    }

    private void onFragment(final DirectBuffer buffer, final int offset, final int length, final Header ignored)
    {
        if (length < BroadcastFrame.HEADER_LENGTH)
        {
            malformed++;
            return;
        }
        final long epoch = buffer.getLong(offset + BroadcastFrame.EPOCH_OFFSET, BroadcastFrame.BYTE_ORDER);
        if (epoch <= 0)
        {
            malformed++;
            return;
        }
        if (epoch < newestEpoch)
        {
            staleEpochDrops++;
            return;
        }
        newestEpoch = epoch;
        delivered++;
        listener.onMessage(epoch, buffer, offset + BroadcastFrame.HEADER_LENGTH,
            length - BroadcastFrame.HEADER_LENGTH);
    }
}
