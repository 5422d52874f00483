package io.tickkeeper.strategy;

/** A strategy class could not be loaded or built; the message says which class, from where, and why. */
public final class StrategyLoadException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong.
     * @param cause   the underlying error, or null.
     */
    public StrategyLoadException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
