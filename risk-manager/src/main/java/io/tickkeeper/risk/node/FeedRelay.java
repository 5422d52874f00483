package io.tickkeeper.risk.node;

import java.util.concurrent.atomic.AtomicLong;

import io.aeron.Aeron;
import io.tickkeeper.feed.FeedSubscriber;
import io.tickkeeper.feed.Regime;
import io.tickkeeper.risk.service.RiskCommandEncoder;
import io.tickkeeper.runtime.IdleProfile;
import io.tickkeeper.runtime.transport.AeronTransport;
import org.agrona.CloseHelper;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The primary's market-feed subscription for one term: a {@link FeedSubscriber} on the node's feed port, polled by
 * its own thread (an Agrona agent that waits as the process's {@link IdleProfile} says), turning every admitted ReferencePriceTick into
 * a RiskReferencePrice input (the engine keeps a tick only when its (token, sequence) is newer than the
 * instrument's last). The port is bound only while the node is primary.
 */
final class FeedRelay implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(FeedRelay.class);

    private final AgentRunner runner;
    private final FeedSubscriber subscriber;

    /**
     * Subscribes and starts polling.
     *
     * @param aeron   the node's Aeron client.
     * @param host    the address to receive on.
     * @param port    the UDP port the feed sends to.
     * @param inputs  the term's inputs.
     * @param clock   stamps the inputs' time.
     * @param relayed counts the ticks sequenced.
     * @param name    names the thread.
     */
    FeedRelay(final Aeron aeron, final String host, final int port, final TermInputs inputs,
        final EpochNanoClock clock, final AtomicLong relayed, final String name)
    {
        final RiskCommandEncoder encoder = new RiskCommandEncoder();
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[RiskCommandEncoder.MAX_LENGTH]);
        subscriber = FeedSubscriber.subscribe(aeron, AeronTransport.udp(host, port),
            (final int instrumentId, final long price, final long sequence, final long token, final long timestampNs,
                final Regime regime) ->
            {
                if (inputs.publish(buffer, 0,
                    encoder.referencePrice(buffer, 0, clock.nanoTime(), instrumentId, price, token, sequence)))
                {
                    relayed.incrementAndGet();
                }
            });
        runner = new AgentRunner(IdleProfile.configured().newIdleStrategy(),
            error -> LOG.error("{}: feed poller", name, error), null, new Agent()
            {
                @Override
                public int doWork()
                {
                    return inputs.active() ? subscriber.poll() : 0;
                }

                @Override
                public String roleName()
                {
                    return name;
                }
            });
        AgentRunner.startOnThread(runner);
    }

    /** @return ticks admitted so far. */
    long delivered()
    {
        return subscriber.delivered();
    }

    @Override
    public void close()
    {
        CloseHelper.closeAll(runner, subscriber);
    }
}
