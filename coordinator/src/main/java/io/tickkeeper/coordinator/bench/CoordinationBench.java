package io.tickkeeper.coordinator.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.HdrHistogram.Histogram;
import org.apache.curator.framework.CuratorFramework;

import io.tickkeeper.coordinator.CoordinatorClients;
import io.tickkeeper.coordinator.Credentials;
import io.tickkeeper.coordinator.config.ConfigPropagationProbe;
import io.tickkeeper.coordinator.election.PrimaryInfo;
import io.tickkeeper.coordinator.membership.MemberInfo;
import io.tickkeeper.coordinator.zk.EnsembleConfig;
import io.tickkeeper.coordinator.zk.EnsembleLauncher;
import io.tickkeeper.coordinator.zk.ServerStatus;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scripts/bench-coordination}: on a real three-server ensemble (separate processes), two candidate JVMs
 * campaign for one shard. It times (1) SIGKILL of the primary until the survivor has bumped the epoch and
 * published itself in the primary znode, (2) the same after SIGTERM (graceful close from the shutdown hook), and
 * (3) config propagation from {@code ConfigStore.set} to every one of N watcher sessions. The benchmark sees the
 * primary znode through a watch (CuratorCache), so each time includes that notification. Results go to
 * HdrHistogram logs and a summary; the last line printed is the one-line result.
 */
@Command(name = "bench-coordination", mixinStandardHelpOptions = true,
    description = "Failover, graceful hand-over and config propagation on a real local ensemble.")
public final class CoordinationBench implements Callable<Integer>
{
    /** Service the candidates campaign for. */
    static final String SERVICE = "bench";
    /** Shard the candidates campaign for. */
    static final String SHARD = "0";

    private static final long STEP_TIMEOUT_MS = 30_000;
    private static final long HIGHEST_TRACKABLE_NS = TimeUnit.MINUTES.toNanos(1);

    @Option(names = "--quick", description = "Fewer rounds (10 kills, 10 graceful stops, 200 config sets).")
    private boolean quick;

    @Option(names = "--kills", paramLabel = "<n>", description = "SIGKILL rounds (default: 10 with --quick, else 30).")
    private Integer kills;

    @Option(names = "--graceful", paramLabel = "<n>",
        description = "SIGTERM rounds (default: 10 with --quick, else 30).")
    private Integer graceful;

    @Option(names = "--config-sets", paramLabel = "<n>",
        description = "Timed config sets (default: 200 with --quick, else 1000).")
    private Integer configSets;

    @Option(names = "--watchers", paramLabel = "<n>", defaultValue = "10",
        description = "Config watcher sessions (default: ${DEFAULT-VALUE}).")
    private int watchers;

    @Option(names = "--session-timeout-ms", paramLabel = "<ms>",
        defaultValue = "" + CoordinatorClients.DEFAULT_SESSION_TIMEOUT_MS,
        description = "Session timeout of the candidates and watchers (default: ${DEFAULT-VALUE}).")
    private int sessionTimeoutMs;

    @Option(names = "--tick-time-ms", paramLabel = "<ms>", defaultValue = "" + EnsembleConfig.DEFAULT_TICK_TIME_MS,
        description = "Ensemble tickTime (default: ${DEFAULT-VALUE}).")
    private int tickTimeMs;

    @Option(names = "--min-session-timeout-ms", paramLabel = "<ms>",
        defaultValue = "" + EnsembleConfig.DEFAULT_MIN_SESSION_TIMEOUT_MS,
        description = "Ensemble minSessionTimeout (default: ${DEFAULT-VALUE}).")
    private int minSessionTimeoutMs;

    @Option(names = "--port-base", paramLabel = "<port>", defaultValue = "22700",
        description = "Client port of server 1; quorum ports at +100, election ports at +200 (default: "
            + "${DEFAULT-VALUE}).")
    private int portBase;

    @Option(names = "--no-force-sync", description = "Run the ensemble without fsync of its transaction log.")
    private boolean noForceSync;

    @Option(names = "--settle-ms", paramLabel = "<ms>", defaultValue = "1000",
        description = "Pause after a restarted candidate has joined, before the next round (default: "
            + "${DEFAULT-VALUE}).")
    private long settleMs;

    @Option(names = "--work-dir", paramLabel = "<dir>", defaultValue = "var/bench-coordination",
        description = "Ensemble data and candidate logs (default: ${DEFAULT-VALUE}).")
    private Path workDir;

    @Option(names = "--results-dir", paramLabel = "<dir>", defaultValue = "results/bench-coordination",
        description = "HdrHistogram logs and summary (default: ${DEFAULT-VALUE}).")
    private Path resultsDir;

    private final PrintStream out = System.out;

