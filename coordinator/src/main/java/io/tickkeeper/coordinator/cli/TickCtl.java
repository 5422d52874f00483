package io.tickkeeper.coordinator.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;

import io.tickkeeper.coordinator.CoordinatorClients;
import io.tickkeeper.coordinator.Credentials;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code tickctl}, the TickKeeper control-plane command. Subcommands reach the ensemble through
 * {@link #connect()}; their errors become one line on stderr and an exit code from {@link ExitCodes}.
 */
@Command(
    name = "tickctl",
    mixinStandardHelpOptions = true,
    scope = ScopeType.INHERIT,
    version = "tickctl 0.1.0",
    description = "Control plane of TickKeeper: the local ZooKeeper ensemble, cluster status and live events.",
    subcommands = {
        CommandLine.HelpCommand.class,
        ConfigCommand.class,
        LocksCommand.class,
        StatusCommand.class,
        WatchCommand.class,
        ZkCommand.class,
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:ok",
        "1:usage error (unknown command or option, malformed argument)",
        "2:ZooKeeper unreachable or session lost",
        "3:bad value (well-formed but not acceptable)",
        "4:no permission (set TICKKEEPER_ZK_AUTH or TICKKEEPER_ZK_AUTH_FILE)",
        "5:operation failed",
    })
public final class TickCtl implements Callable<Integer>
{
    /** The ensemble {@code tickctl} talks to unless {@code --zk} says otherwise: the local launcher's ports. */
    public static final String DEFAULT_ZK = "127.0.0.1:2181,127.0.0.1:2182,127.0.0.1:2183";
    /** The environment variable that, when set, replaces {@link #DEFAULT_ZK} (the compose cluster sets it). */
    public static final String ZK_ENV = "TICKKEEPER_ZK";
    /** Name of the system property slf4j-simple reads for its level. */
    static final String LOG_LEVEL_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";

    @Spec
    private CommandSpec spec;

    @Option(names = "--zk", scope = ScopeType.LOCAL, paramLabel = "<host:port,...>",
        description = "ZooKeeper connect string; TICKKEEPER_ZK when set (default: ${DEFAULT-VALUE}).",
        defaultValue = "${env:" + ZK_ENV + ":-" + DEFAULT_ZK + "}")
    private String zkConnect;

    @Option(names = "--timeout-ms", scope = ScopeType.LOCAL, paramLabel = "<ms>",
        description = "How long to wait for the ensemble before giving up with exit code 2 (default: ${DEFAULT-VALUE}).",
        defaultValue = "5000")
    private int timeoutMs;

    /**
     * @param verbose whether to show the client libraries' log lines (they are off by default).
     */
    @Option(names = {"-v", "--verbose"}, scope = ScopeType.LOCAL,
        description = "Show ZooKeeper/Curator log lines on stderr.")
    void verbose(final boolean verbose)
    {
        System.setProperty(LOG_LEVEL_PROPERTY, verbose ? "info" : "off");
    }

    /**
     * Runs {@code tickctl} and exits the JVM with its exit code.
     *
     * @param args command-line arguments.
     */
    public static void main(final String[] args)
    {
        if (System.getProperty(LOG_LEVEL_PROPERTY) == null)
        {
            System.setProperty(LOG_LEVEL_PROPERTY, "off");
        }
        System.exit(commandLine().execute(args));
    }

    /**
     * @return the configured command line (error handlers, exit codes), for {@link #main} and tests.
     */
    public static CommandLine commandLine()
    {
        final CommandLine commandLine = new CommandLine(new TickCtl());
        final ErrorHandler errors = new ErrorHandler();
        commandLine.setParameterExceptionHandler(errors);
        commandLine.setExecutionExceptionHandler(errors);
        return commandLine;
    }

    /**
     * Without a subcommand, {@code tickctl} prints its usage and fails.
     */
    @Override
    public Integer call()
    {
        final PrintWriter err = spec.commandLine().getErr();
        spec.commandLine().usage(err);
        return ExitCodes.USAGE;
    }

    /** @return the connect string given with {@code --zk}. */
    public String zkConnect()
    {
        return zkConnect;
    }

    /** @return how long a subcommand waits for the ensemble, in milliseconds. */
    public int timeoutMs()
    {
        return timeoutMs;
    }

    /**
     * Opens a started client, connected to the ensemble and authenticated with the digest credentials from the
     * environment when they are set ({@link Credentials#fromEnvironment()}). The caller closes it.
     *
     * @return a connected client.
     * @throws ZooKeeperUnreachableException when no connection is made within {@code --timeout-ms}.
     */
    public CuratorFramework connect()
    {
        final CuratorFramework client = CoordinatorClients.newClient(
            zkConnect, CoordinatorClients.DEFAULT_SESSION_TIMEOUT_MS, Credentials.fromEnvironment());
        client.start();
        try
        {
            if (!client.blockUntilConnected(timeoutMs, TimeUnit.MILLISECONDS))
            {
                client.close();
                throw new ZooKeeperUnreachableException(
                    "cannot reach ZooKeeper at " + zkConnect + " within " + timeoutMs + " ms");
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            client.close();
            throw new ZooKeeperUnreachableException("interrupted while connecting to ZooKeeper at " + zkConnect);
        }
        return client;
    }
}
