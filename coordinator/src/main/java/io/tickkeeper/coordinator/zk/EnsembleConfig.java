package io.tickkeeper.coordinator.zk;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.StringJoiner;

/**
 * Settings of a ZooKeeper ensemble, validated once when built. Server {@code id} (1-based) listens for clients on
 * {@code clientPortBase + id - 1}, for followers on {@code quorumPortBase + id - 1} and for leader election on
 * {@code electionPortBase + id - 1}, on its host: loopback ({@link #HOST}) for every server unless
 * {@link Builder#hosts(List)} names one host per server (one container per server, for instance). The ports follow
 * the same rule either way, so one set of settings describes the ensemble on one machine and on several.
 */
public final class EnsembleConfig
{
    /** ZooKeeper's basic time unit; sessions are checked for expiry once per tick. */
    public static final int DEFAULT_TICK_TIME_MS = 200;
    /** Smallest session timeout the servers grant (two ticks). */
    public static final int DEFAULT_MIN_SESSION_TIMEOUT_MS = 400;
    /** Largest session timeout the servers grant. */
    public static final int DEFAULT_MAX_SESSION_TIMEOUT_MS = 10_000;
    /** Client port of server 1 (the standard ZooKeeper port). */
    public static final int DEFAULT_CLIENT_PORT_BASE = 2181;
    /** Follower-to-leader port of server 1. */
    public static final int DEFAULT_QUORUM_PORT_BASE = 2888;
    /** Leader-election port of server 1. */
    public static final int DEFAULT_ELECTION_PORT_BASE = 3888;
    /** Servers in the ensemble. */
    public static final int DEFAULT_SERVERS = 3;
    /** Most servers an ensemble may have. */
    public static final int MAX_SERVERS = 7;
    /** Heap of each server JVM. */
    public static final int DEFAULT_HEAP_MB = 128;
    /** Loopback address every port binds to unless {@link Builder#hosts(List)} says otherwise. */
    public static final String HOST = "127.0.0.1";

    private final Path dataDir;
    private final int servers;
    private final List<String> hosts;
    private final String clientBindAddress;
    private final int tickTimeMs;
    private final int minSessionTimeoutMs;
    private final int maxSessionTimeoutMs;
    private final int clientPortBase;
    private final int quorumPortBase;
    private final int electionPortBase;
    private final int heapMb;
    private final boolean forceSync;
    private final String classpath;
    private final String javaCommand;

    private EnsembleConfig(final Builder builder)
    {
        this.dataDir = builder.dataDir.toAbsolutePath().normalize();
        this.servers = builder.servers;
        this.hosts = Collections.unmodifiableList(new ArrayList<>(builder.hosts == null
            ? Collections.nCopies(builder.servers, HOST) : builder.hosts));
        this.clientBindAddress = builder.clientBindAddress;
        this.tickTimeMs = builder.tickTimeMs;
        this.minSessionTimeoutMs = builder.minSessionTimeoutMs;
        this.maxSessionTimeoutMs = builder.maxSessionTimeoutMs;
        this.clientPortBase = builder.clientPortBase;
        this.quorumPortBase = builder.quorumPortBase;
        this.electionPortBase = builder.electionPortBase;
        this.heapMb = builder.heapMb;
        this.forceSync = builder.forceSync;
        this.classpath = absoluteClasspath(builder.classpath);
        this.javaCommand = builder.javaCommand;
    }

    /**
     * The servers run in their own directories, so every classpath entry is made absolute (a trailing
     * {@code *} wildcard is kept for the server JVM to expand).
     */
    private static String absoluteClasspath(final String classpath)
    {
        final StringJoiner joiner = new StringJoiner(File.pathSeparator);
        for (final String entry : classpath.split(File.pathSeparator))
        {
            if (!entry.isBlank())
            {
                joiner.add(Path.of(entry).toAbsolutePath().normalize().toString());
            }
        }
        return joiner.toString();
    }

