package io.tickkeeper.strategy.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import io.aeron.Publication;
import io.tickkeeper.coordinator.CoordinatorClients;
import io.tickkeeper.coordinator.Credentials;
import io.tickkeeper.feed.FeedSubscriber;
import io.tickkeeper.node.NodeConfig;
import io.tickkeeper.node.NodeState;
import io.tickkeeper.node.ReplicatedNode;
import io.tickkeeper.protocol.sbe.MessageHeaderEncoder;
import io.tickkeeper.protocol.sbe.ReferencePriceTickEncoder;
import io.tickkeeper.runtime.transport.AeronTransport;
import io.tickkeeper.strategy.BotSpec;
import io.tickkeeper.strategy.StrategyLoader;
import org.agrona.concurrent.UnsafeBuffer;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A strategy pair in-process (two {@link ReplicatedNode}s running {@link StrategyService}) with a real ZooKeeper
 * ({@link TestingServer}), real Aeron, feed ticks sent to both nodes' feed ports, and the risk manager played by
 * {@link RiskDouble} (the risk manager's node did not exist yet when this test was written): ticks reach the bots,
 * orders go out, closing the primary hands over to the standby, which logs the accounts on again and goes on
 * trading without sending any order twice; a restarted node catches up as standby and both end in the same state.
 * The bots are the tick-driven market maker and momentum taker, and the timer is slow, so once the ticks stop the
 * inputs stop and the two nodes can be compared.
 */
class StrategyNodeTest
{
    private static final Credentials SERVICE = Credentials.parse("strategy:node-test");
    private static final long WAIT_MS = 60_000;
    private static final String RISK_ENDPOINT = "127.0.0.1:25100";
    private static final List<BotSpec> BOTS = List.of(
        new BotSpec("mm1", "io.tickkeeper.strategy.bots.MarketMaker", null, 9001, 1,
            Map.of("instrument", "1", "spread", "10", "requoteThreshold", "1")),
        new BotSpec("mom1", "io.tickkeeper.strategy.bots.MomentumTaker", null, 9002, 2,
            Map.of("instrument", "1", "fast", "2", "slow", "4", "orderType", "IOC")));

    private TestingServer server;
    private CuratorFramework clientA;
    private CuratorFramework clientB;
    private AeronTransport transport;
    private Path dir;

    @BeforeEach
    void start() throws Exception
    {
        final Path base = Files.createDirectories(Path.of("target", "zk-tests"));
        dir = Files.createTempDirectory(base, "strategy-node");
        server = new TestingServer(
            new InstanceSpec(Files.createTempDirectory(base, "zk").toFile(), -1, -1, -1, true, -1, 200, -1), true);
        clientA = client();
        clientB = client();
        transport = AeronTransport.launch("strategy-node-test");
    }

    @AfterEach
    void stop() throws Exception
    {
        transport.close();
        clientA.close();
        clientB.close();
        server.close();
    }

    @Test
    void shouldTradeOnTicksHandOverWithoutSendingTwiceAndEndInTheSameStateOnBothNodes() throws Exception
    {
        final AtomicBoolean ticking = new AtomicBoolean(true);
        final Thread feed = new Thread(() -> sendTicks(ticking), "test-feed");
        try (RiskDouble risk = new RiskDouble(transport.aeron(), clientA, RISK_ENDPOINT))
        {
            final StrategyService serviceA = service(clientA, 25_112, 25_113);
            final StrategyService serviceB = service(clientB, 25_122, 25_123);
            final ReplicatedNode a = new ReplicatedNode(config("a", 25_110, 25_121), serviceA, clientA);
            final ReplicatedNode b = new ReplicatedNode(config("b", 25_120, 25_111), serviceB, clientB);
            ReplicatedNode restartedA = null;
            try
            {
                a.start();
                await("a primary", () -> a.state() == NodeState.PRIMARY);
                b.start();
                await("b standby", () -> b.state() == NodeState.STANDBY);
                feed.start();
                await("orders from a", () -> risk.newOrders.size() >= 10);
                assertThat(risk.logOns).extracting(RiskDouble.LogOn::accountId).containsExactly(9001, 9002);
                assertThat(risk.logOns).allMatch(logOn -> logOn.sessionId() == StrategyService.ACCOUNTS_SESSION);

                final int beforeHandOver = risk.newOrders.size();
                a.close();
                await("b primary", () -> b.state() == NodeState.PRIMARY);
                await("accounts logged on again by b", () -> risk.logOns.size() == 4);
                await("orders from b", () -> risk.newOrders.size() >= beforeHandOver + 10);
                assertThat(risk.logOns.get(2).clientSequence()).isGreaterThan(risk.logOns.get(1).clientSequence());

                final StrategyService standbyService = service(clientA, 25_112, 25_113);
                restartedA = new ReplicatedNode(config("a", 25_110, 25_121), standbyService, clientA);
                restartedA.start();
                final ReplicatedNode standby = restartedA;
                await("a standby again", () -> standby.state() == NodeState.STANDBY);
                ticking.set(false);
                feed.join();
                await("standby caught up and quiet", () -> quiet(serviceB, standbyService));

                restartedA.close();
                b.close();
                assertThat(standbyService.pipeline().stateHash()).isEqualTo(serviceB.pipeline().stateHash());
                assertThat(serviceB.pipeline().engine().commandSequence()).isPositive();
            }
            finally
            {
                ticking.set(false);
                if (restartedA != null)
                {
                    restartedA.close();
                }
                b.close();
                a.close();
            }
            assertThat(new HashSet<>(risk.newOrders)).hasSameSizeAs(risk.newOrders);
            assertThat(new HashSet<>(risk.orderSequences)).hasSameSizeAs(risk.orderSequences);
            assertThat(serviceB.commandsDropped()).isZero();
        }
    }

    private boolean quiet(final StrategyService primary, final StrategyService standby)
    {
        final long primaryOut = primary.pipeline().outputSequence();
        if (standby.pipeline() == null || standby.pipeline().outputSequence() != primaryOut)
        {
            return false;
        }
        try
        {
            Thread.sleep(300);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return false;
        }
        return primary.pipeline().outputSequence() == primaryOut && standby.pipeline().outputSequence() == primaryOut;
    }

    private StrategyService service(final CuratorFramework curator, final int riskResponsePort, final int feedPort)
    {
        final StrategyLoader loader = new StrategyLoader();
        final StrategyService service = new StrategyService(new StrategyService.Context()
            .bots(BOTS)
            .factory(loader::load)
            .curator(curator)
            .aeron(transport.aeron())
            .riskResponsePort(riskResponsePort)
            .feedPort(feedPort)
            .timerIntervalMs(TimeUnit.HOURS.toMillis(1)));
        return service;
    }

    /** Sends a random walk of instrument 1 to both nodes' feed ports every 10 ms, like the market feed. */
    private void sendTicks(final AtomicBoolean ticking)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
        final ReferencePriceTickEncoder tick = new ReferencePriceTickEncoder();
        try (Publication toA = transport.aeron().addPublication(AeronTransport.udp("127.0.0.1", 25_113),
                FeedSubscriber.STREAM_ID);
            Publication toB = transport.aeron().addPublication(AeronTransport.udp("127.0.0.1", 25_123),
                FeedSubscriber.STREAM_ID))
        {
            long price = 10_000;
            long sequence = 0;
            long state = 42;
            while (ticking.get())
            {
                state = state * 6364136223846793005L + 1442695040888963407L;
                price += (state >>> 62) - 1;
                sequence++;
                tick.wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
                    .feedToken(1).sequence(sequence).timestampNs(sequence * 10_000_000L).price(price)
                    .instrumentId(1).regime((short)1);
                final int length = MessageHeaderEncoder.ENCODED_LENGTH + tick.encodedLength();
                toA.offer(buffer, 0, length);
                toB.offer(buffer, 0, length);
                Thread.sleep(10);
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    private NodeConfig config(final String node, final int clientPort, final int peerReplicationPort)
    {
        return new NodeConfig(StrategyService.SERVICE, "0", node, "127.0.0.1", clientPort, clientPort + 1,
            "127.0.0.1", peerReplicationPort, dir.resolve(node), 3_000, false);
    }

    private CuratorFramework client() throws InterruptedException
    {
        final CuratorFramework client = CoordinatorClients.newClient(server.getConnectString(), 3_000,
            Optional.of(SERVICE));
        client.start();
        assertThat(client.blockUntilConnected(10, TimeUnit.SECONDS)).isTrue();
        return client;
    }

    private static void await(final String what, final BooleanSupplier condition) throws InterruptedException
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
        while (!condition.getAsBoolean())
        {
            assertThat(System.nanoTime() - deadlineNs).as("waiting for " + what).isNegative();
            Thread.sleep(20);
        }
    }
}
