package io.tickkeeper.strategy.node;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.tickkeeper.feed.FeedSubscriber;
import io.tickkeeper.feed.Regime;
import io.tickkeeper.node.InputPublisher;
import io.tickkeeper.node.client.ServiceAnswer;
import io.tickkeeper.node.client.ServiceClient;
import io.tickkeeper.node.client.ServiceClientListener;
import io.tickkeeper.protocol.sbe.BooleanType;
import io.tickkeeper.protocol.sbe.MessageHeaderDecoder;
import io.tickkeeper.protocol.sbe.MessageHeaderEncoder;
import io.tickkeeper.protocol.sbe.RiskAccountSessionEncoder;
import io.tickkeeper.protocol.sbe.RiskCancelRejectDecoder;
import io.tickkeeper.protocol.sbe.RiskExecutionReportDecoder;
import io.tickkeeper.runtime.IdleProfile;
import io.tickkeeper.runtime.transport.AeronTransport;
import io.tickkeeper.strategy.BotSpec;
import io.tickkeeper.strategy.config.StrategyParamWatcher;
import io.tickkeeper.strategy.service.StrategyInputEncoder;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.UnsafeBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One primary term of the strategy service: what runs from {@code onPrimary} to {@code onNotPrimary} and turns what
 * reaches the primary into the engine's sequenced inputs (client session 0): the two risk clients (orders and
 * account log-ons; their reports become StrategyExecution / StrategyCancelReject), the feed subscription
 * (StrategyMarketTick), a timer (StrategyTimer) and the parameter watcher (StrategyParams). Inputs come from several
 * threads; one lock guards the encoder. A publish refused because the node is no longer primary is dropped: the
 * term is about to be closed.
 */
