package io.tickkeeper.matching.drill;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.HdrHistogram.Histogram;
import org.agrona.IoUtil;
import org.apache.curator.framework.CuratorFramework;

import io.tickkeeper.coordinator.CoordinatorClients;
import io.tickkeeper.coordinator.Credentials;
import io.tickkeeper.coordinator.election.PrimaryInfo;
import io.tickkeeper.coordinator.membership.ClusterWatcher;
import io.tickkeeper.coordinator.membership.MemberInfo;
import io.tickkeeper.coordinator.membership.ShardView;
import io.tickkeeper.coordinator.zk.EnsembleConfig;
import io.tickkeeper.coordinator.zk.EnsembleLauncher;
import io.tickkeeper.matching.InstrumentSpec;
import io.tickkeeper.matching.client.AckKind;
import io.tickkeeper.matching.client.Acknowledgement;
import io.tickkeeper.matching.client.Fill;
import io.tickkeeper.matching.client.MatchingClient;
import io.tickkeeper.matching.load.CrossingFlow;
import io.tickkeeper.matching.node.Instruments;
import io.tickkeeper.matching.node.MatchingEngineMain;
import io.tickkeeper.matching.node.MatchingService;
import io.tickkeeper.node.NodeState;
import io.tickkeeper.runtime.replication.JournalGenerations;
import io.tickkeeper.runtime.transport.AeronTransport;
import io.tickkeeper.node.process.ChildProcess;
import io.tickkeeper.node.process.JvmCommand;

/**
 * The local kill -9 drill, end to end: a real 3-server ensemble, a pair of matching-engine processes for shard 0,
 * a crossing flow through {@link MatchingClient}; the primary is killed with SIGKILL again and again (each killed
 * node restarted, and waited for until it is back as an in-sync standby) and once frozen with SIGSTOP past its
 * session timeout. Then the load stops, the pair is stopped, both journals are replayed into fresh engines and
 * checked against what the client was told ({@link #check}).
 */
final class Drill
{
    private static final String SHARD = "0";
    private static final long STEP_TIMEOUT_MS = 90_000;
    private static final long POLL_MS = 20;
    private static final long GRACE_MS = 15_000;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final DrillSettings settings;
    private final PrintStream out;
    private final InstrumentSpec[] instruments;
    private final Map<String, ChildProcess> nodes = new HashMap<>();
    private final List<Failover> failovers = new ArrayList<>();
    private final LoadRecorder recorder = new LoadRecorder();
    private ClusterWatcher watcher;
    private CrossingFlow flow;
    private MatchingClient client;

    /**
     * @param settings the drill's settings.
     * @param out      where progress lines go.
     */
    Drill(final DrillSettings settings, final PrintStream out)
    {
        this.settings = settings;
        this.out = out;
        this.instruments = Instruments.parse(settings.instruments());
    }

    /**
     * Runs the drill and writes its report.
     *
     * @return the verdict (its line is the drill's last line).
     * @throws Exception when a step cannot be carried out (the ensemble does not start, a node does not come back
     *                   within the step timeout, ...).
     */
    DrillVerdict run() throws Exception
    {
        final long startNs = System.nanoTime();
        prepareWorkDir();
        final Path authFile = writeCredentials();
        final EnsembleLauncher ensemble = new EnsembleLauncher(EnsembleConfig.builder(settings.workDir().resolve("zk"))
            .clientPortBase(settings.zkClientPortBase())
            .quorumPortBase(settings.zkQuorumPortBase())
            .electionPortBase(settings.zkElectionPortBase())
            .tickTimeMs(200)
            .minSessionTimeoutMs(400)
            .classpath(zooKeeperClasspath())
            .build());
        final Thread cleanup = new Thread(() -> stopEverything(ensemble), "drill-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        final Map<String, Integer> exitCodes = new HashMap<>();
        try
        {
            ensemble.start(false);
            if (!ensemble.awaitQuorum(60_000))
            {
                throw new IllegalStateException("the ensemble did not reach a quorum; see " + settings.workDir());
            }
            progress("ensemble up: " + ensemble.connectString());
            drive(ensemble.connectString(), authFile, exitCodes);
        }
        finally
        {
            stopEverything(ensemble);
            Runtime.getRuntime().removeShutdownHook(cleanup);
        }
        final DrillVerdict verdict = check(exitCodes, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNs));
        return verdict;
    }

