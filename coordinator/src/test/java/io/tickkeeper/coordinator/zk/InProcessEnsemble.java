package io.tickkeeper.coordinator.zk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingCluster;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;

import io.tickkeeper.coordinator.CoordinatorClients;
import io.tickkeeper.coordinator.Credentials;

/**
 * A real three-server ZooKeeper ensemble inside the test JVM (curator-test's {@link TestingCluster}) on fixed
 * loopback ports: clients at {@code portBase..+2}, election at {@code +10}, quorum at {@code +20}. Closing it
 * closes the clients opened through it.
 */
public final class InProcessEnsemble implements AutoCloseable
{
    /** The servers' tick; sessions may last from two ticks up. */
    public static final int TICK_MS = 100;
    /**
     * Session timeout of the clients of {@link #service()} and {@link #anonymous()}: longer than the product's
     * default so that a starved test JVM on a busy shared machine does not lose sessions the test did not end.
     */
    public static final int SESSION_TIMEOUT_MS = 3_000;
    /** The identity services write with in tests. */
    public static final Credentials SERVICE = Credentials.parse("tickkeeper:test-secret");

    private final TestingCluster cluster;
    private final List<CuratorFramework> clients = new ArrayList<>();

    private InProcessEnsemble(final TestingCluster cluster)
    {
        this.cluster = cluster;
    }

    /**
     * @param portBase first client port; the ensemble uses {@code portBase .. portBase + 22}.
     * @return a started ensemble.
     * @throws Exception when it cannot start.
     */
    public static InProcessEnsemble start(final int portBase) throws Exception
    {
        final Path base = Files.createDirectories(Path.of("target", "coord-a-tests"));
        final List<InstanceSpec> specs = new ArrayList<>();
        for (int id = 1; id <= 3; id++)
        {
            final Path dataDir = Files.createTempDirectory(base, "zk" + id + '-');
            specs.add(new InstanceSpec(dataDir.toFile(), portBase + id - 1, portBase + 10 + id - 1,
                portBase + 20 + id - 1, true, id, TICK_MS, -1));
        }
        final TestingCluster cluster = new TestingCluster(specs);
        cluster.start();
        return new InProcessEnsemble(cluster);
    }

    /** @return the connect string of all three servers. */
    public String connectString()
    {
        return cluster.getConnectString();
    }

    /**
     * @param credentials      the client's identity, or empty for anonymous.
     * @param sessionTimeoutMs session timeout asked for.
     * @return a started, connected client, closed with the ensemble.
     * @throws InterruptedException when interrupted while connecting.
     */
    public synchronized CuratorFramework client(final Optional<Credentials> credentials, final int sessionTimeoutMs)
        throws InterruptedException
    {
        final CuratorFramework client = CoordinatorClients.newClient(connectString(), sessionTimeoutMs, credentials);
        clients.add(client);
        client.start();
        if (!client.blockUntilConnected(20, TimeUnit.SECONDS))
        {
            throw new IllegalStateException("test client could not connect to " + connectString());
        }
        return client;
    }

    /**
     * @return a connected client with the service identity and the default session timeout.
     * @throws InterruptedException when interrupted while connecting.
     */
    public CuratorFramework service() throws InterruptedException
    {
        return client(Optional.of(SERVICE), SESSION_TIMEOUT_MS);
    }

    /**
     * @return a connected anonymous client.
     * @throws InterruptedException when interrupted while connecting.
     */
    public CuratorFramework anonymous() throws InterruptedException
    {
        return client(Optional.empty(), SESSION_TIMEOUT_MS);
    }

    /**
     * Ends a client's session at the ensemble, the way an expiry does: a second handle joins the same session
     * and closes it, so the servers delete its ephemeral znodes at once; the client learns on its next contact.
     *
     * @param client the client whose session to end.
     * @throws Exception when the session cannot be joined.
     */
    public void expireSession(final CuratorFramework client) throws Exception
    {
        final ZooKeeper victim = client.getZookeeperClient().getZooKeeper();
        final CountDownLatch connected = new CountDownLatch(1);
        final ZooKeeper killer = new ZooKeeper(connectString(), CoordinatorClients.DEFAULT_SESSION_TIMEOUT_MS,
            event ->
            {
                if (event.getState() == Watcher.Event.KeeperState.SyncConnected)
                {
                    connected.countDown();
                }
            },
            victim.getSessionId(), victim.getSessionPasswd());
        try
        {
            if (!connected.await(10, TimeUnit.SECONDS))
            {
                throw new IllegalStateException("could not join session 0x" + Long.toHexString(victim.getSessionId()));
            }
        }
        finally
        {
            killer.close();
        }
    }

    @Override
    public synchronized void close() throws IOException
    {
        for (final CuratorFramework client : clients)
        {
            client.close();
        }
        clients.clear();
        cluster.close();
    }
}
