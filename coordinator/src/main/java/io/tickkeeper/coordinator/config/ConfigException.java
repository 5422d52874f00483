package io.tickkeeper.coordinator.config;

/**
 * A configuration operation that did not happen, with the {@link Reason} a caller (such as {@code tickctl}) maps
 * to its own outcome. The message is one line, written for an operator.
 */
public final class ConfigException extends RuntimeException
{
    /** Why the operation did not happen. */
    public enum Reason
    {
        /** The key is not in the registry; nothing was read or written. */
        UNKNOWN_KEY,
        /** The value is not valid JSON, has the wrong type, or fails the key's validation; nothing was written. */
        INVALID_VALUE,
        /** ZooKeeper refused the write: the client is anonymous or not the owner of the znode. */
        NO_PERMISSION,
        /** The ensemble could not be reached, the session was lost, or the caller was interrupted. */
        UNAVAILABLE,
        /** Any other refusal by ZooKeeper. */
        FAILED
    }

    private final Reason reason;

    /**
     * @param reason  why the operation did not happen.
     * @param message what happened, in one line.
     */
    public ConfigException(final Reason reason, final String message)
    {
        super(message);
        this.reason = reason;
    }

    /**
     * @param reason  why the operation did not happen.
     * @param message what happened, in one line.
     * @param cause   the underlying failure.
     */
    public ConfigException(final Reason reason, final String message, final Throwable cause)
    {
        super(message, cause);
        this.reason = reason;
    }

    /** @return why the operation did not happen. */
    public Reason reason()
    {
        return reason;
    }
}
