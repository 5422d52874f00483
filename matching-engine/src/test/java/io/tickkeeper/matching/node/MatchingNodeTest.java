package io.tickkeeper.matching.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.tickkeeper.coordinator.CoordinatorClients;
import io.tickkeeper.coordinator.Credentials;
import io.tickkeeper.coordinator.ZkPaths;
import io.tickkeeper.coordinator.election.Epochs;
import io.tickkeeper.coordinator.election.PrimaryInfo;
import io.tickkeeper.coordinator.membership.MemberInfo;
import io.tickkeeper.matching.service.BuildDirTempDirFactory;
import io.tickkeeper.node.InSyncSet;
import io.tickkeeper.node.NodeConfig;
import io.tickkeeper.node.NodeState;
import io.tickkeeper.node.ReplicatedNode;

/**
 * Two nodes of one shard in this JVM, on a real ZooKeeper server and real UDP (ports 25900..25923): the state
 * machine, the in-sync gate and the graceful hand-over. Failover by SIGKILL is the drill's job (DrillSystemTest).
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class MatchingNodeTest
{
    private static final MatchingService MATCHING = new MatchingService(Instruments.parse(Instruments.DEFAULT));
    private static final Credentials SERVICE = Credentials.parse("matching:node-test");
    private static final long WAIT_MS = 30_000;

    @TempDir(factory = BuildDirTempDirFactory.class)
    Path dir;

    private TestingServer server;
    private CuratorFramework clientA;
    private CuratorFramework clientB;

    @BeforeEach
    void startZooKeeper() throws Exception
    {
        final Path base = Files.createDirectories(Path.of("target", "zk-tests"));
        server = new TestingServer(
            new InstanceSpec(Files.createTempDirectory(base, "zk").toFile(), -1, -1, -1, true, -1, 200, -1), true);
        clientA = client();
        clientB = client();
    }

    @AfterEach
    void stopZooKeeper() throws Exception
    {
        clientA.close();
        clientB.close();
        server.close();
    }

    @Test
    void shouldBootstrapAnEmptyShardThenTakeTheSecondNodeInSyncAndHandOverAtOnceOnClose() throws Exception
    {
        final ReplicatedNode a = new ReplicatedNode(config("a", 25_900, 25_911), MATCHING, clientA);
        final ReplicatedNode b = new ReplicatedNode(config("b", 25_910, 25_901), MATCHING, clientB);
        try (a; b)
        {
            a.start();
            await("a primary", () -> a.state() == NodeState.PRIMARY);
            assertThat(primary().node()).isEqualTo("a");
            assertThat(primary().endpoint()).isEqualTo("127.0.0.1:25900");
            assertThat(primary().epoch()).isEqualTo(1);

            b.start();
            await("b standby", () -> b.state() == NodeState.STANDBY);
            assertThat(new InSyncSet(clientA, MatchingService.SERVICE, "0").read()).containsExactlyInAnyOrder("a", "b");
            await("b's member znode shows standby", () -> "standby".equals(roleOf("b")));

            final long closeNs = System.nanoTime();
            a.close();
            await("b primary", () -> b.state() == NodeState.PRIMARY);
            final long handOverMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closeNs);

            assertThat(a.state()).isEqualTo(NodeState.CLOSED);
            assertThat(primary().node()).isEqualTo("b");
            assertThat(primary().epoch()).isEqualTo(2);
            assertThat(Epochs.decode(clientB.getData().forPath(ZkPaths.epoch(MatchingService.SERVICE, "0")))).isEqualTo(2);
            assertThat(new InSyncSet(clientB, MatchingService.SERVICE, "0").read()).containsExactly("b");
            assertThat(handOverMs).as("a graceful hand-over does not wait for a session to expire").isLessThan(5_000);
        }
    }

    @Test
    void shouldNotCampaignWhileTheInSyncSetDoesNotListTheNode() throws Exception
    {
        final InSyncSet inSync = new InSyncSet(clientA, MatchingService.SERVICE, "0");
        assertThat(inSync.replace(Set.of("a"), 1)).isTrue();
        final ReplicatedNode b = new ReplicatedNode(config("b", 25_920, 25_921), MATCHING, clientB);
        try (b)
        {
            b.start();
            await("b replayed", () -> b.state() == NodeState.CATCHING_UP);
            Thread.sleep(1_000);

            assertThat(b.state()).isEqualTo(NodeState.CATCHING_UP);
            assertThat(clientA.checkExists().forPath(ZkPaths.primary(MatchingService.SERVICE, "0"))).isNull();
            assertThat(clientA.checkExists().forPath(ZkPaths.election(MatchingService.SERVICE, "0"))).isNull();
            assertThat(member("b").role()).isEqualTo("catching-up");
        }
    }

    private NodeConfig config(final String node, final int clientPort, final int peerReplicationPort)
    {
        return new NodeConfig(MatchingService.SERVICE, "0", node, "127.0.0.1", clientPort, clientPort + 1, "127.0.0.1",
            peerReplicationPort, dir.resolve(node), 3_000, false);
    }

    private CuratorFramework client() throws InterruptedException
    {
        final CuratorFramework client = CoordinatorClients.newClient(server.getConnectString(), 3_000,
            Optional.of(SERVICE));
        client.start();
        assertThat(client.blockUntilConnected(10, TimeUnit.SECONDS)).isTrue();
        return client;
    }

    private PrimaryInfo primary() throws Exception
    {
        return PrimaryInfo.fromJson(clientA.getData().forPath(ZkPaths.primary(MatchingService.SERVICE, "0")));
    }

    private MemberInfo member(final String node) throws Exception
    {
        return MemberInfo.fromJson(clientA.getData().forPath(ZkPaths.members(MatchingService.SERVICE, "0") + '/' + node));
    }

    /** @return the role a node's member znode shows, or "none" while it cannot be read. */
    private String roleOf(final String node)
    {
        try
        {
            return member(node).role();
        }
        catch (final Exception ex)
        {
            return "none";
        }
    }

    private static void await(final String what, final BooleanSupplier condition) throws InterruptedException
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
        while (!condition.getAsBoolean())
        {
            assertThat(System.nanoTime() - deadlineNs).as("waiting for " + what).isNegative();
            Thread.sleep(10);
        }
    }
}
