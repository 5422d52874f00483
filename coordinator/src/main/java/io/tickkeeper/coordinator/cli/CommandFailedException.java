package io.tickkeeper.coordinator.cli;

/**
 * Thrown by a {@code tickctl} subcommand whose operation did not succeed; the message is shown as one line and
 * the process exits with the given code (by default {@link ExitCodes#FAILED}).
 */
public final class CommandFailedException extends RuntimeException
{
    private final int exitCode;

    /**
     * @param message  what failed, in one line.
     */
    public CommandFailedException(final String message)
    {
        this(message, ExitCodes.FAILED);
    }

    /**
     * @param message  what failed, in one line.
     * @param exitCode one of {@link ExitCodes}.
     */
    public CommandFailedException(final String message, final int exitCode)
    {
        super(message);
        this.exitCode = exitCode;
    }

    /** @return the exit code the process ends with. */
    public int exitCode()
    {
        return exitCode;
    }
}
