package io.tickkeeper.platform.drill.compose;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.tickkeeper.coordinator.Credentials;
import io.tickkeeper.node.NodeOptions;
import io.tickkeeper.platform.drill.DrillVerdict;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code drill --compose [--quick]}: the failover drill against the running compose cluster (docs/runbook-drill.md;
 * scripts/drill starts the cluster first when it is not up). Its last line is the local drill's {@code drill:} line;
 * the exit code is 0 when the four safety counters are 0.
 */
@Command(name = "drill --compose", mixinStandardHelpOptions = true, version = "drill 0.3.0",
    description = "Kill the primary of every service, a gateway and two ZooKeeper servers of the compose cluster while "
        + "a FIX client trades through its published ports; check the invariants.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:all four safety counters are 0", "1:a safety counter is not 0", "2:usage error",
        "3:a drill step could not be carried out (see the message and docker-compose logs)"})
public final class ComposeDrillMain implements Callable<Integer>
{
    @Option(names = "--compose", required = true, description = "Drill the cluster of docker-compose.yml.")
    private boolean compose;

    @Option(names = "--quick", description = "One round (8 kills), for CI.")
    private boolean quick;

    @Option(names = "--rounds", description = "Rounds of kills (default: 1 with --quick, else 2).")
    private Integer rounds;

    @Option(names = "--rate", defaultValue = "100", description = "Orders per second of the FIX client "
        + "(default: ${DEFAULT-VALUE}).")
    private double rate;

    @Option(names = "--zk-port", defaultValue = "12181", description = "zk1's client port published on 127.0.0.1; "
        + "zk2 and zk3 follow (default: ${DEFAULT-VALUE}).")
    private int zkPort;

    @Option(names = "--fix-port", defaultValue = "9881", description = "gw1's FIX port published on 127.0.0.1; gw2 "
        + "follows (default: ${DEFAULT-VALUE}).")
    private int fixPort;

    @Option(names = "--step-timeout-s", defaultValue = "180", description = "How long a successor, an "
        + "acknowledgement or a rejoin may take (default: ${DEFAULT-VALUE}).")
    private long stepTimeoutS;

    @Option(names = "--work-dir", defaultValue = "var/drill-compose", description = "Where the journals are copied "
        + "and the report goes (default: ${DEFAULT-VALUE}).")
    private Path workDir;

    @Option(names = "--strategies", defaultValue = "config/strategies.properties", description = "The strategies "
        + "file the strategy engines run (default: ${DEFAULT-VALUE}).")
    private Path strategiesFile;

    private final PrintStream out;

    ComposeDrillMain(final PrintStream out)
    {
        this.out = out;
    }

    /**
     * @param args command-line arguments; {@code --help} lists them. The cluster's ZooKeeper identity comes from
     *             {@code TICKKEEPER_ZK_AUTH} (or {@code TICKKEEPER_ZK_AUTH_FILE}).
     */
    public static void main(final String[] args)
    {
        NodeOptions.quietLibraryLogs("quickfix");
        System.exit(new CommandLine(new ComposeDrillMain(System.out)).execute(args));
    }

    @Override
    public Integer call()
    {
        final Credentials credentials = Credentials.fromEnvironment().orElse(null);
        if (credentials == null)
        {
            out.println("drill: set " + Credentials.ENV_AUTH + " to the cluster's ZooKeeper identity (user:password)");
            return 2;
        }
        final Path home = Path.of("").toAbsolutePath();
        final DrillVerdict verdict;
        try
        {
            verdict = new ComposeDrill(new ComposeLayout(zkPort, fixPort), new Docker(home, 120_000), credentials,
                workDir.toAbsolutePath(), strategiesFile.toAbsolutePath(), rate,
                rounds != null ? rounds : quick ? 1 : 2, stepTimeoutS * 1_000, out).run();
        }
        catch (final Exception ex)
        {
            out.println("drill: a step failed: " + ex.getMessage());
            ex.printStackTrace(out);
            return 3;
        }
        out.println(verdict.line());
        return verdict.passed() ? 0 : 1;
    }
}
