package io.tickkeeper.coordinator.cli;

/**
 * Thrown when {@code tickctl} cannot reach the ZooKeeper ensemble in time; it exits with
 * {@link ExitCodes#ZK_UNREACHABLE}.
 */
public final class ZooKeeperUnreachableException extends RuntimeException
{
    /**
     * @param message what could not be reached, in one line.
     */
    public ZooKeeperUnreachableException(final String message)
    {
        super(message);
    }
}
