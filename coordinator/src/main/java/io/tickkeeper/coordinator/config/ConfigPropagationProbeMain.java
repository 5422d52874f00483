package io.tickkeeper.coordinator.config;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.HdrHistogram.Histogram;

import io.tickkeeper.coordinator.CoordinatorClients;
import io.tickkeeper.coordinator.Credentials;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs a {@link ConfigPropagationProbe} against an ensemble and prints one line of percentiles, in microseconds:
 * {@code config-propagation: watchers=5 sets=200 p50_us=... p90_us=... p99_us=... max_us=... mean_us=...}.
 * The writer's credentials come from the environment ({@link Credentials#fromEnvironment()}).
 */
@Command(name = "config-propagation-probe", mixinStandardHelpOptions = true,
    description = "Time how long a config change takes to reach every watcher session.")
public final class ConfigPropagationProbeMain implements Callable<Integer>
{
    /** slf4j-simple's level property; the probe defaults it to warn so that per-change log lines do not slow it. */
    static final String LOG_LEVEL_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";

    @Option(names = "--zk", required = true, paramLabel = "<host:port,...>", description = "The ensemble.")
    private String connectString;

    @Option(names = "--watchers", defaultValue = "5", paramLabel = "<n>",
        description = "Watcher sessions (default: ${DEFAULT-VALUE}).")
    private int watchers;

    @Option(names = "--sets", defaultValue = "200", paramLabel = "<n>",
        description = "Changes to time (default: ${DEFAULT-VALUE}).")
    private int sets;

    @Option(names = "--warmup-sets", defaultValue = "20", paramLabel = "<n>",
        description = "Changes made first and not recorded (default: ${DEFAULT-VALUE}).")
    private int warmupSets;

    @Option(names = "--timeout-ms", defaultValue = "10000", paramLabel = "<ms>",
        description = "How long connecting, and each change, may take (default: ${DEFAULT-VALUE}).")
    private long timeoutMs;

    @Option(names = "--session-timeout-ms", defaultValue = "" + CoordinatorClients.DEFAULT_SESSION_TIMEOUT_MS,
        paramLabel = "<ms>", description = "Session timeout of every client (default: ${DEFAULT-VALUE}).")
    private int sessionTimeoutMs;

    @Option(names = "--histogram", paramLabel = "<file>",
        description = "Also write the percentile distribution (microseconds) to this file.")
    private Path histogramFile;

    /**
     * @param args command-line arguments.
     */
    public static void main(final String[] args)
    {
        if (System.getProperty(LOG_LEVEL_PROPERTY) == null)
        {
            System.setProperty(LOG_LEVEL_PROPERTY, "warn");
        }
        System.exit(new CommandLine(new ConfigPropagationProbeMain()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException, IOException
    {
        final Optional<Credentials> credentials = Credentials.fromEnvironment();
        final String who = credentials.map(Credentials::user).orElse("anonymous");
        final Histogram histogram;
        try (ConfigPropagationProbe probe =
            new ConfigPropagationProbe(connectString, watchers, credentials, sessionTimeoutMs))
        {
            probe.start(timeoutMs);
            if (warmupSets > 0)
            {
                probe.measure(warmupSets, who, timeoutMs);
            }
            histogram = probe.measure(sets, who, timeoutMs);
        }
        final PrintStream out = System.out;
        out.printf("config-propagation: watchers=%d sets=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d mean_us=%d%n",
            watchers, histogram.getTotalCount(), micros(histogram.getValueAtPercentile(50.0)),
            micros(histogram.getValueAtPercentile(90.0)), micros(histogram.getValueAtPercentile(99.0)),
            micros(histogram.getMaxValue()), micros((long)histogram.getMean()));
        if (histogramFile != null)
        {
            try (PrintStream file = new PrintStream(Files.newOutputStream(histogramFile), true, StandardCharsets.UTF_8))
            {
                histogram.outputPercentileDistribution(file, 1_000.0);
            }
        }
        return 0;
    }

    private static long micros(final long nanos)
    {
        return nanos / 1_000L;
    }
}