final class StrategyTerm implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(StrategyTerm.class);

    private final StrategyService.Context context;
    private final long epoch;
    private final InputPublisher inputs;
    private final StrategyInputEncoder encoder = new StrategyInputEncoder();
    private final UnsafeBuffer input = new UnsafeBuffer(new byte[StrategyInputEncoder.MAX_LENGTH]);
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final RiskExecutionReportDecoder report = new RiskExecutionReportDecoder();
    private final RiskCancelRejectDecoder reject = new RiskCancelRejectDecoder();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final ServiceClient orders;
    private final ServiceClient accounts;

    private FeedSubscriber feed;
    private AgentRunner feedRunner;
    private ScheduledExecutorService timer;
    private StrategyParamWatcher parameters;

    StrategyTerm(final StrategyService.Context context, final long epoch, final InputPublisher inputs)
    {
        this.context = context;
        this.epoch = epoch;
        this.inputs = inputs;
        final String endpoint = context.host() + ':' + context.riskResponsePort();
        final ServiceClientListener reports = new ServiceClientListener()
        {
            @Override
            public void onAnswer(
                final ServiceAnswer answer, final DirectBuffer buffer, final int offset, final int length)
            {
                onRiskEvent(answer.templateId(), buffer, offset);
            }

            @Override
            public void onEvent(
                final int templateId, final long eventEpoch, final DirectBuffer buffer, final int offset,
                final int length)
            {
                onRiskEvent(templateId, buffer, offset);
            }
        };
        orders = new ServiceClient(clientContext("strategy-orders", StrategyService.ORDERS_SESSION, endpoint, reports));
        accounts = new ServiceClient(
            clientContext("strategy-accounts", StrategyService.ACCOUNTS_SESSION, endpoint, reports));
    }

    /** Starts the risk clients and logs the accounts on, then the feed, the timer and the parameter watcher. */
    void start()
    {
        orders.start();
        accounts.start();
        logAccountsOn();
        if (context.feedPort() > 0)
        {
            feed = FeedSubscriber.subscribe(context.aeron(), AeronTransport.udp(context.host(), context.feedPort()),
                this::onTick);
            feedRunner = new AgentRunner(IdleProfile.configured().newIdleStrategy(),
                ex -> LOG.warn("strategy feed: {}", ex.toString()), null, new FeedAgent(feed));
            AgentRunner.startOnThread(feedRunner);
        }
        timer = Executors.newSingleThreadScheduledExecutor(runnable ->
        {
            final Thread thread = new Thread(runnable, "strategy-timer");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(this::onTimer, context.timerIntervalMs(), context.timerIntervalMs(),
            TimeUnit.MILLISECONDS);
        parameters = new StrategyParamWatcher(context.curator(), this::onParameter);
        parameters.start();
    }

    /** @return the client the engine's commands go through. */
    ServiceClient orders()
    {
        return orders;
    }

    /** @return the client of the account log-ons. */
    ServiceClient accounts()
    {
        return accounts;
    }

    /** @return inputs sequenced in this term. */
    long published()
    {
        return published.get();
    }

    @Override
    public void close()
    {
        if (timer != null)
        {
            timer.shutdownNow();
        }
        CloseHelper.closeAll(parameters, feedRunner, feed, orders, accounts);
        LOG.info("strategy: term of epoch {} ended: {} inputs sequenced, {} refused", epoch, published.get(),
            refused.get());
    }

    private ServiceClient.Context clientContext(
        final String name, final long sessionId, final String endpoint, final ServiceClientListener listener)
    {
        return new ServiceClient.Context()
            .name(name)
            .curator(context.curator())
            .service(context.riskService())
            .shard(context.riskShard())
            .aeron(context.aeron())
            .responseEndpoint(endpoint)
            .sessionId(sessionId)
            .listener(listener);
    }

    private void logAccountsOn()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(
            new byte[MessageHeaderEncoder.ENCODED_LENGTH + RiskAccountSessionEncoder.BLOCK_LENGTH]);
        final RiskAccountSessionEncoder logOn = new RiskAccountSessionEncoder();
        int index = 0;
        for (final BotSpec bot : context.bots())
        {
            index++;
            logOn.wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder());
            logOn.frame().epoch(0).sequence(0).clientSessionId(StrategyService.ACCOUNTS_SESSION)
                .clientSequence((epoch << 16) + index).timestampNs(context.clock().nanoTime());
            logOn.accountId(bot.accountId()).connected(BooleanType.TRUE).cancelOnDisconnect(BooleanType.FALSE);
            accounts.send(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + logOn.encodedLength());
        }
    }

    private void onRiskEvent(final int templateId, final DirectBuffer buffer, final int offset)
    {
        synchronized (encoder)
        {
            final long nowNs = context.clock().nanoTime();
            if (templateId == RiskExecutionReportDecoder.TEMPLATE_ID)
            {
                report.wrapAndApplyHeader(buffer, offset, header);
                publish(encoder.execution(input, 0, nowNs, report));
            }
            else if (templateId == RiskCancelRejectDecoder.TEMPLATE_ID)
            {
                reject.wrapAndApplyHeader(buffer, offset, header);
                publish(encoder.cancelReject(input, 0, nowNs, reject));
            }
        }
    }

    private void onTick(
        final int instrumentId, final long price, final long sequence, final long token, final long timestampNs,
        final Regime regime)
    {
        synchronized (encoder)
        {
            publish(encoder.marketTick(input, 0, timestampNs, instrumentId, price, token, sequence,
                (short)regime.code()));
        }
    }

    private void onTimer()
    {
        synchronized (encoder)
        {
            publish(encoder.timer(input, 0, context.clock().nanoTime()));
        }
    }

    private void onParameter(final String bot, final String key, final String value)
    {
        synchronized (encoder)
        {
            final int length;
            try
            {
                length = encoder.parameter(input, 0, context.clock().nanoTime(), bot, key, value);
            }
            catch (final IllegalArgumentException ex)
            {
                LOG.warn("strategy: parameter {}/{} ignored: {}", bot, key, ex.getMessage());
                return;
            }
            publish(length);
        }
    }

    /** Under the encoder's lock. */
    private void publish(final int length)
    {
        try
        {
            inputs.publish(input, 0, length);
            published.incrementAndGet();
        }
        catch (final IllegalStateException | IllegalArgumentException ex)
        {
            refused.incrementAndGet();
        }
    }

    /** Polls the feed subscription. */
    private static final class FeedAgent implements Agent
    {
        private final FeedSubscriber feed;

        FeedAgent(final FeedSubscriber feed)
        {
            this.feed = feed;
        }

        @Override
        public int doWork()
        {
            return feed.poll();
        }

        @Override
        public String roleName()
        {
            return "strategy-feed";
        }
    }
}
