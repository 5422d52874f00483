package io.tickkeeper.platform.drill;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.tickkeeper.node.NodeOptions;
import io.tickkeeper.platform.PlatformSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code drill --local [--quick]}: the platform failover drill on this machine (docs/runbook-drill.md). Its last line
 * is {@code drill: kills=N acked=N lost_acked=N duplicate_fills=N state_hash_mismatch=N stale_epoch_accepted=N
 * failover_ms_p50=N failover_ms_max=N}; the exit code is 0 when the four safety counters are 0 and no order the
 * platform accepted went unanswered (the report's reconciliation of unanswered orders).
 */
@Command(name = "drill", mixinStandardHelpOptions = true, version = "drill 0.2.0",
    description = "Kill the primary of every HA service and a gateway while a FIX client trades; check the invariants.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:all four safety counters are 0 and no accepted order went unanswered",
        "1:a safety counter is not 0, or an accepted order went unanswered", "2:usage error",
        "3:a drill step could not be carried out (see the message and the logs)"})
public final class PlatformDrillMain implements Callable<Integer>
{
    @Option(names = "--local", required = true, description = "Run the platform as processes on this machine.")
    private boolean local;

    @Option(names = "--quick", description = "One round (5 kills: feed, strategy, risk, matching, gateway), for CI.")
    private boolean quick;

    @Option(names = "--rounds", description = "Rounds of kills (default: 1 with --quick, else 2).")
    private Integer rounds;

    @Option(names = "--rate", defaultValue = "200", description = "Orders per second of the FIX client "
        + "(default: ${DEFAULT-VALUE}).")
    private double rate;

    @Option(names = "--zk-port-base", defaultValue = "2381", description = "ZooKeeper client ports "
        + "(default: ${DEFAULT-VALUE}).")
    private int zkPortBase;

    @Option(names = "--port-base", defaultValue = "7700", description = "Service ports (default: ${DEFAULT-VALUE}).")
    private int portBase;

    @Option(names = "--session-timeout-ms", defaultValue = "2000", description = "ZooKeeper session timeout of the "
        + "services (default: ${DEFAULT-VALUE}).")
    private int sessionTimeoutMs;

    @Option(names = "--work-dir", defaultValue = "var/drill-platform", description = "Work directory, wiped "
        + "(default: ${DEFAULT-VALUE}).")
    private Path workDir;

    @Option(names = "--results-dir", defaultValue = "results", description = "Where the report goes "
        + "(default: ${DEFAULT-VALUE}).")
    private Path resultsDir;

    private final PrintStream out;

    PlatformDrillMain(final PrintStream out)
    {
        this.out = out;
    }

    /**
     * @param args command-line arguments; {@code --help} lists them.
     */
    public static void main(final String[] args)
    {
        NodeOptions.quietLibraryLogs("quickfix");
        System.exit(new CommandLine(new PlatformDrillMain(System.out)).execute(args));
    }

    @Override
    public Integer call()
    {
        final PlatformSettings settings = PlatformSettings.builder(workDir.toAbsolutePath())
            .zkClientPortBase(zkPortBase)
            .servicePortBase(portBase)
            .sessionTimeoutMs(sessionTimeoutMs)
            .build();
        final PlatformDrill drill = new PlatformDrill(settings, resultsDir.toAbsolutePath(), rate,
            rounds != null ? rounds : quick ? 1 : 2, out);
        final DrillVerdict verdict;
        try
        {
            verdict = drill.run();
        }
        catch (final Exception ex)
        {
            out.println("drill: a step failed: " + ex.getMessage());
            ex.printStackTrace(out);
            return 3;
        }
        out.println(verdict.line());
        return verdict.passed() && drill.acceptedUnanswered() == 0 ? 0 : 1;
    }
}