    /**
     * @param dataDir the directory holding every server's configuration, data, log and pid file.
     * @return a builder with the defaults above.
     */
    public static Builder builder(final Path dataDir)
    {
        return new Builder(dataDir);
    }

    /**
     * Reads back the settings an earlier start wrote to {@code <dataDir>/zk<id>/zoo.cfg} (the lowest id that has
     * one: a container running only server 2 holds only {@code zk2}), so that stopping or inspecting an ensemble
     * needs only its directory. The heap, classpath and java command are not recorded there and take their
     * defaults.
     *
     * @param dataDir the ensemble's directory.
     * @return the settings, or empty when no ensemble was ever started there.
     * @throws IOException when the file exists but cannot be read.
     * @throws IllegalArgumentException when the file does not describe an ensemble of this launcher.
     */
    public static Optional<EnsembleConfig> read(final Path dataDir) throws IOException
    {
        Path cfgFile = null;
        int fileId = 0;
        while (fileId < MAX_SERVERS && cfgFile == null)
        {
            fileId++;
            final Path candidate = dataDir.resolve("zk" + fileId).resolve("zoo.cfg");
            cfgFile = Files.isRegularFile(candidate) ? candidate : null;
        }
        if (cfgFile == null)
        {
            return Optional.empty();
        }
        final Properties cfg = new Properties();
        try (Reader reader = Files.newBufferedReader(cfgFile, StandardCharsets.US_ASCII))
        {
            cfg.load(reader);
        }
        final List<String> hosts = new ArrayList<>();
        while (cfg.getProperty("server." + (hosts.size() + 1)) != null)
        {
            final String[] hostPorts = cfg.getProperty("server." + (hosts.size() + 1)).split(":");
            if (hostPorts.length < 3)
            {
                throw new IllegalArgumentException("not a TickKeeper ensemble configuration: " + cfgFile);
            }
            hosts.add(hostPorts[0].trim());
        }
        if (hosts.isEmpty())
        {
            throw new IllegalArgumentException("not a TickKeeper ensemble configuration: " + cfgFile);
        }
        final String[] hostPorts = cfg.getProperty("server.1").split(":");
        final String bindAddress = cfg.getProperty("clientPortAddress", "").trim();
        return Optional.of(builder(dataDir)
            .servers(hosts.size())
            .hosts(hosts)
            .clientBindAddress(bindAddress.equals(hosts.get(fileId - 1)) ? null : bindAddress)
            .tickTimeMs(intValue(cfg, "tickTime", cfgFile))
            .minSessionTimeoutMs(intValue(cfg, "minSessionTimeout", cfgFile))
            .maxSessionTimeoutMs(intValue(cfg, "maxSessionTimeout", cfgFile))
            // Server n's file holds its own client port, base + n - 1.
            .clientPortBase(intValue(cfg, "clientPort", cfgFile) - fileId + 1)
            .quorumPortBase(Integer.parseInt(hostPorts[1].trim()))
            .electionPortBase(Integer.parseInt(hostPorts[2].trim()))
            .forceSync(!"no".equals(cfg.getProperty("forceSync", "yes").trim()))
            .build());
    }

    private static int intValue(final Properties cfg, final String key, final Path file)
    {
        final String value = cfg.getProperty(key);
        if (value == null)
        {
            throw new IllegalArgumentException(key + " missing from " + file);
        }
        return Integer.parseInt(value.trim());
    }

    /** @return the directory holding every server's files. */
    public Path dataDir()
    {
        return dataDir;
    }

    /** @return number of servers. */
    public int servers()
    {
        return servers;
    }

    /**
     * @param id server id, 1-based.
     * @return the host that server listens on and is reached at.
     */
    public String host(final int id)
    {
        return hosts.get(checkId(id) - 1);
    }


