package io.tickkeeper.risk.node;

import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

import io.aeron.Aeron;
import io.tickkeeper.coordinator.config.LiveConfig;
import io.tickkeeper.node.broadcast.BroadcastPublisher;
import io.tickkeeper.node.InputPublisher;
import io.tickkeeper.node.ReplicatedService;
import io.tickkeeper.node.ServicePipeline;
import io.tickkeeper.node.client.ServiceClient;
import io.tickkeeper.protocol.sbe.EndOfDayDecoder;
import io.tickkeeper.protocol.sbe.InputFrameDecoder;
import io.tickkeeper.protocol.sbe.MessageHeaderDecoder;
import io.tickkeeper.protocol.sbe.NewOrderDecoder;
import io.tickkeeper.protocol.sbe.RiskExecutionReportDecoder;
import io.tickkeeper.protocol.sbe.RiskTradeDecoder;
import io.tickkeeper.risk.RiskConfig;
import io.tickkeeper.risk.RiskEngine;
import io.tickkeeper.risk.service.RiskCommandAdapter;
import io.tickkeeper.risk.service.RiskCommandEncoder;
import io.tickkeeper.risk.service.RiskPipeline;
import io.tickkeeper.runtime.EnginePipeline;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.apache.curator.framework.CuratorFramework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The risk manager as a {@link ReplicatedService} (docs/risk.md, "The node"):
 * <pre>
 *   every incarnation: RiskPipeline behind a ClientGate; client edge checks with RiskCommandAdapter.check
 *   output stage (primary): NewOrder/CancelOrder/ReplaceOrder/SetReferencePrice/EndOfDay -&gt; the shard's
 *                           ServiceClient (session RISK_FORWARD_SESSION + shard, the forward's clientSequence)
 *                           RiskTrade -&gt; TradeLogSink (one thread owns the TradeLogWriter)
 *                           everything else -&gt; the client routes
 *   primary term (onPrimary .. onNotPrimary), inputs with client session 0:
 *     matching ServiceClient per shard (cumulative answers) -&gt; MatchingEventRelay -&gt; RiskMatchingReport
 *     RiskPrimaryStarted (re-emits every unanswered forward), then LimitRelay -&gt; RiskLimitUpdate (all, then changes)
 *     ClientGate opens; FeedRelay (feed port) -&gt; RiskReferencePrice; trade log lock acquired
 * </pre>
 * The matching clients, the feed subscription and the trade log lock exist only during a primary term: each term
 * starts fresh clients (so a forward's client sequence is never below one the client already sent), and the ports
 * are bound by the primary only. The standby only replicates.
 */
public final class RiskService implements ReplicatedService, AutoCloseable
{
    /** The risk manager's service name in ZooKeeper. */
    public static final String SERVICE = "risk";
    /** The matching engine's service name in ZooKeeper. */
    public static final String MATCHING_SERVICE = "matching-engine";

    private static final Logger LOG = LoggerFactory.getLogger(RiskService.class);
    private static final int SESSION_OFFSET =
        MessageHeaderDecoder.ENCODED_LENGTH + InputFrameDecoder.clientSessionIdEncodingOffset();

    private final Context context;
    private final RiskConfig riskConfig;
    private final LimitRelay limits;
    private final TradeLogSink tradeLog;
    private final MessageHeaderDecoder outputHeader = new MessageHeaderDecoder();
    private final UnsafeBuffer forward = new UnsafeBuffer(new byte[RiskCommandEncoder.MAX_LENGTH]);
    private final AtomicLong forwardsSent = new AtomicLong();
    private volatile long primaryEpoch;
    private final AtomicLong forwardsDropped = new AtomicLong();
    private final AtomicLong referencePrices = new AtomicLong();

    private volatile ClientGate gate;
    private volatile ServiceClient[] clients;
    private TermInputs term;
    private FeedRelay feed;

    /**
     * Opens the trade log (on its own thread) and registers the live-config listeners; nothing else runs until the
     * node makes this service primary.
     *
     * @param context the settings, checked once.
     */
    public RiskService(final Context context)
    {
        context.conclude();
        this.context = context;
        this.riskConfig = context.shards.riskConfig();
        this.limits = new LimitRelay(context.liveConfig, context.clock);
        this.tradeLog = new TradeLogSink(context.curator, context.node, context.tradeLogDirectory);
    }

    @Override
    public String name()
    {
        return SERVICE;
    }

    @Override
    public ServicePipeline newPipeline(final EnginePipeline.Context runtime, final Path snapshotDirectory)
    {
        final ClientGate fresh = new ClientGate(new RiskPipeline(riskConfig, runtime, snapshotDirectory));
        gate = fresh;
        return fresh;
    }

    @Override
    public void checkCommand(final DirectBuffer buffer, final int offset, final int length)
    {
        RiskCommandAdapter.check(buffer, offset, length);
    }

    /**
     * Forwarded matching commands go to their shard's client, public trades to the trade log; the rest to the
     * client routes. A forward that cannot be sent (the term is ending) is dropped: the replicated state still holds
     * it unanswered, so the next primary's RiskPrimaryStarted emits it again.
     */
    @Override
    public boolean routeOutput(final long sequence, final DirectBuffer buffer, final int offset, final int length)
    {
        final int templateId = outputHeader.wrap(buffer, offset).templateId();
        if (templateId >= NewOrderDecoder.TEMPLATE_ID && templateId <= EndOfDayDecoder.TEMPLATE_ID)
        {
            sendForward(buffer, offset, length);
            return true;
        }
        if (templateId == RiskTradeDecoder.TEMPLATE_ID)
        {
            broadcast(buffer, offset, length);
            tradeLog.offer(buffer, offset);
            return true;
        }
        if (templateId == RiskExecutionReportDecoder.TEMPLATE_ID)
        {
            // A copy for the gateways' drop copies; the report still goes to the account's own session.
            broadcast(buffer, offset, length);
        }
        return false;
    }

    private void broadcast(final DirectBuffer buffer, final int offset, final int length)
    {
        if (context.broadcast != null)
        {
            context.broadcast.offer(primaryEpoch, buffer, offset, length);
        }
    }

    @Override
    public synchronized void onPrimary(final long epoch, final InputPublisher inputs)
    {
        primaryEpoch = epoch;
        final TermInputs fresh = new TermInputs(inputs);
        term = fresh;
        final ServiceClient[] started = new ServiceClient[context.shards.count()];
        try
        {
            for (int shard = 0; shard < started.length; shard++)
            {
                started[shard] = matchingClient(shard, fresh);
                started[shard].start();
            }
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietCloseAll(started);
            throw ex;
        }
        clients = started;
        tradeLog.acquire(fresh::active);
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[RiskCommandEncoder.MAX_LENGTH]);
        fresh.publish(buffer, 0, new RiskCommandEncoder().primaryStarted(buffer, 0, context.clock.nanoTime()));
        limits.begin(fresh);
        final ClientGate current = gate;
        if (current != null)
        {
            current.open();
        }
        feed = new FeedRelay(context.aeron, context.host, context.feedPort, fresh, context.clock,
            referencePrices, "risk-feed-" + context.node);
        LOG.info("{}: risk primary of epoch {}: forwarding to {} matching shard(s) {}, feed on {}:{}", context.node,
            epoch, started.length, context.shards.names(), context.host, context.feedPort);
    }

    @Override
    public synchronized void onNotPrimary()
    {
        final TermInputs endingTerm = term;
        if (endingTerm != null)
        {
            endingTerm.stop();
        }
        term = null;
        limits.end();
        final ServiceClient[] ended = clients;
        clients = null;
        CloseHelper.closeAll(feed);
        feed = null;
        if (ended != null)
        {
            CloseHelper.quietCloseAll(ended);
        }
        final ClientGate ending = gate;
        final long published = ending == null ? 0 : ending.runtime().publishedSequence();
        tradeLog.release(() -> ending == null || ending.runtime().outputSequence() >= published);
        LOG.info("{}: risk primary term over: {} forwards sent, {} dropped; trade log: {} appended, {} duplicates, "
            + "{} not written", context.node, forwardsSent.get(), forwardsDropped.get(), tradeLog.appended(),
            tradeLog.duplicates(), tradeLog.lost());
    }

    /** @return forwards handed to a matching client (while primary). */
    public long forwardsSent()
    {
        return forwardsSent.get();
    }

    /** @return forwards dropped because no term ran (they stay unanswered in the replicated state). */
    public long forwardsDropped()
    {
        return forwardsDropped.get();
    }

    /** @return feed ticks this node sequenced as RiskReferencePrice inputs (while primary). */
    public long referencePricesRelayed()
    {
        return referencePrices.get();
    }

    /** @return trades this node appended to the trade log. */
    public long tradesAppended()
    {
        return tradeLog.appended();
    }

    /** Closes the trade log (after what is queued for it). Call after the node is closed. */
    @Override
    public void close()
    {
        tradeLog.close();
    }

    private ServiceClient matchingClient(final int shard, final TermInputs inputs)
    {
        return new ServiceClient(new ServiceClient.Context()
            .name("risk-" + context.node + "-to-" + context.shards.names().get(shard))
            .curator(context.curator)
            .service(context.matchingService)
            .shard(context.shards.names().get(shard))
            .aeron(context.aeron)
            .responseEndpoint(context.host + ':' + (context.matchingResponsePort + shard))
            .sessionId(RiskEngine.forwardSession(shard))
            .cumulativeAnswers(true)
            .listener(new MatchingEventRelay(shard, inputs, context.clock)));
    }

    /** Output stage's thread. */
    private void sendForward(final DirectBuffer buffer, final int offset, final int length)
    {
        final ServiceClient[] current = clients;
        final long shard = buffer.getLong(offset + SESSION_OFFSET, MessageHeaderDecoder.BYTE_ORDER)
            - RiskEngine.RISK_FORWARD_SESSION;
        if (current == null || shard < 0 || shard >= current.length || length > forward.capacity())
        {
            forwardsDropped.incrementAndGet();
            return;
        }
        forward.putBytes(0, buffer, offset, length);
        try
        {
            current[(int)shard].send(forward, 0, length);
            forwardsSent.incrementAndGet();
        }
        catch (final IllegalStateException | IllegalArgumentException ex)
        {
            forwardsDropped.incrementAndGet();
            LOG.warn("{}: forward to shard {} not sent: {}", context.node, shard, ex.getMessage());
        }
    }

    /** Settings of a {@link RiskService}, checked once by its constructor. */
    public static final class Context
    {
        private String node;
        private CuratorFramework curator;
        private Aeron aeron;
        private LiveConfig liveConfig;
        private MatchingShards shards = MatchingShards.parse(MatchingShards.DEFAULT);
        private String matchingService = MATCHING_SERVICE;
        private String host = "127.0.0.1";
        private int matchingResponsePort;
        private int feedPort;
        private Path tradeLogDirectory;
        private BroadcastPublisher broadcast;
        private EpochNanoClock clock = new SystemEpochNanoClock();

        /** @param node this node's name (threads, logs, the trade log lock's holder id). @return this. */
        public Context node(final String node)
        {
            this.node = node;
            return this;
        }

        /** @param curator a started client with the services' identity. @return this. */
        public Context curator(final CuratorFramework curator)
        {
            this.curator = curator;
            return this;
        }

        /** @param aeron the Aeron client for the matching clients and the feed subscription. @return this. */
        public Context aeron(final Aeron aeron)
        {
            this.aeron = aeron;
            return this;
        }

        /** @param liveConfig the live configuration, started by its owner. @return this. */
        public Context liveConfig(final LiveConfig liveConfig)
        {
            this.liveConfig = liveConfig;
            return this;
        }

        /** @param shards the matching shards and their instruments (every node the same). @return this. */
        public Context shards(final MatchingShards shards)
        {
            this.shards = shards;
            return this;
        }

        /** @param matchingService the matching engine's service name in ZooKeeper. @return this. */
        public Context matchingService(final String matchingService)
        {
            this.matchingService = matchingService;
            return this;
        }

        /** @param host the address the matching clients and the feed subscription listen on. @return this. */
        public Context host(final String host)
        {
            this.host = host;
            return this;
        }

        /** @param port the client of matching shard i takes responses on port + i. @return this. */
        public Context matchingResponsePort(final int port)
        {
            this.matchingResponsePort = port;
            return this;
        }

        /** @param port the UDP port the market feed sends ReferencePriceTick to. @return this. */
        public Context feedPort(final int port)
        {
            this.feedPort = port;
            return this;
        }

        /** @param directory the trade log's directory (shared by the nodes that may write it). @return this. */
        public Context tradeLogDirectory(final Path directory)
        {
            this.tradeLogDirectory = directory;
            return this;
        }

        /**
         * @param broadcast where public trades and copies of every execution report go (the gateways' market data
         *                  and drop copies), stamped with the primary's epoch; none unless set. Its owner closes it.
         * @return this.
         */
        public Context broadcast(final BroadcastPublisher broadcast)
        {
            this.broadcast = broadcast;
            return this;
        }

        /** @param clock stamps the inputs the primary sequences itself; the system's epoch clock unless set. */
        public Context clock(final EpochNanoClock clock)
        {
            this.clock = clock;
            return this;
        }

        void conclude()
        {
            if (node == null || node.isBlank())
            {
                throw new IllegalArgumentException("node must be given");
            }
            Objects.requireNonNull(curator, "curator must be set");
            Objects.requireNonNull(aeron, "aeron must be set");
            Objects.requireNonNull(liveConfig, "liveConfig must be set");
            Objects.requireNonNull(shards, "shards must be set");
            Objects.requireNonNull(tradeLogDirectory, "tradeLogDirectory must be set");
            Objects.requireNonNull(clock, "clock must be set");
            if (host == null || host.isBlank())
            {
                throw new IllegalArgumentException("host must be given");
            }
            if (matchingResponsePort < 1 || matchingResponsePort + shards.count() - 1 > 65_535)
            {
                throw new IllegalArgumentException("matchingResponsePort + shards must be ports: "
                    + matchingResponsePort);
            }
            if (feedPort < 1 || feedPort > 65_535)
            {
                throw new IllegalArgumentException("feedPort must be a port: " + feedPort);
            }
        }
    }
}
