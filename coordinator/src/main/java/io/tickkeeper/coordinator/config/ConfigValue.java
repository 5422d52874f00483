package io.tickkeeper.coordinator.config;

import java.util.Optional;

/**
 * The value of one key as {@link ConfigStore#get(String)} reads it.
 *
 * @param key        the key name.
 * @param json       the stored JSON text, or the default's when nothing is stored.
 * @param stored     whether a value is stored (false: the default is in force).
 * @param version    the znode's data version, or -1 when nothing is stored.
 * @param modifiedMs when the znode was last written (ZooKeeper's mtime), or 0 when nothing is stored.
 * @param problem    why the stored text is refused, when it was written by other means than {@link ConfigStore};
 *                   consumers then keep their last good value.
 */
public record ConfigValue(
    String key, String json, boolean stored, int version, long modifiedMs, Optional<String> problem)
{
}