    /**
     * @param id server id, 1-based.
     * @return the address that server's client port binds to: its host unless
     *     {@link Builder#clientBindAddress(String)} names another (0.0.0.0 in a container, so that its loopback
     *     answers too).
     */
    public String clientBindAddress(final int id)
    {
        return clientBindAddress == null ? host(id) : clientBindAddress;
    }

    /** @return tick time in milliseconds. */
    public int tickTimeMs()
    {
        return tickTimeMs;
    }

    /** @return smallest session timeout granted, in milliseconds. */
    public int minSessionTimeoutMs()
    {
        return minSessionTimeoutMs;
    }

    /** @return largest session timeout granted, in milliseconds. */
    public int maxSessionTimeoutMs()
    {
        return maxSessionTimeoutMs;
    }

    /** @return heap of each server JVM in MiB. */
    public int heapMb()
    {
        return heapMb;
    }

    /** @return whether the servers fsync their transaction log before acknowledging a write. */
    public boolean forceSync()
    {
        return forceSync;
    }

    /** @return the classpath of the server JVMs. */
    public String classpath()
    {
        return classpath;
    }

    /** @return the java executable that runs the servers. */
    public String javaCommand()
    {
        return javaCommand;
    }

    /**
     * @param id server id, 1-based.
     * @return its client port.
     */
    public int clientPort(final int id)
    {
        return clientPortBase + checkId(id) - 1;
    }

    /**
     * @param id server id, 1-based.
     * @return its follower-to-leader port.
     */
    public int quorumPort(final int id)
    {
        return quorumPortBase + checkId(id) - 1;
    }

    /**
     * @param id server id, 1-based.
     * @return its leader-election port.
     */
    public int electionPort(final int id)
    {
        return electionPortBase + checkId(id) - 1;
    }

    /**
     * @param id server id, 1-based.
     * @return the directory of that server.
     */
    public Path serverDir(final int id)
    {
        return dataDir.resolve("zk" + checkId(id));
    }

    /** @return {@code host:port,...} for every server ({@code 127.0.0.1:2181,...} on loopback). */
    public String connectString()
    {
        final StringJoiner joiner = new StringJoiner(",");
        for (int id = 1; id <= servers; id++)
        {
            joiner.add(host(id) + ':' + clientPort(id));
        }
        return joiner.toString();
    }

    /**
     * @param id a server id.
     * @return the id when it names a server of this ensemble.
     */
    public int checkId(final int id)
    {
        if (id < 1 || id > servers)
        {
            throw new IllegalArgumentException("server id must be in 1.." + servers + ": " + id);
        }
        return id;
    }

    /**
     * @param other another ensemble's settings.
     * @return whether both describe the same servers: count, hosts, ports, tick, session bounds and fsync policy.
     */
    public boolean sameEnsemble(final EnsembleConfig other)
    {
        return servers == other.servers && hosts.equals(other.hosts)
            && Objects.equals(clientBindAddress, other.clientBindAddress) && tickTimeMs == other.tickTimeMs
            && minSessionTimeoutMs == other.minSessionTimeoutMs && maxSessionTimeoutMs == other.maxSessionTimeoutMs
            && clientPortBase == other.clientPortBase && quorumPortBase == other.quorumPortBase
            && electionPortBase == other.electionPortBase && forceSync == other.forceSync;
    }

    @Override
    public String toString()
    {
        return "EnsembleConfig{dataDir=" + dataDir + ", servers=" + servers + ", tickTimeMs=" + tickTimeMs
            + ", sessionTimeoutMs=" + minSessionTimeoutMs + ".." + maxSessionTimeoutMs
            + ", clientPorts=" + connectString() + ", quorumPortBase=" + quorumPortBase
            + ", electionPortBase=" + electionPortBase + ", heapMb=" + heapMb + ", forceSync=" + forceSync + '}';
    }

