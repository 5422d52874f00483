package io.tickkeeper.coordinator.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.curator.RetryLoop;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.curator.framework.api.transaction.CuratorTransactionResult;
import org.apache.curator.framework.api.transaction.OperationType;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.ClientInfo;
import org.apache.zookeeper.data.Stat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tickkeeper.coordinator.ZkPaths;

/**
 * Reads and writes live configuration in ZooKeeper. A value is validated against its {@link ConfigKey} before
 * anything is written; a write stores the canonical JSON at {@code /tickkeeper/config/<key>} and, in the same
 * ZooKeeper transaction, a history entry (old value, new value, time, who) as a persistent sequential child of
 * {@code /tickkeeper/config-history/<key>}. The value is written with a version check (or a create when there is
 * none), so of two concurrent writers one transaction fails, is re-read and re-applied: no change is lost from
 * the history and every entry's old value is the value it replaced. A write is re-applied only after another
 * writer's change of the same key was committed, so the writers as a whole always make progress.
 * <p>
 * Writes need an authenticated client ({@code CoordinatorClients} with credentials): an anonymous client is
 * refused before it writes, and ZooKeeper's ACLs refuse it too.
 */
public final class ConfigStore
{
    /** Name prefix of the history entries under a key's history znode. */
    static final String HISTORY_PREFIX = "change-";

    private static final Set<String> ANONYMOUS_SCHEMES = Set.of("ip", "world");

    private final CuratorFramework client;
    private final ConfigRegistry registry;
    private final Set<String> ensuredPaths = ConcurrentHashMap.newKeySet();
    private final AtomicLong authenticatedSessionId = new AtomicLong();

    /**
     * @param client   a started client; authenticated to write.
     * @param registry the keys that may be read and written.
     */
    public ConfigStore(final CuratorFramework client, final ConfigRegistry registry)
    {
        this.client = client;
        this.registry = registry;
    }

    /**
     * @param keyName a key name.
     * @return the znode holding that key's value.
     */
    public static String valuePath(final String keyName)
    {
        return ZkPaths.CONFIG + '/' + ZkPaths.checkName(keyName);
    }

    /**
     * @param keyName a key name.
     * @return the znode whose sequential children are that key's history.
     */
    public static String historyPath(final String keyName)
    {
        return ZkPaths.CONFIG_HISTORY + '/' + ZkPaths.checkName(keyName);
    }

    /**
     * Validates a value and, when it is good, stores it together with its history entry.
     *
     * @param keyName a known key.
     * @param rawJson the new value as JSON text.
     * @param who     who makes the change: the credentials' user.
     * @param nowMs   the time of the change, epoch milliseconds.
     * @return the change as recorded in the history.
     * @throws ConfigException {@code UNKNOWN_KEY} or {@code INVALID_VALUE} (nothing written), {@code NO_PERMISSION},
     *                         {@code UNAVAILABLE} or {@code FAILED}.
     */
    public ConfigChange set(final String keyName, final String rawJson, final String who, final long nowMs)
    {
        if (who == null || who.isBlank())
        {
            throw new IllegalArgumentException("who must name the writer");
        }
        final String newJson = canonical(registry.require(keyName), rawJson);
        final String valuePath = valuePath(keyName);
        final String historyPath = historyPath(keyName);
        try
        {
            requireAuthenticated(valuePath);
            ensure(ZkPaths.CONFIG);
            ensure(historyPath);
            while (true)
            {
                final Stat stat = new Stat();
                final Optional<String> oldJson = read(valuePath, stat);
                final byte[] entry = historyEntry(keyName, oldJson, newJson, nowMs, who);
                final CuratorOp writeValue = oldJson.isEmpty() ?
                    client.transactionOp().create().forPath(valuePath, utf8(newJson)) :
                    client.transactionOp().setData().withVersion(stat.getVersion()).forPath(valuePath, utf8(newJson));
                final CuratorOp writeHistory = client.transactionOp().create()
                    .withMode(CreateMode.PERSISTENT_SEQUENTIAL)
                    .forPath(historyPath + '/' + HISTORY_PREFIX, entry);
                try
                {
                    final List<CuratorTransactionResult> results =
                        client.transaction().forOperations(writeValue, writeHistory);
                    final String entryPath = results.stream()
                        .filter(result -> result.getType() == OperationType.CREATE
                            && result.getForPath().startsWith(historyPath))
                        .findFirst()
                        .orElseThrow()
                        .getResultPath();
                    return new ConfigChange(keyName, sequenceOf(entryPath), oldJson, newJson, nowMs, who);
                }
                catch (final KeeperException.BadVersionException | KeeperException.NodeExistsException ex)
                {
                    // Another writer changed the key between our read and our write: re-read and re-apply.
                    continue;
                }
                catch (final KeeperException.NoNodeException ex)
                {
                    ensuredPaths.clear();
                    ensure(ZkPaths.CONFIG);
                    ensure(historyPath);
                }
            }
        }
        catch (final Exception ex)
        {
            throw failure("write " + valuePath, ex);
        }
    }

