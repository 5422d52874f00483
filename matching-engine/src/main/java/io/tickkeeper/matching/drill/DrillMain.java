package io.tickkeeper.matching.drill;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.tickkeeper.matching.node.Instruments;
import io.tickkeeper.node.process.JvmCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code drill --local [--quick]}: the matching-engine failover drill on this machine (docs/runbook-drill.md). Its
 * last line is {@code drill: kills=N acked=N lost_acked=N duplicate_fills=N state_hash_mismatch=N
 * stale_epoch_accepted=N failover_ms_p50=N failover_ms_max=N}; the exit code is 0 when the four safety counters are
 * 0, 1 when not, 2 on a usage error, 3 when the drill could not be carried out.
 */
@Command(name = "drill", mixinStandardHelpOptions = true,
    description = "Kill the primary matching engine again and again under load, then check that nothing "
        + "acknowledged was lost or applied twice.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:all four safety counters are 0", "1:a safety counter is not 0", "2:usage error",
        "3:the drill could not be carried out"})
public final class DrillMain implements Callable<Integer>
{
    /** Exit code when the drill could not be carried out. */
    static final int NOT_CARRIED_OUT = 3;

    @Option(names = "--local", required = true, description = "Run on this machine (the only mode so far).")
    private boolean local;

    @Option(names = "--quick", description = "5 kills and one freeze, for CI (under 4 minutes).")
    private boolean quick;

    @Option(names = "--kills", description = "SIGKILLs of the primary (default: 5 with --quick, else 10).")
    private Integer kills;

    @Option(names = "--rate", defaultValue = "200", description = "Orders per second (default: ${DEFAULT-VALUE}).")
    private int rate;

    @Option(names = "--port-base", defaultValue = "24000",
        description = "First port used; the drill takes the next 51 (default: ${DEFAULT-VALUE}).")
    private int portBase;

    @Option(names = "--session-timeout-ms", defaultValue = "1000",
        description = "The nodes' ZooKeeper session timeout (default: ${DEFAULT-VALUE}).")
    private int sessionTimeoutMs;

    @Option(names = "--work-dir", description = "Ensemble, journals and logs (default: $TK_HOME/var/drill).")
    private Path workDir;

    @Option(names = "--results-dir", description = "Where the report goes (default: $TK_HOME/results).")
    private Path resultsDir;

    @Option(names = "--instruments", defaultValue = Instruments.DEFAULT,
        description = "The shard's instruments (default: ${DEFAULT-VALUE}).")
    private String instruments;

    private final PrintStream out;

    DrillMain(final PrintStream out)
    {
        this.out = out;
    }

    /**
     * @param args command-line arguments; {@code --help} lists them.
     */
    public static void main(final String[] args)
    {
        for (final String library : new String[] {"org.apache.zookeeper", "org.apache.curator", "io.aeron"})
        {
            final String property = "org.slf4j.simpleLogger.log." + library;
            if (System.getProperty(property) == null)
            {
                System.setProperty(property, "warn");
            }
        }
        System.exit(new CommandLine(new DrillMain(System.out)).execute(args));
    }

    /**
     * @return the settings the options give.
     */
    DrillSettings settings()
    {
        final Path home = JvmCommand.projectHome();
        final int killCount = kills != null ? kills : quick ? 5 : 10;
        return new DrillSettings(killCount, Math.min(2, killCount), rate, portBase, sessionTimeoutMs,
            quick ? 1_000 : 2_000, workDir != null ? workDir.toAbsolutePath() : home.resolve("var").resolve("drill"),
            resultsDir != null ? resultsDir.toAbsolutePath() : home.resolve("results"), instruments);
    }

    @Override
    public Integer call()
    {
        final DrillVerdict verdict;
        try
        {
            verdict = new Drill(settings(), out).run();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            out.println("drill: interrupted");
            return NOT_CARRIED_OUT;
        }
        catch (final Exception ex)
        {
            out.println("drill: could not be carried out: " + ex);
            return NOT_CARRIED_OUT;
        }
        out.println(verdict.line());
        out.flush();
        return verdict.passed() ? 0 : 1;
    }
}
