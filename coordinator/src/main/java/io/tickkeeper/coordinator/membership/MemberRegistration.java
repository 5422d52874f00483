package io.tickkeeper.coordinator.membership;

import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.nodes.PersistentNode;
import org.apache.zookeeper.CreateMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tickkeeper.coordinator.ZkPaths;

/**
 * One node's ephemeral member znode at {@code ZkPaths.members(service, shard) + "/" + node}, kept by Curator's
 * {@link PersistentNode} (so it comes back after a lost session) and updated with {@link #publish(MemberInfo)}.
 * Writes are rate-limited: at most one per {@code minWriteIntervalMs}; values published in between are
 * coalesced and the latest one is written when the interval has passed.
 */
public final class MemberRegistration implements Closeable
{
    /** Default minimum time between two writes of the member znode. */
    public static final long DEFAULT_MIN_WRITE_INTERVAL_MS = 200;

    private static final long RETRY_MS = 20;
    private static final Logger LOG = LoggerFactory.getLogger(MemberRegistration.class);

    private enum Lifecycle
    {
        LATENT, STARTED, CLOSED
    }

    private final String path;
    private final String node;
    private final long minWriteIntervalNs;
    private final PersistentNode znode;
    private final ScheduledExecutorService writer;
    private final AtomicReference<Lifecycle> lifecycle = new AtomicReference<>(Lifecycle.LATENT);
    private final AtomicReference<MemberInfo> pending = new AtomicReference<>();
    private final AtomicReference<MemberInfo> lastWritten = new AtomicReference<>();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    private final AtomicLong writes = new AtomicLong();
    private volatile long lastWriteNs;

    private MemberRegistration(
        final CuratorFramework client, final String service, final String shard, final MemberInfo initial,
        final long minWriteIntervalMs)
    {
        this.path = ZkPaths.members(service, shard) + '/' + initial.node();
        this.node = initial.node();
        this.minWriteIntervalNs = TimeUnit.MILLISECONDS.toNanos(minWriteIntervalMs);
        this.znode = new PersistentNode(client, CreateMode.EPHEMERAL, false, path, initial.toJson());
        this.lastWritten.set(initial);
        this.writer = Executors.newSingleThreadScheduledExecutor(runnable ->
        {
            final Thread thread = new Thread(runnable, "member-" + service + '-' + shard + '-' + node);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * @param client             a client carrying the service's credentials; started by the caller.
     * @param service            service name.
     * @param shard              shard name.
     * @param initial            the first value; its node name names the znode.
     * @param minWriteIntervalMs least time between two writes.
     * @return a new, not yet started registration.
     */
    public static MemberRegistration create(
        final CuratorFramework client, final String service, final String shard, final MemberInfo initial,
        final long minWriteIntervalMs)
    {
        if (client == null || initial == null)
        {
            throw new IllegalArgumentException("client and initial value must be given");
        }
        if (minWriteIntervalMs < 0)
        {
            throw new IllegalArgumentException("minWriteIntervalMs must not be negative: " + minWriteIntervalMs);
        }
        return new MemberRegistration(client, service, shard, initial, minWriteIntervalMs);
    }

    /**
     * Creates the member znode (in the background; it is re-created after a lost session).
     *
     * @throws IllegalStateException when already started or closed.
     */
    public void start()
    {
        if (!lifecycle.compareAndSet(Lifecycle.LATENT, Lifecycle.STARTED))
        {
            throw new IllegalStateException("member registration " + path + " was already started or closed");
        }
        lastWriteNs = System.nanoTime();
        znode.start();
    }

    /**
     * Waits until the member znode has been created once.
     *
     * @param timeoutMs how long to wait.
     * @return whether it was created in time.
     * @throws InterruptedException when interrupted.
     */
    public boolean awaitCreated(final long timeoutMs) throws InterruptedException
    {
        return znode.waitForInitialCreate(timeoutMs, TimeUnit.MILLISECONDS);
    }

    /**
     * Publishes new values; cheap and non-blocking. The znode is written at most once per interval, with the
     * latest value.
     *
     * @param info the node's values now (same node name).
     */
    public void publish(final MemberInfo info)
    {
        if (!node.equals(info.node()))
        {
            throw new IllegalArgumentException("this registration is for node " + node + ", not " + info.node());
        }
        if (lifecycle.get() != Lifecycle.STARTED)
        {
            return;
        }
        pending.set(info);
        scheduleFlush();
    }

    /** @return the last value handed to ZooKeeper. */
    public MemberInfo lastWritten()
    {
        return lastWritten.get();
    }

    /** @return how many updates were written (the initial create not counted). */
    public long writes()
    {
        return writes.get();
    }

    /** @return the member znode's path. */
    public String path()
    {
        return path;
    }

    /**
     * Deletes the member znode.
     */
    @Override
    public void close()
    {
        final Lifecycle previous = lifecycle.getAndSet(Lifecycle.CLOSED);
        writer.shutdownNow();
        if (previous == Lifecycle.STARTED)
        {
            try
            {
                znode.close();
            }
            catch (final IOException ex)
            {
                LOG.warn("{}: could not delete the member znode: {}", path, ex.toString());
            }
        }
    }

    private void scheduleFlush()
    {
        if (!flushScheduled.compareAndSet(false, true))
        {
            return;
        }
        final long delayNs = Math.max(0, lastWriteNs + minWriteIntervalNs - System.nanoTime());
        try
        {
            writer.schedule(this::flush, delayNs, TimeUnit.NANOSECONDS);
        }
        catch (final RejectedExecutionException ex)
        {
            flushScheduled.set(false);
        }
    }

    private void flush()
    {
        if (znode.getActualPath() == null)
        {
            retryLater();
            return;
        }
        lastWriteNs = System.nanoTime();
        flushScheduled.set(false);
        final MemberInfo info = pending.getAndSet(null);
        if (info == null || lifecycle.get() != Lifecycle.STARTED)
        {
            return;
        }
        try
        {
            znode.setData(info.toJson());
            lastWritten.set(info);
            writes.incrementAndGet();
        }
        catch (final Exception ex)
        {
            LOG.warn("{}: could not publish member values: {}", path, ex.toString());
            pending.compareAndSet(null, info);
            if (flushScheduled.compareAndSet(false, true))
            {
                retryLater();
            }
        }
    }

    /** With the flush flag held: tries again after the interval (at least {@value #RETRY_MS} ms). */
    private void retryLater()
    {
        try
        {
            writer.schedule(this::flush,
                Math.max(minWriteIntervalNs, TimeUnit.MILLISECONDS.toNanos(RETRY_MS)), TimeUnit.NANOSECONDS);
        }
        catch (final RejectedExecutionException ex)
        {
            flushScheduled.set(false);
        }
    }
}