    private void drive(final String connectString, final Path authFile, final Map<String, Integer> exitCodes)
        throws Exception
    {
        final Credentials credentials = Credentials.fromFile(authFile);
        try (CuratorFramework curator = CoordinatorClients.newClient(connectString, 5_000, Optional.of(credentials)))
        {
            curator.start();
            if (!curator.blockUntilConnected(30, TimeUnit.SECONDS))
            {
                throw new IllegalStateException("cannot connect to " + connectString);
            }
            watcher = new ClusterWatcher(curator);
            watcher.start();
            watcher.awaitInitialized(30_000);
            for (int i = 0; i < DrillSettings.NODES.size(); i++)
            {
                final String node = DrillSettings.NODES.get(i);
                nodes.put(node, nodeProcess(i, connectString, authFile));
            }
            nodes.get("a").start();
            await("a is primary", () -> primary().filter(p -> p.node().equals("a")).isPresent());
            nodes.get("b").start();
            await("b is an in-sync standby", () -> rejoined("b"));
            progress("pair up: a primary, b in-sync standby");
            try (AeronTransport transport = AeronTransport.launch("drill-client"))
            {
                client = new MatchingClient(new MatchingClient.Context()
                    .name("drill-client")
                    .curator(curator)
                    .service(MatchingService.SERVICE)
                    .shard(SHARD)
                    .aeron(transport.aeron())
                    .responseEndpoint("127.0.0.1:" + settings.responsePort())
                    .listener(recorder));
                client.start();
                final int[] ids = new int[instruments.length];
                for (int i = 0; i < ids.length; i++)
                {
                    ids[i] = instruments[i].instrumentId();
                }
                flow = new CrossingFlow(client, ids, instruments[0].initialReferencePrice(), instruments[0].tickSize(),
                    1, settings.ratePerSecond(), 20_261_125L);
                flow.start();
                await("the first answer", () -> recorder.answerCount() > 0);
                Thread.sleep(settings.settleMs());
                injectFaults();
                flow.close();
                await("every order answered", () -> client.unacknowledged() == 0);
                await("the standby caught up", this::standbyCaughtUp);
                stopPair(exitCodes);
                client.close();
            }
            finally
            {
                watcher.close();
            }
        }
    }

