package io.tickkeeper.strategy.config;

import java.io.Closeable;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import io.tickkeeper.coordinator.ZkPaths;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the bots' live parameters in ZooKeeper, {@code /tickkeeper/config/strategy/<bot>/<key>} (one
 * {@link CuratorCache}, no polling), and tells the listener of every value set, changed or removed. The strategy
 * primary turns each into a sequenced StrategyParams input, so the standby and a replay apply it at the same place.
 * A value is the znode's UTF-8 text, trimmed; a JSON string ({@code "IOC"}) loses its quotes. Nodes at other depths
 * are ignored. Lifecycle: LATENT, {@link #start()}, {@link #close()}.
 */
public final class StrategyParamWatcher implements Closeable
{
    /** The root of the bots' parameters. */
    public static final String ROOT = ZkPaths.CONFIG + "/strategy";

    private static final Logger LOG = LoggerFactory.getLogger(StrategyParamWatcher.class);

    /** Told of every parameter change. */
    @FunctionalInterface
    public interface Listener
    {
        /**
         * @param bot   the bot.
         * @param key   the parameter.
         * @param value the new value, or null when the znode was deleted.
         */
        void onParameter(String bot, String key, String value);
    }

    private enum State
    {
        LATENT, STARTED, CLOSED
    }

    private final AtomicReference<State> state = new AtomicReference<>(State.LATENT);
    private final CuratorCache cache;
    private final Listener listener;

    /**
     * @param client   a started client; it may be anonymous (reads only).
     * @param listener told of changes, on Curator's event thread.
     */
    public StrategyParamWatcher(final CuratorFramework client, final Listener listener)
    {
        this.listener = listener;
        this.cache = CuratorCache.build(client, ROOT);
        cache.listenable().addListener(CuratorCacheListener.builder().forAll(this::onEvent).build());
    }

    /** Starts watching; the values already stored are reported too. */
    public void start()
    {
        if (!state.compareAndSet(State.LATENT, State.STARTED))
        {
            throw new IllegalStateException("StrategyParamWatcher cannot be started in state " + state.get());
        }
        cache.start();
    }

    @Override
    public void close()
    {
        if (state.getAndSet(State.CLOSED) == State.STARTED)
        {
            cache.close();
        }
    }

    /**
     * @param raw a znode's text.
     * @return the parameter value it holds: trimmed, without the quotes of a JSON string.
     */
    static String value(final String raw)
    {
        final String trimmed = raw.trim();
        if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\""))
        {
            return trimmed.substring(1, trimmed.length() - 1);
        }
        return trimmed;
    }

    private void onEvent(final CuratorCacheListener.Type type, final ChildData oldData, final ChildData data)
    {
        final ChildData node = type == CuratorCacheListener.Type.NODE_DELETED ? oldData : data;
        if (node == null || !node.getPath().startsWith(ROOT + '/'))
        {
            return;
        }
        final String[] parts = node.getPath().substring(ROOT.length() + 1).split("/");
        if (parts.length != 2)
        {
            return;
        }
        final String value = type == CuratorCacheListener.Type.NODE_DELETED ? null :
            value(node.getData() == null ? "" : new String(node.getData(), StandardCharsets.UTF_8));
        try
        {
            listener.onParameter(parts[0], parts[1], value);
        }
        catch (final RuntimeException ex)
        {
            LOG.error("strategy parameter listener failed on {}/{}", parts[0], parts[1], ex);
        }
    }
}
