package io.tickkeeper.coordinator.bench;

import java.io.Closeable;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;

import io.tickkeeper.coordinator.ZkPaths;
import io.tickkeeper.coordinator.election.PrimaryInfo;
import io.tickkeeper.coordinator.membership.ClusterView;
import io.tickkeeper.coordinator.membership.SessionSafeCache;
import io.tickkeeper.coordinator.membership.ShardView;

/**
 * The benchmark's eyes: one cache on the shard ({@link SessionSafeCache}), which stamps every change with
 * {@link System#nanoTime()} as it arrives and lets the benchmark wait for a state of the shard (no polling).
 * A primary first seen in a reload after a lost session is stamped when the reload completes.
 */
final class ShardObserver implements Closeable
{
    /** A primary znode as it was seen, and when. */
    record PrimarySeen(PrimaryInfo primary, long seenNs)
    {
    }

    private final SessionSafeCache cache;
    private final String primaryPath;
    private PrimarySeen lastPrimary = new PrimarySeen(null, System.nanoTime());
    private long primaryChanges;
    private ShardView shard;

    ShardObserver(final CuratorFramework client, final String service, final String shardName)
    {
        this.primaryPath = ZkPaths.primary(service, shardName);
        this.shard = new ShardView(service, shardName, 0, null, 0, List.of(), Set.of(), false);
        this.cache = new SessionSafeCache(client, ZkPaths.shard(service, shardName), new SessionSafeCache.Listener()
        {
            @Override
            public void onChange(
                final CuratorCacheListener.Type type, final ChildData oldData, final ChildData data)
            {
                ShardObserver.this.onChange(data != null ? data : oldData, data);
            }

            @Override
            public void onLoaded()
            {
                onReload();
            }
        });
    }

    void start()
    {
        cache.start();
    }

    /**
     * @param condition what the shard must look like.
     * @param timeoutMs how long to wait.
     * @return the shard once it matches.
     * @throws IllegalStateException when it does not in time.
     */
    synchronized ShardView awaitShard(final Predicate<ShardView> condition, final long timeoutMs, final String what)
        throws InterruptedException
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (!condition.test(shard))
        {
            final long leftMs = TimeUnit.NANOSECONDS.toMillis(deadlineNs - System.nanoTime());
            if (leftMs <= 0)
            {
                throw new IllegalStateException("timed out after " + timeoutMs + " ms waiting for " + what
                    + "; shard now " + shard);
            }
            wait(leftMs);
        }
        return shard;
    }

    /**
     * @param condition what the primary znode must hold.
     * @param timeoutMs how long to wait.
     * @return the first primary matching it, with the time it was seen.
     * @throws IllegalStateException when none does in time.
     */
    synchronized PrimarySeen awaitPrimary(final Predicate<PrimaryInfo> condition, final long timeoutMs,
        final String what) throws InterruptedException
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (lastPrimary.primary() == null || !condition.test(lastPrimary.primary()))
        {
            final long leftMs = TimeUnit.NANOSECONDS.toMillis(deadlineNs - System.nanoTime());
            if (leftMs <= 0)
            {
                throw new IllegalStateException("timed out after " + timeoutMs + " ms waiting for " + what
                    + "; primary now " + lastPrimary.primary());
            }
            wait(leftMs);
        }
        return lastPrimary;
    }

    /** @return how many times the primary znode was created or changed. */
    synchronized long primaryChanges()
    {
        return primaryChanges;
    }

    synchronized Optional<PrimaryInfo> primary()
    {
        return Optional.ofNullable(lastPrimary.primary());
    }

    @Override
    public void close()
    {
        cache.close();
    }

    private synchronized void onReload()
    {
        final ChildData current = cache.get(primaryPath).orElse(null);
        if (current == null || current.getData() == null || current.getData().length == 0)
        {
            lastPrimary = new PrimarySeen(null, System.nanoTime());
        }
        else
        {
            final PrimaryInfo primary = PrimaryInfo.fromJson(current.getData());
            if (!primary.equals(lastPrimary.primary()))
            {
                lastPrimary = new PrimarySeen(primary, System.nanoTime());
                primaryChanges++;
            }
        }
        shard = ClusterView.from(cache.stream()).shards().stream().findFirst().orElse(shard);
        notifyAll();
    }

    private synchronized void onChange(final ChildData znode, final ChildData data)
    {
        final long nowNs = System.nanoTime();
        if (znode.getPath().equals(primaryPath))
        {
            if (data == null || data.getData() == null || data.getData().length == 0)
            {
                lastPrimary = new PrimarySeen(null, nowNs);
            }
            else
            {
                final PrimaryInfo primary = PrimaryInfo.fromJson(data.getData());
                if (!primary.equals(lastPrimary.primary()))
                {
                    lastPrimary = new PrimarySeen(primary, nowNs);
                    primaryChanges++;
                }
            }
        }
        shard = ClusterView.from(cache.stream()).shards().stream().findFirst().orElse(shard);
        notifyAll();
    }
}
