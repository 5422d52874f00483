package io.tickkeeper.coordinator.lock;

/**
 * Told by {@link FencedLock} the moment its holder can no longer be sure it holds the lock.
 */
@FunctionalInterface
public interface FencedLockListener
{
    /**
     * Called on a Curator thread; keep it short and never block. The holder must stop writing with {@code token}
     * and call {@link FencedLock#release()} from the thread that acquired the lock.
     *
     * @param lockName the lock.
     * @param token    the fencing token of the holding that ended.
     * @param reason   why, in a few words (connection SUSPENDED or LOST, lock node deleted).
     */
    void lockLost(String lockName, long token, String reason);
}
