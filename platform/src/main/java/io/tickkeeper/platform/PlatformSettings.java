package io.tickkeeper.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

import io.tickkeeper.node.process.JvmCommand;

/**
 * What a {@link Platform} runs and where: its work directory (wiped at start), the ZooKeeper ports, the service
 * port base ({@link PortPlan}), heaps, which services and the files the services read. Built with {@link #builder};
 * every setting is checked once in {@link Builder#build()}.
 */
public final class PlatformSettings
{
    private final Path workDir;
    private final int zkClientPortBase;
    private final int zkQuorumPortBase;
    private final int zkElectionPortBase;
    private final PortPlan ports;
    private final int heapMb;
    private final int zkHeapMb;
    private final Set<ServiceKind> services;
    private final int instruments;
    private final int sessionTimeoutMs;
    private final long stepTimeoutMs;
    private final Optional<Path> credentialsFile;
    private final Optional<Path> accountsFile;
    private final Optional<Path> strategiesFile;
    private final boolean sharedMediaDriver;

    private PlatformSettings(final Builder builder)
    {
        this.workDir = builder.workDir.toAbsolutePath().normalize();
        this.zkClientPortBase = builder.zkClientPortBase;
        this.zkQuorumPortBase = builder.zkQuorumPortBase;
        this.zkElectionPortBase = builder.zkElectionPortBase;
        this.ports = new PortPlan(builder.servicePortBase);
        this.heapMb = builder.heapMb;
        this.zkHeapMb = builder.zkHeapMb;
        this.services = Set.copyOf(builder.services);
        this.instruments = builder.instruments;
        this.sessionTimeoutMs = builder.sessionTimeoutMs;
        this.stepTimeoutMs = builder.stepTimeoutMs;
        this.credentialsFile = builder.credentialsFile;
        this.accountsFile = builder.accountsFile;
        this.strategiesFile = builder.strategiesFile;
        this.sharedMediaDriver = builder.sharedMediaDriver;
    }

    /**
     * @param workDir the platform's directory: logs, ZooKeeper data, journals. Deleted and made again at start.
     * @return a builder with the defaults: every service, ZooKeeper on 2181-2183, services from port 7100, 160 MiB
     *     per service, 8 instruments, 2 s sessions (1 s expires under the load of the whole platform on 2 cores).
     */
    public static Builder builder(final Path workDir)
    {
        return new Builder(workDir);
    }

    public Path workDir()
    {
        return workDir;
    }

    public int zkClientPortBase()
    {
        return zkClientPortBase;
    }

    public int zkQuorumPortBase()
    {
        return zkQuorumPortBase;
    }

    public int zkElectionPortBase()
    {
        return zkElectionPortBase;
    }

    public PortPlan ports()
    {
        return ports;
    }

    /** @return the heap of each service JVM. */
    public int heapMb()
    {
        return heapMb;
    }

    /** @return the heap of each ZooKeeper server. */
    public int zkHeapMb()
    {
        return zkHeapMb;
    }

    /** @return whether the platform runs the service. */
    public boolean runs(final ServiceKind kind)
    {
        return services.contains(kind);
    }

    /** @return the number of instruments, ids 1..n, all on matching shard 0. */
    public int instruments()
    {
        return instruments;
    }

    /** @return the instruments as the engines' {@code --instruments} list: {@code 1,2,...,n}. */
    public String instrumentList()
    {
        final StringJoiner list = new StringJoiner(",");
        for (int id = 1; id <= instruments; id++)
        {
            list.add(Integer.toString(id));
        }
        return list.toString();
    }

    /** @return the ZooKeeper session timeout of every service. */
    public int sessionTimeoutMs()
    {
        return sessionTimeoutMs;
    }

    /** @return how long one start step (a node becoming primary or in-sync standby) may take. */
    public long stepTimeoutMs()
    {
        return stepTimeoutMs;
    }

    /** @return the ZooKeeper credentials file to use; empty: the platform writes a fresh one in its work directory. */
    public Optional<Path> credentialsFile()
    {
        return credentialsFile;
    }

    /** @return the gateways' accounts file; empty: the demo accounts shipped with the gateway. */
    public Optional<Path> accountsFile()
    {
        return accountsFile;
    }

    /** @return the strategy engines' strategies file; empty: their default. */
    public Optional<Path> strategiesFile()
    {
        return strategiesFile;
    }

    /**
     * @return whether the services share one Aeron media driver (started first, stopped last) instead of each
     *     embedding its own: an idle embedded driver costs a few % of a core per JVM (docs/aeron.md).
     */
    public boolean sharedMediaDriver()
    {
        return sharedMediaDriver;
    }

    @Override
    public String toString()
    {
        return "work " + workDir + ", ZooKeeper ports " + zkClientPortBase + ".." + (zkClientPortBase + 2)
            + ", service ports from " + ports.base() + ", services " + EnumSet.copyOf(services) + ", heap " + heapMb
            + " MiB per service, " + instruments + " instruments, session timeout " + sessionTimeoutMs + " ms, "
            + (sharedMediaDriver ? "one shared Aeron media driver" : "an embedded Aeron media driver per service");
    }

