package io.tickkeeper.matching.client;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.tickkeeper.coordinator.CoordinatorClients;
import io.tickkeeper.coordinator.ZkPaths;
import io.tickkeeper.coordinator.election.PrimaryInfo;
import io.tickkeeper.matching.OrderType;
import io.tickkeeper.matching.Side;
import io.tickkeeper.matching.StpMode;
import io.tickkeeper.matching.service.BuildDirTempDirFactory;
import io.tickkeeper.runtime.transport.AeronTransport;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.TestingServer;
import org.apache.zookeeper.CreateMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** An idle ingress thread and an idle client thread back off to a park: they cost next to nothing. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EdgeIdleCpuTest
{
    private static final long WINDOW_NS = TimeUnit.SECONDS.toNanos(2);

    @TempDir(factory = BuildDirTempDirFactory.class)
    Path dir;

    @Test
    void shouldIdleTheIngressAndClientThreadsBelowFivePercentOfACore() throws Exception
    {
        try (TestingServer zookeeper = new TestingServer(true);
            CuratorFramework curator =
                CoordinatorClients.newClient(zookeeper.getConnectString(), 5_000, Optional.empty());
            AeronTransport transport = AeronTransport.launch("client-idle-test"))
        {
            curator.start();
            final EdgeHarness node = new EdgeHarness("node-i", transport.aeron(), 24_621, 1, dir);
            try (node)
            {
                node.start();
                node.role.becomePrimary(1);
                curator.create().creatingParentsIfNeeded().withMode(CreateMode.EPHEMERAL).forPath(
                    ZkPaths.primary("matching", "idle"), new PrimaryInfo("node-i", node.endpoint, 1).toJson());
                try (MatchingClient client = new MatchingClient(new MatchingClient.Context()
                    .name("idle-client")
                    .curator(curator)
                    .shard("idle")
                    .aeron(transport.aeron())
                    .responseEndpoint("127.0.0.1:24622")))
                {
                    client.start();
                    client.submitNewOrder(1, 1, 1, Side.BUY, OrderType.LIMIT_GTC, 10_000, 10, StpMode.DEFAULT);
                    EdgeHarness.await("answered", () -> client.acknowledgements().size() == 1);
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));

                    final double ingress = cpuPercent("node-i-ingress");
                    final double clientThread = cpuPercent("idle-client-client");
                    System.out.printf("idle CPU over %d ms: ingress %.2f%%, client %.2f%% of a core%n",
                        TimeUnit.NANOSECONDS.toMillis(WINDOW_NS), ingress, clientThread);
                    assertThat(ingress).isLessThan(5.0);
                    assertThat(clientThread).isLessThan(5.0);
                }
            }
        }
    }

    private static double cpuPercent(final String threadName)
    {
        final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        final Thread thread = Thread.getAllStackTraces().keySet().stream()
            .filter(candidate -> candidate.getName().equals(threadName))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no thread named " + threadName));
        final long cpuBefore = threads.getThreadCpuTime(thread.getId());
        final long wallBefore = System.nanoTime();
        LockSupport.parkNanos(WINDOW_NS);
        final long cpu = threads.getThreadCpuTime(thread.getId()) - cpuBefore;
        return 100.0 * cpu / (System.nanoTime() - wallBefore);
    }
}
