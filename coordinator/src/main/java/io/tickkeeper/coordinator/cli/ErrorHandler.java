package io.tickkeeper.coordinator.cli;

import java.io.PrintWriter;

import org.apache.zookeeper.KeeperException;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure of a {@code tickctl} command into one line on stderr and an exit code from
 * {@link ExitCodes}; stack traces are for {@code --verbose} log lines only.
 */
final class ErrorHandler implements IParameterExceptionHandler, IExecutionExceptionHandler
{
    @Override
    public int handleParseException(final ParameterException ex, final String[] args)
    {
        final CommandLine commandLine = ex.getCommandLine();
        final PrintWriter err = commandLine.getErr();
        err.println("tickctl: " + ex.getMessage());
        err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCodes.USAGE;
    }

    @Override
    public int handleExecutionException(
        final Exception ex, final CommandLine commandLine, final ParseResult parseResult)
    {
        final PrintWriter err = commandLine.getErr();
        err.println("tickctl: " + describe(ex));
        err.flush();
        return exitCode(ex);
    }

    /**
     * @param ex a failure thrown by a subcommand.
     * @return the exit code it maps to.
     */
    static int exitCode(final Throwable ex)
    {
        final KeeperException keeper = keeperCause(ex);
        if (ex instanceof CommandFailedException)
        {
            return ((CommandFailedException)ex).exitCode();
        }
        if (ex instanceof ZooKeeperUnreachableException)
        {
            return ExitCodes.ZK_UNREACHABLE;
        }
        if (keeper != null)
        {
            switch (keeper.code())
            {
                case NOAUTH:
                case AUTHFAILED:
                case INVALIDACL:
                    return ExitCodes.NO_PERMISSION;
                case CONNECTIONLOSS:
                case SESSIONEXPIRED:
                case OPERATIONTIMEOUT:
                case SESSIONMOVED:
                    return ExitCodes.ZK_UNREACHABLE;
                default:
                    return ExitCodes.FAILED;
            }
        }
        if (ex instanceof IllegalArgumentException)
        {
            return ExitCodes.BAD_VALUE;
        }
        return ExitCodes.FAILED;
    }

    /**
     * @param ex a failure thrown by a subcommand.
     * @return a one-line description for the operator.
     */
    static String describe(final Throwable ex)
    {
        final KeeperException keeper = keeperCause(ex);
        if (keeper != null && !(ex instanceof CommandFailedException))
        {
            final String path = keeper.getPath() == null ? "" : " at " + keeper.getPath();
            switch (keeper.code())
            {
                case NOAUTH:
                    return "permission denied" + path
                        + " (writes need credentials: set TICKKEEPER_ZK_AUTH or TICKKEEPER_ZK_AUTH_FILE)";
                case CONNECTIONLOSS:
                case OPERATIONTIMEOUT:
                    return "lost the connection to ZooKeeper" + path;
                case SESSIONEXPIRED:
                    return "ZooKeeper session expired" + path;
                default:
                    return "ZooKeeper refused the operation" + path + ": " + keeper.code();
            }
        }
        final String message = ex.getMessage();
        if (message == null || message.isBlank())
        {
            return ex.getClass().getSimpleName();
        }
        if (ex instanceof CommandFailedException || ex instanceof ZooKeeperUnreachableException
            || ex instanceof IllegalArgumentException)
        {
            return firstLine(message);
        }
        return ex.getClass().getSimpleName() + ": " + firstLine(message);
    }

    private static String firstLine(final String message)
    {
        final int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static KeeperException keeperCause(final Throwable ex)
    {
        Throwable cause = ex;
        while (cause != null)
        {
            if (cause instanceof KeeperException)
            {
                return (KeeperException)cause;
            }
            cause = cause.getCause();
        }
        return null;
    }
}
