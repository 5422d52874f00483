package io.tickkeeper.coordinator.zk;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The files and the process of one ZooKeeper server of a local ensemble: {@code zoo.cfg}, {@code data/myid},
 * {@code server.log} and {@code zk.pid} under {@link EnsembleConfig#serverDir(int)}.
 */
final class ServerProcess
{
    static final String MAIN_CLASS = "org.apache.zookeeper.server.quorum.QuorumPeerMain";
    /**
     * System property naming the server's configuration file, placed first on the command line: the JDK reads
     * only the first 4 KiB of a Linux process's command line, and a classpath is often longer.
     */
    static final String MARKER_PROPERTY = "tickkeeper.zk.server";
    private static final String ELECTION_LOG_MARK = "LEADER ELECTION TOOK - ";
    private static final long LOG_TAIL_BYTES = 1L << 20;
    private static final long KILL_WAIT_MS = 5_000;

    private final EnsembleConfig config;
    private final int id;

    ServerProcess(final EnsembleConfig config, final int id)
    {
        this.config = config;
        this.id = config.checkId(id);
    }

    Path configFile()
    {
        return config.serverDir(id).resolve("zoo.cfg");
    }

    Path logFile()
    {
        return config.serverDir(id).resolve("server.log");
    }

    Path pidFile()
    {
        return config.serverDir(id).resolve("zk.pid");
    }

    /**
     * @return the live server process recorded in the pid file, if it is still this server (its command line
     *     names this configuration file, so a recycled pid is never mistaken for it).
     */
    Optional<ProcessHandle> live()
    {
        final String marker = marker();
        return recorded().filter(handle -> handle.info().commandLine()
            .map(line -> line.contains(marker))
            .orElse(false));
    }

    /**
     * @return the live process recorded in the pid file, without checking what it runs (just after a start it may
     *     still be the JDK's spawn helper).
     */
    Optional<ProcessHandle> recorded()
    {
        if (!Files.isRegularFile(pidFile()))
        {
            return Optional.empty();
        }
        try
        {
            return ProcessHandle.of(Long.parseLong(Files.readString(pidFile(), StandardCharsets.US_ASCII).trim()))
                .filter(ProcessHandle::isAlive);
        }
        catch (final IOException | NumberFormatException ex)
        {
            return Optional.empty();
        }
    }

    private String marker()
    {
        return "-D" + MARKER_PROPERTY + '=' + configFile();
    }

    void writeFiles() throws IOException
    {
        final Path dir = config.serverDir(id);
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data").resolve("myid"), id + "\n", StandardCharsets.US_ASCII);
        final int tickMs = config.tickTimeMs();
        final StringBuilder cfg = new StringBuilder(1024)
            .append("# Written by TickKeeper's EnsembleLauncher on every start; edit EnsembleConfig instead.\n")
            .append("tickTime=").append(tickMs).append('\n')
            .append("initLimit=").append(ticks(10_000, tickMs)).append('\n')
            .append("syncLimit=").append(ticks(2_000, tickMs)).append('\n')
            .append("minSessionTimeout=").append(config.minSessionTimeoutMs()).append('\n')
            .append("maxSessionTimeout=").append(config.maxSessionTimeoutMs()).append('\n')
            .append("dataDir=").append(dir.resolve("data")).append('\n')
            .append("clientPortAddress=").append(config.clientBindAddress(id)).append('\n')
            .append("clientPort=").append(config.clientPort(id)).append('\n')
            .append("admin.enableServer=false\n")
            .append("4lw.commands.whitelist=srvr,mntr,ruok\n")
            .append("forceSync=").append(config.forceSync() ? "yes" : "no").append('\n')
            .append("preAllocSize=4096\n")
            .append("autopurge.snapRetainCount=3\n")
            .append("autopurge.purgeInterval=1\n");
        for (int server = 1; server <= config.servers(); server++)
        {
            cfg.append("server.").append(server).append('=').append(config.host(server))
                .append(':').append(config.quorumPort(server))
                .append(':').append(config.electionPort(server)).append('\n');
        }
        Files.writeString(configFile(), cfg, StandardCharsets.US_ASCII);
    }

    /**
     * @return the first of this server's ports that another process holds, if any.
     */
    Optional<Integer> busyPort()
    {
        final int[] ports = {config.clientPort(id), config.quorumPort(id), config.electionPort(id)};
        for (int i = 0; i < ports.length; i++)
        {
            final int port = ports[i];
            final String address = i == 0 ? config.clientBindAddress(id) : config.host(id);
            try (ServerSocket probe = new ServerSocket())
            {
                probe.setReuseAddress(true);
                probe.bind(new InetSocketAddress(InetAddress.getByName(address), port), 1);
            }
            catch (final IOException ex)
            {
                return Optional.of(port);
            }
        }
        return Optional.empty();
    }

    ProcessHandle start(final boolean detach) throws IOException
    {
        final List<String> command = new ArrayList<>();
        final Path setsid = Path.of("/usr/bin/setsid");
        if (detach && Files.isExecutable(setsid))
        {
            command.add(setsid.toString());
        }
        command.add(config.javaCommand());
        command.add(marker());
        command.add("-Xmx" + config.heapMb() + 'm');
        command.add("-Xms32m");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Dzookeeper.admin.enableServer=false");
        command.add("-Dorg.slf4j.simpleLogger.showDateTime=true");
        command.add("-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSS");
        command.add("-cp");
        command.add(config.classpath());
        command.add(MAIN_CLASS);
        command.add(configFile().toString());
        final ProcessBuilder builder = new ProcessBuilder(command)
            .directory(config.serverDir(id).toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
        final Process process = builder.start();
        process.getOutputStream().close();
        Files.writeString(pidFile(), process.pid() + "\n", StandardCharsets.US_ASCII);
        return process.toHandle();
    }

    /**
     * Stops the server: SIGTERM, then SIGKILL when it has not exited within {@code graceMs}.
     *
     * @return whether a live server process was found.
     */
    boolean stop(final long graceMs)
    {
        final Optional<ProcessHandle> handle = live();
        if (handle.isEmpty())
        {
            deletePidFile();
            return false;
        }
        final ProcessHandle process = handle.get();
        process.destroy();
        if (!awaitExit(process, graceMs))
        {
            process.destroyForcibly();
            awaitExit(process, KILL_WAIT_MS);
        }
        deletePidFile();
        return true;
    }

    /**
     * Kills the server with SIGKILL at once.
     *
     * @return whether a live server process was found.
     */
    boolean kill()
    {
        final Optional<ProcessHandle> handle = live();
        handle.ifPresent(process ->
        {
            process.destroyForcibly();
            awaitExit(process, KILL_WAIT_MS);
        });
        deletePidFile();
        return handle.isPresent();
    }

    /**
     * @return how long this server's most recent leader election took, from its log, or -1 when not logged.
     */
    long lastElectionMsFromLog()
    {
        final Path log = logFile();
        if (!Files.isRegularFile(log))
        {
            return -1;
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r"))
        {
            final long start = Math.max(0, file.length() - LOG_TAIL_BYTES);
            final byte[] tail = new byte[(int)(file.length() - start)];
            file.seek(start);
            file.readFully(tail);
            final String text = new String(tail, StandardCharsets.UTF_8);
            final int mark = text.lastIndexOf(ELECTION_LOG_MARK);
            if (mark < 0)
            {
                return -1;
            }
            int end = mark + ELECTION_LOG_MARK.length();
            while (end < text.length() && Character.isDigit(text.charAt(end)))
            {
                end++;
            }
            final String digits = text.substring(mark + ELECTION_LOG_MARK.length(), end);
            return digits.isEmpty() ? -1 : Long.parseLong(digits);
        }
        catch (final IOException ex)
        {
            return -1;
        }
    }

    private void deletePidFile()
    {
        try
        {
            Files.deleteIfExists(pidFile());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot delete " + pidFile(), ex);
        }
    }

    private static boolean awaitExit(final ProcessHandle process, final long timeoutMs)
    {
        try
        {
            process.onExit().get(timeoutMs, TimeUnit.MILLISECONDS);
            return true;
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
        catch (final ExecutionException | TimeoutException ex)
        {
            return !process.isAlive();
        }
    }

    private static int ticks(final int millis, final int tickMs)
    {
        return Math.max(2, (millis + tickMs - 1) / tickMs);
    }
}
