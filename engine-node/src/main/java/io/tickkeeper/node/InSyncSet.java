package io.tickkeeper.node;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tickkeeper.coordinator.ZkPaths;

/**
 * A shard's in-sync set: the persistent znode {@link ZkPaths#inSync} listing the nodes that hold every
 * acknowledged input and may therefore campaign for primary. Stored as
 * {@code {"members":["a","b"],"epoch":7}}, where {@code epoch} is the epoch of the primary that wrote it.
 * <ul>
 *   <li>Only a primary changes it ({@link #replace}, {@link #add}, {@link #remove}), with a versioned
 *       compare-and-set that also refuses to overwrite a value written under a higher epoch. Every change writes,
 *       even when the members stay the same, so the znode's version tells a node that it was (re)listed after a
 *       given moment ({@link #version()}).</li>
 *   <li>The first node of a shard that never had an in-sync znode creates it listing only itself
 *       ({@link #bootstrap}).</li>
 *   <li>Every node follows it through a single-node {@link CuratorCache} ({@link #members}).</li>
 * </ul>
 */
public final class InSyncSet implements Closeable
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ATTEMPTS = 32;

    private enum Lifecycle
    {
        LATENT, STARTED, CLOSED
    }

    private final CuratorFramework client;
    private final String path;
    private final CuratorCache cache;
    private final AtomicReference<Lifecycle> lifecycle = new AtomicReference<>(Lifecycle.LATENT);
    private final CopyOnWriteArrayList<Runnable> listeners = new CopyOnWriteArrayList<>();

    /**
     * @param client  a started client carrying the service's credentials.
     * @param service service name.
     * @param shard   shard name.
     */
    public InSyncSet(final CuratorFramework client, final String service, final String shard)
    {
        this.client = client;
        this.path = ZkPaths.inSync(service, shard);
        this.cache = CuratorCache.build(client, path, CuratorCache.Options.SINGLE_NODE_CACHE);
    }

    /**
     * @param listener called (on Curator's thread) whenever the znode changes; must return quickly.
     */
    public void addListener(final Runnable listener)
    {
        listeners.add(listener);
    }

    /**
     * Starts following the znode.
     *
     * @throws IllegalStateException when already started or closed.
     */
    public void start()
    {
        if (!lifecycle.compareAndSet(Lifecycle.LATENT, Lifecycle.STARTED))
        {
            throw new IllegalStateException("in-sync set " + path + " was already started or closed");
        }
        cache.listenable().addListener(CuratorCacheListener.builder()
            .forAll((type, oldData, data) -> listeners.forEach(Runnable::run))
            .build());
        cache.start();
    }

    /** @return the members as last seen by the cache (empty before the first read or when there is no znode). */
    public Set<String> members()
    {
        return cache.get(path).map(ChildData::getData).map(InSyncSet::decodeMembers).orElse(Set.of());
    }

    /**
     * @return the znode's version as last seen by the cache, or -1 when there is no znode (or none seen yet).
     */
    public int version()
    {
        return cache.get(path).map(data -> data.getStat().getVersion()).orElse(-1);
    }

    /**
     * Reads the znode's version now, bypassing the cache.
     *
     * @return its version, or -1 when it does not exist.
     * @throws Exception when ZooKeeper cannot be read.
     */
    public int readVersion() throws Exception
    {
        final Stat stat = client.checkExists().forPath(path);
        return stat == null ? -1 : stat.getVersion();
    }

    /**
     * Reads the znode now, bypassing the cache.
     *
     * @return its members, or {@code null} when the znode does not exist.
     * @throws Exception when ZooKeeper cannot be read.
     */
    public Set<String> read() throws Exception
    {
        try
        {
            return decodeMembers(client.getData().forPath(path));
        }
        catch (final KeeperException.NoNodeException ex)
        {
            return null;
        }
    }

    /**
     * Creates the znode listing only {@code node}, when the shard has none yet.
     *
     * @param node this node.
     * @return whether the znode lists {@code node} afterwards (it created it, or someone else listed it).
     * @throws Exception when ZooKeeper cannot be reached.
     */
    public boolean bootstrap(final String node) throws Exception
    {
        try
        {
            client.create().creatingParentContainersIfNeeded().withMode(CreateMode.PERSISTENT)
                .forPath(path, encode(Set.of(ZkPaths.checkName(node)), 0));
            return true;
        }
        catch (final KeeperException.NodeExistsException ex)
        {
            final Set<String> now = read();
            return now != null && now.contains(node);
        }
    }

    /**
     * Sets the members, as the primary of {@code epoch}.
     *
     * @return false when the znode was written under a higher epoch (this writer is fenced).
     * @throws Exception when ZooKeeper cannot be reached.
     */
    public boolean replace(final Set<String> members, final long epoch) throws Exception
    {
        return update(current -> new TreeSet<>(members), epoch);
    }

    /**
     * Adds a member, as the primary of {@code epoch}.
     *
     * @return false when the znode was written under a higher epoch.
     * @throws Exception when ZooKeeper cannot be reached.
     */
    public boolean add(final String node, final long epoch) throws Exception
    {
        ZkPaths.checkName(node);
        return update(current ->
        {
            final Set<String> next = new TreeSet<>(current);
            next.add(node);
            return next;
        }, epoch);
    }

    /**
     * Removes a member, as the primary of {@code epoch}.
     *
     * @return false when the znode was written under a higher epoch.
     * @throws Exception when ZooKeeper cannot be reached.
     */
    public boolean remove(final String node, final long epoch) throws Exception
    {
        return update(current ->
        {
            final Set<String> next = new TreeSet<>(current);
            next.remove(node);
            return next;
        }, epoch);
    }

    @Override
    public void close()
    {
        if (lifecycle.getAndSet(Lifecycle.CLOSED) == Lifecycle.STARTED)
        {
            cache.close();
        }
    }

    private boolean update(final UnaryOperator<Set<String>> change, final long epoch)
        throws Exception
    {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++)
        {
            final Stat stat = new Stat();
            final byte[] data;
            try
            {
                data = client.getData().storingStatIn(stat).forPath(path);
            }
            catch (final KeeperException.NoNodeException ex)
            {
                try
                {
                    client.create().creatingParentContainersIfNeeded().withMode(CreateMode.PERSISTENT)
                        .forPath(path, encode(change.apply(Set.of()), epoch));
                    return true;
                }
                catch (final KeeperException.NodeExistsException raced)
                {
                    continue;
                }
            }
            if (decodeEpoch(data) > epoch)
            {
                return false;
            }
            final Set<String> next = change.apply(decodeMembers(data));
            try
            {
                client.setData().withVersion(stat.getVersion()).forPath(path, encode(next, epoch));
                return true;
            }
            catch (final KeeperException.BadVersionException ex)
            {
                continue;
            }
        }
        throw new IllegalStateException("in-sync set " + path + " kept changing: gave up after " + MAX_ATTEMPTS
            + " attempts");
    }

    /**
     * @param members the members.
     * @param epoch   the writer's epoch.
     * @return the znode's bytes.
     */
    static byte[] encode(final Set<String> members, final long epoch)
    {
        final ObjectNode root = JSON.createObjectNode();
        final ArrayNode list = root.putArray("members");
        new TreeSet<>(members).forEach(list::add);
        root.put("epoch", epoch);
        try
        {
            return JSON.writeValueAsBytes(root);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * @param data the znode's bytes.
     * @return the members they list (empty for no bytes).
     */
    static Set<String> decodeMembers(final byte[] data)
    {
        final JsonNode root = parse(data);
        final Set<String> members = new TreeSet<>();
        if (root == null)
        {
            return members;
        }
        final JsonNode list = root.isObject() ? root.get("members") : root;
        if (list == null || !list.isArray())
        {
            throw new IllegalArgumentException("in-sync znode holds no list of members");
        }
        list.forEach(entry -> members.add(entry.asText()));
        return members;
    }

    /**
     * @param data the znode's bytes.
     * @return the epoch of the primary that wrote them (0 when not recorded).
     */
    static long decodeEpoch(final byte[] data)
    {
        final JsonNode root = parse(data);
        return root != null && root.isObject() && root.has("epoch") ? root.get("epoch").asLong() : 0;
    }

    private static JsonNode parse(final byte[] data)
    {
        if (data == null || data.length == 0)
        {
            return null;
        }
        try
        {
            return JSON.readTree(data);
        }
        catch (final IOException ex)
        {
            throw new IllegalArgumentException("in-sync znode is not JSON", ex);
        }
    }

    /** @return the znode's path. */
    public String path()
    {
        return path;
    }

    /** @return the members listed, for a log line. */
    @Override
    public String toString()
    {
        return "InSyncSet{" + path + ", members=" + List.copyOf(members()) + '}';
    }
}
