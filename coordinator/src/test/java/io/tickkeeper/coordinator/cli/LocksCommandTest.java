package io.tickkeeper.coordinator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.tickkeeper.coordinator.config.ZooKeeperTestServer;
import io.tickkeeper.coordinator.lock.FencedLock;
import picocli.CommandLine;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LocksCommandTest
{
    private ZooKeeperTestServer zk;

    @BeforeEach
    void startZooKeeper() throws Exception
    {
        zk = ZooKeeperTestServer.start();
    }

    @AfterEach
    void stopZooKeeper() throws Exception
    {
        zk.close();
    }

    @Test
    void shouldListEachLockWithHolderSessionQueueAndToken() throws Exception
    {
        final CuratorFramework client = zk.operator();
        try (FencedLock feed = new FencedLock(client, "market-feed", "feed-1", (name, token, reason) -> { });
            FencedLock tradeLog = new FencedLock(zk.operator(), "trade-log", "writer-1", (name, token, reason) -> { }))
        {
            feed.start();
            tradeLog.start();
            feed.acquire(10_000L).orElseThrow();
            tradeLog.acquire(10_000L).orElseThrow();
            tradeLog.release();
            tradeLog.acquire(10_000L).orElseThrow();
            tradeLog.release();
            final StringWriter out = new StringWriter();
            final CommandLine commandLine = TickCtl.commandLine();
            commandLine.setOut(new PrintWriter(out, true));

            assertThat(commandLine.execute("--zk", zk.connectString(), "locks")).isZero();

            final String session = "0x" + Long.toHexString(client.getZookeeperClient().getZooKeeper().getSessionId());
            assertThat(out.toString().split(System.lineSeparator())).containsExactly(
                String.format("%-11s  %-6s  %-" + session.length() + "s  %s  %s", "LOCK", "HOLDER", "SESSION",
                    "WAITING", "TOKEN"),
                String.format("%-11s  %-6s  %s  %-7s  %s", "market-feed", "feed-1", session, "0", "1"),
                String.format("%-11s  %-6s  %-" + session.length() + "s  %-7s  %s", "trade-log", "-", "-", "0", "2"));
        }
    }
}
