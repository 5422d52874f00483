package io.tickkeeper.coordinator.membership;

/**
 * Told by a {@link ClusterWatcher} whenever anything under the services root changes.
 */
@FunctionalInterface
public interface ClusterListener
{
    /**
     * @param view the cluster as it is now; must be handled quickly (the watcher's thread waits).
     */
    void onClusterChanged(ClusterView view);
}