    /**
     * Collects settings; {@link #build()} checks them all.
     */
    public static final class Builder
    {
        private final Path dataDir;
        private int servers = DEFAULT_SERVERS;
        private List<String> hosts;
        private String clientBindAddress;
        private int tickTimeMs = DEFAULT_TICK_TIME_MS;
        private int minSessionTimeoutMs = DEFAULT_MIN_SESSION_TIMEOUT_MS;
        private int maxSessionTimeoutMs = DEFAULT_MAX_SESSION_TIMEOUT_MS;
        private int clientPortBase = DEFAULT_CLIENT_PORT_BASE;
        private int quorumPortBase = DEFAULT_QUORUM_PORT_BASE;
        private int electionPortBase = DEFAULT_ELECTION_PORT_BASE;
        private int heapMb = DEFAULT_HEAP_MB;
        private boolean forceSync = true;
        private String classpath = System.getProperty("java.class.path");
        private String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        private Builder(final Path dataDir)
        {
            if (dataDir == null)
            {
                throw new IllegalArgumentException("dataDir must be given");
            }
            this.dataDir = dataDir;
        }

        /**
         * @param servers number of servers, odd, 1..7.
         * @return this builder.
         */
        public Builder servers(final int servers)
        {
            this.servers = servers;
            return this;
        }

        /**
         * @param hosts the host of each server in id order (names or addresses), one per server; {@code null}
         *              puts every server on loopback ({@link #HOST}), the default.
         * @return this builder.
         */
        public Builder hosts(final List<String> hosts)
        {
            this.hosts = hosts == null ? null : new ArrayList<>(hosts);
            return this;
        }

        /**
         * @param clientBindAddress the address every server's client port binds to (e.g. 0.0.0.0 for all
         *                          interfaces); {@code null}, the default, binds each to its own host.
         * @return this builder.
         */
        public Builder clientBindAddress(final String clientBindAddress)
        {
            this.clientBindAddress = clientBindAddress == null || clientBindAddress.isBlank() ? null
                : clientBindAddress;
            return this;
        }

        /**
         * @param tickTimeMs ZooKeeper's tick in milliseconds.
         * @return this builder.
         */
        public Builder tickTimeMs(final int tickTimeMs)
        {
            this.tickTimeMs = tickTimeMs;
            return this;
        }

        /**
         * @param minSessionTimeoutMs smallest session timeout granted; at least two ticks.
         * @return this builder.
         */
        public Builder minSessionTimeoutMs(final int minSessionTimeoutMs)
        {
            this.minSessionTimeoutMs = minSessionTimeoutMs;
            return this;
        }

        /**
         * @param maxSessionTimeoutMs largest session timeout granted.
         * @return this builder.
         */
        public Builder maxSessionTimeoutMs(final int maxSessionTimeoutMs)
        {
            this.maxSessionTimeoutMs = maxSessionTimeoutMs;
            return this;
        }

        /**
         * @param clientPortBase client port of server 1.
         * @return this builder.
         */
        public Builder clientPortBase(final int clientPortBase)
        {
            this.clientPortBase = clientPortBase;
            return this;
        }

        /**
         * @param quorumPortBase follower-to-leader port of server 1.
         * @return this builder.
         */
        public Builder quorumPortBase(final int quorumPortBase)
        {
            this.quorumPortBase = quorumPortBase;
            return this;
        }

        /**
         * @param electionPortBase leader-election port of server 1.
         * @return this builder.
         */
        public Builder electionPortBase(final int electionPortBase)
        {
            this.electionPortBase = electionPortBase;
            return this;
        }

        /**
         * Sets all three port bases from one: clients at {@code base}, quorum at {@code base + 100}, election at
         * {@code base + 200}.
         *
         * @param base client port of server 1.
         * @return this builder.
         */
        public Builder portBase(final int base)
        {
            return clientPortBase(base).quorumPortBase(base + 100).electionPortBase(base + 200);
        }

        /**
         * @param heapMb heap of each server JVM in MiB.
         * @return this builder.
         */
        public Builder heapMb(final int heapMb)
        {
            this.heapMb = heapMb;
            return this;
        }

