package io.tickkeeper.coordinator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code tickctl} in a JVM of its own takes its {@code --zk} default from {@code TICKKEEPER_ZK} when that is set. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class TickCtlEnvironmentTest
{
    @Test
    void shouldTakeTheConnectStringFromTheEnvironmentUnlessTheCommandLineNamesOne() throws Exception
    {
        final String fromEnvironment = run("127.0.0.1:22597", "--timeout-ms", "300", "status");
        assertThat(fromEnvironment).contains("cannot reach ZooKeeper at 127.0.0.1:22597 within 300 ms");

        final String fromCommandLine = run("127.0.0.1:22597", "--zk", "127.0.0.1:22596", "--timeout-ms", "300",
            "status");
        assertThat(fromCommandLine).contains("cannot reach ZooKeeper at 127.0.0.1:22596 within 300 ms");

        final String withoutEnvironment = run(null, "--help");
        assertThat(withoutEnvironment.replaceAll("\\s+", "")).contains("(default:" + TickCtl.DEFAULT_ZK + ")");
        assertThat(run("127.0.0.1:22597", "--help").replaceAll("\\s+", "")).contains("(default:127.0.0.1:22597)");
    }

    /** @return what the command wrote on stdout and stderr. */
    private static String run(final String zkEnvironment, final String... args)
        throws IOException, InterruptedException
    {
        final List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(TickCtl.class.getName());
        command.addAll(List.of(args));
        final Path dir = Files.createDirectories(Path.of("target", "tickctl-runs"));
        final Path output = Files.createTempFile(dir, "env", ".txt");
        final ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(output.toFile());
        builder.environment().remove(TickCtl.ZK_ENV);
        if (zkEnvironment != null)
        {
            builder.environment().put(TickCtl.ZK_ENV, zkEnvironment);
        }
        final Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return Files.readString(output, StandardCharsets.UTF_8);
    }
}
