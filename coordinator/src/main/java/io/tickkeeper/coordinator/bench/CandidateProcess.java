package io.tickkeeper.coordinator.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.tickkeeper.coordinator.Credentials;
import io.tickkeeper.coordinator.election.CandidateMain;

/**
 * One {@link CandidateMain} JVM of the benchmark: started, killed (SIGKILL), stopped (SIGTERM, which runs its
 * shutdown hook and closes the election) and restarted under the same node name. Output goes to a log file. The
 * JVM compiles with C1 only: a restarted candidate's start-up burst of C2 compilation would otherwise compete for
 * the two cores with the primary's heartbeats.
 */
final class CandidateProcess
{
    private static final long EXIT_WAIT_MS = 10_000;

    private final String node;
    private final List<String> command;
    private final Path log;
    private final String auth;
    private Process process;

    CandidateProcess(
        final String node, final String connectString, final int sessionTimeoutMs, final String classpath,
        final Path log, final String auth)
    {
        this.node = node;
        this.log = log;
        this.auth = auth;
        this.command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx96m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
            "-Dorg.slf4j.simpleLogger.showDateTime=true",
            "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS",
            "-cp", classpath,
            CandidateMain.class.getName(),
            "--zk", connectString,
            "--service", CoordinationBench.SERVICE,
            "--shard", CoordinationBench.SHARD,
            "--node", node,
            "--endpoint", "127.0.0.1:" + node,
            "--session-timeout-ms", Integer.toString(sessionTimeoutMs)));
    }

    String node()
    {
        return node;
    }

    void start() throws IOException
    {
        final ProcessBuilder builder = new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        final Map<String, String> env = builder.environment();
        env.remove(Credentials.ENV_AUTH_FILE);
        env.put(Credentials.ENV_AUTH, auth);
        process = builder.start();
        process.getOutputStream().close();
    }

    /** SIGKILL, and wait for the process to be gone. */
    void kill()
    {
        process.destroyForcibly();
        awaitExit();
    }

    /** SIGTERM: the candidate's shutdown hook closes its election (graceful hand-over). */
    void terminate()
    {
        process.destroy();
    }

    /** Waits for the process to exit; kills it when it does not within the grace period. */
    void awaitExit()
    {
        if (process == null)
        {
            return;
        }
        try
        {
            process.onExit().get(EXIT_WAIT_MS, TimeUnit.MILLISECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        catch (final ExecutionException | TimeoutException ex)
        {
            process.destroyForcibly();
        }
    }

    boolean alive()
    {
        return process != null && process.isAlive();
    }
}
