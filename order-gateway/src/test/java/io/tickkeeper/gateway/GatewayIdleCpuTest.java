package io.tickkeeper.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.tickkeeper.coordinator.CoordinatorClients;
import io.tickkeeper.node.client.ServiceClient;
import io.tickkeeper.runtime.transport.AeronTransport;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A running gateway wired as {@link OrderGatewayMain} wires it (a real ZooKeeper, Aeron, the ServiceClient of the
 * risk service, which has no primary here) with a logged-on FIX session costs next to nothing while idle.
 */
@Timeout(60)
final class GatewayIdleCpuTest
{
    private static final long WINDOW_NS = TimeUnit.SECONDS.toNanos(2);

    @TempDir
    Path dataDir;

    @Test
    void shouldIdleTheGatewayThreadsBelowFivePercentOfACore() throws Exception
    {
        try (TestingServer zookeeper = new TestingServer(true);
            CuratorFramework curator =
                CoordinatorClients.newClient(zookeeper.getConnectString(), 5_000, Optional.empty());
            AeronTransport transport = AeronTransport.launch("gateway-idle-test"))
        {
            curator.start();
            final ServiceRiskChannel channel = new ServiceRiskChannel(new ServiceClient.Context()
                .name("gw-idle")
                .curator(curator)
                .service("risk")
                .shard("idle")
                .aeron(transport.aeron())
                .responseEndpoint("127.0.0.1:24501"));
            final FixGatewayApplication application = new FixGatewayApplication(GatewayAccounts.defaults(),
                Symbols.firstN(8), channel, new SystemEpochNanoClock(), "G-idle");
            final int port = 24_502;
            try (channel;
                FixGateway gateway = new FixGateway(application, "127.0.0.1", port, "TICKKEEPER", dataDir))
            {
                gateway.start();
                try (FixTestClient alpha = new FixTestClient("IDLE1", port, "alpha", "alpha-demo"))
                {
                    assertTrue(alpha.awaitLoggedOn(5_000));
                    final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                    while (channel.client().unacknowledged() == 0 && System.nanoTime() < deadline)
                    {
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
                    }
                    assertEquals(1, channel.client().unacknowledged(), "the logon waits for a risk primary");
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(300));
                    final double percent = gatewayCpuPercent();
                    System.out.printf("gateway threads idle: %.2f%% of a core over %d ms%n", percent,
                        TimeUnit.NANOSECONDS.toMillis(WINDOW_NS));
                    assertTrue(percent < 5.0, "idle gateway threads used " + percent + "% of a core");
                }
            }
        }
    }

    private static double gatewayCpuPercent()
    {
        final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        final Map<Long, Long> before = new HashMap<>();
        for (final Thread thread : Thread.getAllStackTraces().keySet())
        {
            if (isGatewayThread(thread.getName()))
            {
                before.put(thread.getId(), threads.getThreadCpuTime(thread.getId()));
            }
        }
        assertTrue(before.size() >= 3, "gateway threads found: " + before.size());
        final long wallBefore = System.nanoTime();
        LockSupport.parkNanos(WINDOW_NS);
        long cpu = 0;
        for (final Map.Entry<Long, Long> entry : before.entrySet())
        {
            final long now = threads.getThreadCpuTime(entry.getKey());
            if (now >= 0)
            {
                cpu += now - entry.getValue();
            }
        }
        return 100.0 * cpu / (System.nanoTime() - wallBefore);
    }

    private static boolean isGatewayThread(final String name)
    {
        return name.startsWith("QFJ") || name.startsWith("NioProcessor") || name.startsWith("gw-idle");
    }
}
