package io.tickkeeper.coordinator.zk;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code zk-server}: runs ONE server of an ensemble in the foreground, for a container of its own (the local
 * launcher, {@code tickctl zk start}, runs every server on loopback instead). Every server of the ensemble gets the
 * same options but its {@code --id}. SIGTERM shuts the server down and exits 0.
 */
@Command(name = "zk-server", mixinStandardHelpOptions = true, version = "zk-server 0.1.0",
    description = "Run one ZooKeeper server of an ensemble in the foreground (one server per container).",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:stopped by SIGTERM", "1:failed or stopped by itself (see the log)", "2:usage error"})
public final class ZkServerMain implements Callable<Integer>
{
    private static final long SHUTDOWN_WAIT_MS = 10_000;

    @Spec
    private CommandSpec spec;

    @Option(names = "--id", required = true, paramLabel = "<n>", description = "This server's id, 1-based.")
    private int id;

    @Option(names = "--hosts", required = true, split = ",", paramLabel = "<host>",
        description = "Every server's host in id order, comma-separated (e.g. zk1,zk2,zk3); their number is the "
            + "ensemble's size. Server n listens on its host at each port base + n - 1.")
    private List<String> hosts;

    @Option(names = "--client-address", paramLabel = "<address>",
        description = "Address the client port binds to, e.g. 0.0.0.0 so that the container's loopback answers "
            + "too (default: this server's host).")
    private String clientAddress;

    @Option(names = "--data-dir", paramLabel = "<dir>",
        description = "Directory of the server's files, kept in <dir>/zk<id> (default: $TK_HOME/var/zookeeper).")
    private Path dataDir;

    @Option(names = "--tick-time-ms", paramLabel = "<ms>", defaultValue = "200",
        description = "ZooKeeper tickTime (default: ${DEFAULT-VALUE}).")
    private int tickTimeMs;

    @Option(names = "--min-session-timeout-ms", paramLabel = "<ms>", defaultValue = "400",
        description = "Smallest session timeout granted (default: ${DEFAULT-VALUE}).")
    private int minSessionTimeoutMs;

    @Option(names = "--max-session-timeout-ms", paramLabel = "<ms>", defaultValue = "10000",
        description = "Largest session timeout granted (default: ${DEFAULT-VALUE}).")
    private int maxSessionTimeoutMs;

    @Option(names = "--client-port-base", paramLabel = "<port>", defaultValue = "2181",
        description = "Client port of server 1 (default: ${DEFAULT-VALUE}).")
    private int clientPortBase;

    @Option(names = "--quorum-port-base", paramLabel = "<port>", defaultValue = "2888",
        description = "Follower port of server 1 (default: ${DEFAULT-VALUE}).")
    private int quorumPortBase;

    @Option(names = "--election-port-base", paramLabel = "<port>", defaultValue = "3888",
        description = "Leader-election port of server 1 (default: ${DEFAULT-VALUE}).")
    private int electionPortBase;

    @Option(names = "--no-force-sync", description = "Do not fsync the transaction log before acknowledging.")
    private boolean noForceSync;

    /**
     * @param args command-line arguments; {@code --help} lists them.
     */
    public static void main(final String[] args)
    {
        for (final String[] property : new String[][] {
            {"org.slf4j.simpleLogger.showDateTime", "true"},
            {"org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSS"}})
        {
            if (System.getProperty(property[0]) == null)
            {
                System.setProperty(property[0], property[1]);
            }
        }
        System.exit(new CommandLine(new ZkServerMain()).execute(args));
    }

    /**
     * @return the settings given on the command line.
     * @throws CommandLine.ParameterException when they are not acceptable.
     */
    EnsembleConfig config()
    {
        try
        {
            final EnsembleConfig config = EnsembleConfig.builder(dataDir())
                .servers(hosts.size())
                .hosts(hosts)
                .clientBindAddress(clientAddress)
                .tickTimeMs(tickTimeMs)
                .minSessionTimeoutMs(minSessionTimeoutMs)
                .maxSessionTimeoutMs(maxSessionTimeoutMs)
                .clientPortBase(clientPortBase)
                .quorumPortBase(quorumPortBase)
                .electionPortBase(electionPortBase)
                .forceSync(!noForceSync)
                .build();
            config.checkId(id);
            return config;
        }
        catch (final IllegalArgumentException ex)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), ex.getMessage(), ex);
        }
    }

    private Path dataDir()
    {
        if (dataDir != null)
        {
            return dataDir;
        }
        final String home = System.getenv("TK_HOME");
        final Path base = home == null || home.isBlank() ? Path.of("") : Path.of(home);
        return base.resolve("var").resolve("zookeeper");
    }

    @Override
    public Integer call() throws Exception
    {
        final EnsembleConfig config = config();
        final ForegroundServer server = new ForegroundServer(config, id);
        final CountDownLatch ended = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
        {
            server.close();
            try
            {
                ended.await(SHUTDOWN_WAIT_MS, TimeUnit.MILLISECONDS);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
            System.out.flush();
            System.err.flush();
            // Shut down cleanly: exit 0 rather than the 143 a JVM ends with on SIGTERM.
            Runtime.getRuntime().halt(0);
        }, "zk-server-shutdown"));
        spec.commandLine().getErr().println("zk-server: server " + id + " of " + config.connectString()
            + " in " + config.serverDir(id));
        spec.commandLine().getErr().flush();
        try
        {
            return server.run() ? 0 : 1;
        }
        finally
        {
            ended.countDown();
        }
    }
}
