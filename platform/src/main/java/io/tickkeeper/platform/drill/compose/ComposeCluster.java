package io.tickkeeper.platform.drill.compose;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.apache.curator.framework.CuratorFramework;

import io.tickkeeper.coordinator.CoordinatorClients;
import io.tickkeeper.coordinator.Credentials;
import io.tickkeeper.coordinator.election.PrimaryInfo;
import io.tickkeeper.coordinator.lock.LockInspector;
import io.tickkeeper.coordinator.lock.LockStatus;
import io.tickkeeper.coordinator.membership.ClusterWatcher;
import io.tickkeeper.coordinator.membership.MemberInfo;
import io.tickkeeper.coordinator.membership.ShardView;
import io.tickkeeper.platform.drill.DrillCluster;

/**
 * The demo cluster of docker-compose.yml as a {@link DrillCluster}: a node is a compose service (a1, risk2, zk3,
 * gw1 ...), killed with {@code docker kill} (SIGKILL) and started again with {@code docker start}. What is primary
 * comes from ZooKeeper through its ports published on the host's loopback (the same election and lock nodes tickctl
 * reads), the ZooKeeper leader from each server's four-letter {@code srvr}, a gateway's health from its published
 * FIX port.
 */
final class ComposeCluster implements DrillCluster, AutoCloseable
{
    private static final long POLL_MS = 50;
    private static final int SOCKET_TIMEOUT_MS = 1_000;
    private static final long STOP_TIMEOUT_MS = 600_000;

    private final ComposeLayout layout;
    private final Docker docker;
    private final long stepTimeoutMs;
    private final Map<String, String> containers = new LinkedHashMap<>();
    private CuratorFramework curator;
    private ClusterWatcher watcher;
    private LockInspector locks;

    /**
     * @param layout        the services, addresses and ports of docker-compose.yml.
     * @param docker        runs docker and docker-compose.
     * @param stepTimeoutMs how long a node may take to rejoin, a successor to take over.
     */
    ComposeCluster(final ComposeLayout layout, final Docker docker, final long stepTimeoutMs)
    {
        this.layout = layout;
        this.docker = docker;
        this.stepTimeoutMs = stepTimeoutMs;
    }

    /**
     * Finds the cluster's containers and connects to its ZooKeeper ensemble.
     *
     * @param credentials the cluster's ZooKeeper identity.
     * @throws Exception when a container is missing or ZooKeeper does not answer.
     */
    void connect(final Credentials credentials) throws Exception
    {
        final String ids = docker.compose("ps", "-q").trim();
        if (ids.isEmpty())
        {
            throw new IllegalStateException("no container of docker-compose.yml runs (scripts/docker/compose-up)");
        }
        for (final String line : docker.docker(inspect(
            "{{index .Config.Labels \"com.docker.compose.service\"}}={{.Id}}", List.of(ids.split("\\s+")))).split("\n"))
        {
            final int at = line.indexOf('=');
            if (at > 0)
            {
                containers.put(line.substring(0, at).trim(), line.substring(at + 1).trim());
            }
        }
        for (final String service : layout.services())
        {
            if (!containers.containsKey(service))
            {
                throw new IllegalStateException("no container for service " + service + " (found " + containers.keySet()
                    + ")");
            }
        }
        curator = CoordinatorClients.newClient(layout.zkConnectString(), 10_000, Optional.of(credentials));
        curator.start();
        if (!curator.blockUntilConnected(30, TimeUnit.SECONDS))
        {
            throw new IllegalStateException("cannot connect to ZooKeeper at " + layout.zkConnectString());
        }
        watcher = new ClusterWatcher(curator);
        watcher.start();
        if (!watcher.awaitInitialized(30_000))
        {
            throw new IllegalStateException("the cluster view did not load from " + layout.zkConnectString());
        }
        locks = new LockInspector(curator);
    }

    /** @return the ZooKeeper client (the drill writes the risk throttle with it). */
    CuratorFramework curator()
    {
        return curator;
    }

    @Override
    public Optional<String> primary(final String service)
    {
        if (service.equals(ComposeLayout.ZOOKEEPER))
        {
            return layout.nodesOf(ComposeLayout.ZOOKEEPER).stream().filter(server -> "leader".equals(zkMode(server))).findFirst();
        }
        if (service.equals(ComposeLayout.FEED))
        {
            return lock(layout.feedLock()).flatMap(LockStatus::holder);
        }
        return shardView(service).flatMap(ShardView::primaryNow).map(PrimaryInfo::node);
    }

    /**
     * @param service an elected service or the feed.
     * @return whether it has a primary and its other node is an in-sync standby (a waiting contender for the feed).
     */
    boolean healthy(final String service)
    {
        if (service.equals(ComposeLayout.FEED))
        {
            return lock(layout.feedLock()).filter(s -> s.holder().isPresent() && s.waiting() >= 1).isPresent();
        }
        final Optional<String> primary = primary(service);
        return primary.isPresent() && layout.nodesOf(service).stream()
            .filter(node -> !node.equals(primary.get())).allMatch(node -> inSyncStandby(service, node));
    }

