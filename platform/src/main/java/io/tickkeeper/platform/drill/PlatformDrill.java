package io.tickkeeper.platform.drill;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

import org.HdrHistogram.Histogram;

import io.tickkeeper.coordinator.config.ConfigKeys;
import io.tickkeeper.coordinator.config.ConfigStore;
import io.tickkeeper.matching.node.Instruments;
import io.tickkeeper.matching.service.MatchingPipeline;
import io.tickkeeper.node.ServicePipeline;
import io.tickkeeper.platform.Platform;
import io.tickkeeper.platform.PlatformSettings;
import io.tickkeeper.platform.ServiceKind;
import io.tickkeeper.platform.fix.ExecutionLedger;
import io.tickkeeper.platform.fix.FixTradingClient;
import io.tickkeeper.platform.fix.OpenLoopTrader;
import io.tickkeeper.platform.fix.OrderReconciliation;
import io.tickkeeper.risk.node.MatchingShards;
import io.tickkeeper.risk.service.RiskPipeline;
import io.tickkeeper.runtime.EnginePipeline;
import io.tickkeeper.strategy.BotSpec;
import io.tickkeeper.strategy.StrategyLoader;
import io.tickkeeper.strategy.config.StrategiesConfig;
import io.tickkeeper.strategy.node.StrategyService;
import io.tickkeeper.strategy.service.StrategyPipeline;

/**
 * The platform failover drill (docs/runbook-drill.md): the whole platform as real processes, an external FIX client
 * trading through the gateways, and SIGKILL of the primary of each HA service in turn — feed, strategy, risk,
 * matching — and of the gateway the client is connected to; each killed process is started again and must come back
 * as an in-sync standby before the next kill. Then every order the client saw acknowledged is asked for by
 * OrderStatusRequest, the platform is stopped, and every replicated service's two journals are replayed and compared.
 * The last line is {@link DrillVerdict#line()}.
 */
final class PlatformDrill
{
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final List<String> SYMBOLS = List.of("TK1", "TK2", "TK3", "TK4", "TK5", "TK6", "TK7", "TK8");
    private static final long STEP_TIMEOUT_MS = 60_000;

    private final PlatformSettings settings;
    private final Path resultsDir;
    private final double rate;
    private final int rounds;
    private final PrintStream out;
    private long acceptedUnanswered;

    /**
     * @param settings   the platform to run.
     * @param resultsDir where the report goes.
     * @param rate       orders per second of the client.
     * @param rounds     how many times each victim is killed.
     * @param out        progress lines.
     */
    PlatformDrill(
        final PlatformSettings settings, final Path resultsDir, final double rate, final int rounds,
        final PrintStream out)
    {
        this.settings = settings;
        this.resultsDir = resultsDir;
        this.rate = rate;
        this.rounds = rounds;
        this.out = out;
    }

    /**
     * @return after {@link #run()}: orders the platform knows (OrderStatusRequest) but never acknowledged or
     *         rejected, or never answered about; acceptance needs 0 (every accepted order is acknowledged once).
     */
    long acceptedUnanswered()
    {
        return acceptedUnanswered;
    }

