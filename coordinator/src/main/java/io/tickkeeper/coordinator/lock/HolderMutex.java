package io.tickkeeper.coordinator.lock;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.locks.InterProcessMutex;

/**
 * Curator's {@link InterProcessMutex} whose lock node holds the holder's id and whose own lock node path the
 * acquiring thread can read (the fencing-token transaction checks that node).
 */
final class HolderMutex extends InterProcessMutex
{
    private final byte[] holderId;

    HolderMutex(final CuratorFramework client, final String path, final byte[] holderId)
    {
        super(client, path);
        this.holderId = holderId.clone();
    }

    @Override
    protected byte[] getLockNodeBytes()
    {
        return holderId.clone();
    }

    /** @return the lock node of the calling thread's holding, or null when that thread holds nothing. */
    String ownLockNode()
    {
        return getLockPath();
    }
}
