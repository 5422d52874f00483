package io.tickkeeper.coordinator.config;

import java.io.Closeable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tickkeeper.coordinator.ZkPaths;

/**
 * The consumer side of live configuration: a {@link CuratorCache} (one persistent recursive watch, no polling)
 * on {@code /tickkeeper/config} keeps the last good value of every registered key. A valid new value replaces it
 * and is handed to that key's {@link ConfigListener}s; a value that fails its key's validation (written by other
 * means than {@link ConfigStore}, for example zkCli) is refused: the last good value stays in force and every
 * {@link ConfigRefusalListener} is told, with a log line. A deleted value falls back to the key's default. Until a
 * value is seen, a key has its default.
 * <p>
 * The subtree {@value #STRATEGY_SUBTREE} ({@code /tickkeeper/config/strategy/<bot>/<key>}) belongs to the strategy
 * engine's bots (its own watcher reads it); this class ignores it, neither applying nor refusing anything there.
 * <p>
 * Lifecycle: LATENT, then {@link #start()}, then {@link #close()}. Add listeners before {@code start()} to be told
 * of the values already stored as well.
 */
public final class LiveConfig implements Closeable
{
    /** The config subtree of the strategy engine's bot parameters, which this class leaves alone. */
    public static final String STRATEGY_SUBTREE = "strategy";

    private static final Logger LOG = LoggerFactory.getLogger(LiveConfig.class);

    private enum State
    {
        LATENT, STARTED, CLOSED
    }

    private final AtomicReference<State> state = new AtomicReference<>(State.LATENT);
    private final ConfigRegistry registry;
    private final CuratorCache cache;
    private final Map<String, Object> good = new ConcurrentHashMap<>();
    private final Map<String, List<Consumer<Object>>> listeners = new ConcurrentHashMap<>();
    private final List<ConfigRefusalListener> refusalListeners = new CopyOnWriteArrayList<>();
    private final CountDownLatch initialized = new CountDownLatch(1);

    /**
     * @param client   a started client; it may be anonymous (reads only).
     * @param registry the keys this process understands.
     */
    public LiveConfig(final CuratorFramework client, final ConfigRegistry registry)
    {
        this.registry = registry;
        for (final ConfigKey<?> key : registry.keys())
        {
            good.put(key.name(), key.defaultValue());
        }
        this.cache = CuratorCache.build(client, ZkPaths.CONFIG);
        cache.listenable().addListener(CuratorCacheListener.builder()
            .forAll(this::onEvent)
            .forInitialized(initialized::countDown)
            .build());
    }

    /**
     * Starts watching. The values already stored arrive asynchronously; {@link #awaitInitialized(long)} waits
     * for them.
     */
    public void start()
    {
        if (!state.compareAndSet(State.LATENT, State.STARTED))
        {
            throw new IllegalStateException("LiveConfig cannot be started in state " + state.get());
        }
        cache.start();
    }

    /**
     * @param timeoutMs how long to wait.
     * @return whether the values stored at start have all been seen.
     * @throws InterruptedException when interrupted while waiting.
     */
    public boolean awaitInitialized(final long timeoutMs) throws InterruptedException
    {
        return initialized.await(timeoutMs, TimeUnit.MILLISECONDS);
    }

    /**
     * @param key a registered key.
     * @param <T> its value type.
     * @return the last good value of the key (its default until one is seen).
     */
    public <T> T get(final ConfigKey<T> key)
    {
        checkRegistered(key);
        return key.type().cast(good.get(key.name()));
    }

    /**
     * @param key      a registered key.
     * @param listener told of every new good value of the key.
     * @param <T>      its value type.
     */
    public <T> void addListener(final ConfigKey<T> key, final ConfigListener<T> listener)
    {
        checkRegistered(key);
        listeners.computeIfAbsent(key.name(), name -> new CopyOnWriteArrayList<>())
            .add(value -> listener.onApplied(key.type().cast(value)));
    }

    /**
     * @param listener told of every refused value.
     */
    public void addRefusalListener(final ConfigRefusalListener listener)
    {
        refusalListeners.add(listener);
    }

    @Override
    public void close()
    {
        if (state.getAndSet(State.CLOSED) == State.STARTED)
        {
            cache.close();
        }
    }

    private void onEvent(final CuratorCacheListener.Type type, final ChildData oldData, final ChildData data)
    {
        final ChildData node = type == CuratorCacheListener.Type.NODE_DELETED ? oldData : data;
        if (node == null || !node.getPath().startsWith(ZkPaths.CONFIG + '/'))
        {
            return;
        }
        final String name = node.getPath().substring(ZkPaths.CONFIG.length() + 1);
        if (isStrategyParameter(name))
        {
            return;
        }
        if (type == CuratorCacheListener.Type.NODE_DELETED)
        {
            registry.find(name).ifPresent(this::revertToDefault);
            return;
        }
        final String raw = node.getData() == null ? "" : new String(node.getData(), StandardCharsets.UTF_8);
        final Optional<ConfigKey<?>> key = registry.find(name);
        if (key.isEmpty())
        {
            refuse(new ConfigRefusal(name, raw, "unknown config key: " + name, ""));
            return;
        }
        final Object value;
        try
        {
            value = key.get().decode(raw);
        }
        catch (final ConfigException ex)
        {
            refuse(new ConfigRefusal(name, raw, ex.getMessage(), goodJson(key.get())));
            return;
        }
        publish(key.get(), value);
    }

    /** @return whether the name is the strategy subtree or lies under it. */
    static boolean isStrategyParameter(final String name)
    {
        return name.equals(STRATEGY_SUBTREE) || name.startsWith(STRATEGY_SUBTREE + '/');
    }

    private void revertToDefault(final ConfigKey<?> key)
    {
        LOG.info("config {} removed: back to its default {}", key.name(), defaultJson(key));
        publish(key, key.defaultValue());
    }

    private void publish(final ConfigKey<?> key, final Object value)
    {
        final Object previous = good.put(key.name(), value);
        if (Objects.equals(previous, value))
        {
            return;
        }
        LOG.info("config {} applied: {}", key.name(), goodJson(key));
        for (final Consumer<Object> listener : listeners.getOrDefault(key.name(), List.of()))
        {
            try
            {
                listener.accept(value);
            }
            catch (final RuntimeException ex)
            {
                LOG.error("config listener of {} failed", key.name(), ex);
            }
        }
    }

    private void refuse(final ConfigRefusal refusal)
    {
        LOG.warn("config {} refused: {} (keeping {})", refusal.key(), refusal.reason(),
            refusal.keptJson().isEmpty() ? "nothing" : refusal.keptJson());
        for (final ConfigRefusalListener listener : refusalListeners)
        {
            try
            {
                listener.onRefused(refusal);
            }
            catch (final RuntimeException ex)
            {
                LOG.error("config refusal listener failed", ex);
            }
        }
    }

    private <T> String goodJson(final ConfigKey<T> key)
    {
        return key.encode(key.type().cast(good.get(key.name())));
    }

    private static <T> String defaultJson(final ConfigKey<T> key)
    {
        return key.encode(key.defaultValue());
    }

    private void checkRegistered(final ConfigKey<?> key)
    {
        if (!registry.contains(key))
        {
            throw new IllegalArgumentException("config key not in this LiveConfig's registry: " + key.name());
        }
    }
}