    /**
     * @param server a ZooKeeper service (zk1 ...).
     * @return its {@code Mode:} (leader, follower, standalone), or "" when it does not answer.
     */
    String zkMode(final String server)
    {
        try (Socket socket = new Socket())
        {
            socket.connect(new InetSocketAddress(ComposeLayout.LOOPBACK, layout.zkPort(server)), SOCKET_TIMEOUT_MS);
            socket.setSoTimeout(SOCKET_TIMEOUT_MS);
            final OutputStream out = socket.getOutputStream();
            out.write("srvr".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            final InputStream in = socket.getInputStream();
            final String reply = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            for (final String line : reply.split("\n"))
            {
                if (line.startsWith("Mode: "))
                {
                    return line.substring("Mode: ".length()).trim();
                }
            }
            return "";
        }
        catch (final IOException ex)
        {
            return "";
        }
    }

    @Override
    public void kill(final String node) throws IOException, InterruptedException
    {
        docker.docker("kill", container(node));
    }

    @Override
    public void restart(final String node) throws Exception
    {
        docker.docker("start", container(node));
        final String service = layout.serviceOf(node);
        switch (service)
        {
            case ComposeLayout.ZOOKEEPER ->
                await(node + " serving again", () -> zkMode(node).matches("leader|follower"));
            case ComposeLayout.GATEWAY ->
                await(node + "'s FIX acceptor listening", () -> listening(node, ComposeLayout.FIX_PORT_INSIDE));
            case ComposeLayout.FEED ->
                await(node + " back at the feed lock", () -> healthy(ComposeLayout.FEED));
            default ->
                await(node + " back as an in-sync standby", () -> inSyncStandby(service, node));
        }
    }

    @Override
    public void await(final String what, final BooleanSupplier condition) throws InterruptedException
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(stepTimeoutMs);
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() - deadlineNs > 0)
            {
                throw new IllegalStateException("timed out after " + stepTimeoutMs + " ms waiting for " + what
                    + " (docker-compose logs SERVICE shows the services' output)");
            }
            Thread.sleep(POLL_MS);
        }
    }

    /**
     * Stops every container (SIGTERM, engines drain; docker-compose stops a pair's standby, which depends on its
     * first node, before it) and copies folders out of the stopped containers.
     *
     * @param copies what to copy.
     * @param target where the copies go: target/{@link Copy#into()}.
     * @throws IOException when a command fails.
     */
    void stopAndCopy(final List<Copy> copies, final Path target) throws IOException, InterruptedException
    {
        // Up to 30 s grace per container, and compose stops the dependency levels one after the other.
        docker.compose(STOP_TIMEOUT_MS, "stop", "-t", "30");
        for (final Copy copy : copies)
        {
            final Path into = target.resolve(copy.into());
            Files.createDirectories(into.getParent());
            docker.docker("cp", container(copy.node()) + ":" + ComposeLayout.IMAGE_HOME + "/" + copy.path(),
                into.toString());
        }
    }

    /**
     * A folder to copy out of a container.
     *
     * @param node the container's service.
     * @param path the folder, relative to the image's home.
     * @param into where it goes, relative to the copies' folder.
     */
    record Copy(String node, String path, String into)
    {
    }

    /** @return every service's container state, one line each (for the report). */
    List<String> containerStates() throws IOException, InterruptedException
    {
        return List.of(docker.docker(inspect("{{index .Config.Labels \"com.docker.compose.service\"}}:"
            + "{{.State.Status}}", List.copyOf(containers.values()))).trim().split("\n"));
    }

    private static String[] inspect(final String format, final List<String> ids)
    {
        final List<String> args = new ArrayList<>(List.of("inspect", "-f", format));
        args.addAll(ids);
        return args.toArray(new String[0]);
    }

    private boolean inSyncStandby(final String service, final String node)
    {
        final Optional<ShardView> view = shardView(service);
        return view.isPresent()
            && view.get().isInSync(node)
            && view.get().member(node).map(MemberInfo::role).filter(MemberInfo.ROLE_STANDBY::equals).isPresent()
            && view.get().primaryNow().filter(primary -> !primary.node().equals(node)).isPresent();
    }

    private Optional<ShardView> shardView(final String service)
    {
        return watcher.view().shard(layout.coordinationName(service), layout.shardOf(service));
    }

    private Optional<LockStatus> lock(final String name)
    {
        return locks.list().stream().filter(status -> status.name().equals(name)).findFirst();
    }

    private String container(final String node)
    {
        final String id = containers.get(node);
        if (id == null)
        {
            throw new IllegalArgumentException("no container for " + node);
        }
        return id;
    }

    /**
     * Asks inside the container, without a JVM (scripts/docker/healthcheck port): the published port on the host is
     * docker-proxy's, which accepts connections whether or not the container listens.
     */
    private boolean listening(final String node, final int port)
    {
        try
        {
            docker.docker("exec", container(node), "scripts/docker/healthcheck", "port", Integer.toString(port));
            return true;
        }
        catch (final IOException ex)
        {
            return false;
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close()
    {
        if (watcher != null)
        {
            watcher.close();
        }
        if (curator != null)
        {
            curator.close();
        }
    }
}
