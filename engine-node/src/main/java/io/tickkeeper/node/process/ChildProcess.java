package io.tickkeeper.node.process;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service process run by a drill, a benchmark or the sandbox as a child process: started, killed with SIGKILL, frozen with
 * SIGSTOP and resumed with SIGCONT, stopped with SIGTERM. Each start appends to the node's own log file.
 */
public final class ChildProcess
{
    private final String node;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path logFile;
    private Process process;
    private int starts;

    /**
     * @param node        the node's name.
     * @param command     its command line.
     * @param environment extra environment variables (the credentials file).
     * @param logFile     where its stdout and stderr go.
     */
    public ChildProcess(final String node, final List<String> command, final Map<String, String> environment,
        final Path logFile)
    {
        this.node = node;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.logFile = logFile;
    }

    public String node()
    {
        return node;
    }

    /** Starts the node (again). */
    public synchronized void start() throws IOException
    {
        if (process != null && process.isAlive())
        {
            throw new IllegalStateException("node " + node + " is already running as pid " + process.pid());
        }
        Files.createDirectories(logFile.getParent());
        final ProcessBuilder builder = new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(environment);
        process = builder.start();
        starts++;
    }

    /** @return how many times the node was started. */
    public synchronized int starts()
    {
        return starts;
    }

    /** @return the pid of the running process, or -1. */
    public synchronized long pid()
    {
        return process != null && process.isAlive() ? process.pid() : -1;
    }

    public synchronized boolean alive()
    {
        return process != null && process.isAlive();
    }

    /** SIGKILL, and waits until the process is gone. */
    public synchronized void kill() throws InterruptedException
    {
        if (process != null)
        {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** SIGSTOP: freezes the process. */
    public synchronized void freeze() throws IOException, InterruptedException
    {
        signal("STOP");
    }

    /** SIGCONT: resumes a frozen process. */
    public synchronized void resume() throws IOException, InterruptedException
    {
        signal("CONT");
    }

    /**
     * SIGTERM, then SIGKILL when it has not exited within the grace period.
     *
     * @return the exit code, or -1 when it had to be killed.
     */
    public synchronized int terminate(final long graceMs) throws InterruptedException
    {
        if (process == null || !process.isAlive())
        {
            return process == null ? -1 : process.exitValue();
        }
        process.destroy();
        if (process.waitFor(graceMs, TimeUnit.MILLISECONDS))
        {
            return process.exitValue();
        }
        kill();
        return -1;
    }

    private void signal(final String name) throws IOException, InterruptedException
    {
        if (process == null || !process.isAlive())
        {
            throw new IllegalStateException("node " + node + " is not running");
        }
        final Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
            .redirectErrorStream(true).start();
        if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0)
        {
            throw new IOException("kill -" + name + " " + process.pid() + " failed");
        }
    }
}
