package io.tickkeeper.tradelog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processes append to one trade log at once: the token check must hold across processes, not only threads.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class TradeLogCrossProcessTest
{
    @TempDir
    Path directory;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void killChildren()
    {
        for (final Process process : processes)
        {
            process.destroyForcibly();
        }
    }

    @Test
    void shouldNeverLetAnOlderTokenFollowANewerOneWhenTwoProcessesAppendAtOnce() throws Exception
    {
        final Process zombie = start("1", "1", "until-refused");
        final BufferedReader zombieOut = reader(zombie);
        assertThat(zombieOut.readLine()).isEqualTo("appending");

        final Process successor = start("2", "2", "count", "300");
        final BufferedReader successorOut = reader(successor);
        assertThat(successorOut.readLine()).isEqualTo("appending");
        final String successorResult = successorOut.readLine();
        final String zombieResult = zombieOut.readLine();
        assertThat(successor.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(zombie.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(successor.exitValue()).isZero();
        assertThat(zombie.exitValue()).as(zombieResult).isZero();

        assertThat(successorResult).isEqualTo("appended 300 refused 0 appended-after-refusal 0");
        final String[] zombieCounts = zombieResult.split(" ");
        final long zombieAppended = Long.parseLong(zombieCounts[1]);
        assertThat(zombieResult).endsWith("refused 51 appended-after-refusal 0");

        final TradeLogVerifier verifier = Trades.verify(directory);
        assertThat(verifier.violations()).isEmpty();
        assertThat(verifier.records()).isEqualTo(zombieAppended + 300);
        assertThat(verifier.summary()).contains("token 1 records " + zombieAppended, "token 2 records 300");
    }

    private Process start(final String... args) throws IOException
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (final String flag : ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            if (flag.startsWith("--") || flag.startsWith("-D") || flag.startsWith("-XX:+IgnoreUnrecognized"))
            {
                command.add(flag);
            }
        }
        command.add("-Xmx64m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(AppendingProcess.class.getName());
        command.add(directory.toString());
        command.addAll(List.of(args));
        final Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        processes.add(process);
        return process;
    }

    private static BufferedReader reader(final Process process)
    {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }
}
