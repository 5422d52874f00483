package io.tickkeeper.coordinator.config;

import java.util.Optional;

/**
 * One change of one key, as {@link ConfigStore#history(String)} reads it.
 *
 * @param key      the key name.
 * @param sequence the change's sequence number under the key's history znode (ascending with time).
 * @param oldJson  the value before the change, or empty when the key had no stored value.
 * @param newJson  the value the change stored.
 * @param timeMs   when the change was made, as given by the writer (epoch milliseconds).
 * @param who      who made it: the writer's credentials user, or "anonymous".
 */
public record ConfigChange(
    String key, long sequence, Optional<String> oldJson, String newJson, long timeMs, String who)
{
}
