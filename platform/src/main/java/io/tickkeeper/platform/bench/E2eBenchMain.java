package io.tickkeeper.platform.bench;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

import io.tickkeeper.coordinator.config.ConfigKeys;
import io.tickkeeper.coordinator.config.ConfigStore;
import io.tickkeeper.node.NodeOptions;
import io.tickkeeper.platform.Platform;
import io.tickkeeper.platform.PlatformSettings;
import io.tickkeeper.platform.ServiceKind;
import io.tickkeeper.platform.fix.ExecutionLedger;
import io.tickkeeper.platform.fix.FixTradingClient;
import io.tickkeeper.platform.fix.OpenLoopTrader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scripts/bench-e2e}: the order path end to end on loopback, as a trading team's FIX client sees it. The
 * platform runs as real processes (ZooKeeper x3, matching pair, risk pair, feed pair, both gateways; no strategy bots,
 * so the only orders are the benchmark's), and a QuickFIX/J client sends an open-loop flow of NewOrderSingle at a fixed
 * rate. Measured: from the moment each order was DUE (coordinated omission corrected) to its ExecutionReport
 * acknowledgement (ExecType New: the order passed risk, both risk nodes hold it, the matching shard accepted it and
 * both matching nodes hold it) — or its rejection. Throughput is the acknowledgements per second of the measured
 * window. Results go to results/bench-e2e-&lt;time&gt;/; the last line is the stable summary.
 */
@Command(name = "bench-e2e", mixinStandardHelpOptions = true, version = "bench-e2e 0.1.0",
    description = "End-to-end FIX benchmark: FIX client -> gateway -> risk -> matching -> ExecutionReport.")
public final class E2eBenchMain implements Callable<Integer>
{
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final List<String> SYMBOLS = List.of("TK1", "TK2", "TK3", "TK4", "TK5", "TK6", "TK7", "TK8");

    @Option(names = "--quick", description = "Short run: 5 s warm-up, 10 s measured.")
    private boolean quick;

    @Option(names = "--rate", defaultValue = "2000", description = "Orders per second offered; the goal is 20000 "
        + "(default: ${DEFAULT-VALUE}).")
    private double rate;

    @Option(names = "--warmup-s", defaultValue = "15", description = "Warm-up seconds at the rate (default: ${DEFAULT-VALUE}).")
    private int warmupS;

    @Option(names = "--duration-s", defaultValue = "30", description = "Measured seconds (default: ${DEFAULT-VALUE}).")
    private int durationS;

    @Option(names = "--work-dir", defaultValue = "var/bench-e2e", description = "Work directory, wiped (default: ${DEFAULT-VALUE}).")
    private Path workDir;

    @Option(names = "--results-dir", defaultValue = "results", description = "Where results go (default: ${DEFAULT-VALUE}).")
    private Path resultsDir;

    @Option(names = "--zk-port-base", defaultValue = "2281", description = "ZooKeeper client ports (default: ${DEFAULT-VALUE}).")
    private int zkPortBase;

    @Option(names = "--port-base", defaultValue = "7400", description = "Service ports (default: ${DEFAULT-VALUE}).")
    private int portBase;

    @Option(names = "--user", defaultValue = "bravo", description = "FIX logon (default: ${DEFAULT-VALUE}).")
    private String user;

    @Option(names = "--password", defaultValue = "bravo-demo", description = "FIX password (default: ${DEFAULT-VALUE}).")
    private String password;

    private final PrintStream out;

    E2eBenchMain(final PrintStream out)
    {
        this.out = out;
    }

    /**
     * @param args command-line arguments; {@code --help} lists them.
     */
    public static void main(final String[] args)
    {
        NodeOptions.quietLibraryLogs("quickfix");
        System.exit(new CommandLine(new E2eBenchMain(System.out)).execute(args));
    }

    @Override
    public Integer call() throws Exception
    {
        if (quick)
        {
            warmupS = Math.min(warmupS, 5);
            durationS = Math.min(durationS, 10);
        }
        final PlatformSettings settings = PlatformSettings.builder(workDir)
            .zkClientPortBase(zkPortBase)
            .servicePortBase(portBase)
            .services(EnumSet.of(ServiceKind.MATCHING, ServiceKind.RISK, ServiceKind.FEED, ServiceKind.GATEWAY))
            .build();
        try (Platform platform = Platform.start(settings, out))
        {
            liftLimits(platform);
            final ExecutionLedger ledger = new ExecutionLedger();
            try (FixTradingClient client = new FixTradingClient("BENCH", "TICKKEEPER", platform.fixEndpoints(),
                user, password, ledger))
            {
                client.start();
                if (!client.awaitLogon(30_000))
                {
                    throw new IllegalStateException("the FIX client could not log on to " + platform.fixEndpoints());
                }
                client.subscribeMarketData(SYMBOLS);
                awaitPrices(client);
                final OpenLoopTrader trader = new OpenLoopTrader(client, SYMBOLS, "B" + System.currentTimeMillis());
                out.printf("bench-e2e: warm-up %d s at %.0f orders/s%n", warmupS, rate);
                trader.run(rate, TimeUnit.SECONDS.toNanos(warmupS));
                awaitAnswers(ledger, 20_000);
                final Histogram warm = ledger.ackLatencyUs();
                final long ackedBefore = ledger.acknowledged();
                final long rejectedBefore = ledger.rejected();
                out.printf("bench-e2e: measuring %d s at %.0f orders/s%n", durationS, rate);
                final long startNs = System.nanoTime();
                final long sent = trader.run(rate, TimeUnit.SECONDS.toNanos(durationS));
                final long sendNs = System.nanoTime() - startNs;
                awaitAnswers(ledger, 60_000);
                final Histogram measured = ledger.ackLatencyUs();
                measured.subtract(warm);
                final long acked = ledger.acknowledged() - ackedBefore;
                final long rejected = ledger.rejected() - rejectedBefore;
                final long unanswered = ledger.unanswered();
                final long ordersPerS = Math.round(acked / (sendNs / 1e9));
                return report(settings, measured, sent, acked, rejected, unanswered, ordersPerS, sendNs, ledger);
            }
        }
    }

    private void liftLimits(final Platform platform)
    {
        // The benchmark measures the path, not the throttle: one account sends every order.
        final ConfigStore config = new ConfigStore(platform.curator(), ConfigKeys.registry());
        final long nowMs = System.currentTimeMillis();
        config.set(ConfigKeys.RISK_ORDERS_PER_SECOND.name(), "1000000", "bench-e2e", nowMs);
        config.set(ConfigKeys.RISK_POSITION_LIMIT.name(), "1000000000000", "bench-e2e", nowMs);
    }

    private void awaitPrices(final FixTradingClient client) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() - deadline < 0)
        {
            if (SYMBOLS.stream().allMatch(symbol -> client.referencePrice(symbol) > 0))
            {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no reference prices through market data within 30 s");
    }

    private static void awaitAnswers(final ExecutionLedger ledger, final long timeoutMs) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (ledger.unanswered() > 0 && System.nanoTime() - deadline < 0)
        {
            Thread.sleep(20);
        }
    }

    private int report(
        final PlatformSettings settings, final Histogram latencyUs, final long sent, final long acked,
        final long rejected, final long unanswered, final long ordersPerS, final long sendNs,
        final ExecutionLedger ledger) throws IOException
    {
        final Path dir = resultsDir.resolve("bench-e2e-" + STAMP.format(LocalDateTime.now()));
        Files.createDirectories(dir);
        try (PrintStream percentiles = new PrintStream(new FileOutputStream(dir.resolve("fix-in-to-ack.hgrm").toFile()),
            true, StandardCharsets.UTF_8))
        {
            latencyUs.outputPercentileDistribution(percentiles, 1.0);
        }
        try (PrintStream log = new PrintStream(new FileOutputStream(dir.resolve("fix-in-to-ack.hlog").toFile()), true,
            StandardCharsets.UTF_8))
        {
            final HistogramLogWriter writer = new HistogramLogWriter(log);
            writer.outputLogFormatVersion();
            writer.outputLegend();
            writer.outputIntervalHistogram(latencyUs);
        }
        final List<String> lines = new ArrayList<>();
        lines.add("offered rate: " + Math.round(rate) + " orders/s for " + durationS + " s after " + warmupS
            + " s warm-up; sent " + sent + " in " + TimeUnit.NANOSECONDS.toMillis(sendNs) + " ms");
        lines.add("acknowledged " + acked + ", rejected " + rejected + ", unanswered at the end " + unanswered
            + ", fills " + ledger.fills() + ", duplicate acks " + ledger.duplicateAcks() + ", duplicate fills "
            + ledger.duplicateFills());
        lines.add("FIX-in to acknowledgement, us (from the due time): p50 " + latencyUs.getValueAtPercentile(50)
            + " p90 " + latencyUs.getValueAtPercentile(90) + " p99 " + latencyUs.getValueAtPercentile(99) + " p99.9 "
            + latencyUs.getValueAtPercentile(99.9) + " max " + latencyUs.getMaxValue() + " (n=" + latencyUs.getTotalCount()
            + ")");
        lines.add("platform: " + settings);
        lines.add("machine: " + Runtime.getRuntime().availableProcessors() + " cores, java "
            + System.getProperty("java.version"));
        final String summary = "bench-e2e: orders_per_s=" + ordersPerS + " fix_in_to_ack_p50_us="
            + latencyUs.getValueAtPercentile(50) + " p99_us=" + latencyUs.getValueAtPercentile(99) + " p999_us="
            + latencyUs.getValueAtPercentile(99.9);
        lines.add(summary);
        Files.write(dir.resolve("summary.txt"), lines, StandardCharsets.UTF_8);
        lines.forEach(out::println);
        out.println("results: " + dir);
        out.println(summary);
        return 0;
    }
}
