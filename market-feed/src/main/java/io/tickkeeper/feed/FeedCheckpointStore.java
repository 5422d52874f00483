package io.tickkeeper.feed;

import java.util.Optional;

import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;

import io.tickkeeper.coordinator.ZkPaths;

/**
 * Reads and writes the feed checkpoint, the persistent znode {@link ZkPaths#feedCheckpoint(String)}
 * ({@code /tickkeeper/locks/<lock>/feed-state}) next to the lock's own {@code holders} and {@code token}. A write is
 * a versioned compare-and-set that is refused when the stored checkpoint carries a newer token than the writer's: a
 * holder that lost the lock without knowing it learns so at its next checkpoint, and can never overwrite its
 * successor's.
 */
final class FeedCheckpointStore
{
    /** What a write did. */
    enum WriteResult
    {
        /** Stored. */
        WRITTEN,
        /** Refused: a newer holder has written. */
        FENCED
    }

    private final CuratorFramework client;
    private final String path;

    FeedCheckpointStore(final CuratorFramework client, final String lockName)
    {
        this.client = client;
        this.path = ZkPaths.feedCheckpoint(lockName);
    }

    /**
     * @return the stored checkpoint, if any.
     * @throws Exception when ZooKeeper cannot be read.
     */
    Optional<FeedCheckpoint> read() throws Exception
    {
        try
        {
            return Optional.of(FeedCheckpoint.decode(client.getData().forPath(path)));
        }
        catch (final KeeperException.NoNodeException ex)
        {
            return Optional.empty();
        }
    }

    /**
     * @param checkpoint what to store, with the writer's token.
     * @return WRITTEN, or FENCED when the stored checkpoint has a newer token.
     * @throws Exception when ZooKeeper refuses or cannot be reached.
     */
    WriteResult write(final FeedCheckpoint checkpoint) throws Exception
    {
        final byte[] data = checkpoint.encode();
        while (true)
        {
            final Stat stat = new Stat();
            final byte[] stored;
            try
            {
                stored = client.getData().storingStatIn(stat).forPath(path);
            }
            catch (final KeeperException.NoNodeException ex)
            {
                try
                {
                    client.create().creatingParentsIfNeeded().forPath(path, data);
                    return WriteResult.WRITTEN;
                }
                catch (final KeeperException.NodeExistsException raced)
                {
                    continue;
                }
            }
            if (storedToken(stored) > checkpoint.token())
            {
                return WriteResult.FENCED;
            }
            try
            {
                client.setData().withVersion(stat.getVersion()).forPath(path, data);
                return WriteResult.WRITTEN;
            }
            catch (final KeeperException.BadVersionException | KeeperException.NoNodeException raced)
            {
                continue;
            }
        }
    }

    private static long storedToken(final byte[] stored)
    {
        try
        {
            return FeedCheckpoint.decode(stored).token();
        }
        catch (final IllegalArgumentException ex)
        {
            return 0L;
        }
    }
}
