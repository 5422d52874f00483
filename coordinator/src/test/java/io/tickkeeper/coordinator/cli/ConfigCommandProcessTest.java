package io.tickkeeper.coordinator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.tickkeeper.coordinator.Credentials;
import io.tickkeeper.coordinator.config.ConfigKeys;
import io.tickkeeper.coordinator.config.ConfigStore;
import io.tickkeeper.coordinator.config.ZooKeeperTestServer;

/**
 * {@code tickctl config} as operators run it: a separate JVM whose credentials come from its environment.
 */
@Tag("system")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ConfigCommandProcessTest
{
    private ZooKeeperTestServer zk;

    @BeforeEach
    void startZooKeeper() throws Exception
    {
        zk = ZooKeeperTestServer.start();
    }

    @AfterEach
    void stopZooKeeper() throws Exception
    {
        zk.close();
    }

    @Test
    void shouldSetAValueAsTheUserOfTheCredentialsAndRefuseABadOne() throws Exception
    {
        final Run set = tickctl(true, "config", "set", "risk.account-kill-switches", "{\"killed\":[12,7]}");
        assertThat(set.exitCode).as(set.err).isZero();
        assertThat(set.out).isEqualTo("risk.account-kill-switches: (default) -> {\"killed\":[7,12]} (change 0 by "
            + ZooKeeperTestServer.OPERATOR.user() + ")" + System.lineSeparator());

        final Run bad = tickctl(true, "config", "set", "risk.account-kill-switches", "{\"killed\":[-3]}");
        assertThat(bad.exitCode).isEqualTo(ExitCodes.BAD_VALUE);
        assertThat(bad.err).isEqualTo("tickctl: risk.account-kill-switches account ids must not be negative, got -3"
            + System.lineSeparator());

        final Run anonymous = tickctl(false, "config", "set", "risk.account-kill-switches", "{\"killed\":[]}");
        assertThat(anonymous.exitCode).isEqualTo(ExitCodes.NO_PERMISSION);

        final ConfigStore store = new ConfigStore(zk.anonymous(), ConfigKeys.registry());
        assertThat(store.get("risk.account-kill-switches").json()).isEqualTo("{\"killed\":[7,12]}");
        assertThat(store.history("risk.account-kill-switches")).singleElement()
            .satisfies(change -> assertThat(change.who()).isEqualTo(ZooKeeperTestServer.OPERATOR.user()));
    }

    private Run tickctl(final boolean withCredentials, final String... args) throws IOException, InterruptedException
    {
        final List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(TickCtl.class.getName());
        command.add("--zk");
        command.add(zk.connectString());
        command.addAll(List.of(args));
        final Path dir = Files.createDirectories(Path.of("target", "tickctl-runs"));
        final Path out = Files.createTempFile(dir, "out", ".txt");
        final Path err = Files.createTempFile(dir, "err", ".txt");
        final ProcessBuilder builder = new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
        builder.environment().remove(Credentials.ENV_AUTH);
        builder.environment().remove(Credentials.ENV_AUTH_FILE);
        if (withCredentials)
        {
            builder.environment().put(Credentials.ENV_AUTH, "operator:operator-secret");
        }
        final Process process = builder.start();
        try
        {
            if (!process.waitFor(60, TimeUnit.SECONDS))
            {
                throw new IllegalStateException("tickctl " + String.join(" ", args) + " did not finish in 60 s");
            }
        }
        finally
        {
            process.destroyForcibly();
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
    }

    /** One finished tickctl process. */
    private static final class Run
    {
        private final int exitCode;
        private final String out;
        private final String err;

        private Run(final int exitCode, final String out, final String err)
        {
            this.exitCode = exitCode;
            this.out = out;
            this.err = err;
        }
    }
}
