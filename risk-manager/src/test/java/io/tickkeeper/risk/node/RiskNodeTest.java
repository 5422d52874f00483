package io.tickkeeper.risk.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import io.aeron.ExclusivePublication;
import io.tickkeeper.coordinator.CoordinatorClients;
import io.tickkeeper.coordinator.Credentials;
import io.tickkeeper.coordinator.config.ConfigKeys;
import io.tickkeeper.coordinator.config.LiveConfig;
import io.tickkeeper.feed.FeedSubscriber;
import io.tickkeeper.matching.InstrumentSpec;
import io.tickkeeper.matching.node.MatchingService;
import io.tickkeeper.node.NodeConfig;
import io.tickkeeper.node.NodeState;
import io.tickkeeper.node.ReplicatedNode;
import io.tickkeeper.node.client.ServiceAnswer;
import io.tickkeeper.node.client.ServiceClient;
import io.tickkeeper.node.client.ServiceClientListener;
import io.tickkeeper.protocol.sbe.ExecType;
import io.tickkeeper.protocol.sbe.MessageHeaderDecoder;
import io.tickkeeper.protocol.sbe.MessageHeaderEncoder;
import io.tickkeeper.protocol.sbe.OrderType;
import io.tickkeeper.protocol.sbe.ReferencePriceTickEncoder;
import io.tickkeeper.protocol.sbe.RiskAccountSessionAckDecoder;
import io.tickkeeper.protocol.sbe.RiskExecutionReportDecoder;
import io.tickkeeper.protocol.sbe.Side;
import io.tickkeeper.risk.service.BuildDirTempDirFactory;
import io.tickkeeper.risk.service.RiskCommandEncoder;
import io.tickkeeper.runtime.transport.AeronTransport;
import io.tickkeeper.tradelog.TradeLogReader;
import io.tickkeeper.tradelog.TradeRecord;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A risk pair and a matching pair in this JVM on a real ZooKeeper server and real UDP (ports 22000..22160), a
 * client on the risk service and a feed publisher: crossing orders are answered PENDING_NEW, acknowledged NEW and
 * filled, their trades land in the trade log once; then, with the matching shard down, more orders are accepted by
 * the risk primary, which is closed: the standby takes over, its RiskPrimaryStarted sends the unanswered forwards
 * again, and once matching is back they are filled exactly once. The old primary comes back as a standby and ends
 * with the new primary's state hash.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class RiskNodeTest
{
    /** ZooKeeper's tick: sessions may last 2 to 20 ticks. */
    private static final int TICK_MS = 500;
    /** Generous sessions: the failover here is a graceful close, and a loaded machine must not expire them. */
    private static final int SESSION_TIMEOUT_MS = 8_000;
    private static final Credentials SERVICE = Credentials.parse("risk:node-test");
    private static final long PRICE = 10_000;
    private static final long QUANTITY = 10;
    private static final int BUYER = 1;
    private static final int SELLER = 2;
    private static final int PAIRS_BEFORE = 3;
    private static final int PAIRS_AFTER = 2;
    private static final int RESPONSE_PORT = 22_150;
    private static final int FEED_PORT_A = 22_140;
    private static final int FEED_PORT_B = 22_141;

    @TempDir(factory = BuildDirTempDirFactory.class)
    Path dir;

    private TestingServer server;
    private final List<CuratorFramework> curators = new ArrayList<>();
    private final List<AutoCloseable> closeLast = new ArrayList<>();
    private AeronTransport transport;
    private ScheduledExecutorService ticker;

    @BeforeEach
    void start() throws Exception
    {
        final Path base = Files.createDirectories(Path.of("target", "zk-tests"));
        server = new TestingServer(
            new InstanceSpec(Files.createTempDirectory(base, "zk").toFile(), -1, -1, -1, true, -1, TICK_MS, -1), true);
        transport = AeronTransport.launch("risk-node-test");
        ticker = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterEach
    void stop() throws Exception
    {
        ticker.shutdownNow();
        for (int i = closeLast.size() - 1; i >= 0; i--)
        {
            closeLast.get(i).close();
        }
        transport.close();
        for (final CuratorFramework curator : curators)
        {
            curator.close();
        }
        server.close();
    }

    @Test
    void shouldFillOrdersOnceAcrossARiskFailoverWithForwardsInFlight() throws Exception
    {
        ReplicatedNode matchingA = matchingNode("a", 22_001, 22_012);
        ReplicatedNode matchingB = matchingNode("b", 22_011, 22_002);
        matchingA.start();
        await("matching a primary", () -> matchingA.state() == NodeState.PRIMARY);
        matchingB.start();
        await("matching b standby", () -> matchingB.state() == NodeState.STANDBY);

        final RiskService serviceA = riskService("a", 22_120, FEED_PORT_A);
        final RiskService serviceB = riskService("b", 22_130, FEED_PORT_B);
        final CapturingService capturedA = new CapturingService(serviceA);
        final CapturingService capturedB = new CapturingService(serviceB);
        final ReplicatedNode riskA = riskNode("a", 22_101, 22_112, capturedA);
        final ReplicatedNode riskB = riskNode("b", 22_111, 22_102, capturedB);
        riskA.start();
        await("risk a primary", () -> riskA.state() == NodeState.PRIMARY);
        riskB.start();
        await("risk b standby", () -> riskB.state() == NodeState.STANDBY);
        startFeed();
        await("reference prices at risk a", () -> serviceA.referencePricesRelayed() >= 2);

        final Reports reports = new Reports();
        try (ServiceClient client = new ServiceClient(new ServiceClient.Context()
            .name("risk-test-client")
            .curator(curator())
            .service(RiskService.SERVICE)
            .shard("0")
            .aeron(transport.aeron())
            .responseEndpoint("127.0.0.1:" + RESPONSE_PORT)
            .listener(reports)))
        {
            client.start();
            final RiskCommandEncoder encoder = new RiskCommandEncoder();
            final UnsafeBuffer buffer = new UnsafeBuffer(new byte[RiskCommandEncoder.MAX_LENGTH]);
            for (final int account : new int[] {BUYER, SELLER})
            {
                client.submit(buffer, 0, encoder.accountSession(buffer, 0, 0, 0, 0, account, true, false));
            }
            await("two session acks", () -> reports.sessionAcks.size() == 2);

            sendPairs(client, encoder, buffer, 0, PAIRS_BEFORE);
            await("first fills", () -> reports.filled().size() == 2 * PAIRS_BEFORE);
            await("first trades in the log", () -> serviceA.tradesAppended() == PAIRS_BEFORE);
            assertThat(reports.execTypes("b0")).containsExactly(ExecType.PENDING_NEW, ExecType.NEW, ExecType.FILL);

            matchingB.close();
            matchingA.close();
            sendPairs(client, encoder, buffer, PAIRS_BEFORE, PAIRS_AFTER);
            await("pending answers", () -> reports.answers.size() == 2 + 2 * (PAIRS_BEFORE + PAIRS_AFTER));
            assertThat(reports.execTypes("b" + PAIRS_BEFORE)).containsExactly(ExecType.PENDING_NEW);

            riskA.close();
            await("risk b primary", () -> riskB.state() == NodeState.PRIMARY);
            final ReplicatedNode matchingA2 = matchingNode("a", 22_001, 22_012);
            final ReplicatedNode matchingB2 = matchingNode("b", 22_011, 22_002);
            matchingA2.start();
            matchingB2.start();
            await("every order filled", () -> reports.filled().size() == 2 * (PAIRS_BEFORE + PAIRS_AFTER));
            await("later trades in the log", () -> serviceB.tradesAppended() == PAIRS_AFTER);

            final RiskService serviceA2 = riskService("a", 22_120, FEED_PORT_A);
            final CapturingService capturedA2 = new CapturingService(serviceA2);
            final ReplicatedNode riskA2 = riskNode("a", 22_101, 22_112, capturedA2);
            riskA2.start();
            await("risk a back as standby", () -> riskA2.state() == NodeState.STANDBY);
            ticker.shutdownNow();
            await("standby caught up", () -> capturedA2.last().outputSequence()
                == capturedB.last().outputSequence());
            Thread.sleep(300);
            await("standby still caught up", () -> capturedA2.last().outputSequence()
                == capturedB.last().outputSequence());

            for (int pair = 0; pair < PAIRS_BEFORE + PAIRS_AFTER; pair++)
            {
                for (final String side : new String[] {"b", "s"})
                {
                    assertThat(reports.execTypes(side + pair)).as(side + pair)
                        .containsExactly(ExecType.PENDING_NEW, ExecType.NEW, ExecType.FILL);
                }
            }
            assertThat(reports.filledQuantity(BUYER)).isEqualTo(QUANTITY * (PAIRS_BEFORE + PAIRS_AFTER));
            assertThat(reports.filledQuantity(SELLER)).isEqualTo(QUANTITY * (PAIRS_BEFORE + PAIRS_AFTER));

            riskA2.close();
            riskB.close();
            assertThat(capturedA2.last().stateHash()).isEqualTo(capturedB.last().stateHash());
            assertThat(serviceB.forwardsSent()).isGreaterThanOrEqualTo(2 * PAIRS_AFTER);
        }

        final List<TradeRecord> trades = readTradeLog();
        assertThat(trades).hasSize(PAIRS_BEFORE + PAIRS_AFTER);
        final Set<Long> tradeIds = new HashSet<>();
        for (final TradeRecord trade : trades)
        {
            assertThat(tradeIds.add(trade.tradeId())).as("trade " + trade.tradeId() + " once").isTrue();
            assertThat(trade.quantity()).isEqualTo(QUANTITY);
            assertThat(trade.buyAccountId()).isEqualTo(BUYER);
            assertThat(trade.sellAccountId()).isEqualTo(SELLER);
        }
    }

    private void sendPairs(
        final ServiceClient client, final RiskCommandEncoder encoder, final UnsafeBuffer buffer, final int from,
        final int count)
    {
        for (int pair = from; pair < from + count; pair++)
        {
            client.submit(buffer, 0, encoder.newOrder(buffer, 0, 0, 0, 0, 1, BUYER, "b" + pair, Side.BUY,
                OrderType.LIMIT_GTC, PRICE, QUANTITY));
            client.submit(buffer, 0, encoder.newOrder(buffer, 0, 0, 0, 0, 1, SELLER, "s" + pair, Side.SELL,
                OrderType.LIMIT_GTC, PRICE, QUANTITY));
        }
    }

    /** Ticks for instruments 1 and 2 every 50 ms, to both risk nodes' feed ports, token 1, sequence from 1. */
    private void startFeed()
    {
        final ExclusivePublication toA =
            transport.aeron().addExclusivePublication(AeronTransport.udp("127.0.0.1", FEED_PORT_A),
                FeedSubscriber.STREAM_ID);
        final ExclusivePublication toB =
            transport.aeron().addExclusivePublication(AeronTransport.udp("127.0.0.1", FEED_PORT_B),
                FeedSubscriber.STREAM_ID);
        closeLast.add(toA);
        closeLast.add(toB);
        final UnsafeBuffer tick = new UnsafeBuffer(new byte[64]);
        final AtomicLong sequence = new AtomicLong();
        ticker.scheduleAtFixedRate(() ->
        {
            for (int instrument = 1; instrument <= 2; instrument++)
            {
                final ReferencePriceTickEncoder encoder =
                    new ReferencePriceTickEncoder().wrapAndApplyHeader(tick, 0, new MessageHeaderEncoder());
                encoder.feedToken(1).sequence(sequence.incrementAndGet()).timestampNs(System.nanoTime())
                    .price(PRICE).instrumentId(instrument).regime((short)0);
                final int length = MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength();
                toA.offer(tick, 0, length);
                toB.offer(tick, 0, length);
            }
        }, 0, 50, TimeUnit.MILLISECONDS);
    }

    private List<TradeRecord> readTradeLog()
    {
        final List<TradeRecord> trades = new ArrayList<>();
        try (TradeLogReader reader = TradeLogReader.open(dir.resolve("trade-log")))
        {
            TradeRecord record = new TradeRecord();
            while (reader.next(record))
            {
                trades.add(record);
                record = new TradeRecord();
            }
        }
        return trades;
    }

    private ReplicatedNode matchingNode(final String node, final int clientPort, final int peerReplicationPort)
        throws InterruptedException
    {
        final InstrumentSpec[] instruments = {
            new InstrumentSpec(1, 1, 1, 1, 1_000_000, 10_000, PRICE),
            new InstrumentSpec(2, 1, 1, 1, 1_000_000, 10_000, PRICE)};
        final ReplicatedNode replicated = new ReplicatedNode(new NodeConfig(MatchingService.SERVICE, "0", node,
            "127.0.0.1", clientPort, clientPort + 1, "127.0.0.1", peerReplicationPort,
            dir.resolve("matching").resolve(node), SESSION_TIMEOUT_MS, false), new MatchingService(instruments), curator());
        closeLast.add(replicated);
        return replicated;
    }

    private RiskService riskService(final String node, final int matchingResponsePort, final int feedPort)
        throws Exception
    {
        final CuratorFramework curator = curator();
        final LiveConfig liveConfig = new LiveConfig(curator, ConfigKeys.registry());
        closeLast.add(liveConfig);
        final RiskService service = new RiskService(new RiskService.Context()
            .node(node)
            .curator(curator)
            .aeron(transport.aeron())
            .liveConfig(liveConfig)
            .shards(MatchingShards.parse("0=1,2"))
            .host("127.0.0.1")
            .matchingResponsePort(matchingResponsePort)
            .feedPort(feedPort)
            .tradeLogDirectory(dir.resolve("trade-log")));
        closeLast.add(service);
        liveConfig.start();
        return service;
    }

    private ReplicatedNode riskNode(
        final String node, final int clientPort, final int peerReplicationPort, final CapturingService service)
        throws InterruptedException
    {
        final ReplicatedNode replicated = new ReplicatedNode(new NodeConfig(RiskService.SERVICE, "0", node,
            "127.0.0.1", clientPort, clientPort + 1, "127.0.0.1", peerReplicationPort,
            dir.resolve("risk").resolve(node), SESSION_TIMEOUT_MS, false), service, curator());
        closeLast.add(replicated);
        return replicated;
    }

    private static void await(final String what, final BooleanSupplier condition)
        throws InterruptedException
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean())
        {
            assertThat(System.nanoTime() - deadlineNs).as("waiting for " + what).isNegative();
            Thread.sleep(10);
        }
    }

    private CuratorFramework curator() throws InterruptedException
    {
        final CuratorFramework curator = CoordinatorClients.newClient(server.getConnectString(), SESSION_TIMEOUT_MS,
            Optional.of(SERVICE));
        curator.start();
        assertThat(curator.blockUntilConnected(10, TimeUnit.SECONDS)).isTrue();
        curators.add(curator);
        return curator;
    }

    /** What the client's session receives: answers, execution reports by ClOrdID, session acks. */
    private static final class Reports implements ServiceClientListener
    {
        final List<ServiceAnswer> answers = new CopyOnWriteArrayList<>();
        final List<Integer> sessionAcks = new CopyOnWriteArrayList<>();
        final Map<String, List<ExecType>> byClOrdId = new ConcurrentHashMap<>();
        final Map<Integer, AtomicLong> filledByAccount = new ConcurrentHashMap<>();
        final Set<String> filled = ConcurrentHashMap.newKeySet();
        private final MessageHeaderDecoder header = new MessageHeaderDecoder();
        private final RiskExecutionReportDecoder report = new RiskExecutionReportDecoder();
        private final RiskAccountSessionAckDecoder ack = new RiskAccountSessionAckDecoder();

        @Override
        public void onAnswer(final ServiceAnswer answer, final DirectBuffer buffer, final int offset, final int length)
        {
            answers.add(answer);
            onEvent(answer.templateId(), answer.epoch(), buffer, offset, length);
        }

        @Override
        public void onEvent(
            final int templateId, final long epoch, final DirectBuffer buffer, final int offset, final int length)
        {
            if (templateId == RiskAccountSessionAckDecoder.TEMPLATE_ID)
            {
                sessionAcks.add(ack.wrapAndApplyHeader(buffer, offset, header).accountId());
            }
            else if (templateId == RiskExecutionReportDecoder.TEMPLATE_ID)
            {
                report.wrapAndApplyHeader(buffer, offset, header);
                final String clOrdId = report.clOrdId();
                byClOrdId.computeIfAbsent(clOrdId, id -> new CopyOnWriteArrayList<>()).add(report.execType());
                if (report.execType() == ExecType.FILL || report.execType() == ExecType.PARTIAL_FILL)
                {
                    filledByAccount.computeIfAbsent(report.accountId(), id -> new AtomicLong())
                        .addAndGet(report.lastQuantity());
                }
                if (report.execType() == ExecType.FILL)
                {
                    filled.add(clOrdId);
                }
            }
        }

        Set<String> filled()
        {
            return filled;
        }

        List<ExecType> execTypes(final String clOrdId)
        {
            return byClOrdId.getOrDefault(clOrdId, List.of());
        }

        long filledQuantity(final int account)
        {
            final AtomicLong quantity = filledByAccount.get(account);
            return quantity == null ? 0 : quantity.get();
        }
    }
}
