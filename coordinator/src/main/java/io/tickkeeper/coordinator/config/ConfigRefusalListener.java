package io.tickkeeper.coordinator.config;

/**
 * Told by {@link LiveConfig} when it refuses a value found in ZooKeeper (written by other means than
 * {@link ConfigStore}, for example zkCli).
 */
@FunctionalInterface
public interface ConfigRefusalListener
{
    /**
     * Called on the ZooKeeper event thread; keep it short and never block.
     *
     * @param refusal what was refused and what stays in force.
     */
    void onRefused(ConfigRefusal refusal);
}
