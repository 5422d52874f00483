package io.tickkeeper.platform.drill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

import org.HdrHistogram.Histogram;

import io.tickkeeper.coordinator.config.ConfigKeys;
import io.tickkeeper.coordinator.config.ConfigStore;
import io.tickkeeper.matching.node.Instruments;
import io.tickkeeper.matching.service.MatchingPipeline;
import io.tickkeeper.node.ServicePipeline;
import io.tickkeeper.node.audit.NodeJournalAudit;
import io.tickkeeper.platform.Platform;
import io.tickkeeper.platform.PlatformSettings;
import io.tickkeeper.platform.ServiceKind;
import io.tickkeeper.platform.fix.ExecutionLedger;
import io.tickkeeper.platform.fix.FixTradingClient;
import io.tickkeeper.platform.fix.OpenLoopTrader;
import io.tickkeeper.risk.node.MatchingShards;
import io.tickkeeper.risk.service.RiskPipeline;
import io.tickkeeper.runtime.EnginePipeline;
import io.tickkeeper.strategy.BotSpec;
import io.tickkeeper.strategy.StrategyLoader;
import io.tickkeeper.strategy.config.StrategiesConfig;
import io.tickkeeper.strategy.node.StrategyService;
import io.tickkeeper.strategy.service.StrategyPipeline;
import io.tickkeeper.tradelog.TradeLogReader;
import io.tickkeeper.tradelog.TradeLogVerifier;
import io.tickkeeper.tradelog.TradeRecord;

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
    private static final long STATUS_TIMEOUT_MS = 60_000;
    private static final int STATUS_PER_SECOND = 1_000;

    private final PlatformSettings settings;
    private final Path resultsDir;
    private final double rate;
    private final int rounds;
    private final PrintStream out;
    private final List<Failover> failovers = new ArrayList<>();
    private final List<String> findings = new ArrayList<>();

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

    DrillVerdict run() throws Exception
    {
        final long startNs = System.nanoTime();
        final ExecutionLedger ledger = new ExecutionLedger();
        long lostAcked;
        long unknownStatus;
        String clientSummary;
        try (Platform platform = Platform.start(settings, out))
        {
            // One account sends every order of the drill: the throttle must not be what the drill measures.
            new ConfigStore(platform.curator(), ConfigKeys.registry())
                .set(ConfigKeys.RISK_ORDERS_PER_SECOND.name(), "100000", "drill", System.currentTimeMillis());
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
                            killPrimary(platform, kind, ledger);
                        }
                    }
                    killGateway(platform, client, ledger);
                }
                Thread.sleep(2_000);
                trader.stop();
                flow.join(10_000);
                awaitQuiet(ledger);
                final long[] status = checkStatus(client, ledger);
                lostAcked = status[0];
                unknownStatus = status[1];
                clientSummary = "client: sent " + ledger.sent() + ", acknowledged " + ledger.acknowledged()
                    + ", rejected " + ledger.rejected() + ", unanswered " + ledger.unanswered() + ", fills "
                    + ledger.fills() + " (qty " + ledger.filledQuantity() + "), duplicate acks "
                    + ledger.duplicateAcks() + ", duplicate fills " + ledger.duplicateFills() + ", overfills "
                    + ledger.overfills() + ", logons " + client.logons() + ", session rejects "
                    + client.sessionRejects() + ", reports about unknown orders " + ledger.unknownReports();
            }
        }
        // The platform is stopped (SIGTERM, drained) before its journals are read.
        findings.add(clientSummary);
        findings.add("lost_acked: acknowledged orders whose OrderStatusRequest said unknown " + lostAcked
            + ", or got no answer " + unknownStatus);
        final long[] audit = auditJournals();
        final long tradeLogViolations = verifyTradeLog();
        final long duplicateFills = ledger.duplicateFills() + ledger.overfills() + ledger.duplicateAcks()
            + tradeLogViolations;
        final Histogram failoverMs = new Histogram(TimeUnit.MINUTES.toMillis(10), 3);
        failovers.forEach(failover -> failoverMs.recordValue(Math.max(0, failover.failoverMs())));
        final DrillVerdict verdict = new DrillVerdict(failovers.size(), ledger.acknowledged(),
            lostAcked + unknownStatus, duplicateFills, audit[0], audit[1],
            failoverMs.getValueAtPercentile(50), failoverMs.getMaxValue());
        writeReport(verdict, failoverMs, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNs));
        return verdict;
    }

    private void killPrimary(final Platform platform, final ServiceKind kind, final ExecutionLedger ledger)
        throws Exception
    {
        final String victim = platform.primary(kind, Platform.SHARD)
            .orElseThrow(() -> new IllegalStateException("no primary of " + kind.label() + " to kill"));
        final long killNs = System.nanoTime();
        platform.kill(victim);
        platform.await("a new " + kind.label() + " primary", () -> platform.primary(kind, Platform.SHARD)
            .filter(now -> !now.equals(victim)).isPresent());
        final long electedNs = System.nanoTime();
        final boolean onOrderPath = kind == ServiceKind.RISK || kind == ServiceKind.MATCHING;
        long servingNs = electedNs;
        if (onOrderPath)
        {
            platform.await("an acknowledgement after the " + kind.label() + " failover",
                () -> firstAckAfter(ledger, electedNs).isPresent());
            servingNs = firstAckAfter(ledger, electedNs).orElseThrow();
        }
        final String successor = platform.primary(kind, Platform.SHARD).orElse("?");
        record(new Failover(kind.label(), victim, successor, ms(electedNs - killNs), ms(servingNs - killNs)));
        platform.start(victim);
        Thread.sleep(1_000);
    }

    private void killGateway(final Platform platform, final FixTradingClient client, final ExecutionLedger ledger)
        throws Exception
    {
        if (!settings.runs(ServiceKind.GATEWAY))
        {
            return;
        }
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
        final String victim = "gateway-" + ServiceKind.GATEWAY.nodes().get(index);
        final long logonsBefore = client.logons();
        final long killNs = System.nanoTime();
        platform.kill(victim);
        platform.await("the FIX client logged on to the other gateway",
            () -> client.logons() > logonsBefore && client.loggedOn());
        final long loggedOnNs = System.nanoTime();
        platform.await("an acknowledgement through the other gateway",
            () -> firstAckAfter(ledger, loggedOnNs).isPresent());
        final long servingNs = firstAckAfter(ledger, loggedOnNs).orElseThrow();
        record(new Failover("gateway", victim, client.connectedTo(), ms(loggedOnNs - killNs), ms(servingNs - killNs)));
        platform.start(victim);
        Thread.sleep(1_000);
    }

    private void record(final Failover failover)
    {
        failovers.add(failover);
        out.println("drill: " + failover.describe());
    }

    private static Optional<Long> firstAckAfter(final ExecutionLedger ledger, final long afterNs)
    {
        final List<Long> times = ledger.ackTimesNs();
        for (int i = times.size() - 1; i >= 0; i--)
        {
            if (times.get(i) - afterNs < 0)
            {
                return i + 1 < times.size() ? Optional.of(times.get(i + 1)) : Optional.empty();
            }
        }
        return times.isEmpty() ? Optional.empty() : Optional.of(times.get(0));
    }

    private static void awaitQuiet(final ExecutionLedger ledger) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (ledger.unanswered() > 0 && System.nanoTime() - deadline < 0)
        {
            Thread.sleep(50);
        }
    }

    /**
     * Asks for the status of every acknowledged order.
     *
     * @return {unknown to the platform, no answer}.
     */
    private long[] checkStatus(final FixTradingClient client, final ExecutionLedger ledger) throws InterruptedException
    {
        final List<String> acked = ledger.acknowledgedOrders();
        final long pauseNs = TimeUnit.SECONDS.toNanos(1) / STATUS_PER_SECOND;
        for (final String clOrdId : acked)
        {
            while (!client.sendStatusRequest(clOrdId, "TK1", true))
            {
                Thread.sleep(10);
            }
            Thread.sleep(0, (int)Math.min(999_999, pauseNs));
        }
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STATUS_TIMEOUT_MS);
        while (acked.stream().anyMatch(id -> client.statusOf(id) == null) && System.nanoTime() - deadline < 0)
        {
            Thread.sleep(50);
        }
        long unknown = 0;
        long unanswered = 0;
        for (final String clOrdId : acked)
        {
            final String status = client.statusOf(clOrdId);
            if (status == null)
            {
                unanswered++;
            }
            else if (status.startsWith("8"))
            {
                unknown++;
            }
        }
        findings.add("status check: " + acked.size() + " acknowledged orders asked for, " + unknown
            + " unknown, " + unanswered + " unanswered");
        return new long[] {unknown, unanswered};
    }

    /** @return {state hash mismatches, stale epoch inputs} over every replicated service's pair of journals. */
    private long[] auditJournals()
    {
        long mismatch = 0;
        long stale = 0;
        if (settings.runs(ServiceKind.MATCHING))
        {
            final long[] result = auditPair(ServiceKind.MATCHING, (runtime, snapshots) ->
                new MatchingPipeline(Instruments.parse(settings.instrumentList()), runtime, snapshots));
            mismatch += result[0];
            stale += result[1];
        }
        if (settings.runs(ServiceKind.RISK))
        {
            final long[] result = auditPair(ServiceKind.RISK, (runtime, snapshots) ->
                new RiskPipeline(MatchingShards.parse(MatchingShards.DEFAULT).riskConfig(), runtime, snapshots));
            mismatch += result[0];
            stale += result[1];
        }
        if (settings.runs(ServiceKind.STRATEGY))
        {
            final List<BotSpec> bots = strategyBots();
            final StrategyLoader loader = new StrategyLoader();
            final long[] result = auditPair(ServiceKind.STRATEGY, (runtime, snapshots) ->
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
        final ServiceKind kind, final BiFunction<EnginePipeline.Context, Path, ServicePipeline> pipelines)
    {
        final List<NodeJournalAudit> audits = new ArrayList<>();
        for (final String node : kind.nodes())
        {
            final Path dataDir = settings.workDir().resolve(kind.label()).resolve(node);
            audits.add(NodeJournalAudit.of(kind.label() + "-" + node, pipelines, dataDir,
                settings.workDir().resolve("audit").resolve(kind.label() + "-" + node)));
        }
        final NodeJournalAudit a = audits.get(0);
        final NodeJournalAudit b = audits.get(1);
        // The nodes are stopped one after the other, so the one stopped last may have sequenced a few more inputs
        // alone (the strategy engine's timer and feed ticks go on until its primary stops). Their journals must agree
        // on every sequence both hold; the state hashes are compared when both hold the same inputs (with equal
        // inputs, replay determinism gives equal states at every common sequence: RiskDeterminismTest & co.).
        final boolean sameLength = a.lastSequence() == b.lastSequence();
        final long differentHash = sameLength && a.stateHash() != b.stateHash() ? 1 : 0;
        final long differentInputs = a.inputDifferences(b);
        final long stale = a.staleEpochInputs() + b.staleEpochInputs();
        for (final NodeJournalAudit audit : audits)
        {
            findings.add("journal of " + audit.node() + ": " + audit.inputs() + " inputs up to sequence "
                + audit.lastSequence() + ", highest epoch " + audit.highestEpoch() + ", state hash "
                + Long.toHexString(audit.stateHash()) + ", inputs after a higher epoch " + audit.staleEpochInputs());
        }
        findings.add(kind.label() + ": " + (sameLength ? "same journal length, state hashes "
            + (differentHash == 0 ? "equal" : "DIFFER") : "one node sequenced " + Math.abs(a.lastSequence()
            - b.lastSequence()) + " inputs more after the other stopped; hashes not comparable at different lengths")
            + ", inputs that differ between the nodes on their common sequences " + differentInputs);
        return new long[] {differentHash + differentInputs, stale};
    }

    private long verifyTradeLog()
    {
        final Path dir = settings.workDir().resolve("trade-log");
        if (!Files.isDirectory(dir))
        {
            findings.add("trade log: none written");
            return 0;
        }
        final TradeLogVerifier verifier = new TradeLogVerifier();
        final TradeRecord record = new TradeRecord();
        try (TradeLogReader reader = TradeLogReader.open(dir))
        {
            while (reader.next(record))
            {
                verifier.accept(record, reader.index());
            }
        }
        findings.add("trade log: " + String.join("; ", verifier.summary()));
        return verifier.violationCount();
    }

    private void writeReport(final DrillVerdict verdict, final Histogram failoverMs, final long elapsedS)
        throws IOException
    {
        Files.createDirectories(resultsDir);
        final Path report = resultsDir.resolve("drill-platform-" + STAMP.format(LocalDateTime.now()) + ".md");
        final List<String> lines = new ArrayList<>();
        lines.add("# Platform failover drill (local)");
        lines.add("");
        lines.add("Run time " + elapsedS + " s; " + settings + "; client rate " + Math.round(rate) + " orders/s; rounds "
            + rounds + ".");
        lines.add("");
        lines.add("| # | service | killed | new primary | elected ms | serving ms |");
        lines.add("|---|---|---|---|---|---|");
        for (int i = 0; i < failovers.size(); i++)
        {
            final Failover f = failovers.get(i);
            lines.add("| " + (i + 1) + " | " + f.service() + " | " + f.victim() + " | " + f.successor() + " | "
                + f.electedMs() + " | " + f.failoverMs() + " |");
        }
        lines.add("");
        lines.add("Failover (kill to serving again) ms: p50 " + failoverMs.getValueAtPercentile(50) + ", p90 "
            + failoverMs.getValueAtPercentile(90) + ", max " + failoverMs.getMaxValue() + ".");
        lines.add("");
        lines.add("## Findings");
        findings.forEach(finding -> lines.add("- " + finding));
        lines.add("");
        lines.add("```");
        lines.add(verdict.line());
        lines.add("```");
        Files.write(report, lines, StandardCharsets.UTF_8);
        findings.forEach(finding -> out.println("drill: " + finding));
        out.println("drill: report " + report);
    }

    private static long ms(final long ns)
    {
        return TimeUnit.NANOSECONDS.toMillis(ns);
    }

    private static void require(final boolean condition, final String what)
    {
        if (!condition)
        {
            throw new IllegalStateException("drill step failed: " + what);
        }
    }

    /** One kill and what followed it. */
    record Failover(String service, String victim, String successor, long electedMs, long failoverMs)
    {
        String describe()
        {
            return service + ": killed " + victim + ", new primary " + successor + " elected after " + electedMs
                + " ms, serving after " + failoverMs + " ms";
        }
    }

    /** The drill's counters; {@link #line()} is the stable last line. */
    record DrillVerdict(long kills, long acked, long lostAcked, long duplicateFills, long stateHashMismatch,
        long staleEpochAccepted, long failoverMsP50, long failoverMsMax)
    {
        String line()
        {
            return "drill: kills=" + kills + " acked=" + acked + " lost_acked=" + lostAcked + " duplicate_fills="
                + duplicateFills + " state_hash_mismatch=" + stateHashMismatch + " stale_epoch_accepted="
                + staleEpochAccepted + " failover_ms_p50=" + failoverMsP50 + " failover_ms_max=" + failoverMsMax;
        }

        boolean passed()
        {
            return lostAcked == 0 && duplicateFills == 0 && stateHashMismatch == 0 && staleEpochAccepted == 0;
        }
    }
}
