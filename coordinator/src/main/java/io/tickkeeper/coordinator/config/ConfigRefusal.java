package io.tickkeeper.coordinator.config;

/**
 * A value {@link LiveConfig} saw in ZooKeeper and refused, keeping the last good one.
 *
 * @param key      the znode name under {@code /tickkeeper/config} (perhaps not a known key).
 * @param rawValue the refused text, as stored.
 * @param reason   why it was refused, in one line.
 * @param keptJson the value still in force, or an empty string when the key itself is unknown.
 */
public record ConfigRefusal(String key, String rawValue, String reason, String keptJson)
{
}
