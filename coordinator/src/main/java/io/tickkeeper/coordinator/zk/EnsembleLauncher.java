package io.tickkeeper.coordinator.zk;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Starts, watches and stops a real ZooKeeper ensemble of separate {@code QuorumPeerMain} processes on loopback.
 * Everything lives in {@link EnsembleConfig#dataDir()}, pid files included, so one invocation may start the
 * ensemble and a later one (another JVM) stop it. Readiness and status come from the four-letter commands
 * {@code ruok}, {@code srvr} and {@code mntr}.
 */
public final class EnsembleLauncher
{
    private static final int FOUR_LETTER_TIMEOUT_MS = 1_000;
    private static final long POLL_INTERVAL_MS = 50;

    private final EnsembleConfig config;
    private final List<ServerProcess> servers = new ArrayList<>();

    /**
     * @param config the ensemble's settings.
     */
    public EnsembleLauncher(final EnsembleConfig config)
    {
        this.config = config;
        for (int id = 1; id <= config.servers(); id++)
        {
            servers.add(new ServerProcess(config, id));
        }
    }

    /** @return the ensemble's settings. */
    public EnsembleConfig config()
    {
        return config;
    }

    /** @return the connect string of the whole ensemble. */
    public String connectString()
    {
        return config.connectString();
    }

    /**
     * Writes every server's configuration and starts those servers that are not already running. Does not wait:
     * see {@link #awaitQuorum(long)}.
     *
     * @param detach whether the servers get their own session (so they outlive this process and its terminal).
     * @return ids of the servers started now.
     * @throws IOException when files cannot be written, a port is held by another process or a JVM won't start.
     */
    public List<Integer> start(final boolean detach) throws IOException
    {
        final List<Integer> started = new ArrayList<>();
        for (int id = 1; id <= config.servers(); id++)
        {
            if (startServer(id, detach))
            {
                started.add(id);
            }
        }
        return started;
    }

    /**
     * Starts one server unless it is already running.
     *
     * @param id     server id, 1-based.
     * @param detach whether the server gets its own session.
     * @return whether it was started now.
     * @throws IOException when files cannot be written, a port is held by another process or the JVM won't start.
     */
    public boolean startServer(final int id, final boolean detach) throws IOException
    {
        final ServerProcess server = server(id);
        if (server.live().isPresent())
        {
            return false;
        }
        final Optional<Integer> busyPort = server.busyPort();
        if (busyPort.isPresent())
        {
            throw new IOException("port " + busyPort.get() + " of ZooKeeper server " + id
                + " is held by another process");
        }
        server.writeFiles();
        server.start(detach);
        return true;
    }

    /**
     * Waits until every server is serving and exactly one leads; gives up at once when no server process of this
     * ensemble is alive (their logs say why).
     *
     * @param timeoutMs how long to wait.
     * @return whether the ensemble reached that state in time (false also when interrupted).
     */
    public boolean awaitQuorum(final long timeoutMs)
    {
        final long deadlineNs = System.nanoTime() + timeoutMs * 1_000_000L;
        while (true)
        {
            int leaders = 0;
            int serving = 0;
            for (int id = 1; id <= config.servers(); id++)
            {
                final ServerMode mode = mode(id);
                serving += mode.serving() ? 1 : 0;
                leaders += mode == ServerMode.LEADER ? 1 : 0;
            }
            if (serving == config.servers() && leaders == 1)
            {
                return true;
            }
            if (System.nanoTime() - deadlineNs >= 0 || servers.stream().noneMatch(s -> s.recorded().isPresent()))
            {
                return false;
            }
            try
            {
                Thread.sleep(POLL_INTERVAL_MS);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /**
     * Stops every server: SIGTERM, then SIGKILL after {@code graceMs}.
     *
     * @param graceMs how long each server may take to exit after SIGTERM.
     * @return ids of the servers that were running.
     */
    public List<Integer> stop(final long graceMs)
    {
        final List<Integer> stopped = new ArrayList<>();
        for (int id = 1; id <= config.servers(); id++)
        {
            if (stopServer(id, graceMs))
            {
                stopped.add(id);
            }
        }
        return stopped;
    }

    /**
     * Stops one server: SIGTERM, then SIGKILL after {@code graceMs}.
     *
     * @param id      server id, 1-based.
     * @param graceMs how long it may take to exit after SIGTERM.
     * @return whether it was running.
     */
    public boolean stopServer(final int id, final long graceMs)
    {
        return server(id).stop(graceMs);
    }

    /**
     * Kills one server with SIGKILL.
     *
     * @param id server id, 1-based.
     * @return whether it was running.
     */
    public boolean killServer(final int id)
    {
        return server(id).kill();
    }

    /** @return whether any server of this ensemble is running. */
    public boolean anyRunning()
    {
        return servers.stream().anyMatch(server -> server.live().isPresent());
    }

    /**
     * @param id server id, 1-based.
     * @return its process id, when it runs.
     */
    public OptionalLong pid(final int id)
    {
        return server(id).live().map(handle -> OptionalLong.of(handle.pid())).orElse(OptionalLong.empty());
    }

    /**
     * @param id server id, 1-based.
     * @return what that server is doing, from {@code srvr}.
     */
    public ServerMode mode(final int id)
    {
        try
        {
            final String srvr = FourLetterWords.send(
                config.host(id), config.clientPort(id), "srvr", FOUR_LETTER_TIMEOUT_MS);
            final String mode = FourLetterWords.parseSrvr(srvr).get("Mode");
            return mode == null ? ServerMode.NOT_SERVING : ServerMode.parse(mode);
        }
        catch (final IOException ex)
        {
            return ServerMode.DOWN;
        }
    }

    /** @return every server's status, in id order. */
    public List<ServerStatus> status()
    {
        final List<ServerStatus> statuses = new ArrayList<>();
        for (int id = 1; id <= config.servers(); id++)
        {
            statuses.add(status(id));
        }
        return statuses;
    }

    /**
     * @param id server id, 1-based.
     * @return that server's status.
     */
    public ServerStatus status(final int id)
    {
        final ServerProcess server = server(id);
        final long pid = server.live().map(ProcessHandle::pid).orElse(-1L);
        final int port = config.clientPort(id);
        final long lastElectionMs = server.lastElectionMsFromLog();
        final Map<String, String> srvr;
        final Map<String, String> mntr;
        try
        {
            srvr = FourLetterWords.parseSrvr(
                FourLetterWords.send(config.host(id), port, "srvr", FOUR_LETTER_TIMEOUT_MS));
            mntr = FourLetterWords.parseMntr(
                FourLetterWords.send(config.host(id), port, "mntr", FOUR_LETTER_TIMEOUT_MS));
        }
        catch (final IOException ex)
        {
            return new ServerStatus(id, port, pid, ServerMode.DOWN, -1, 0, 0, 0, 0, 0, -1, -1);
        }
        final String mode = srvr.get("Mode");
        if (mode == null)
        {
            return new ServerStatus(id, port, pid, ServerMode.NOT_SERVING, -1, 0, 0, 0, 0, 0, lastElectionMs, -1);
        }
        return new ServerStatus(
            id,
            port,
            pid,
            ServerMode.parse(mode),
            parseZxid(srvr.get("Zxid")),
            parseLong(mntr.get("zk_num_alive_connections")),
            parseDouble(mntr.get("zk_avg_latency")),
            parseLong(mntr.get("zk_max_latency")),
            parseLong(mntr.get("zk_outstanding_requests")),
            parseLong(mntr.get("zk_cnt_election_time")),
            lastElectionMs,
            mntr.containsKey("zk_max_election_time") ? parseLong(mntr.get("zk_max_election_time")) : -1);
    }

    private ServerProcess server(final int id)
    {
        return servers.get(config.checkId(id) - 1);
    }

    private static long parseZxid(final String text)
    {
        if (text == null)
        {
            return -1;
        }
        try
        {
            return Long.parseUnsignedLong(text.startsWith("0x") ? text.substring(2) : text, 16);
        }
        catch (final NumberFormatException ex)
        {
            return -1;
        }
    }

    private static long parseLong(final String text)
    {
        if (text == null)
        {
            return 0;
        }
        try
        {
            return Long.parseLong(text);
        }
        catch (final NumberFormatException ex)
        {
            return (long)parseDouble(text);
        }
    }

    private static double parseDouble(final String text)
    {
        if (text == null)
        {
            return 0;
        }
        try
        {
            return Double.parseDouble(text);
        }
        catch (final NumberFormatException ex)
        {
            return 0;
        }
    }
}
