package io.tickkeeper.coordinator.bench;

import java.io.Closeable;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;

import io.tickkeeper.coordinator.ZkPaths;
import io.tickkeeper.coordinator.election.PrimaryInfo;
import io.tickkeeper.coordinator.membership.ClusterView;
import io.tickkeeper.coordinator.membership.ShardView;

/**
 * The benchmark's eyes: one {@link CuratorCache} on the shard, which stamps every change with
 * {@link System#nanoTime()} as it arrives and lets the benchmark wait for a state of the shard (no polling).
 */
final class ShardObserver implements Closeable
{
    /** A primary znode as it was seen, and when. */
    record PrimarySeen(PrimaryInfo primary, long seenNs)
    {
    }

    private final CuratorCache cache;
    private final String primaryPath;
    private PrimarySeen lastPrimary = new PrimarySeen(null, System.nanoTime());
    private long primaryChanges;
    private ShardView shard;

    ShardObserver(final CuratorFramework client, final String service, final String shardName)
    {
        this.cache = CuratorCache.build(client, ZkPaths.shard(service, shardName));
        this.primaryPath = ZkPaths.primary(service, shardName);
        this.shard = new ShardView(service, shardName, 0, null, 0, List.of(), Set.of(), false);
        cache.listenable().addListener(CuratorCacheListener.builder()
            .forAll((type, oldData, data) -> onChange(data != null ? data : oldData, data))
            .build());
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
                lastPrimary = new PrimarySeen(PrimaryInfo.fromJson(data.getData()), nowNs);
                primaryChanges++;
            }
        }
        shard = ClusterView.from(cache.stream()).shards().stream().findFirst().orElse(shard);
        notifyAll();
    }
}
