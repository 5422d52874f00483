package io.tickkeeper.coordinator.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.tickkeeper.coordinator.zk.EnsembleConfig;
import io.tickkeeper.coordinator.zk.EnsembleLauncher;
import io.tickkeeper.coordinator.zk.ServerMode;
import io.tickkeeper.coordinator.zk.ServerStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tickctl zk start|stop|status}: the local ZooKeeper ensemble of separate server processes.
 */
@Command(
    name = "zk",
    description = "Start, stop or inspect the local ZooKeeper ensemble (separate server processes on loopback).",
    subcommands = {ZkCommand.Start.class, ZkCommand.Stop.class, ZkCommand.Status.class})
final class ZkCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call()
    {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /**
     * {@code tickctl zk start}.
     */
    @Command(name = "start", description = "Start the servers that are not running and wait for a quorum.")
    static final class Start implements Callable<Integer>
    {
        @Spec
        private CommandSpec spec;

        @Mixin
        private EnsembleOptions options;

        @Option(names = "--quorum-timeout-ms", paramLabel = "<ms>", defaultValue = "60000",
            description = "How long to wait for every server to serve with one leader (default: ${DEFAULT-VALUE}).")
        private long quorumTimeoutMs;

        @Override
        public Integer call() throws IOException
        {
            final PrintWriter out = spec.commandLine().getOut();
            final EnsembleConfig config = chooseConfig();
            final EnsembleLauncher launcher = new EnsembleLauncher(config);
            final List<Integer> started = launcher.start(true);
            out.println("zk: " + (started.isEmpty() ? "all servers already running" : "started servers " + started)
                + " in " + config.dataDir());
            out.flush();
            if (!launcher.awaitQuorum(quorumTimeoutMs))
            {
                throw new CommandFailedException("no quorum within " + quorumTimeoutMs + " ms; see "
                    + config.serverDir(1).resolve("server.log") + " (and the other servers' logs)");
            }
            out.println("zk: quorum up, connect string " + config.connectString());
            return ExitCodes.OK;
        }

        /**
         * An ensemble directory remembers its settings (its zoo.cfg files). Without explicit settings, start uses
         * them. Explicit settings replace them while no server runs; while one runs, asking for different settings
         * is an error (a server restarted with other ports would never rejoin).
         */
        private EnsembleConfig chooseConfig() throws IOException
        {
            final EnsembleConfig requested = options.fromOptions();
            final Optional<EnsembleConfig> recorded = EnsembleConfig.read(requested.dataDir());
            if (recorded.isEmpty())
            {
                return requested;
            }
            final boolean explicitSettings = spec.commandLine().getParseResult().matchedOptions().stream()
                .anyMatch(option -> !"--data-dir".equals(option.longestName())
                    && !"--quorum-timeout-ms".equals(option.longestName()));
            if (!explicitSettings)
            {
                return recorded.get();
            }
            if (recorded.get().sameEnsemble(requested) || !new EnsembleLauncher(recorded.get()).anyRunning())
            {
                return requested;
            }
            throw new CommandFailedException("the ensemble in " + requested.dataDir()
                + " is running with other settings (" + recorded.get() + "); stop it first", ExitCodes.BAD_VALUE);
        }
    }

    /**
     * {@code tickctl zk stop}.
     */
    @Command(name = "stop", description = "Stop every server (SIGTERM, then SIGKILL after the grace period).")
    static final class Stop implements Callable<Integer>
    {
        @Spec
        private CommandSpec spec;

        @Mixin
        private EnsembleOptions options;

        @Option(names = "--grace-ms", paramLabel = "<ms>", defaultValue = "5000",
            description = "How long a server may take to exit after SIGTERM (default: ${DEFAULT-VALUE}).")
        private long graceMs;

        @Override
        public Integer call() throws IOException
        {
            final EnsembleConfig config = options.recordedOrFromOptions();
            final List<Integer> stopped = new EnsembleLauncher(config).stop(graceMs);
            spec.commandLine().getOut().println(
                "zk: " + (stopped.isEmpty() ? "no server was running" : "stopped servers " + stopped)
                    + " in " + config.dataDir());
            return ExitCodes.OK;
        }
    }

    /**
     * {@code tickctl zk status}.
     */
    @Command(name = "status", description = "Show each server's mode, zxid, connections, latency, outstanding "
        + "requests and leader-election times; exit code 2 when no quorum serves.")
    static final class Status implements Callable<Integer>
    {
        @Spec
        private CommandSpec spec;

        @Mixin
        private EnsembleOptions options;

        @Override
        public Integer call() throws IOException
        {
            final EnsembleConfig config = options.recordedOrFromOptions();
            final List<ServerStatus> statuses = new EnsembleLauncher(config).status();
            final PrintWriter out = spec.commandLine().getOut();
            final long serving = statuses.stream().filter(status -> status.mode().serving()).count();
            final String leader = statuses.stream()
                .filter(status -> status.mode() == ServerMode.LEADER)
                .map(status -> "zk" + status.id())
                .findFirst()
                .orElse("none");
            out.println("ensemble " + config.connectString() + ": " + serving + "/" + statuses.size()
                + " serving, leader " + leader + ", tickTime " + config.tickTimeMs() + " ms, sessions "
                + config.minSessionTimeoutMs() + ".." + config.maxSessionTimeoutMs() + " ms");
            out.print(table(statuses));
            out.flush();
            return serving > statuses.size() / 2 ? ExitCodes.OK : ExitCodes.ZK_UNREACHABLE;
        }

        static String table(final List<ServerStatus> statuses)
        {
            final TextTable table = new TextTable("server", "port", "pid", "mode", "zxid", "conns",
                "avg_lat_ms", "max_lat_ms", "outstanding", "elections", "last_election_ms", "max_election_ms");
            for (final ServerStatus status : statuses)
            {
                final boolean up = status.mode().serving();
                table.row(
                    "zk" + status.id(),
                    Integer.toString(status.clientPort()),
                    status.pid() < 0 ? "-" : Long.toString(status.pid()),
                    status.mode().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    status.zxid() < 0 ? "-" : "0x" + Long.toHexString(status.zxid()),
                    up ? Long.toString(status.connections()) : "-",
                    up ? String.format(Locale.ROOT, "%.1f", status.avgLatencyMs()) : "-",
                    up ? Long.toString(status.maxLatencyMs()) : "-",
                    up ? Long.toString(status.outstandingRequests()) : "-",
                    up ? Long.toString(status.elections()) : "-",
                    status.lastElectionMs() < 0 ? "-" : Long.toString(status.lastElectionMs()),
                    status.maxElectionMs() < 0 ? "-" : Long.toString(status.maxElectionMs()));
            }
            return table.render();
        }
    }
}
