package io.tickkeeper.coordinator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.tickkeeper.coordinator.ZkPaths;
import io.tickkeeper.coordinator.election.PrimaryElection;
import io.tickkeeper.coordinator.election.PrimaryInfo;
import io.tickkeeper.coordinator.election.PrimaryListener;
import io.tickkeeper.coordinator.membership.MemberInfo;
import io.tickkeeper.coordinator.membership.MemberRegistration;
import io.tickkeeper.coordinator.zk.Await;
import io.tickkeeper.coordinator.zk.InProcessEnsemble;
import picocli.CommandLine;

/**
 * {@code tickctl} exit codes, {@code status} and {@code watch}, against a real ensemble.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TickCtlTest
{
    private static final String SERVICE = "cli-test";
    private static InProcessEnsemble ensemble;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception
    {
        ensemble = InProcessEnsemble.start(22590);
    }

    @AfterAll
    static void stop() throws Exception
    {
        ensemble.close();
    }

    @AfterEach
    void closeAll() throws Exception
    {
        for (final AutoCloseable closeable : toClose)
        {
            closeable.close();
        }
    }

    @Test
    void shouldExitOneWithAOneLineMessageOnAnUnknownOption()
    {
        assertThat(run("--bogus")).isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString()).startsWith("tickctl: Unknown option: '--bogus'").doesNotContain("\tat ");
    }

    @Test
    void shouldExitOneWithUsageWithoutASubcommand()
    {
        assertThat(run()).isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString()).contains("Usage: tickctl");
    }

    @Test
    void shouldShowHelpForEverySubcommand()
    {
        for (final String subcommand : List.of("status", "watch", "zk"))
        {
            out.getBuffer().setLength(0);
            assertThat(run(subcommand, "--help")).isEqualTo(ExitCodes.OK);
            assertThat(out.toString()).contains("Usage: tickctl " + subcommand);
        }
    }

    @Test
    void shouldExitTwoWhenZooKeeperIsUnreachable()
    {
        assertThat(run("--zk", "127.0.0.1:22599", "--timeout-ms", "500", "status"))
            .isEqualTo(ExitCodes.ZK_UNREACHABLE);

        assertThat(err.toString().trim()).isEqualTo("tickctl: cannot reach ZooKeeper at 127.0.0.1:22599 within 500 ms");
    }

    @Test
    void shouldExitTwoAndShowEveryServerDownWhenNoEnsembleRuns() throws Exception
    {
        final Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "coord-a-tests")), "none");

        assertThat(run("zk", "status", "--data-dir", dir.toString(), "--client-port-base", "22596"))
            .isEqualTo(ExitCodes.ZK_UNREACHABLE);

        assertThat(out.toString()).contains("0/3 serving, leader none").contains("zk1", "zk2", "zk3");
        assertThat(out.toString().lines().filter(line -> line.contains(" down "))).hasSize(3);
    }

    @Test
    void shouldShowPrimaryEpochAndMembersOfEveryShard() throws Exception
    {
        final CuratorFramework service = ensemble.service();
        final PrimaryElection election = PrimaryElection.create(service, SERVICE, "0", "me-a", "127.0.0.1:9001",
            new QuietListener());
        toClose.add(election);
        election.start();
        register(service, "0", new MemberInfo("me-a", "primary", 1, "127.0.0.1:9001", 1234, 0));
        register(service, "0", new MemberInfo("me-b", "standby", 1, "127.0.0.1:9002", 1230, 4));
        Await.until(election::isPrimary, 15_000, "a primary");

        assertThat(run("--zk", ensemble.connectString(), "status")).isEqualTo(ExitCodes.OK);

        final List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).startsWith("service").contains("primary", "lag", "in_sync");
        assertThat(lines).anySatisfy(line -> assertThat(line)
            .contains(SERVICE, "me-a@127.0.0.1:9001", "me-a", "primary", "1234"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("me-b", "standby", "1230", "4"));
    }

    @Test
    void shouldStreamElectionAndMembershipEventsUntilTheDurationEnds() throws Exception
    {
        final StringBuffer stream = new StringBuffer();
        final CommandLine commandLine = TickCtl.commandLine();
        commandLine.setOut(new PrintWriter(new StringBufferWriter(stream), true));
        commandLine.setErr(new PrintWriter(err, true));
        final CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
            () -> commandLine.execute("--zk", ensemble.connectString(), "watch", "--duration-s", "8"));
        Await.until(() -> stream.toString().contains("watching"), 30_000, "the watch to start");

        final CuratorFramework service = ensemble.service();
        register(service, "watched", new MemberInfo("w-a", "standby", 0, "127.0.0.1:9101", 0, 0));
        final PrimaryElection election = PrimaryElection.create(service, SERVICE, "watched", "w-a",
            "127.0.0.1:9101", new QuietListener());
        toClose.add(election);
        election.start();
        Await.until(() -> stream.toString().contains("primary         " + SERVICE + "/watched"), 30_000,
            "the primary event");

        assertThat(exit.get(30, TimeUnit.SECONDS)).isEqualTo(ExitCodes.OK);
        final String events = stream.toString();
        assertThat(events).contains("member-joined   " + SERVICE + "/watched  w-a role=standby");
        assertThat(events).contains("epoch           " + SERVICE + "/watched  0 -> 1");
        assertThat(events).contains("primary         " + SERVICE + "/watched  w-a epoch=1 endpoint=127.0.0.1:9101");
        assertThat(events).contains("candidate-joined " + SERVICE + "/watched");
    }

    private int run(final String... args)
    {
        final CommandLine commandLine = TickCtl.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private void register(final CuratorFramework client, final String shard, final MemberInfo info)
        throws InterruptedException
    {
        final MemberRegistration registration = MemberRegistration.create(client, SERVICE, shard, info, 50);
        toClose.add(registration);
        registration.start();
        assertThat(registration.awaitCreated(15_000)).as("member %s created under %s", info.node(),
            ZkPaths.members(SERVICE, shard)).isTrue();
    }

    /** A writer appending to a thread-safe buffer the test reads while the command runs. */
    private static final class StringBufferWriter extends Writer
    {
        private final StringBuffer buffer;

        private StringBufferWriter(final StringBuffer buffer)
        {
            this.buffer = buffer;
        }

        @Override
        public void write(final char[] chars, final int offset, final int length)
        {
            buffer.append(chars, offset, length);
        }

        @Override
        public void flush()
        {
        }

        @Override
        public void close()
        {
        }
    }

    /** Ignores election events. */
    private static final class QuietListener implements PrimaryListener
    {
        @Override
        public void onPrimary(final long epoch)
        {
        }

        @Override
        public void onFollower(final PrimaryInfo primaryOrNull)
        {
        }

        @Override
        public void onNotPrimary(final String reason)
        {
        }
    }
}
