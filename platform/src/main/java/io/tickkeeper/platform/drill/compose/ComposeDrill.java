package io.tickkeeper.platform.drill.compose;

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

import io.tickkeeper.coordinator.Credentials;
import io.tickkeeper.coordinator.config.ConfigKeys;
import io.tickkeeper.coordinator.config.ConfigStore;
import io.tickkeeper.matching.node.Instruments;
import io.tickkeeper.matching.service.MatchingPipeline;
import io.tickkeeper.node.ServicePipeline;
import io.tickkeeper.platform.drill.DrillChecks;
import io.tickkeeper.platform.drill.DrillReport;
import io.tickkeeper.platform.drill.DrillVerdict;
import io.tickkeeper.platform.drill.Failover;
import io.tickkeeper.platform.drill.KillSteps;
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

/**
 * The compose failover drill (docs/runbook-drill.md): against the running demo cluster of docker-compose.yml, a FIX
 * client on the host trades through the published gateway ports while the drill kills, with {@code docker kill},
 * the primary of the feed, the strategy engine, the risk manager and both matching shards, the gateway the client
 * is connected to, a ZooKeeper follower and the ZooKeeper leader, starting each container again and waiting until
 * it has rejoined before the next kill. Then every acknowledged order is asked for by OrderStatusRequest, the
 * cluster is stopped (SIGTERM), the journals and the trade log are copied out of the containers, replayed and
 * compared pair by pair. The verdict and the checks are the local drill's ({@link DrillChecks}, {@link KillSteps}).
 */
final class ComposeDrill
{
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final List<String> SYMBOLS = List.of("TK1", "TK2", "TK3", "TK4", "TK5", "TK6", "TK7", "TK8");
    private static final List<String> ELECTED = List.of(ComposeLayout.MATCHING_A, ComposeLayout.MATCHING_B,
        ComposeLayout.RISK, ComposeLayout.STRATEGY);

    private final ComposeLayout layout;
    private final Docker docker;
    private final Credentials credentials;
    private final Path workDir;
    private final Path strategiesFile;
    private final double rate;
    private final int rounds;
    private final long stepTimeoutMs;
    private final PrintStream out;

    /**
     * @param layout         the cluster's services and ports.
     * @param docker         runs docker and docker-compose in the folder of docker-compose.yml.
     * @param credentials    the cluster's ZooKeeper identity.
     * @param workDir        where the journals are copied and the report goes.
     * @param strategiesFile the strategies file the strategy engines run (config/strategies.properties).
     * @param rate           orders per second of the FIX client.
     * @param rounds         how many times the sequence of kills runs.
     * @param stepTimeoutMs  how long a successor, an acknowledgement or a rejoin may take.
     * @param out            progress lines.
     */
    ComposeDrill(
        final ComposeLayout layout, final Docker docker, final Credentials credentials, final Path workDir,
        final Path strategiesFile, final double rate, final int rounds, final long stepTimeoutMs,
        final PrintStream out)
    {
        this.layout = layout;
        this.docker = docker;
        this.credentials = credentials;
        this.workDir = workDir;
        this.strategiesFile = strategiesFile;
        this.rate = rate;
        this.rounds = rounds;
        this.stepTimeoutMs = stepTimeoutMs;
        this.out = out;
    }

