package io.tickkeeper.coordinator.cli;

import java.io.IOException;
import java.nio.file.Path;

import io.tickkeeper.coordinator.zk.EnsembleConfig;
import picocli.CommandLine.Option;

/**
 * Options of {@code tickctl zk ...}: where the local ensemble lives and how it is set up. {@code stop} and
 * {@code status} read the settings back from the ensemble's directory when it has been started before.
 */
final class EnsembleOptions
{
    /** Environment variable naming the project directory (set by scripts/lib/common.sh). */
    static final String ENV_HOME = "TK_HOME";

    @Option(names = "--data-dir", paramLabel = "<dir>",
        description = "Directory of the ensemble's configuration, data, logs and pid files "
            + "(default: $TK_HOME/var/zookeeper, else ./var/zookeeper).")
    Path dataDir;

    @Option(names = "--servers", paramLabel = "<n>", defaultValue = "3",
        description = "Number of servers, odd (default: ${DEFAULT-VALUE}).")
    int servers;

    @Option(names = "--tick-time-ms", paramLabel = "<ms>", defaultValue = "200",
        description = "ZooKeeper tickTime (default: ${DEFAULT-VALUE}).")
    int tickTimeMs;

    @Option(names = "--min-session-timeout-ms", paramLabel = "<ms>", defaultValue = "400",
        description = "Smallest session timeout granted (default: ${DEFAULT-VALUE}).")
    int minSessionTimeoutMs;

    @Option(names = "--max-session-timeout-ms", paramLabel = "<ms>", defaultValue = "10000",
        description = "Largest session timeout granted (default: ${DEFAULT-VALUE}).")
    int maxSessionTimeoutMs;

    @Option(names = "--client-port-base", paramLabel = "<port>", defaultValue = "2181",
        description = "Client port of server 1; server n uses base + n - 1 (default: ${DEFAULT-VALUE}).")
    int clientPortBase;

    @Option(names = "--quorum-port-base", paramLabel = "<port>", defaultValue = "2888",
        description = "Follower port of server 1 (default: ${DEFAULT-VALUE}).")
    int quorumPortBase;

    @Option(names = "--election-port-base", paramLabel = "<port>", defaultValue = "3888",
        description = "Leader-election port of server 1 (default: ${DEFAULT-VALUE}).")
    int electionPortBase;

    @Option(names = "--heap-mb", paramLabel = "<MiB>", defaultValue = "128",
        description = "Heap of each server JVM (default: ${DEFAULT-VALUE}).")
    int heapMb;

    @Option(names = "--no-force-sync", description = "Do not fsync the transaction log before acknowledging.")
    boolean noForceSync;

    /** @return the ensemble's directory. */
    Path dataDir()
    {
        if (dataDir != null)
        {
            return dataDir.toAbsolutePath().normalize();
        }
        final String home = System.getenv(ENV_HOME);
        final Path base = home == null || home.isBlank() ? Path.of("") : Path.of(home);
        return base.resolve("var").resolve("zookeeper").toAbsolutePath().normalize();
    }

    /** @return the settings given on the command line. */
    EnsembleConfig fromOptions()
    {
        return EnsembleConfig.builder(dataDir())
            .servers(servers)
            .tickTimeMs(tickTimeMs)
            .minSessionTimeoutMs(minSessionTimeoutMs)
            .maxSessionTimeoutMs(maxSessionTimeoutMs)
            .clientPortBase(clientPortBase)
            .quorumPortBase(quorumPortBase)
            .electionPortBase(electionPortBase)
            .heapMb(heapMb)
            .forceSync(!noForceSync)
            .build();
    }

    /**
     * @return the settings of the ensemble already set up in the directory, else those on the command line.
     * @throws IOException when the recorded settings cannot be read.
     */
    EnsembleConfig recordedOrFromOptions() throws IOException
    {
        return EnsembleConfig.read(dataDir()).orElseGet(this::fromOptions);
    }
}