    /** Builds {@link PlatformSettings}. */
    public static final class Builder
    {
        private final Path workDir;
        private int zkClientPortBase = 2181;
        private int zkQuorumPortBase = -1;
        private int zkElectionPortBase = -1;
        private int servicePortBase = 7100;
        private int heapMb = 160;
        private int zkHeapMb = 128;
        private final EnumSet<ServiceKind> services = EnumSet.allOf(ServiceKind.class);
        private int instruments = 8;
        private int sessionTimeoutMs = 2_000;
        private long stepTimeoutMs = 90_000;
        private Optional<Path> credentialsFile = Optional.empty();
        private Optional<Path> accountsFile;
        private Optional<Path> strategiesFile;
        private boolean sharedMediaDriver = true;

        private Builder(final Path workDir)
        {
            this.workDir = workDir;
            final Optional<Path> home = projectHome();
            this.accountsFile = home.map(dir -> dir.resolve("config").resolve("accounts.properties"))
                .filter(Files::isRegularFile);
            this.strategiesFile = home.map(dir -> dir.resolve("config").resolve("strategies.properties"))
                .filter(Files::isRegularFile);
        }

        /**
         * @param base ZooKeeper's client ports are base..base+2; unless set, quorum ports start at base + 707 and
         *             election ports at base + 1707 (as scripts/tickctl zk start is given them).
         * @return this.
         */
        public Builder zkClientPortBase(final int base)
        {
            this.zkClientPortBase = base;
            return this;
        }

        public Builder zkQuorumPortBase(final int base)
        {
            this.zkQuorumPortBase = base;
            return this;
        }

        public Builder zkElectionPortBase(final int base)
        {
            this.zkElectionPortBase = base;
            return this;
        }

        /**
         * @param base the first port of the {@link PortPlan} (the plan uses base..base+99).
         * @return this.
         */
        public Builder servicePortBase(final int base)
        {
            this.servicePortBase = base;
            return this;
        }

        public Builder heapMb(final int mb)
        {
            this.heapMb = mb;
            return this;
        }

        public Builder zkHeapMb(final int mb)
        {
            this.zkHeapMb = mb;
            return this;
        }

        /**
         * @param kinds the services to run (a subset, e.g. matching, risk and gateway for a benchmark); each
         *              service's {@link ServiceKind#requires()} must be among them.
         * @return this.
         */
        public Builder services(final Set<ServiceKind> kinds)
        {
            services.clear();
            services.addAll(kinds);
            return this;
        }

        public Builder instruments(final int count)
        {
            this.instruments = count;
            return this;
        }

        public Builder sessionTimeoutMs(final int timeoutMs)
        {
            this.sessionTimeoutMs = timeoutMs;
            return this;
        }

        public Builder stepTimeoutMs(final long timeoutMs)
        {
            this.stepTimeoutMs = timeoutMs;
            return this;
        }

        public Builder credentialsFile(final Path file)
        {
            this.credentialsFile = Optional.of(file.toAbsolutePath());
            return this;
        }

        public Builder accountsFile(final Path file)
        {
            this.accountsFile = Optional.of(file.toAbsolutePath());
            return this;
        }

        public Builder strategiesFile(final Path file)
        {
            this.strategiesFile = Optional.of(file.toAbsolutePath());
            return this;
        }

        /** @param shared one Aeron media driver for every service (default) or one embedded in each. @return this. */
        public Builder sharedMediaDriver(final boolean shared)
        {
            this.sharedMediaDriver = shared;
            return this;
        }

        /**
         * @return the settings.
         * @throws IllegalArgumentException when a setting is out of range or a service misses one it requires.
         */
        public PlatformSettings build()
        {
            if (zkQuorumPortBase < 0)
            {
                zkQuorumPortBase = zkClientPortBase + 707;
            }
            if (zkElectionPortBase < 0)
            {
                zkElectionPortBase = zkClientPortBase + 1707;
            }
            if (services.isEmpty())
            {
                throw new IllegalArgumentException("no services to run");
            }
            for (final ServiceKind kind : services)
            {
                kind.requires().filter(required -> !services.contains(required)).ifPresent(required ->
                {
                    throw new IllegalArgumentException(kind.label() + " needs " + required.label()
                        + ": add it to the services");
                });
            }
            if (heapMb < 32 || zkHeapMb < 32)
            {
                throw new IllegalArgumentException("heaps must be at least 32 MiB: " + heapMb + ", " + zkHeapMb);
            }
            if (instruments < 1 || instruments > 64)
            {
                throw new IllegalArgumentException("instruments must be in 1..64: " + instruments);
            }
            if (sessionTimeoutMs < 400 || stepTimeoutMs < 1_000)
            {
                throw new IllegalArgumentException("session timeout must be >= 400 ms (ZooKeeper's minimum here) and "
                    + "the step timeout >= 1 s: " + sessionTimeoutMs + ", " + stepTimeoutMs);
            }
            return new PlatformSettings(this);
        }

        private static Optional<Path> projectHome()
        {
            try
            {
                return Optional.of(JvmCommand.projectHome());
            }
            catch (final IllegalStateException ex)
            {
                return Optional.empty();
            }
        }
    }
}
