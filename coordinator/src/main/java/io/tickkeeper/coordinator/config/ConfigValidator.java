package io.tickkeeper.coordinator.config;

import java.util.Optional;

/**
 * Checks a decoded configuration value against the rules of its key.
 *
 * @param <T> the value type.
 */
@FunctionalInterface
public interface ConfigValidator<T>
{
    /**
     * @param value a well-typed value.
     * @return empty when the value is acceptable, else what is wrong with it, in a few words an operator
     *         understands (the key name is added by the caller).
     */
    Optional<String> problem(T value);
}