    private void injectFaults() throws Exception
    {
        int kills = 0;
        int number = 0;
        boolean frozen = false;
        while (kills < settings.kills() || !frozen)
        {
            final boolean freeze = !frozen && kills == settings.freezeAfterKill();
            final PrimaryInfo primary = primary().orElseThrow(() -> new IllegalStateException("no primary"));
            final ChildProcess victim = nodes.get(primary.node());
            final long pid = victim.pid();
            number++;
            final long faultNs = System.nanoTime();
            if (freeze)
            {
                victim.freeze();
                frozen = true;
            }
            else
            {
                victim.kill();
                kills++;
                removeAeronDirectory(primary.node(), pid);
            }
            await("a primary of a higher epoch", () -> primary().filter(p -> p.epoch() > primary.epoch()).isPresent());
            final long electedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - faultNs);
            await("an answer from a new primary", () -> recorder.firstAnswerAbove(primary.epoch(), faultNs) != null);
            final Acknowledgement first = recorder.firstAnswerAbove(primary.epoch(), faultNs);
            final long failoverMs = TimeUnit.NANOSECONDS.toMillis(first.answeredNs() - faultNs);
            final PrimaryInfo successor = primary().orElse(primary);
            if (freeze)
            {
                final long frozenMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - faultNs);
                Thread.sleep(Math.max(0, 2L * settings.sessionTimeoutMs() - frozenMs));
                victim.resume();
            }
            else
            {
                victim.start();
            }
            await(primary.node() + " back as an in-sync standby", () -> rejoined(primary.node()));
            final long rejoinMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - faultNs);
            failovers.add(new Failover(number, freeze ? "SIGSTOP" : "SIGKILL", primary.node(), primary.epoch(),
                successor.node(), first.epoch(), electedMs, failoverMs, rejoinMs));
            progress("fault " + number + ": " + (freeze ? "SIGSTOP" : "SIGKILL") + " " + primary.node() + " (epoch "
                + primary.epoch() + "): elected after " + electedMs + " ms, failover " + failoverMs + " ms to "
                + successor.node() + " (epoch "
                + first.epoch() + "), rejoined after " + rejoinMs + " ms; answers so far " + recorder.answerCount());
            Thread.sleep(settings.settleMs());
        }
    }

    private DrillVerdict check(final Map<String, Integer> exitCodes, final long elapsedS) throws IOException
    {
        final List<JournalAudit> audits = new ArrayList<>();
        for (final String node : DrillSettings.NODES)
        {
            final Path journal = new JournalGenerations(settings.workDir().resolve("nodes").resolve(node))
                .journalDirectory();
            audits.add(JournalAudit.of(node, journal, instruments, MatchingReplayEngine::new));
        }
        final JournalAudit reference = audits.stream().max(Comparator.comparingLong(JournalAudit::lastSequence))
            .orElseThrow();
        final List<Acknowledgement> answers = recorder.answers();
        long acked = 0;
        long lostAcked = 0;
        long rejected = 0;
        long refused = 0;
        for (final Acknowledgement answer : answers)
        {
            if (answer.kind() == AckKind.ACCEPTED)
            {
                acked++;
                final JournalAudit.OrderKey key = new JournalAudit.OrderKey(client.sessionId(),
                    flow.clientOrderId(answer.clientSequence()));
                final List<Long> ids = reference.accepted(key);
                if (ids.size() != 1 || ids.get(0) != answer.orderId())
                {
                    lostAcked++;
                }
            }
            else if (answer.kind() == AckKind.REJECTED)
            {
                rejected++;
            }
            else if (answer.kind() == AckKind.REFUSED)
            {
                refused++;
            }
        }
        final List<Fill> fills = recorder.fills();
        long fillsMissing = 0;
        long fillsTwice = 0;
        final Map<JournalAudit.TradeKey, Integer> seen = new HashMap<>();
        for (final Fill fill : fills)
        {
            final JournalAudit.TradeKey key = new JournalAudit.TradeKey(fill.sequence(), fill.takerOrderId(),
                fill.makerOrderId(), fill.quantity());
            if (seen.merge(key, 1, Integer::sum) > 1)
            {
                fillsTwice++;
            }
            final int inJournal = reference.tradeCount(key);
            if (inJournal == 0)
            {
                fillsMissing++;
            }
            else if (inJournal > 1)
            {
                fillsTwice++;
            }
        }
        final long duplicateFills = audits.stream().mapToLong(JournalAudit::duplicateFills).max().orElse(0)
            + fillsTwice;
        final JournalAudit a = audits.get(0);
        final JournalAudit b = audits.get(1);
        final long stateHashMismatch = (a.stateHash() == b.stateHash() ? 0 : 1) + a.inputDifferences(b);
        final long staleEpochAccepted = audits.stream().mapToLong(JournalAudit::staleEpochInputs).sum()
            + recorder.staleEpochAccepted();
        final Histogram failoverMs = new Histogram(TimeUnit.MINUTES.toMillis(10), 3);
        failovers.forEach(failover -> failoverMs.recordValue(failover.failoverMs()));
        final long kills = failovers.stream().filter(failover -> "SIGKILL".equals(failover.fault())).count();
        final DrillVerdict verdict = new DrillVerdict(kills, acked, lostAcked + fillsMissing, duplicateFills,
            stateHashMismatch, staleEpochAccepted, failoverMs.getValueAtPercentile(50), failoverMs.getMaxValue());
        final List<String> findings = new ArrayList<>();
        findings.add("run time: " + elapsedS + " s; orders submitted " + flow.submitted() + ", answers "
            + answers.size()
            + " (accepted " + acked + ", rejected " + rejected + ", refused " + refused + "), fills " + fills.size()
            + ", commands resent by the client " + client.resentCommands() + ", stale-epoch responses dropped by the "
            + "client " + client.staleEpochDropped());
        for (final JournalAudit audit : audits)
        {
            findings.add("journal of " + audit.node() + ": " + audit.inputs() + " inputs up to sequence "
                + audit.lastSequence() + ", highest epoch " + audit.highestEpoch() + ", " + audit.trades()
                + " trades, state hash " + Long.toHexString(audit.stateHash()) + ", resent answers "
                + audit.resentAnswers() + ", inputs after a higher epoch " + audit.staleEpochInputs()
                + ", duplicate or overfilling trades " + audit.duplicateFills() + ", exit code on SIGTERM "
                + exitCodes.getOrDefault(audit.node(), -1));
        }
        findings.add("lost_acked: accepted orders not in the final state exactly once under the acknowledged order id "
            + lostAcked + ", fills the client was sent that the final journal does not hold " + fillsMissing);
        findings.add("duplicate_fills: trades of a second copy of a client order or overfilling an order (max over "
            + "the journals) " + (duplicateFills - fillsTwice) + ", fills seen twice " + fillsTwice);
        findings.add("state_hash_mismatch: final state hashes differ " + (a.stateHash() == b.stateHash() ? 0 : 1)
            + ", journalled inputs that differ between the nodes " + a.inputDifferences(b));
        findings.add("stale_epoch_accepted: journalled inputs after a higher epoch "
            + audits.stream().mapToLong(JournalAudit::staleEpochInputs).sum()
            + ", answers or fills the client took from an older epoch " + recorder.staleEpochAccepted()
            + "; stale-epoch frames refused by the nodes (from their logs) " + staleFramesRefused());
        final Path report = settings.resultsDir().resolve("drill-" + STAMP.format(LocalDateTime.now()) + ".md");
        new DrillReport("Matching-engine failover drill (local)", settings.describe())
            .failovers(failovers)
            .distribution("Failover time: fault to first answer from the new primary", "ms", failoverMs)
            .distribution("Order to answer latency, whole run", "us", recorder.latencyUs())
            .checks(findings)
            .verdict(verdict)
            .writeTo(report);
        findings.forEach(this::progress);
        progress("report: " + report);
        return verdict;
    }

    /** @return the stale-epoch frames the nodes' replicas and journals refused, as each incarnation logged them. */
    private long staleFramesRefused() throws IOException
    {
        final Pattern counts =
            Pattern.compile("stale-epoch frames refused: (\\d+) by the replica, (\\d+) by the journal");
        long refused = 0;
        try (Stream<Path> logs = Files.list(settings.workDir().resolve("logs")))
        {
            for (final Path log : logs.toList())
            {
                for (final String line : Files.readAllLines(log, StandardCharsets.UTF_8))
                {
                    final Matcher matcher = counts.matcher(line);
                    if (matcher.find())
                    {
                        refused += Long.parseLong(matcher.group(1)) + Long.parseLong(matcher.group(2));
                    }
                }
            }
        }
        return refused;
    }

    private ChildProcess nodeProcess(final int index, final String connectString, final Path authFile)
    {
        final String node = DrillSettings.NODES.get(index);
        final int peer = 1 - index;
        final List<String> args = List.of(
            "--node", node,
            "--shard", SHARD,
            "--zk", connectString,
            "--client-port", Integer.toString(settings.clientPort(index)),
            "--replication-port", Integer.toString(settings.replicationPort(index)),
            "--peer", "127.0.0.1:" + settings.replicationPort(peer),
            "--data-dir", settings.workDir().resolve("nodes").resolve(node).toString(),
            "--instruments", settings.instruments(),
            "--session-timeout-ms", Integer.toString(settings.sessionTimeoutMs()));
        final List<String> command = new ArrayList<>(JvmCommand.current().command(256,
            MatchingEngineMain.class.getName(), args));
        command.addAll(1, List.of("-Dorg.slf4j.simpleLogger.showDateTime=true",
            "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS"));
        return new ChildProcess(node, command,
            Map.of(Credentials.ENV_AUTH_FILE, authFile.toString()),
            settings.workDir().resolve("logs").resolve(node + ".log"));
    }

    private void stopPair(final Map<String, Integer> exitCodes) throws InterruptedException
    {
        final String primaryNode = primary().map(PrimaryInfo::node).orElse("a");
        for (final String node : DrillSettings.NODES)
        {
            if (!node.equals(primaryNode))
            {
                exitCodes.put(node, nodes.get(node).terminate(GRACE_MS));
            }
        }
        exitCodes.put(primaryNode, nodes.get(primaryNode).terminate(GRACE_MS));
        progress("pair stopped with SIGTERM: exit codes " + exitCodes);
    }

    private void stopEverything(final EnsembleLauncher ensemble)
    {
        if (flow != null)
        {
            flow.close();
        }
        for (final ChildProcess node : nodes.values())
        {
            try
            {
                final long pid = node.pid();
                if (node.alive())
                {
                    node.resume();
                    node.kill();
                    removeAeronDirectory(node.node(), pid);
                }
            }
            catch (final IOException ex)
            {
                progress("could not stop node " + node.node() + ": " + ex.getMessage());
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
        ensemble.stop(5_000);
    }

    private Optional<ShardView> shard()
    {
        return watcher.view().shard(MatchingService.SERVICE, SHARD);
    }

    private Optional<PrimaryInfo> primary()
    {
        return shard().flatMap(ShardView::primaryNow);
    }

    /** @return whether the node is an in-sync standby of a primary that is another node. */
    private boolean rejoined(final String node)
    {
        final Optional<ShardView> view = shard();
        return view.isPresent()
            && view.get().isInSync(node)
            && view.get().member(node).map(MemberInfo::role).filter(NodeState.STANDBY.role()::equals).isPresent()
            && view.get().primaryNow().filter(primary -> !primary.node().equals(node)).isPresent();
    }

    private boolean standbyCaughtUp()
    {
        final Optional<ShardView> view = shard();
        if (view.isEmpty() || view.get().members().size() != DrillSettings.NODES.size())
        {
            return false;
        }
        final long first = view.get().members().get(0).appliedSeq();
        return view.get().members().stream().allMatch(member -> member.appliedSeq() == first);
    }

    private void await(final String what, final BooleanSupplier condition) throws InterruptedException
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STEP_TIMEOUT_MS);
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() - deadlineNs > 0)
            {
                throw new IllegalStateException("timed out after " + STEP_TIMEOUT_MS + " ms waiting for " + what
                    + "; shard now: " + shard().orElse(null) + "; logs in " + settings.workDir().resolve("logs"));
            }
            Thread.sleep(POLL_MS);
        }
    }

    private void prepareWorkDir() throws IOException
    {
        final Path dir = settings.workDir();
        IoUtil.delete(dir.toFile(), false);
        Files.createDirectories(dir.resolve("logs"));
    }

    /** A fresh digest identity for this run's processes, readable by its owner only. */
    private Path writeCredentials() throws IOException
    {
        final byte[] secret = new byte[18];
        new SecureRandom().nextBytes(secret);
        final Path file = settings.workDir().resolve("zk-auth");
        Files.writeString(file, "drill:" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret) + "\n",
            StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    /**
     * The servers' classpath: the coordinator's runtime jars (ZooKeeper and what its server needs) as one wildcard
     * entry, rather than this JVM's expanded classpath, which would give each server a command line of several KiB.
     */
    private static String zooKeeperClasspath()
    {
        final Path lib = JvmCommand.projectHome().resolve("coordinator").resolve("target").resolve("lib");
        if (!Files.isDirectory(lib))
        {
            throw new IllegalStateException("no " + lib + ": build the project first (./mvnw -DskipTests install)");
        }
        return lib.resolve("*").toString();
    }

    /** A killed node cannot delete its Aeron directory in /dev/shm; the drill does it for it. */
    private static void removeAeronDirectory(final String node, final long pid)
    {
        if (pid <= 0)
        {
            return;
        }
        IoUtil.delete(Path.of("/dev/shm", "tickkeeper-matching-" + node + "-" + pid).toFile(), false);
    }

    private void progress(final String line)
    {
        out.println("drill: " + line);
        out.flush();
    }
}
