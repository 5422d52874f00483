package io.tickkeeper.coordinator.zk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Three real ZooKeeper servers, each run by its own {@link ForegroundServer} on its own loopback address
 * (127.0.0.1, 127.0.0.2, 127.0.0.3: the way three containers each run one), form a quorum that the launcher's
 * status reads and a client writes to; closing a server makes its {@code run()} return.
 */
@Tag("system")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ForegroundServerSystemTest
{
    private static final int PORT_BASE = 22670;
    private static final List<String> HOSTS = List.of("127.0.0.1", "127.0.0.2", "127.0.0.3");

    private final List<ForegroundServer> servers = new ArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopServers() throws InterruptedException
    {
        servers.forEach(ForegroundServer::close);
        threads.shutdown();
        assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void shouldFormAQuorumOfServersOnDistinctHostsAndStopWhenClosed() throws Exception
    {
        final Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "coord-a-tests")), "fg");
        final EnsembleConfig config = EnsembleConfig.builder(dir).hosts(HOSTS).portBase(PORT_BASE)
            .minSessionTimeoutMs(400).maxSessionTimeoutMs(4_000).forceSync(false).build();
        final List<Future<Boolean>> runs = new ArrayList<>();
        for (int id = 1; id <= 3; id++)
        {
            final ForegroundServer server = new ForegroundServer(config, id);
            servers.add(server);
            runs.add(threads.submit(server::run));
        }
        final EnsembleLauncher launcher = new EnsembleLauncher(config);
        // awaitQuorum gives up when no server has written its pid file yet: wait for the threads to get there.
        Await.until(() -> Files.exists(config.serverDir(3).resolve("zk.pid")), 30_000, "server 3's pid file");

        assertThat(launcher.awaitQuorum(90_000)).isTrue();
        assertThat(launcher.status()).extracting(ServerStatus::mode)
            .containsOnly(ServerMode.LEADER, ServerMode.FOLLOWER);
        assertThat(Files.readString(config.serverDir(2).resolve("zk.pid"), StandardCharsets.US_ASCII).trim())
            .isEqualTo(Long.toString(ProcessHandle.current().pid()));
        assertThat(Files.readAllLines(config.serverDir(3).resolve("zoo.cfg")))
            .contains("clientPortAddress=127.0.0.3", "server.2=127.0.0.2:22771:22871");
        // Server 2 binds its client port on 127.0.0.2 only: the same port is free on 127.0.0.1.
        try (ServerSocket probe = new ServerSocket())
        {
            probe.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), config.clientPort(2)));
        }

        try (CuratorFramework client = CuratorFrameworkFactory.newClient(
            config.connectString(), 4_000, 4_000, new RetryOneTime(100)))
        {
            client.start();
            assertThat(client.blockUntilConnected(30, TimeUnit.SECONDS)).isTrue();
            client.create().forPath("/foreground", "up".getBytes(StandardCharsets.US_ASCII));
            assertThat(new String(client.getData().forPath("/foreground"), StandardCharsets.US_ASCII))
                .isEqualTo("up");
        }

        assertThatThrownBy(() -> new ForegroundServer(config, 1).run())
            .as("a second server 1 finds its ports held")
            .isInstanceOf(IOException.class).hasMessageContaining("held by another process");

        servers.get(0).close();
        assertThat(runs.get(0).get(30, TimeUnit.SECONDS)).as("run() returns true when closed").isTrue();
        assertThat(config.serverDir(1).resolve("zk.pid")).doesNotExist();
        Await.until(() -> launcher.mode(1) == ServerMode.DOWN, 10_000, "server 1 to stop answering");
        Await.until(() -> launcher.status().stream().filter(s -> s.mode() == ServerMode.LEADER).count() == 1,
            60_000, "the two survivors to keep or elect a leader");
    }
}
