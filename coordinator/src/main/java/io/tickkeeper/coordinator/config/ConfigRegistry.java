package io.tickkeeper.coordinator.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration keys a process knows. A key that is not here is refused by {@link ConfigStore} and by
 * {@link LiveConfig}. The platform's keys are {@link ConfigKeys#registry()}.
 */
public final class ConfigRegistry
{
    private final Map<String, ConfigKey<?>> keys;

    /**
     * @param keys the known keys; names must be unique.
     */
    public ConfigRegistry(final ConfigKey<?>... keys)
    {
        final Map<String, ConfigKey<?>> byName = new LinkedHashMap<>();
        for (final ConfigKey<?> key : keys)
        {
            if (byName.putIfAbsent(key.name(), key) != null)
            {
                throw new IllegalArgumentException("config key registered twice: " + key.name());
            }
        }
        this.keys = Collections.unmodifiableMap(byName);
    }

    /**
     * @param name a key name.
     * @return the key of that name, if known.
     */
    public Optional<ConfigKey<?>> find(final String name)
    {
        return Optional.ofNullable(keys.get(name));
    }

    /**
     * @param name a key name.
     * @return the key of that name.
     * @throws ConfigException {@link ConfigException.Reason#UNKNOWN_KEY} when it is not known.
     */
    public ConfigKey<?> require(final String name)
    {
        final ConfigKey<?> key = keys.get(name);
        if (key == null)
        {
            throw new ConfigException(ConfigException.Reason.UNKNOWN_KEY, "unknown config key: " + name);
        }
        return key;
    }

    /**
     * @param key a key.
     * @return whether this very key (not just one of the same name) is registered.
     */
    public boolean contains(final ConfigKey<?> key)
    {
        return keys.get(key.name()) == key;
    }

    /** @return every known key, in registration order. */
    public List<ConfigKey<?>> keys()
    {
        return List.copyOf(keys.values());
    }
}