    DrillVerdict run() throws Exception
    {
        final long startNs = System.nanoTime();
        final String stamp = STAMP.format(LocalDateTime.now());
        final Path copies = workDir.resolve("run-" + stamp);
        final ExecutionLedger ledger = new ExecutionLedger();
        final DrillChecks checks = new DrillChecks();
        final List<Failover> failovers;
        final long lostAcked;
        final List<String> states;
        try (ComposeCluster cluster = new ComposeCluster(layout, docker, stepTimeoutMs))
        {
            cluster.connect(credentials);
            for (final String service : List.of(ComposeLayout.MATCHING_A, ComposeLayout.MATCHING_B,
                ComposeLayout.FEED, ComposeLayout.RISK, ComposeLayout.STRATEGY))
            {
                cluster.await(service + " with a primary and an in-sync standby", () -> cluster.healthy(service));
            }
            out.println("drill: cluster healthy; ZooKeeper leader " + cluster.primary(ComposeLayout.ZOOKEEPER)
                .orElse("none"));
            // One account sends every order of the drill: the throttle must not be what the drill measures.
            new ConfigStore(cluster.curator(), ConfigKeys.registry())
                .set(ConfigKeys.RISK_ORDERS_PER_SECOND.name(), "100000", "drill", System.currentTimeMillis());
            final KillSteps kills = new KillSteps(cluster, ledger, out);
            try (FixTradingClient client = new FixTradingClient("DRILL", "TICKKEEPER", layout.fixEndpoints(),
                "bravo", "bravo-demo", ledger))
            {
                client.start();
                require(client.awaitLogon(stepTimeoutMs), "the FIX client logs on");
                client.subscribeMarketData(SYMBOLS);
                cluster.await("reference prices through market data",
                    () -> SYMBOLS.stream().allMatch(symbol -> client.referencePrice(symbol) > 0));
                final OpenLoopTrader trader = new OpenLoopTrader(client, SYMBOLS, "C" + System.currentTimeMillis());
                final Thread flow = new Thread(() -> trader.run(rate, TimeUnit.HOURS.toNanos(1)), "drill-flow");
                flow.setDaemon(true);
                flow.start();
                cluster.await("the first acknowledgement", () -> ledger.acknowledged() > 0);
                Thread.sleep(2_000);
                for (int round = 0; round < rounds; round++)
                {
                    kills.killPrimary(ComposeLayout.FEED, false);
                    kills.killPrimary(ComposeLayout.STRATEGY, false);
                    kills.killPrimary(ComposeLayout.RISK, true);
                    kills.killPrimary(ComposeLayout.MATCHING_A, true);
                    kills.killPrimary(ComposeLayout.MATCHING_B, true);
                    kills.killGateway(client, layout.gatewayAt(client.connectedTo()));
                    final String leader = cluster.primary(ComposeLayout.ZOOKEEPER)
                        .orElseThrow(() -> new IllegalStateException("no ZooKeeper leader"));
                    final String follower = layout.nodesOf(ComposeLayout.ZOOKEEPER).stream()
                        .filter(server -> !server.equals(leader)).findFirst().orElseThrow();
                    kills.killNode(ComposeLayout.ZOOKEEPER, follower, true);
                    kills.killPrimary(ComposeLayout.ZOOKEEPER, true);
                }
                Thread.sleep(2_000);
                trader.stop();
                flow.join(10_000);
                DrillChecks.awaitQuiet(ledger);
                lostAcked = checks.lostAcknowledged(client, ledger);
                checks.note(DrillChecks.clientSummary(ledger, client));
            }
            failovers = kills.failovers();
            states = cluster.containerStates();
            cluster.stopAndCopy(copyList(), copies);
        }
        checks.note("containers after the kills: " + String.join(", ", states));
        checks.note("journals and trade log copied to " + copies + "; the cluster is stopped");
        final long[] audit = auditJournals(checks, copies);
        final long tradeLogViolations = checks.tradeLogViolations(copies.resolve("trade-log"));
        final long duplicateFills = ledger.duplicateFills() + ledger.overfills() + ledger.duplicateAcks()
            + tradeLogViolations;
        final Histogram failoverMs = DrillReport.failoverMs(failovers);
        final DrillVerdict verdict = new DrillVerdict(failovers.size(), ledger.acknowledged(), lostAcked,
            duplicateFills, audit[0], audit[1], failoverMs.getValueAtPercentile(50), failoverMs.getMaxValue());
        final long elapsedS = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNs);
        DrillReport.write(workDir.resolve("drill-compose-" + stamp + ".md"), "Compose failover drill",
            List.of("Run time " + elapsedS + " s (cluster already up); docker-compose.yml, 15 containers; client rate "
                + Math.round(rate) + " orders/s over " + String.join(", ", layout.fixEndpoints()) + "; rounds "
                + rounds + "; ZooKeeper " + layout.zkConnectString() + "."),
            failovers, ledger.ackLatencyUs(), checks.findings(), verdict, out);
        return verdict;
    }

    private List<ComposeCluster.Copy> copyList()
    {
        final List<ComposeCluster.Copy> list = new ArrayList<>();
        for (final String service : ELECTED)
        {
            for (final String node : layout.nodesOf(service))
            {
                list.add(new ComposeCluster.Copy(node, layout.dataDir(node), node));
            }
        }
        list.add(new ComposeCluster.Copy(layout.nodesOf(ComposeLayout.RISK).get(0), "var/trade-log", "trade-log"));
        return list;
    }

    private long[] auditJournals(final DrillChecks checks, final Path copies)
    {
        long mismatch = 0;
        long stale = 0;
        final List<BotSpec> bots = strategyBots();
        final StrategyLoader loader = new StrategyLoader();
        for (final String service : ELECTED)
        {
            final BiFunction<EnginePipeline.Context, Path, ServicePipeline> pipelines = switch (service)
            {
                case ComposeLayout.MATCHING_A, ComposeLayout.MATCHING_B -> (runtime, snapshots) ->
                    new MatchingPipeline(Instruments.parse(layout.instrumentsOf(service)), runtime, snapshots);
                case ComposeLayout.RISK -> (runtime, snapshots) ->
                    new RiskPipeline(MatchingShards.parse(ComposeLayout.MATCHING_SHARDS).riskConfig(), runtime,
                        snapshots);
                default -> (runtime, snapshots) -> new StrategyPipeline(bots, loader::load,
                    new StrategyPipeline.Settings().riskSessionId(StrategyService.ORDERS_SESSION), runtime, snapshots);
            };
            final List<String> nodes = layout.nodesOf(service);
            final long[] result = checks.auditPair(service.replace('/', '-'), nodes,
                List.of(copies.resolve(nodes.get(0)), copies.resolve(nodes.get(1))), copies.resolve("audit"),
                pipelines);
            mismatch += result[0];
            stale += result[1];
        }
        return new long[] {mismatch, stale};
    }

    private List<BotSpec> strategyBots()
    {
        try
        {
            return StrategiesConfig.load(strategiesFile);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read " + strategiesFile, ex);
        }
    }

    private static void require(final boolean condition, final String what)
    {
        if (!condition)
        {
            throw new IllegalStateException("drill step failed: " + what);
        }
    }
}