    /**
     * @param args command-line arguments; {@code --help} lists them.
     */
    public static void main(final String[] args)
    {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null)
        {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        System.exit(new CommandLine(new CoordinationBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception
    {
        final int killRounds = kills != null ? kills : quick ? 10 : 30;
        final int gracefulRounds = graceful != null ? graceful : quick ? 10 : 30;
        final int sets = configSets != null ? configSets : quick ? 200 : 1000;
        Files.createDirectories(resultsDir);
        final Path ensembleDir = workDir.resolve("zookeeper");
        final EnsembleLauncher launcher = new EnsembleLauncher(EnsembleConfig.builder(ensembleDir)
            .tickTimeMs(tickTimeMs)
            .minSessionTimeoutMs(minSessionTimeoutMs)
            .portBase(portBase)
            .forceSync(!noForceSync)
            .build());
        final String auth = "bench:" + HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        final List<CandidateProcess> candidates = new ArrayList<>();
        final Thread cleanup = new Thread(() -> stopAll(candidates, launcher), "bench-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try
        {
            progress("starting a " + launcher.config().servers() + "-server ensemble in " + ensembleDir + " ("
                + launcher.config() + ")");
            launcher.stop(5_000);
            deleteTree(ensembleDir);
            launcher.start(false);
            if (!launcher.awaitQuorum(60_000))
            {
                throw new IllegalStateException("the ensemble did not reach quorum; see " + ensembleDir);
            }
            final Optional<Credentials> credentials = Optional.of(Credentials.parse(auth));
            try (CuratorFramework client = CoordinatorClients.newClient(
                launcher.connectString(), sessionTimeoutMs, credentials))
            {
                client.start();
                if (!client.blockUntilConnected(30, TimeUnit.SECONDS))
                {
                    throw new IllegalStateException("cannot reach " + launcher.connectString());
                }
                final Histogram failover = new Histogram(HIGHEST_TRACKABLE_NS, 3);
                final Histogram handover = new Histogram(HIGHEST_TRACKABLE_NS, 3);
                final long unexpected;
                try (ShardObserver observer = new ShardObserver(client, SERVICE, SHARD))
                {
                    observer.start();
                    for (final String node : List.of("cand-a", "cand-b"))
                    {
                        final CandidateProcess candidate = new CandidateProcess(node, launcher.connectString(),
                            sessionTimeoutMs, System.getProperty("java.class.path"),
                            workDir.resolve(node + ".log"), auth);
                        candidates.add(candidate);
                        candidate.start();
                    }
                    awaitBothJoined(observer);
                    final long changesBefore = observer.primaryChanges();
                    runHandOvers("sigkill", killRounds, candidates, observer, failover, true);
                    runHandOvers("sigterm", gracefulRounds, candidates, observer, handover, false);
                    unexpected = observer.primaryChanges() - changesBefore - killRounds - gracefulRounds;
                }
                progress("config propagation: " + watchers + " watcher sessions, " + sets + " sets");
                final Histogram propagation;
                try (ConfigPropagationProbe probe =
                    new ConfigPropagationProbe(launcher.connectString(), watchers, credentials, sessionTimeoutMs))
                {
                    probe.start(STEP_TIMEOUT_MS);
                    probe.measure(20, "bench-coordination", STEP_TIMEOUT_MS);
                    propagation = probe.measure(sets, "bench-coordination", STEP_TIMEOUT_MS);
                }
                final List<ServerStatus> servers = launcher.status();
                final BenchReport report = new BenchReport(sessionTimeoutMs, launcher.config(), watchers,
                    failover, handover, propagation, unexpected, servers);
                report.write(resultsDir);
                out.print(report.summary());
                out.println(report.lastLine());
            }
            return 0;
        }
        finally
        {
            stopAll(candidates, launcher);
            Runtime.getRuntime().removeShutdownHook(cleanup);
        }
    }

    private void awaitBothJoined(final ShardObserver observer) throws InterruptedException
    {
        observer.awaitShard(shard -> shard.primary() != null && shard.candidates() == 2
            && shard.members().stream().filter(m -> MemberInfo.ROLE_STANDBY.equals(m.role())
                && m.epoch() == shard.epoch()).count() == 1, STEP_TIMEOUT_MS, "a primary and a standby");
        Thread.sleep(settleMs);
    }

    /**
     * Each round stops the current primary (SIGKILL or SIGTERM), times until the other candidate is published
     * with a higher epoch, restarts the stopped one and waits until it is a standby again.
     */
    private void runHandOvers(
        final String kind, final int rounds, final List<CandidateProcess> candidates, final ShardObserver observer,
        final Histogram histogram, final boolean kill) throws InterruptedException, IOException
    {
        for (int round = 1; round <= rounds; round++)
        {
            final PrimaryInfo before = observer.primary().orElseThrow();
            final CandidateProcess victim = candidates.stream()
                .filter(candidate -> candidate.node().equals(before.node()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("primary " + before.node() + " is not a candidate"));
            final long stopNs = System.nanoTime();
            if (kill)
            {
                victim.kill();
            }
            else
            {
                victim.terminate();
            }
            final ShardObserver.PrimarySeen after = observer.awaitPrimary(
                primary -> !primary.node().equals(before.node()) && primary.epoch() > before.epoch(),
                STEP_TIMEOUT_MS, "a new primary after " + kind + " of " + before.node());
            final long tookNs = after.seenNs() - stopNs;
            histogram.recordValue(Math.min(tookNs, HIGHEST_TRACKABLE_NS));
            progress(String.format("%s %2d/%d: %s (epoch %d) -> %s (epoch %d) in %.1f ms", kind, round, rounds,
                before.node(), before.epoch(), after.primary().node(), after.primary().epoch(), tookNs / 1e6));
            victim.awaitExit();
            victim.start();
            awaitBothJoined(observer);
        }
    }

    private static void stopAll(final List<CandidateProcess> candidates, final EnsembleLauncher launcher)
    {
        for (final CandidateProcess candidate : candidates)
        {
            if (candidate.alive())
            {
                candidate.kill();
            }
        }
        launcher.stop(5_000);
    }

    /**
     * A fresh ensemble every run: the znodes of an earlier run belong to that run's random identity.
     */
    private static void deleteTree(final Path dir) throws IOException
    {
        if (!Files.isDirectory(dir))
        {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir))
        {
            final List<Path> deepestFirst = paths.sorted(Comparator.reverseOrder()).collect(Collectors.toList());
            for (final Path path : deepestFirst)
            {
                Files.delete(path);
            }
        }
    }

    private void progress(final String line)
    {
        out.println("bench-coordination: " + line);
        out.flush();
    }
}
