package io.tickkeeper.coordinator.lock;

/**
 * A lock operation that ZooKeeper refused or could not complete; the cause, when there is one, is the
 * {@link org.apache.zookeeper.KeeperException} (NOAUTH for a client without the lock owner's credentials).
 */
public final class FencedLockException extends RuntimeException
{
    /**
     * @param message what failed, in one line.
     * @param cause   the underlying failure.
     */
    public FencedLockException(final String message, final Throwable cause)
    {
        super(message, cause);
    }

    /**
     * @param message what failed, in one line.
     */
    public FencedLockException(final String message)
    {
        super(message);
    }
}
