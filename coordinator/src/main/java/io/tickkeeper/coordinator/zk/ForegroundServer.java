package io.tickkeeper.coordinator.zk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;

import org.apache.zookeeper.server.DatadirCleanupManager;
import org.apache.zookeeper.server.admin.AdminServer.AdminServerException;
import org.apache.zookeeper.server.quorum.QuorumPeerConfig;
import org.apache.zookeeper.server.quorum.QuorumPeerConfig.ConfigException;
import org.apache.zookeeper.server.quorum.QuorumPeerMain;

/**
 * One server of an ensemble run in this JVM, in the foreground: the shape a container wants (one server per
 * container, its host named in {@link EnsembleConfig#host(int)}, its output on the container's log). It writes the
 * same files as the local launcher ({@code zoo.cfg}, {@code data/myid} and a pid file holding this JVM's pid under
 * {@link EnsembleConfig#serverDir(int)}), so {@link EnsembleLauncher#status()} and {@code tickctl zk status} read
 * it like any other server.
 */
public final class ForegroundServer implements AutoCloseable
{
    private final EnsembleConfig config;
    private final int id;
    private final ServerProcess files;
    private final QuorumPeerMain peer = new QuorumPeerMain();
    private volatile boolean closed;

    /**
     * @param config the whole ensemble's settings (every server's host and ports).
     * @param id     the server this JVM runs, 1-based.
     */
    public ForegroundServer(final EnsembleConfig config, final int id)
    {
        this.config = config;
        this.id = config.checkId(id);
        this.files = new ServerProcess(config, id);
    }

    /** @return the server's id. */
    public int id()
    {
        return id;
    }

    /** @return the ensemble's settings. */
    public EnsembleConfig config()
    {
        return config;
    }

    /**
     * Writes the server's files and serves until {@link #close()} is called from another thread or the server
     * stops by itself.
     *
     * @return whether it stopped because it was closed (false: the server ended by itself).
     * @throws IOException when a port is held by another process, the files cannot be written or the server
     *     cannot start.
     */
    public boolean run() throws IOException
    {
        final Optional<Integer> busyPort = files.busyPort();
        if (busyPort.isPresent())
        {
            throw new IOException("port " + busyPort.get() + " of ZooKeeper server " + id + " on "
                + config.host(id) + " is held by another process");
        }
        files.writeFiles();
        Files.writeString(files.pidFile(), ProcessHandle.current().pid() + "\n", StandardCharsets.US_ASCII);
        final QuorumPeerConfig peerConfig = new QuorumPeerConfig();
        try
        {
            peerConfig.parse(files.configFile().toString());
        }
        catch (final ConfigException ex)
        {
            throw new IOException("ZooKeeper rejects " + files.configFile() + ": " + ex.getMessage(), ex);
        }
        final DatadirCleanupManager purger = new DatadirCleanupManager(peerConfig.getDataDir(),
            peerConfig.getDataLogDir(), peerConfig.getSnapRetainCount(), peerConfig.getPurgeInterval());
        purger.start();
        try
        {
            if (!closed)
            {
                peer.runFromConfig(peerConfig);
            }
            return closed;
        }
        catch (final AdminServerException ex)
        {
            throw new IOException("ZooKeeper server " + id + " failed to start: " + ex.getMessage(), ex);
        }
        finally
        {
            purger.shutdown();
            Files.deleteIfExists(files.pidFile());
        }
    }

    /**
     * Shuts the server down; {@link #run()} then returns. Safe to call from a shutdown hook.
     */
    @Override
    public void close()
    {
        closed = true;
        peer.close();
    }
}
