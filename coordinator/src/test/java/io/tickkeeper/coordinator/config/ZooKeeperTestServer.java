package io.tickkeeper.coordinator.config;

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
 * A real single ZooKeeper server for a test (curator-test picks a free port), with its data under
 * {@code target/zk-tests}, and the clients the test opened against it; closing it closes them all.
 */
public final class ZooKeeperTestServer implements AutoCloseable
{
    /** The server's tick: sessions may last from 2 to 20 ticks. */
    public static final int TICK_MS = 200;
    /** Session timeout of the clients opened here: long enough that a busy 2-core machine does not lose them. */
    public static final int SESSION_TIMEOUT_MS = 3_000;
    /** The credentials of the owner identity tests write with. */
    public static final Credentials OPERATOR = Credentials.parse("operator:operator-secret");

    private final TestingServer server;
    private final List<CuratorFramework> clients = new ArrayList<>();

    private ZooKeeperTestServer(final TestingServer server)
    {
        this.server = server;
    }

    /**
     * @return a started server.
     * @throws Exception when it cannot start.
     */
    public static ZooKeeperTestServer start() throws Exception
    {
        final Path base = Files.createDirectories(Path.of("target", "zk-tests"));
        final Path dataDir = Files.createTempDirectory(base, "zk");
        return new ZooKeeperTestServer(new TestingServer(
            new InstanceSpec(dataDir.toFile(), -1, -1, -1, true, -1, TICK_MS, -1), true));
    }

    /** @return the connect string of the server. */
    public String connectString()
    {
        return server.getConnectString();
    }

    /**
     * @param credentials the client's identity, or empty for anonymous.
     * @return a started, connected client, closed with this server.
     * @throws InterruptedException when interrupted while connecting.
     */
    public CuratorFramework client(final Optional<Credentials> credentials) throws InterruptedException
    {
        final CuratorFramework client = CoordinatorClients.newClient(connectString(), SESSION_TIMEOUT_MS, credentials);
        clients.add(client);
        client.start();
        if (!client.blockUntilConnected(10, TimeUnit.SECONDS))
        {
            throw new IllegalStateException("test client could not connect to " + connectString());
        }
        return client;
    }

    /**
     * @return a connected client authenticated as {@link #OPERATOR}.
     * @throws InterruptedException when interrupted while connecting.
     */
    public CuratorFramework operator() throws InterruptedException
    {
        return client(Optional.of(OPERATOR));
    }

    /**
     * @return a connected anonymous client.
     * @throws InterruptedException when interrupted while connecting.
     */
    public CuratorFramework anonymous() throws InterruptedException
    {
        return client(Optional.empty());
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
