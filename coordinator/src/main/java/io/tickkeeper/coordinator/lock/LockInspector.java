package io.tickkeeper.coordinator.lock;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.locks.LockInternals;
import org.apache.curator.framework.recipes.locks.StandardLockInternalsDriver;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;

import io.tickkeeper.coordinator.ZkPaths;

/**
 * Reads the state of every {@link FencedLock} from ZooKeeper: holder, queue and last token. Read-only; an
 * anonymous client may use it.
 */
public final class LockInspector
{
    private static final String LOCK_NODE_NAME = "lock-";

    private final CuratorFramework client;

    /**
     * @param client a started client.
     */
    public LockInspector(final CuratorFramework client)
    {
        this.client = client;
    }

    /**
     * @return every lock under {@link ZkPaths#LOCKS}, by name.
     * @throws FencedLockException when ZooKeeper cannot be read; its cause is the KeeperException.
     */
    public List<LockStatus> list()
    {
        try
        {
            final List<String> names;
            try
            {
                names = new ArrayList<>(client.getChildren().forPath(ZkPaths.LOCKS));
            }
            catch (final KeeperException.NoNodeException ex)
            {
                return List.of();
            }
            names.sort(null);
            final List<LockStatus> locks = new ArrayList<>(names.size());
            for (final String name : names)
            {
                locks.add(status(name));
            }
            return locks;
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new FencedLockException("interrupted while reading " + ZkPaths.LOCKS, ex);
        }
        catch (final Exception ex)
        {
            throw new FencedLockException("could not read " + ZkPaths.LOCKS + ": " + ex, ex);
        }
    }

    private LockStatus status(final String name) throws Exception
    {
        final OptionalLong lastToken = lastToken(name);
        final List<String> contenders;
        try
        {
            contenders = LockInternals.getSortedChildren(
                client, FencedLock.holdersPath(name), LOCK_NODE_NAME, new StandardLockInternalsDriver());
        }
        catch (final KeeperException.NoNodeException ex)
        {
            return new LockStatus(name, Optional.empty(), 0L, 0, lastToken);
        }
        if (contenders.isEmpty())
        {
            return new LockStatus(name, Optional.empty(), 0L, 0, lastToken);
        }
        final Stat stat = new Stat();
        try
        {
            final byte[] holder = client.getData().storingStatIn(stat)
                .forPath(FencedLock.holdersPath(name) + '/' + contenders.get(0));
            return new LockStatus(name, Optional.of(new String(holder, StandardCharsets.UTF_8)),
                stat.getEphemeralOwner(), contenders.size() - 1, lastToken);
        }
        catch (final KeeperException.NoNodeException ex)
        {
            return new LockStatus(name, Optional.empty(), 0L, contenders.size() - 1, lastToken);
        }
    }

    private OptionalLong lastToken(final String name) throws Exception
    {
        try
        {
            final String text = new String(client.getData().forPath(FencedLock.tokenPath(name)),
                StandardCharsets.UTF_8).trim();
            return OptionalLong.of(Long.parseLong(text));
        }
        catch (final KeeperException.NoNodeException | NumberFormatException ex)
        {
            return OptionalLong.empty();
        }
    }
}