    DrillVerdict run() throws Exception
    {
        final long startNs = System.nanoTime();
        final ExecutionLedger ledger = new ExecutionLedger();
        final DrillChecks checks = new DrillChecks();
        final List<Failover> failovers;
        long lostAcked;
        String clientSummary;
        try (Platform platform = Platform.start(settings, out))
        {
            // One account sends every order of the drill: the throttle must not be what the drill measures.
            new ConfigStore(platform.curator(), ConfigKeys.registry())
                .set(ConfigKeys.RISK_ORDERS_PER_SECOND.name(), "100000", "drill", System.currentTimeMillis());
            final KillSteps kills = new KillSteps(new LocalCluster(platform), ledger, out);
            try (FixTradingClient client = new FixTradingClient("DRILL", "TICKKEEPER", platform.fixEndpoints(),
                "bravo", "bravo-demo", ledger))
            {
                client.start();
                require(client.awaitLogon(STEP_TIMEOUT_MS), "the FIX client logs on");
                client.subscribeMarketData(SYMBOLS);
                platform.await("reference prices through market data",
                    () -> SYMBOLS.stream().allMatch(symbol -> client.referencePrice(symbol) > 0));
                final OpenLoopTrader trader = new OpenLoopTrader(client, SYMBOLS, "D" + System.currentTimeMillis());
                final Thread flow = new Thread(() -> trader.run(rate, TimeUnit.HOURS.toNanos(1)), "drill-flow");
                flow.setDaemon(true);
                flow.start();
                platform.await("the first acknowledgement", () -> ledger.acknowledged() > 0);
                Thread.sleep(2_000);
                for (int round = 0; round < rounds; round++)
                {
                    for (final ServiceKind kind : List.of(ServiceKind.FEED, ServiceKind.STRATEGY, ServiceKind.RISK,
                        ServiceKind.MATCHING))
                    {
                        if (settings.runs(kind))
                        {
                            kills.killPrimary(kind.label(), kind == ServiceKind.RISK || kind == ServiceKind.MATCHING);
                        }
                    }
                    if (settings.runs(ServiceKind.GATEWAY))
                    {
                        kills.killGateway(client, connectedGateway(platform, client));
                    }
                }
                Thread.sleep(2_000);
                trader.stop();
                flow.join(10_000);
                DrillChecks.awaitQuiet(ledger);
                lostAcked = checks.lostAcknowledged(client, ledger);
                final OrderReconciliation.Result reconciled = OrderReconciliation.reconcile(client, ledger, 60_000);
                checks.note(reconciled.finding());
                acceptedUnanswered = reconciled.acceptedUnanswered();
                clientSummary = DrillChecks.clientSummary(ledger, client);
            }
            failovers = kills.failovers();
        }
        // The platform is stopped (SIGTERM, drained) before its journals are read.
        checks.note(clientSummary);
        final long[] audit = auditJournals(checks);
        final long tradeLogViolations = checks.tradeLogViolations(settings.workDir().resolve("trade-log"));
        final long duplicateFills = ledger.duplicateFills() + ledger.overfills() + ledger.duplicateAcks()
            + tradeLogViolations;
        final Histogram failoverMs = DrillReport.failoverMs(failovers);
        final DrillVerdict verdict = new DrillVerdict(failovers.size(), ledger.acknowledged(), lostAcked,
            duplicateFills, audit[0], audit[1], failoverMs.getValueAtPercentile(50), failoverMs.getMaxValue());
        final long elapsedS = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNs);
        DrillReport.write(resultsDir.resolve("drill-platform-" + STAMP.format(LocalDateTime.now()) + ".md"),
            "Platform failover drill (local)",
            List.of("Run time " + elapsedS + " s; " + settings + "; client rate " + Math.round(rate)
                + " orders/s; rounds " + rounds + "."),
            failovers, ledger.ackLatencyUs(), checks.findings(), verdict, out);
        return verdict;
    }

    /** @return the process name of the gateway the client is connected to (the first when it cannot tell). */
    private static String connectedGateway(final Platform platform, final FixTradingClient client)
    {
        final String remote = client.connectedTo();
        final List<String> endpoints = platform.fixEndpoints();
        int index = 0;
        for (int i = 0; i < endpoints.size(); i++)
        {
            if (remote.endsWith(":" + endpoints.get(i).substring(endpoints.get(i).lastIndexOf(':') + 1)))
            {
                index = i;
            }
        }
        return "gateway-" + ServiceKind.GATEWAY.nodes().get(index);
    }

    /** @return {state hash mismatches, stale epoch inputs} over every replicated service's pair of journals. */
    private long[] auditJournals(final DrillChecks checks)
    {
        long mismatch = 0;
        long stale = 0;
        if (settings.runs(ServiceKind.MATCHING))
        {
            final long[] result = auditPair(checks, ServiceKind.MATCHING, (runtime, snapshots) ->
                new MatchingPipeline(Instruments.parse(settings.instrumentList()), runtime, snapshots));
            mismatch += result[0];
            stale += result[1];
        }
        if (settings.runs(ServiceKind.RISK))
        {
            final long[] result = auditPair(checks, ServiceKind.RISK, (runtime, snapshots) ->
                new RiskPipeline(MatchingShards.parse(MatchingShards.DEFAULT).riskConfig(), runtime, snapshots));
            mismatch += result[0];
            stale += result[1];
        }
        if (settings.runs(ServiceKind.STRATEGY))
        {
            final List<BotSpec> bots = strategyBots();
            final StrategyLoader loader = new StrategyLoader();
            final long[] result = auditPair(checks, ServiceKind.STRATEGY, (runtime, snapshots) ->
                new StrategyPipeline(bots, loader::load,
                    new StrategyPipeline.Settings().riskSessionId(StrategyService.ORDERS_SESSION), runtime, snapshots));
            mismatch += result[0];
            stale += result[1];
        }
        return new long[] {mismatch, stale};
    }

    private List<BotSpec> strategyBots()
    {
        final Path file = settings.strategiesFile()
            .orElseThrow(() -> new IllegalStateException("the drill needs the strategies file the engines ran"));
        try
        {
            return StrategiesConfig.load(file);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read " + file, ex);
        }
    }

    private long[] auditPair(
        final DrillChecks checks, final ServiceKind kind,
        final BiFunction<EnginePipeline.Context, Path, ServicePipeline> pipelines)
    {
        final List<Path> dataDirs = new ArrayList<>();
        for (final String node : kind.nodes())
        {
            dataDirs.add(settings.workDir().resolve(kind.label()).resolve(node));
        }
        return checks.auditPair(kind.label(), kind.nodes(), dataDirs, settings.workDir().resolve("audit"), pipelines);
    }

    private static void require(final boolean condition, final String what)
    {
        if (!condition)
        {
            throw new IllegalStateException("drill step failed: " + what);
        }
    }
}
