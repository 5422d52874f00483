package io.tickkeeper.coordinator.membership;

import java.io.Closeable;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.ConnectionStateListener;

/**
 * A Curator {@link CuratorCache} that is replaced by a fresh one when the client reconnects after a LOST session.
 * A cache's persistent watch belongs to its session; after a session loss a cache was seen to keep stale data
 * (the changes made while the session was gone were never reported), which for a process following primaries
 * means following a dead one forever. The fresh cache reloads everything and reports {@link Listener#onLoaded()}.
 */
public final class SessionSafeCache implements Closeable
{
    /** What the cache reports; calls come from Curator's threads, one at a time per cache. */
    public interface Listener
    {
        /**
         * A znode was created, changed or deleted (also during a load, for every znode found).
         *
         * @param type    what happened.
         * @param oldData the znode before, or null.
         * @param data    the znode now, or null.
         */
        void onChange(CuratorCacheListener.Type type, ChildData oldData, ChildData data);

        /** A load (the first, or after a lost session) is complete: the cache holds the current znodes. */
        void onLoaded();

        /** A lost session was re-established; a fresh load starts and {@link #onLoaded()} follows. */
        default void onReset()
        {
        }
    }

    private enum Lifecycle
    {
        LATENT, STARTED, CLOSED
    }

    private final CuratorFramework client;
    private final String path;
    private final CuratorCache.Options[] options;
    private final Listener listener;
    private final AtomicReference<Lifecycle> lifecycle = new AtomicReference<>(Lifecycle.LATENT);
    private final ConnectionStateListener connectionListener = (ignored, state) -> onConnectionState(state);
    private CuratorCache cache;
    private boolean sessionLost;

    /**
     * @param client   a started client.
     * @param path     the root of the cached znodes.
     * @param listener told about changes and loads.
     * @param options  Curator cache options (e.g. {@link CuratorCache.Options#SINGLE_NODE_CACHE}).
     */
    public SessionSafeCache(
        final CuratorFramework client, final String path, final Listener listener, final CuratorCache.Options... options)
    {
        this.client = client;
        this.path = path;
        this.listener = listener;
        this.options = options.clone();
    }

    /**
     * Starts the first cache.
     *
     * @throws IllegalStateException when already started or closed.
     */
    public void start()
    {
        if (!lifecycle.compareAndSet(Lifecycle.LATENT, Lifecycle.STARTED))
        {
            throw new IllegalStateException("cache of " + path + " was already started or closed");
        }
        client.getConnectionStateListenable().addListener(connectionListener);
        replace();
    }

    /** @return the cached znodes now. */
    public synchronized Stream<ChildData> stream()
    {
        return cache == null ? Stream.empty() : cache.stream();
    }

    /**
     * @param znodePath a path at or below the cache's root.
     * @return the cached znode there, if any.
     */
    public synchronized Optional<ChildData> get(final String znodePath)
    {
        return cache == null ? Optional.empty() : cache.get(znodePath);
    }

    @Override
    public void close()
    {
        if (lifecycle.getAndSet(Lifecycle.CLOSED) != Lifecycle.STARTED)
        {
            return;
        }
        client.getConnectionStateListenable().removeListener(connectionListener);
        synchronized (this)
        {
            cache.close();
        }
    }

    private void onConnectionState(final ConnectionState state)
    {
        final boolean reload;
        synchronized (this)
        {
            if (state == ConnectionState.LOST)
            {
                sessionLost = true;
            }
            reload = sessionLost && state.isConnected() && lifecycle.get() == Lifecycle.STARTED;
            if (reload)
            {
                sessionLost = false;
            }
        }
        if (reload)
        {
            listener.onReset();
            replace();
        }
    }

    private void replace()
    {
        synchronized (this)
        {
            if (lifecycle.get() != Lifecycle.STARTED)
            {
                return;
            }
            if (cache != null)
            {
                cache.close();
            }
            final CuratorCache fresh = CuratorCache.build(client, path, options);
            fresh.listenable().addListener(CuratorCacheListener.builder()
                .forAll((type, oldData, data) ->
                {
                    if (isCurrent(fresh))
                    {
                        listener.onChange(type, oldData, data);
                    }
                })
                .forInitialized(() ->
                {
                    if (isCurrent(fresh))
                    {
                        listener.onLoaded();
                    }
                })
                .build());
            cache = fresh;
            fresh.start();
        }
    }

    private synchronized boolean isCurrent(final CuratorCache candidate)
    {
        return cache == candidate;
    }
}
