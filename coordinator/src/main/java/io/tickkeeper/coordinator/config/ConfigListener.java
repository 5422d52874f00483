package io.tickkeeper.coordinator.config;

/**
 * Told by {@link LiveConfig} when a key's good value changes.
 *
 * @param <T> the key's value type.
 */
@FunctionalInterface
public interface ConfigListener<T>
{
    /**
     * Called on the ZooKeeper event thread; keep it short and never block.
     *
     * @param value the new value, already validated.
     */
    void onApplied(T value);
}