        /**
         * @param forceSync whether servers fsync their transaction log before acknowledging a write.
         * @return this builder.
         */
        public Builder forceSync(final boolean forceSync)
        {
            this.forceSync = forceSync;
            return this;
        }

        /**
         * @param classpath classpath holding ZooKeeper's server, metrics-core, snappy-java and an SLF4J provider.
         * @return this builder.
         */
        public Builder classpath(final String classpath)
        {
            this.classpath = classpath;
            return this;
        }

        /**
         * @param javaCommand the java executable to run the servers with.
         * @return this builder.
         */
        public Builder javaCommand(final String javaCommand)
        {
            this.javaCommand = javaCommand;
            return this;
        }

        /**
         * @return the checked settings.
         * @throws IllegalArgumentException naming the first setting that is not acceptable.
         */
        public EnsembleConfig build()
        {
            if (servers < 1 || servers > MAX_SERVERS || servers % 2 == 0)
            {
                throw new IllegalArgumentException("servers must be odd and in 1.." + MAX_SERVERS + ": " + servers);
            }
            if (hosts != null)
            {
                checkHosts();
            }
            if (clientBindAddress != null && !validHost(clientBindAddress))
            {
                throw new IllegalArgumentException("not a host name or IPv4 address: '" + clientBindAddress + "'");
            }
            if (tickTimeMs < 10 || tickTimeMs > 10_000)
            {
                throw new IllegalArgumentException("tickTimeMs must be in 10..10000: " + tickTimeMs);
            }
            if (minSessionTimeoutMs < 2 * tickTimeMs)
            {
                throw new IllegalArgumentException("minSessionTimeoutMs must be at least two ticks ("
                    + 2 * tickTimeMs + "): " + minSessionTimeoutMs);
            }
            if (maxSessionTimeoutMs < minSessionTimeoutMs)
            {
                throw new IllegalArgumentException("maxSessionTimeoutMs (" + maxSessionTimeoutMs
                    + ") must not be below minSessionTimeoutMs (" + minSessionTimeoutMs + ")");
            }
            checkPorts("clientPortBase", clientPortBase);
            checkPorts("quorumPortBase", quorumPortBase);
            checkPorts("electionPortBase", electionPortBase);
            if (overlap(clientPortBase, quorumPortBase) || overlap(clientPortBase, electionPortBase)
                || overlap(quorumPortBase, electionPortBase))
            {
                throw new IllegalArgumentException("client, quorum and election port ranges overlap: "
                    + clientPortBase + ", " + quorumPortBase + ", " + electionPortBase);
            }
            if (heapMb < 32)
            {
                throw new IllegalArgumentException("heapMb must be at least 32: " + heapMb);
            }
            if (classpath == null || classpath.isBlank())
            {
                throw new IllegalArgumentException("classpath must be given");
            }
            if (javaCommand == null || javaCommand.isBlank())
            {
                throw new IllegalArgumentException("javaCommand must be given");
            }
            return new EnsembleConfig(this);
        }

        private void checkHosts()
        {
            if (hosts.size() != servers)
            {
                throw new IllegalArgumentException("hosts must name one host per server (" + servers + "): "
                    + hosts);
            }
            for (final String host : hosts)
            {
                if (!validHost(host))
                {
                    throw new IllegalArgumentException("not a host name or IPv4 address: '" + host + "'");
                }
            }
        }

        private static boolean validHost(final String host)
        {
            return host != null && !host.isBlank() && host.chars().noneMatch(c -> c == ':' || c == ','
                || c == '=' || Character.isWhitespace(c));
        }

        private void checkPorts(final String name, final int base)
        {
            if (base < 1024 || base + servers - 1 > 65_535)
            {
                throw new IllegalArgumentException(name + " must leave " + servers + " ports in 1024..65535: " + base);
            }
        }

        private boolean overlap(final int baseA, final int baseB)
        {
            return baseA < baseB + servers && baseB < baseA + servers;
        }
    }
}