    /**
     * @param keyName a known key.
     * @return its stored value (with {@link ConfigValue#problem()} set when the stored text is not valid), or its
     *         default when none is stored.
     * @throws ConfigException {@code UNKNOWN_KEY}, {@code UNAVAILABLE} or {@code FAILED}.
     */
    public ConfigValue get(final String keyName)
    {
        final ConfigKey<?> key = registry.require(keyName);
        final Stat stat = new Stat();
        final Optional<String> stored;
        try
        {
            stored = read(valuePath(keyName), stat);
        }
        catch (final Exception ex)
        {
            throw failure("read " + valuePath(keyName), ex);
        }
        if (stored.isEmpty())
        {
            return new ConfigValue(keyName, defaultJson(key), false, -1, 0L, Optional.empty());
        }
        return new ConfigValue(keyName, stored.get(), true, stat.getVersion(), stat.getMtime(),
            problemOf(key, stored.get()));
    }

    /**
     * @param keyName a known key.
     * @return every recorded change of the key, oldest first.
     * @throws ConfigException {@code UNKNOWN_KEY}, {@code UNAVAILABLE} or {@code FAILED}.
     */
    public List<ConfigChange> history(final String keyName)
    {
        registry.require(keyName);
        final String historyPath = historyPath(keyName);
        try
        {
            final List<String> children;
            try
            {
                children = new ArrayList<>(client.getChildren().forPath(historyPath));
            }
            catch (final KeeperException.NoNodeException ex)
            {
                return List.of();
            }
            children.removeIf(child -> !child.startsWith(HISTORY_PREFIX));
            children.sort(Comparator.comparingLong(ConfigStore::sequenceOf));
            final List<ConfigChange> changes = new ArrayList<>(children.size());
            for (final String child : children)
            {
                try
                {
                    final byte[] data = client.getData().forPath(historyPath + '/' + child);
                    changes.add(parseEntry(keyName, sequenceOf(child), data));
                }
                catch (final KeeperException.NoNodeException ex)
                {
                    continue;
                }
            }
            return changes;
        }
        catch (final Exception ex)
        {
            throw failure("read " + historyPath, ex);
        }
    }

    /** @return the keys this store accepts. */
    public ConfigRegistry registry()
    {
        return registry;
    }

    private static <T> String canonical(final ConfigKey<T> key, final String rawJson)
    {
        return key.encode(key.decode(rawJson));
    }

    private static <T> String defaultJson(final ConfigKey<T> key)
    {
        return key.encode(key.defaultValue());
    }

    private static Optional<String> problemOf(final ConfigKey<?> key, final String json)
    {
        try
        {
            key.decode(json);
            return Optional.empty();
        }
        catch (final ConfigException ex)
        {
            return Optional.of(ex.getMessage());
        }
    }

    private Optional<String> read(final String path, final Stat stat) throws Exception
    {
        try
        {
            return Optional.of(new String(client.getData().storingStatIn(stat).forPath(path), StandardCharsets.UTF_8));
        }
        catch (final KeeperException.NoNodeException ex)
        {
            return Optional.empty();
        }
    }

