package io.tickkeeper.coordinator.election;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tickkeeper.coordinator.Credentials;

/**
 * A {@link CandidateMain} in its own JVM for system tests: its stdout (one event per line) goes to a file the
 * test reads; it can be killed, stopped and continued with real signals.
 */
final class CandidateJvm
{
    private static final Pattern TIME = Pattern.compile(" t=(\\d+)");

    private final Process process;
    private final Path stdout;

    private CandidateJvm(final Process process, final Path stdout)
    {
        this.process = process;
        this.stdout = stdout;
    }

    static CandidateJvm start(
        final String connectString, final String shard, final String node, final long emitIntervalMs,
        final Credentials credentials, final Path dir) throws IOException
    {
        final Path stdout = dir.resolve(node + ".out");
        final List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx96m", "-XX:+UseSerialGC",
            "-cp", System.getProperty("java.class.path"), CandidateMain.class.getName(),
            "--zk", connectString, "--service", "system-test", "--shard", shard, "--node", node,
            "--endpoint", "127.0.0.1:" + node, "--emit-interval-ms", Long.toString(emitIntervalMs)));
        final ProcessBuilder builder = new ProcessBuilder(command)
            .redirectOutput(stdout.toFile())
            .redirectError(dir.resolve(node + ".err").toFile());
        builder.environment().remove(Credentials.ENV_AUTH_FILE);
        builder.environment().put(Credentials.ENV_AUTH,
            new String(credentials.authBytes(), StandardCharsets.UTF_8));
        final Process process = builder.start();
        process.getOutputStream().close();
        return new CandidateJvm(process, stdout);
    }

    List<String> lines()
    {
        try
        {
            return Files.readAllLines(stdout, StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            return List.of();
        }
    }

    /**
     * @param prefix how the line starts, e.g. {@code "PRIMARY epoch=2"}.
     * @return the time printed on the first such line, if there is one.
     */
    Optional<Long> firstTime(final String prefix)
    {
        return lines().stream().filter(line -> line.startsWith(prefix + " ")).findFirst().map(CandidateJvm::time);
    }

    static long time(final String line)
    {
        final Matcher matcher = TIME.matcher(line);
        if (!matcher.find())
        {
            throw new IllegalArgumentException("no time in: " + line);
        }
        return Long.parseLong(matcher.group(1));
    }

    void kill() throws InterruptedException
    {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    void signal(final String signal) throws IOException, InterruptedException
    {
        final Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0)
        {
            throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed");
        }
    }

    void stop() throws InterruptedException
    {
        if (process.isAlive())
        {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS))
            {
                kill();
            }
        }
    }
}
