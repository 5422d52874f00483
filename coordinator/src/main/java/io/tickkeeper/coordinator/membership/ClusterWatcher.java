package io.tickkeeper.coordinator.membership;

import java.io.Closeable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;

import io.tickkeeper.coordinator.ZkPaths;

/**
 * Watches every service and shard through one Curator cache on {@link ZkPaths#SERVICES} (watches, no polling;
 * reloaded after a lost session, see {@link SessionSafeCache}) and keeps an up-to-date {@link ClusterView}. While
 * a reload runs, the view stays the last complete one. Read-only: an anonymous client is enough.
 */
public final class ClusterWatcher implements Closeable
{
    private enum Lifecycle
    {
        LATENT, STARTED, CLOSED
    }

    private final SessionSafeCache cache;
    private final AtomicReference<Lifecycle> lifecycle = new AtomicReference<>(Lifecycle.LATENT);
    private final CopyOnWriteArrayList<ClusterListener> listeners = new CopyOnWriteArrayList<>();
    private final CountDownLatch initialized = new CountDownLatch(1);
    private volatile boolean loaded;
    private volatile ClusterView view = ClusterView.from(Stream.empty());

    /**
     * @param client a started client.
     */
    public ClusterWatcher(final CuratorFramework client)
    {
        this.cache = new SessionSafeCache(client, ZkPaths.SERVICES, new SessionSafeCache.Listener()
        {
            @Override
            public void onChange(
                final CuratorCacheListener.Type type, final ChildData oldData, final ChildData data)
            {
                if (loaded)
                {
                    refresh();
                }
            }

            @Override
            public void onLoaded()
            {
                loaded = true;
                refresh();
                initialized.countDown();
            }

            @Override
            public void onReset()
            {
                loaded = false;
            }
        });
    }

    /**
     * @param listener told about every change after the initial load (and once when a load completes).
     */
    public void addListener(final ClusterListener listener)
    {
        listeners.add(listener);
    }

    /**
     * Starts watching.
     *
     * @throws IllegalStateException when already started or closed.
     */
    public void start()
    {
        if (!lifecycle.compareAndSet(Lifecycle.LATENT, Lifecycle.STARTED))
        {
            throw new IllegalStateException("cluster watcher was already started or closed");
        }
        cache.start();
    }

    /**
     * @param timeoutMs how long to wait.
     * @return whether the cache finished its initial load (and {@link #view()} shows it) in time.
     * @throws InterruptedException when interrupted.
     */
    public boolean awaitInitialized(final long timeoutMs) throws InterruptedException
    {
        return initialized.await(timeoutMs, TimeUnit.MILLISECONDS);
    }

    /** @return the cluster as last seen. */
    public ClusterView view()
    {
        return view;
    }

    @Override
    public void close()
    {
        if (lifecycle.getAndSet(Lifecycle.CLOSED) == Lifecycle.STARTED)
        {
            cache.close();
        }
    }

    private void refresh()
    {
        final ClusterView next = ClusterView.from(cache.stream());
        view = next;
        for (final ClusterListener listener : listeners)
        {
            listener.onClusterChanged(next);
        }
    }
}