    private void requireAuthenticated(final String path) throws Exception
    {
        final long sessionId = client.getZookeeperClient().getZooKeeper().getSessionId();
        if (sessionId != 0 && authenticatedSessionId.get() == sessionId)
        {
            return;
        }
        final List<ClientInfo> identities = RetryLoop.callWithRetry(client.getZookeeperClient(), () ->
        {
            final List<ClientInfo> answer = client.getZookeeperClient().getZooKeeper().whoAmI();
            if (answer == null)
            {
                throw new KeeperException.ConnectionLossException();
            }
            return answer;
        });
        final boolean authenticated = identities.stream()
            .anyMatch(identity -> !ANONYMOUS_SCHEMES.contains(identity.getAuthScheme()));
        if (!authenticated)
        {
            throw new ConfigException(ConfigException.Reason.NO_PERMISSION,
                "no permission to write " + path + ": the client is anonymous (configuration writes need credentials)");
        }
        authenticatedSessionId.set(sessionId);
    }

    private void ensure(final String path) throws Exception
    {
        if (ensuredPaths.contains(path))
        {
            return;
        }
        if (client.checkExists().forPath(path) == null)
        {
            try
            {
                client.create().creatingParentsIfNeeded().forPath(path, new byte[0]);
            }
            catch (final KeeperException.NodeExistsException ex)
            {
                ensuredPaths.add(path);
                return;
            }
        }
        ensuredPaths.add(path);
    }

    private static byte[] historyEntry(
        final String keyName, final Optional<String> oldJson, final String newJson, final long nowMs, final String who)
    {
        final ObjectNode entry = ConfigJson.MAPPER.createObjectNode();
        entry.put("key", keyName);
        if (oldJson.isPresent())
        {
            entry.put("old", oldJson.get());
        }
        else
        {
            entry.putNull("old");
        }
        entry.put("new", newJson);
        entry.put("timeMs", nowMs);
        entry.put("who", who);
        return utf8(ConfigJson.write(entry));
    }

    private static ConfigChange parseEntry(final String keyName, final long sequence, final byte[] data)
    {
        final JsonNode entry;
        try
        {
            entry = ConfigJson.MAPPER.readTree(data);
        }
        catch (final IOException ex)
        {
            throw new ConfigException(ConfigException.Reason.FAILED,
                "history entry " + sequence + " of " + keyName + " is not JSON", ex);
        }
        if (entry == null || !entry.isObject() || !entry.path("new").isTextual() || !entry.path("timeMs").isNumber())
        {
            throw new ConfigException(ConfigException.Reason.FAILED,
                "history entry " + sequence + " of " + keyName + " is malformed");
        }
        final JsonNode old = entry.path("old");
        return new ConfigChange(keyName, sequence,
            old.isTextual() ? Optional.of(old.textValue()) : Optional.empty(),
            entry.get("new").textValue(),
            entry.get("timeMs").longValue(),
            entry.path("who").asText("unknown"));
    }

    static long sequenceOf(final String path)
    {
        final int dash = path.lastIndexOf('-');
        try
        {
            return Long.parseLong(path.substring(dash + 1));
        }
        catch (final NumberFormatException ex)
        {
            return -1L;
        }
    }

    private static byte[] utf8(final String text)
    {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static ConfigException failure(final String action, final Exception ex)
    {
        if (ex instanceof ConfigException)
        {
            return (ConfigException)ex;
        }
        if (ex instanceof InterruptedException)
        {
            Thread.currentThread().interrupt();
            return new ConfigException(ConfigException.Reason.UNAVAILABLE, "interrupted while trying to " + action, ex);
        }
        if (ex instanceof KeeperException)
        {
            final KeeperException keeper = (KeeperException)ex;
            switch (keeper.code())
            {
                case NOAUTH:
                case AUTHFAILED:
                case INVALIDACL:
                    return new ConfigException(ConfigException.Reason.NO_PERMISSION,
                        "no permission to " + action + ": the client is not the owner of the znode", ex);
                case CONNECTIONLOSS:
                case OPERATIONTIMEOUT:
                case SESSIONEXPIRED:
                case SESSIONMOVED:
                    return new ConfigException(ConfigException.Reason.UNAVAILABLE,
                        "ZooKeeper unavailable while trying to " + action + ": " + keeper.code(), ex);
                default:
                    return new ConfigException(ConfigException.Reason.FAILED,
                        "ZooKeeper refused to " + action + ": " + keeper.code(), ex);
            }
        }
        return new ConfigException(ConfigException.Reason.FAILED, "could not " + action + ": " + ex, ex);
    }
}
