package io.tickkeeper.coordinator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.tickkeeper.coordinator.Credentials;
import io.tickkeeper.coordinator.config.ConfigKeys;
import io.tickkeeper.coordinator.config.ConfigStore;
import io.tickkeeper.coordinator.config.ZooKeeperTestServer;
import picocli.CommandLine;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConfigCommandTest
{
    private static final String NOBODY_LISTENS = "127.0.0.1:23999";

    private ZooKeeperTestServer zk;
    private CuratorFramework operator;
    private ConfigStore store;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void startZooKeeper() throws Exception
    {
        zk = ZooKeeperTestServer.start();
        operator = zk.operator();
        store = new ConfigStore(operator, ConfigKeys.registry());
    }

    @AfterEach
    void stopZooKeeper() throws Exception
    {
        zk.close();
    }

    @Test
    void shouldRefuseABadValueWithExitCode3AndWriteNothing() throws Exception
    {
        final int exitCode = tickctl("--zk", zk.connectString(), "config", "set", "risk.price-band-bps", "20000");

        assertThat(exitCode).isEqualTo(ExitCodes.BAD_VALUE);
        assertThat(err.toString()).isEqualTo("tickctl: risk.price-band-bps must be between 1 and 10000, got 20000"
            + System.lineSeparator());
        assertThat(out.toString()).isEmpty();
        assertThat(operator.checkExists().forPath(ConfigStore.valuePath("risk.price-band-bps"))).isNull();
    }

    @Test
    void shouldRefuseABadValueBeforeTryingToReachZooKeeper()
    {
        assertThat(tickctl("--zk", NOBODY_LISTENS, "config", "set", "risk.kill-switch", "yes"))
            .isEqualTo(ExitCodes.BAD_VALUE);
        assertThat(err.toString()).startsWith("tickctl: risk.kill-switch: not valid JSON (");
    }

    @Test
    void shouldRefuseAnUnknownKeyWithExitCode3()
    {
        assertThat(tickctl("--zk", zk.connectString(), "config", "get", "risk.max-order-quantity"))
            .isEqualTo(ExitCodes.BAD_VALUE);
        assertThat(err.toString()).isEqualTo("tickctl: unknown config key: risk.max-order-quantity "
            + "('tickctl config get' lists the keys)" + System.lineSeparator());
    }

    @Test
    void shouldRefuseASetWithoutCredentialsWithExitCode4() throws Exception
    {
        assumeTrue(Credentials.fromEnvironment().isEmpty(), "the test JVM must run without ZooKeeper credentials");
        store.set("risk.max-order-qty", "500", "operator", 1L);

        assertThat(tickctl("--zk", zk.connectString(), "config", "set", "risk.max-order-qty", "5"))
            .isEqualTo(ExitCodes.NO_PERMISSION);
        assertThat(err.toString()).startsWith("tickctl: no permission to write /tickkeeper/config/risk.max-order-qty")
            .endsWith("(set TICKKEEPER_ZK_AUTH or TICKKEEPER_ZK_AUTH_FILE)" + System.lineSeparator());
        assertThat(store.get("risk.max-order-qty").json()).isEqualTo("500");
    }

    @Test
    void shouldExitWithCode2WhenZooKeeperIsUnreachable()
    {
        assertThat(tickctl("--zk", NOBODY_LISTENS, "--timeout-ms", "500", "config", "get"))
            .isEqualTo(ExitCodes.ZK_UNREACHABLE);
        assertThat(err.toString()).startsWith("tickctl: cannot reach ZooKeeper at " + NOBODY_LISTENS);
    }

    @Test
    void shouldPrintOneValueEveryValueAndTheHistory() throws Exception
    {
        store.set("risk.max-order-qty", "500", "alice", 1_000L);
        store.set("risk.max-order-qty", "600", "bob", 2_000L);

        assertThat(tickctl("--zk", zk.connectString(), "config", "get", "risk.max-order-qty")).isZero();
        assertThat(out.toString()).isEqualTo("600" + System.lineSeparator());

        out.getBuffer().setLength(0);
        assertThat(tickctl("--zk", zk.connectString(), "config", "get")).isZero();
        assertThat(out.toString())
            .containsPattern("risk\\.max-order-qty +600 +stored v1 ")
            .containsPattern("risk\\.kill-switch +false +default")
            .containsPattern("risk\\.account-kill-switches +\\{\"killed\":\\[\\]} +default");

        out.getBuffer().setLength(0);
        assertThat(tickctl("--zk", zk.connectString(), "config", "history", "risk.max-order-qty")).isZero();
        assertThat(out.toString().split(System.lineSeparator())).containsExactly(
            "SEQ  TIME                  WHO    OLD        NEW",
            "0    1970-01-01T00:00:01Z  alice  (default)  500",
            "1    1970-01-01T00:00:02Z  bob    500        600");
    }

    @Test
    void shouldStreamAppliedChangesAndRefusals() throws Exception
    {
        final ExecutorService watcher = Executors.newSingleThreadExecutor();
        try
        {
            final Future<Integer> watch = watcher.submit(() ->
                tickctl("--zk", zk.connectString(), "config", "watch", "--count", "2"));
            final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!out.toString().contains("current probe.sequence = 0"))
            {
                assertThat(System.nanoTime()).as("watch did not print the current values").isLessThan(deadlineNs);
                assertThat(watch.isDone()).as("watch ended early: " + err).isFalse();
                Thread.onSpinWait();
            }

            store.set("probe.sequence", "5", "alice", 1L);
            // A ZooKeeper watch reports that a node changed, not each change: a second write before the watcher
            // re-reads would be seen alone. Wait for the first to be applied before the refused one.
            while (!out.toString().contains("applied probe.sequence = 5"))
            {
                assertThat(System.nanoTime()).as("watch did not print the applied change").isLessThan(deadlineNs);
                Thread.onSpinWait();
            }
            operator.setData().forPath(ConfigStore.valuePath("probe.sequence"), "-1".getBytes(StandardCharsets.UTF_8));

            assertThat(watch.get(20, TimeUnit.SECONDS)).isZero();
        }
        finally
        {
            watcher.shutdownNow();
        }
        assertThat(out.toString())
            .contains("current risk.max-order-qty = 10000")
            .containsPattern("\\S+Z applied probe\\.sequence = 5")
            .containsPattern("\\S+Z REFUSED probe\\.sequence = -1: probe\\.sequence must be between 0 and "
                + Long.MAX_VALUE + ", got -1 \\(keeping 5\\)");
    }

    private int tickctl(final String... args)
    {
        final CommandLine commandLine = TickCtl.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
