package io.tickkeeper.feed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;

import io.tickkeeper.coordinator.CoordinatorClients;
import io.tickkeeper.coordinator.Credentials;

/**
 * A real ZooKeeper server for a feed test (free port, data under {@code target/zk-tests}) and the clients opened
 * against it, all closed with it.
 */
final class FeedZooKeeper implements AutoCloseable
{
    /** The feed's owner identity in tests. */
    static final Credentials FEED = Credentials.parse("feed:feed-secret");
    private static final int TICK_MS = 200;
    private static final int SESSION_TIMEOUT_MS = 3_000;

    private final TestingServer server;
    private final List<CuratorFramework> clients = new ArrayList<>();

    private FeedZooKeeper(final TestingServer server)
    {
        this.server = server;
    }

    static FeedZooKeeper start() throws Exception
    {
        final Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "zk-tests")), "zk");
        return new FeedZooKeeper(new TestingServer(
            new InstanceSpec(dataDir.toFile(), -1, -1, -1, true, -1, TICK_MS, -1), true));
    }

    /** @return a connected client with the feed's credentials, its own session. */
    CuratorFramework client() throws InterruptedException
    {
        final CuratorFramework client = CoordinatorClients.newClient(server.getConnectString(), SESSION_TIMEOUT_MS,
            Optional.of(FEED));
        clients.add(client);
        client.start();
        if (!client.blockUntilConnected(10, TimeUnit.SECONDS))
        {
            throw new IllegalStateException("could not connect to " + server.getConnectString());
        }
        return client;
    }

    @Override
    public void close() throws IOException
    {
        for (final CuratorFramework client : clients)
        {
            client.close();
        }
        server.close();
    }
}
