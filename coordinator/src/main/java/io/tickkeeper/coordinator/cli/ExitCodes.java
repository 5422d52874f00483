package io.tickkeeper.coordinator.cli;

/**
 * The exit codes of {@code tickctl}; docs/zookeeper.md lists them for operators and scripts.
 */
public final class ExitCodes
{
    /** The command did what it was asked. */
    public static final int OK = 0;
    /** The command line was wrong: unknown command or option, missing or malformed argument. */
    public static final int USAGE = 1;
    /** The ZooKeeper ensemble could not be reached (or the session was lost) within the timeout. */
    public static final int ZK_UNREACHABLE = 2;
    /** A value was well-formed but not acceptable (out of range, failed validation, unknown key). */
    public static final int BAD_VALUE = 3;
    /** ZooKeeper refused the operation: the client's credentials do not allow it. */
    public static final int NO_PERMISSION = 4;
    /** The operation was understood and allowed but did not succeed (e.g. an ensemble did not reach quorum). */
    public static final int FAILED = 5;

    private ExitCodes()
    {
    }
}
