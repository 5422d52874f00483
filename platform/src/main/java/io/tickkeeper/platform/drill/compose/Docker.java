package io.tickkeeper.platform.drill.compose;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code docker} and {@code docker-compose} commands of the compose drill in the folder of
 * docker-compose.yml, each with a time limit; a command that fails or overruns is an error with its output.
 */
final class Docker
{
    private final Path home;
    private final long timeoutMs;

    /**
     * @param home      the folder of docker-compose.yml.
     * @param timeoutMs the longest any command may take.
     */
    Docker(final Path home, final long timeoutMs)
    {
        this.home = home;
        this.timeoutMs = timeoutMs;
    }

    /**
     * @param args {@code docker} arguments.
     * @return the command's output (stdout and stderr).
     * @throws IOException when it cannot run, fails or overruns.
     */
    String docker(final String... args) throws IOException, InterruptedException
    {
        return run(timeoutMs, "docker", args);
    }

    /**
     * @param args {@code docker-compose} arguments.
     * @return the command's output (stdout and stderr).
     * @throws IOException when it cannot run, fails or overruns.
     */
    String compose(final String... args) throws IOException, InterruptedException
    {
        return run(timeoutMs, "docker-compose", args);
    }

    /**
     * @param limitMs how long this command may take (stopping the whole cluster takes longer than one command).
     * @param args    {@code docker-compose} arguments.
     * @return the command's output (stdout and stderr).
     * @throws IOException when it cannot run, fails or overruns.
     */
    String compose(final long limitMs, final String... args) throws IOException, InterruptedException
    {
        return run(limitMs, "docker-compose", args);
    }

    private String run(final long limitMs, final String command, final String... args)
        throws IOException, InterruptedException
    {
        final List<String> line = new ArrayList<>();
        line.add(command);
        line.addAll(List.of(args));
        final Process process = new ProcessBuilder(line).directory(home.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        final byte[][] output = new byte[1][];
        final Thread reader = new Thread(() ->
        {
            try
            {
                output[0] = process.getInputStream().readAllBytes();
            }
            catch (final IOException ex)
            {
                output[0] = ("(output unreadable: " + ex.getMessage() + ")").getBytes(StandardCharsets.UTF_8);
            }
        }, "docker-output");
        reader.setDaemon(true);
        reader.start();
        if (!process.waitFor(limitMs, TimeUnit.MILLISECONDS))
        {
            process.destroyForcibly();
            throw new IOException(String.join(" ", line) + " did not finish within " + limitMs + " ms");
        }
        reader.join(5_000);
        final String text = output[0] == null ? "" : new String(output[0], StandardCharsets.UTF_8);
        if (process.exitValue() != 0)
        {
            throw new IOException(String.join(" ", line) + " exited " + process.exitValue() + ": " + text.trim());
        }
        return text;
    }
}
