package io.tickkeeper.strategy.node;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import io.aeron.Aeron;
import io.tickkeeper.coordinator.ZkPaths;
import io.tickkeeper.node.InputPublisher;
import io.tickkeeper.node.ReplicatedService;
import io.tickkeeper.node.ServicePipeline;
import io.tickkeeper.node.client.ServiceClient;
import io.tickkeeper.protocol.sbe.MessageHeaderDecoder;
import io.tickkeeper.protocol.sbe.RiskCancelOrderDecoder;
import io.tickkeeper.protocol.sbe.RiskNewOrderDecoder;
import io.tickkeeper.protocol.sbe.RiskReplaceOrderDecoder;
import io.tickkeeper.runtime.EnginePipeline;
import io.tickkeeper.strategy.BotSpec;
import io.tickkeeper.strategy.Strategy;
import io.tickkeeper.strategy.service.RiskCommandEncoder;
import io.tickkeeper.strategy.service.StrategyPipeline;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.apache.curator.framework.CuratorFramework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The strategy engine as a {@link ReplicatedService}:
 * <pre>
 *   every incarnation: StrategyPipeline (no client commands: checkCommand refuses everything)
 *   output stage (primary): RiskNewOrder / RiskCancelOrder / RiskReplaceOrder -&gt; the orders ServiceClient to risk
 *                           (session ORDERS_SESSION, clientSequence = the engine's replicated command counter)
 *   primary term (onPrimary .. onNotPrimary): StrategyTerm -&gt; inputs with client session 0
 *     accounts ServiceClient: one RiskAccountSession per bot account (session ACCOUNTS_SESSION)
 *     risk reports (answers and later events of both sessions) -&gt; StrategyExecution / StrategyCancelReject
 *     FeedSubscriber on the feed port -&gt; StrategyMarketTick; timer thread -&gt; StrategyTimer;
 *     StrategyParamWatcher -&gt; StrategyParams
 * </pre>
 * Why two sessions: the orders session's client sequences are the engine's command counter, replicated state that
 * only the pipeline advances, so the account log-ons, which the primary sends by itself, cannot take numbers from
 * it. They go on a second fixed session whose client sequence is {@code (epoch << 16) + i + 1} for the i-th
 * account: unique and increasing across terms (epochs only grow), so every new primary logs the accounts on again
 * (the risk manager then routes their reports to the session whose endpoint the new primary said hello from), and
 * no log-on is ever taken for an earlier one by the risk manager's deduplication. Each term starts fresh clients, so
 * a client sequence is never below one the client already sent.
 */
public final class StrategyService implements ReplicatedService
{
    /** The strategy engine's service name in ZooKeeper. */
    public static final String SERVICE = "strategy";
    /** The risk manager's service name in ZooKeeper. */
    public static final String RISK_SERVICE = "risk";
    /** The session of the engine's orders with the risk manager: the same on every node and every term. */
    public static final long ORDERS_SESSION = 0x5354_5241_5400_0001L;
    /** The session of the engine's account log-ons with the risk manager. */
    public static final long ACCOUNTS_SESSION = 0x5354_5241_5400_0002L;

    private static final Logger LOG = LoggerFactory.getLogger(StrategyService.class);

    private final Context context;
    private final MessageHeaderDecoder outputHeader = new MessageHeaderDecoder();
    private final UnsafeBuffer command = new UnsafeBuffer(new byte[RiskCommandEncoder.MAX_LENGTH]);
    private final AtomicLong commandsSent = new AtomicLong();
    private final AtomicLong commandsDropped = new AtomicLong();

    private volatile StrategyPipeline pipeline;
    private volatile StrategyTerm term;

    /**
     * @param context the settings, checked once; nothing runs until the node makes this service primary.
     */
    public StrategyService(final Context context)
    {
        this.context = context.conclude();
    }

    @Override
    public String name()
    {
        return SERVICE;
    }

    @Override
    public ServicePipeline newPipeline(final EnginePipeline.Context runtime, final Path snapshotDirectory)
    {
        final StrategyPipeline built = new StrategyPipeline(context.bots, context.factory,
            new StrategyPipeline.Settings().riskSessionId(ORDERS_SESSION), runtime, snapshotDirectory);
        pipeline = built;
        return built;
    }

    /** Refuses everything: the strategy engine's inputs come from its primary only. */
    @Override
    public void checkCommand(final DirectBuffer buffer, final int offset, final int length)
    {
        throw new IllegalArgumentException("the strategy engine takes no client commands");
    }

    @Override
    public boolean routeOutput(final long sequence, final DirectBuffer buffer, final int offset, final int length)
    {
        final int templateId = outputHeader.wrap(buffer, offset).templateId();
        if (templateId != RiskNewOrderDecoder.TEMPLATE_ID && templateId != RiskCancelOrderDecoder.TEMPLATE_ID &&
            templateId != RiskReplaceOrderDecoder.TEMPLATE_ID)
        {
            return false;
        }
        final StrategyTerm current = term;
        if (current == null || length > command.capacity())
        {
            commandsDropped.incrementAndGet();
            return true;
        }
        command.putBytes(0, buffer, offset, length);
        try
        {
            current.orders().send(command, 0, length);
            commandsSent.incrementAndGet();
        }
        catch (final IllegalArgumentException | IllegalStateException ex)
        {
            commandsDropped.incrementAndGet();
            LOG.warn("strategy: command of input {} not sent: {}", sequence, ex.getMessage());
        }
        return true;
    }

    @Override
    public void onPrimary(final long epoch, final InputPublisher inputs)
    {
        final StrategyTerm started = new StrategyTerm(context, epoch, inputs);
        term = started;
        started.start();
        LOG.info("strategy: primary of epoch {}: {} bots, risk sessions {} / {}", epoch, context.bots.size(),
            Long.toHexString(ORDERS_SESSION), Long.toHexString(ACCOUNTS_SESSION));
    }

    @Override
    public void onNotPrimary()
    {
        final StrategyTerm ended = term;
        term = null;
        if (ended != null)
        {
            ended.close();
        }
    }

    /** @return the pipeline of the node's latest incarnation, or null before the first (for tests and health). */
    public StrategyPipeline pipeline()
    {
        return pipeline;
    }

    /** @return the current primary term, or null while not primary. */
    StrategyTerm term()
    {
        return term;
    }

    /** @return commands handed to the risk client. */
    public long commandsSent()
    {
        return commandsSent.get();
    }

    /** @return commands not sent: no primary term, or refused by the risk client. */
    public long commandsDropped()
    {
        return commandsDropped.get();
    }

    /** Settings of a {@link StrategyService}. */
    public static final class Context
    {
        /** Default interval between timer inputs. */
        public static final long DEFAULT_TIMER_INTERVAL_MS = 100;

        private List<BotSpec> bots;
        private Function<BotSpec, Strategy> factory;
        private CuratorFramework curator;
        private Aeron aeron;
        private String host = "127.0.0.1";
        private int riskResponsePort;
        private int feedPort;
        private String riskService = RISK_SERVICE;
        private String riskShard = "0";
        private long timerIntervalMs = DEFAULT_TIMER_INTERVAL_MS;
        private EpochNanoClock clock = new SystemEpochNanoClock();

        /** @param bots the bots, in configuration order. */
        public Context bots(final List<BotSpec> bots)
        {
            this.bots = List.copyOf(bots);
            return this;
        }

        /** @param factory makes a bot's strategy (a {@link io.tickkeeper.strategy.StrategyLoader}'s load). */
        public Context factory(final Function<BotSpec, Strategy> factory)
        {
            this.factory = factory;
            return this;
        }

        /** @param curator a started client of the ensemble; its owner closes it. */
        public Context curator(final CuratorFramework curator)
        {
            this.curator = curator;
            return this;
        }

        /** @param aeron the Aeron client of the risk clients and the feed subscription. */
        public Context aeron(final Aeron aeron)
        {
            this.aeron = aeron;
            return this;
        }

        /** @param host the address the risk answers and the feed arrive at. */
        public Context host(final String host)
        {
            this.host = host;
            return this;
        }

        /** @param riskResponsePort the UDP port the risk clients take answers on. */
        public Context riskResponsePort(final int riskResponsePort)
        {
            this.riskResponsePort = riskResponsePort;
            return this;
        }

        /** @param feedPort the UDP port the market feed sends to; 0: no feed. */
        public Context feedPort(final int feedPort)
        {
            this.feedPort = feedPort;
            return this;
        }

        /** @param riskService the risk manager's service name ({@value RISK_SERVICE} unless set). */
        public Context riskService(final String riskService)
        {
            this.riskService = riskService;
            return this;
        }

        /** @param riskShard the risk manager's shard ("0" unless set). */
        public Context riskShard(final String riskShard)
        {
            this.riskShard = riskShard;
            return this;
        }

        /** @param timerIntervalMs the interval between timer inputs. */
        public Context timerIntervalMs(final long timerIntervalMs)
        {
            this.timerIntervalMs = timerIntervalMs;
            return this;
        }

        /** @param clock the time a timer input or a risk report carries (the primary's, outside the engine). */
        public Context clock(final EpochNanoClock clock)
        {
            this.clock = clock;
            return this;
        }

        List<BotSpec> bots()
        {
            return bots;
        }

        CuratorFramework curator()
        {
            return curator;
        }

        Aeron aeron()
        {
            return aeron;
        }

        String host()
        {
            return host;
        }

        int riskResponsePort()
        {
            return riskResponsePort;
        }

        int feedPort()
        {
            return feedPort;
        }

        String riskService()
        {
            return riskService;
        }

        String riskShard()
        {
            return riskShard;
        }

        long timerIntervalMs()
        {
            return timerIntervalMs;
        }

        EpochNanoClock clock()
        {
            return clock;
        }

        Context conclude()
        {
            Objects.requireNonNull(bots, "bots must be set");
            Objects.requireNonNull(factory, "factory must be set");
            Objects.requireNonNull(curator, "curator must be set");
            Objects.requireNonNull(aeron, "aeron must be set");
            Objects.requireNonNull(host, "host must be set");
            Objects.requireNonNull(clock, "clock must be set");
            ZkPaths.checkName(riskService);
            ZkPaths.checkName(riskShard);
            if (riskResponsePort <= 0 || riskResponsePort > 65_535 || feedPort < 0 || feedPort > 65_535)
            {
                throw new IllegalArgumentException("riskResponsePort must be 1..65535 and feedPort 0..65535");
            }
            if (bots.size() >= 1 << 16)
            {
                throw new IllegalArgumentException("at most 65535 bots");
            }
            if (timerIntervalMs <= 0)
            {
                throw new IllegalArgumentException("timerIntervalMs must be positive: " + timerIntervalMs);
            }
            return this;
        }
    }
}
