package io.tickkeeper.platform;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.agrona.IoUtil;
import org.apache.curator.framework.CuratorFramework;

import io.tickkeeper.coordinator.CoordinatorClients;
import io.tickkeeper.coordinator.Credentials;
import io.tickkeeper.coordinator.election.PrimaryInfo;
import io.tickkeeper.coordinator.lock.LockInspector;
import io.tickkeeper.coordinator.lock.LockStatus;
import io.tickkeeper.coordinator.membership.ClusterWatcher;
import io.tickkeeper.coordinator.membership.MemberInfo;
import io.tickkeeper.coordinator.membership.ShardView;
import io.tickkeeper.coordinator.zk.EnsembleConfig;
import io.tickkeeper.coordinator.zk.EnsembleLauncher;
import io.tickkeeper.node.process.ChildProcess;
import io.tickkeeper.node.process.JvmCommand;
import io.tickkeeper.runtime.transport.AeronTransport;

/**
 * The whole platform as local processes, for the sandbox, the end-to-end test, the drill and the benchmark: a
 * 3-server ZooKeeper ensemble, then each service's two nodes as child JVMs (matching, risk, feed, strategy,
 * gateways; {@link ServiceKind}), each started only once the one before is healthy: an elected service's first node
 * primary and its second an in-sync standby, the feed's first node holding the feed lock and the second waiting, each
 * gateway's FIX port open. Each node logs to {@code <work>/logs/<name>.log}.
 * <p>
 * {@link #close()} stops the services with SIGTERM (the last started first, a standby before its primary), then the
 * ensemble; a JVM shutdown hook does the same when the owner exits without closing.
 */
public final class Platform implements AutoCloseable
{
    /** The shard every elected service runs (the platform runs one). */
    public static final String SHARD = "0";

    private static final long POLL_MS = 20;
    private static final long GRACE_MS = 10_000;
    private static final int LOG_TAIL_LINES = 15;
    private static final String HOST = "127.0.0.1";

    private static final String MEDIA_DRIVER = "media-driver";
    private static final String SHARED_DRIVER_MAIN = "io.tickkeeper.runtime.transport.SharedMediaDriver";

    private final PlatformSettings settings;
    private final PrintStream out;
    private final Map<String, ServiceSpec> specs = new LinkedHashMap<>();
    private final Map<String, ChildProcess> processes = new LinkedHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread shutdownHook;
    private EnsembleLauncher ensemble;
    private Path credentialsFile;
    private CuratorFramework curator;
    private ClusterWatcher watcher;
    private LockInspector locks;
    private ChildProcess mediaDriver;

    private Platform(final PlatformSettings settings, final PrintStream out)
    {
        this.settings = settings;
        this.out = out;
        this.shutdownHook = new Thread(this::stopEverything, "platform-shutdown");
    }

    /**
     * Starts the platform and waits until every service it runs is healthy.
     *
     * @param settings what to run.
     * @param out      where progress lines go ({@code platform: ...}).
     * @return the running platform; close it.
     * @throws IllegalStateException when a service's main class is not on the classpath, a port is taken, or a step
     *                               does not complete in time (the message names the step and the log to read).
     * @throws Exception             when a process cannot be started.
     */
    public static Platform start(final PlatformSettings settings, final PrintStream out) throws Exception
    {
        checkMainClasses(settings);
        final Platform platform = new Platform(settings, out);
        try
        {
            platform.startAll();
            return platform;
        }
        catch (final Exception | Error ex)
        {
            platform.close();
            throw ex;
        }
    }

    public PlatformSettings settings()
    {
        return settings;
    }

    /** @return the ensemble's connect string. */
    public String connectString()
    {
        return ensemble.connectString();
    }

    /** @return the ZooKeeper credentials file the services use (user:password, owner-only). */
    public Path credentialsFile()
    {
        return credentialsFile;
    }

    /** @return a client of the ensemble, with the services' credentials, for the platform's own watching. */
    public CuratorFramework curator()
    {
        return curator;
    }

    /** @return the names of the service processes, in start order ({@code matching-a}, ..., {@code gateway-gw2}). */
    public List<String> processNames()
    {
        return List.copyOf(processes.keySet());
    }

    /**
     * @param name a process name, e.g. {@code risk-b}.
     * @return the process.
     * @throws IllegalArgumentException when the platform runs no such process.
     */
    public ChildProcess process(final String name)
    {
        final ChildProcess process = processes.get(name);
        if (process == null)
        {
            throw new IllegalArgumentException("no process " + name + "; the platform runs " + processes.keySet());
        }
        return process;
    }

    /** @return the log file of a process. */
    public Path logFile(final String name)
    {
        return settings.workDir().resolve("logs").resolve(name + ".log");
    }

    /**
     * @param kind  an elected service or the feed.
     * @param shard the shard ({@link #SHARD}; the feed has one lock, its shard is ignored).
     * @return the process name of the current primary (lock holder for the feed), if there is one.
     */
    public Optional<String> primary(final ServiceKind kind, final String shard)
    {
        switch (kind.health())
        {
            case ELECTED:
                return shardView(kind, shard).flatMap(ShardView::primaryNow)
                    .map(primary -> kind.label() + "-" + primary.node());
            case LOCK:
                return lock(kind).flatMap(LockStatus::holder).map(holder -> kind.label() + "-" + holder);
            default:
                throw new IllegalArgumentException(kind.label() + " has no primary: all its nodes are active");
        }
    }

    /** @return the epoch of an elected service's current primary, if there is one. */
    public Optional<Long> primaryEpoch(final ServiceKind kind)
    {
        return shardView(kind, SHARD).flatMap(ShardView::primaryNow).map(PrimaryInfo::epoch);
    }

    /**
     * @param kind a service the platform runs.
     * @return whether it is fully up: a primary and an in-sync standby (elected), a holder and a waiting contender
     *     (feed), every FIX port accepting connections (gateways).
     */
    public boolean healthy(final ServiceKind kind)
    {
        switch (kind.health())
        {
            case ELECTED:
            {
                final Optional<String> primary = primary(kind, SHARD);
                return primary.isPresent() && specsOf(kind).stream()
                    .filter(spec -> !spec.name().equals(primary.get()))
                    .allMatch(spec -> inSyncStandby(spec));
            }
            case LOCK:
                return lock(kind).filter(status -> status.holder().isPresent() && status.waiting() >= 1).isPresent();
            default:
                return specsOf(kind).stream().allMatch(this::fixPortOpen);
        }
    }

    /** @return the FIX endpoints of the gateways, {@code 127.0.0.1:port} each (empty when no gateways run). */
    public List<String> fixEndpoints()
    {
        final List<String> endpoints = new ArrayList<>();
        for (final ServiceSpec spec : specsOf(ServiceKind.GATEWAY))
        {
            endpoints.add(HOST + ":" + settings.ports().clientPort(ServiceKind.GATEWAY, spec.index()));
        }
        return endpoints;
    }

    /** @return the pid of every running process: services by name, ZooKeeper servers as {@code zk-1..3}. */
    public Map<String, Long> pids()
    {
        final Map<String, Long> pids = new LinkedHashMap<>();
        for (int id = 1; id <= ensemble.config().servers(); id++)
        {
            final int server = id;
            ensemble.pid(id).ifPresent(pid -> pids.put("zk-" + server, pid));
        }
        if (mediaDriver != null && mediaDriver.pid() > 0)
        {
            pids.put(MEDIA_DRIVER, mediaDriver.pid());
        }
        processes.forEach((name, process) ->
        {
            final long pid = process.pid();
            if (pid > 0)
            {
                pids.put(name, pid);
            }
        });
        return pids;
    }

    /** SIGKILL: the process dies at once (its Aeron directory is removed for it). */
    public void kill(final String name) throws InterruptedException
    {
        final ChildProcess process = process(name);
        final long pid = process.pid();
        process.kill();
        removeAeronDirectories(pid);
        progress(name + " killed (pid " + pid + ")");
    }

    /**
     * SIGTERM, SIGKILL after a grace period.
     *
     * @return the exit code, -1 when it had to be killed.
     */
    public int stop(final String name) throws InterruptedException
    {
        final ChildProcess process = process(name);
        final long pid = process.pid();
        final int code = process.terminate(GRACE_MS);
        removeAeronDirectories(pid);
        progress(name + " stopped (exit code " + code + ")");
        return code;
    }

    /**
     * Starts a stopped or killed process again and waits until it is back: an in-sync standby (elected), a waiting
     * feed contender or holder, an open FIX port.
     */
    public void start(final String name) throws IOException, InterruptedException
    {
        final ServiceSpec spec = specs.get(name);
        process(name).start();
        awaitBack(spec);
        progress(name + " back (pid " + process(name).pid() + ")");
    }

    /** {@link #stop} then {@link #start}. */
    public void restart(final String name) throws IOException, InterruptedException
    {
        stop(name);
        start(name);
    }

    /**
     * Waits until a condition holds, failing when it does not within the step timeout or when a watched process dies.
     *
     * @param what      what is waited for (in the failure message).
     * @param condition the condition.
     * @throws IllegalStateException on timeout.
     */
    public void await(final String what, final BooleanSupplier condition) throws InterruptedException
    {
        await(what, condition, List.of());
    }

    /** Stops every service (SIGTERM, the last started first), then the ensemble. Idempotent. */
    @Override
    public void close()
    {
        stopEverything();
        try
        {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        }
        catch (final IllegalStateException | IllegalArgumentException ex)
        {
            // the JVM is shutting down (the hook is running) or the hook was never added
        }
    }

    private void startAll() throws Exception
    {
        checkPortsFree();
        IoUtil.delete(settings.workDir().toFile(), false);
        Files.createDirectories(settings.workDir().resolve("logs"));
        credentialsFile = settings.credentialsFile().isPresent() ? settings.credentialsFile().get()
            : writeCredentials(settings.workDir().resolve("zk-auth"));
        ensemble = new EnsembleLauncher(EnsembleConfig.builder(settings.workDir().resolve("zk"))
            .clientPortBase(settings.zkClientPortBase())
            .quorumPortBase(settings.zkQuorumPortBase())
            .electionPortBase(settings.zkElectionPortBase())
            .tickTimeMs(200)
            .minSessionTimeoutMs(400)
            .heapMb(settings.zkHeapMb())
            .classpath(zooKeeperClasspath())
            .build());
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        ensemble.start(false);
        if (!ensemble.awaitQuorum(settings.stepTimeoutMs()))
        {
            throw new IllegalStateException("the ensemble did not reach a quorum within " + settings.stepTimeoutMs()
                + " ms; see " + settings.workDir().resolve("zk"));
        }
        progress("ZooKeeper up: " + ensemble.connectString());
        curator = CoordinatorClients.newClient(ensemble.connectString(), 5_000,
            Optional.of(Credentials.fromFile(credentialsFile)));
        curator.start();
        if (!curator.blockUntilConnected(30, TimeUnit.SECONDS))
        {
            throw new IllegalStateException("cannot connect to " + ensemble.connectString());
        }
        watcher = new ClusterWatcher(curator);
        watcher.start();
        if (!watcher.awaitInitialized(30_000))
        {
            throw new IllegalStateException("the cluster view did not load from " + ensemble.connectString());
        }
        locks = new LockInspector(curator);
        final JvmCommand jvm = JvmCommand.current();
        final Map<String, String> environment = new LinkedHashMap<>();
        environment.put(Credentials.ENV_AUTH_FILE, credentialsFile.toString());
        if (settings.sharedMediaDriver())
        {
            environment.put(AeronTransport.SHARED_DRIVER_ENV, startMediaDriver(jvm).toString());
        }
        for (final ServiceSpec spec : new ServiceSpecs(settings, ensemble.connectString(), credentialsFile).all())
        {
            specs.put(spec.name(), spec);
            final List<String> command = new ArrayList<>(jvm.command(settings.heapMb(), spec.kind().mainClass(),
                spec.args()));
            command.addAll(1, List.of("-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS"));
            processes.put(spec.name(), new ChildProcess(spec.name(), command, environment, logFile(spec.name())));
            writeStartScript(spec.name(), command);
        }
        for (final ServiceKind kind : ServiceKind.values())
        {
            if (settings.runs(kind))
            {
                startService(kind);
            }
        }
        progress("all up: " + processes.keySet());
    }

    /**
     * Starts the host's one Aeron media driver for this platform (its directory is named after the service port base,
     * so two platforms on one machine do not share it) and waits until it runs.
     *
     * @return the driver's directory.
     */
    private Path startMediaDriver(final JvmCommand jvm) throws IOException, InterruptedException
    {
        final Path directory = Path.of("/dev/shm", "tickkeeper-platform-" + settings.ports().base());
        mediaDriver = new ChildProcess(MEDIA_DRIVER, jvm.command(64, SHARED_DRIVER_MAIN, List.of(directory.toString())),
            Map.of(), logFile(MEDIA_DRIVER));
        mediaDriver.start();
        await("the shared Aeron media driver", () -> Files.exists(directory.resolve("cnc.dat")));
        Thread.sleep(200);
        progress("shared Aeron media driver up in " + directory + " (pid " + mediaDriver.pid() + ")");
        return directory;
    }

    private void startService(final ServiceKind kind) throws IOException, InterruptedException
    {
        final List<ServiceSpec> nodes = specsOf(kind);
        final long startNs = System.nanoTime();
        switch (kind.health())
        {
            case ELECTED:
            {
                final ServiceSpec first = nodes.get(0);
                process(first.name()).start();
                await(first.name() + " is the " + kind.label() + " primary",
                    () -> primary(kind, SHARD).filter(first.name()::equals).isPresent(), List.of(first));
                for (final ServiceSpec standby : nodes.subList(1, nodes.size()))
                {
                    process(standby.name()).start();
                    await(standby.name() + " is an in-sync standby", () -> inSyncStandby(standby), List.of(standby));
                }
                break;
            }
            case LOCK:
            {
                final ServiceSpec first = nodes.get(0);
                process(first.name()).start();
                await(first.name() + " holds the " + kind.coordinationName() + " lock",
                    () -> primary(kind, SHARD).filter(first.name()::equals).isPresent(), List.of(first));
                for (final ServiceSpec standby : nodes.subList(1, nodes.size()))
                {
                    process(standby.name()).start();
                    await(standby.name() + " waits for the " + kind.coordinationName() + " lock",
                        () -> healthy(kind), List.of(standby));
                }
                break;
            }
            default:
                for (final ServiceSpec node : nodes)
                {
                    process(node.name()).start();
                }
                await("the FIX ports of " + kind.label() + " accept connections", () -> healthy(kind), nodes);
                break;
        }
        progress(kind.label() + " up in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNs) + " ms: "
            + describe(kind));
    }

    private void awaitBack(final ServiceSpec spec) throws InterruptedException
    {
        switch (spec.kind().health())
        {
            case ELECTED:
                await(spec.name() + " back as an in-sync standby", () -> inSyncStandby(spec), List.of(spec));
                break;
            case LOCK:
                await(spec.name() + " back at the " + spec.kind().coordinationName() + " lock",
                    () -> healthy(spec.kind()) || primary(spec.kind(), SHARD).filter(spec.name()::equals).isPresent(),
                    List.of(spec));
                break;
            default:
                await(spec.name() + "'s FIX port open", () -> fixPortOpen(spec), List.of(spec));
                break;
        }
    }

    private String describe(final ServiceKind kind)
    {
        final StringBuilder text = new StringBuilder();
        if (kind.health() != ServiceKind.Health.FIX_PORT)
        {
            text.append("primary ").append(primary(kind, SHARD).orElse("none")).append("; ");
        }
        for (final ServiceSpec spec : specsOf(kind))
        {
            text.append(spec.name()).append(" pid ").append(process(spec.name()).pid()).append(' ');
        }
        if (kind == ServiceKind.GATEWAY)
        {
            text.append("FIX ").append(fixEndpoints());
        }
        return text.toString().trim();
    }

    private boolean inSyncStandby(final ServiceSpec spec)
    {
        final Optional<ShardView> view = shardView(spec.kind(), SHARD);
        return view.isPresent()
            && view.get().isInSync(spec.node())
            && view.get().member(spec.node()).map(MemberInfo::role).filter(MemberInfo.ROLE_STANDBY::equals).isPresent()
            && view.get().primaryNow().filter(primary -> !primary.node().equals(spec.node())).isPresent();
    }

    private boolean fixPortOpen(final ServiceSpec spec)
    {
        try (Socket socket = new Socket())
        {
            socket.connect(new InetSocketAddress(HOST, settings.ports().clientPort(spec.kind(), spec.index())), 200);
            return true;
        }
        catch (final IOException ex)
        {
            return false;
        }
    }

    private Optional<ShardView> shardView(final ServiceKind kind, final String shard)
    {
        return watcher == null ? Optional.empty() : watcher.view().shard(kind.coordinationName(), shard);
    }

    private Optional<LockStatus> lock(final ServiceKind kind)
    {
        if (locks == null)
        {
            return Optional.empty();
        }
        return locks.list().stream().filter(status -> status.name().equals(kind.coordinationName())).findFirst();
    }

    private List<ServiceSpec> specsOf(final ServiceKind kind)
    {
        return specs.values().stream().filter(spec -> spec.kind() == kind).toList();
    }

    private void await(final String what, final BooleanSupplier condition, final List<ServiceSpec> watched)
        throws InterruptedException
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.stepTimeoutMs());
        while (!condition.getAsBoolean())
        {
            for (final ServiceSpec spec : watched)
            {
                if (!process(spec.name()).alive())
                {
                    throw new IllegalStateException(spec.name() + " exited while waiting for " + what + "; the end of "
                        + logFile(spec.name()) + ":\n" + logTail(spec.name()));
                }
            }
            if (System.nanoTime() - deadlineNs > 0)
            {
                throw new IllegalStateException("timed out after " + settings.stepTimeoutMs() + " ms waiting for "
                    + what + "; logs in " + settings.workDir().resolve("logs")
                    + (watched.isEmpty() ? "" : "; the end of " + logFile(watched.get(0).name()) + ":\n"
                    + logTail(watched.get(0).name())));
            }
            Thread.sleep(POLL_MS);
        }
    }

    private String logTail(final String name)
    {
        try
        {
            final List<String> lines = Files.readAllLines(logFile(name), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        }
        catch (final IOException ex)
        {
            return "(no log: " + ex.getMessage() + ")";
        }
    }

    private void stopEverything()
    {
        if (!closed.compareAndSet(false, true))
        {
            return;
        }
        final List<ServiceKind> kinds = new ArrayList<>(List.of(ServiceKind.values()));
        java.util.Collections.reverse(kinds);
        for (final ServiceKind kind : kinds)
        {
            stopService(kind);
        }
        if (mediaDriver != null && mediaDriver.alive())
        {
            try
            {
                progress(MEDIA_DRIVER + " stopped (exit code " + mediaDriver.terminate(GRACE_MS) + ")");
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
        if (watcher != null)
        {
            watcher.close();
        }
        if (curator != null)
        {
            curator.close();
        }
        if (ensemble != null)
        {
            ensemble.stop(5_000);
            progress("stopped");
        }
    }

    /** SIGTERM to the standbys, then to the primary, so a standby does not take over from a stopping primary. */
    private void stopService(final ServiceKind kind)
    {
        final List<ServiceSpec> nodes = new ArrayList<>(specsOf(kind));
        if (nodes.isEmpty())
        {
            return;
        }
        Optional<String> primary = Optional.empty();
        if (kind.health() != ServiceKind.Health.FIX_PORT)
        {
            try
            {
                primary = primary(kind, SHARD);
            }
            catch (final RuntimeException ex)
            {
                progress("cannot read the " + kind.label() + " primary while stopping: " + ex.getMessage());
            }
        }
        final String first = primary.orElse("");
        nodes.sort((left, right) -> Boolean.compare(left.name().equals(first), right.name().equals(first)));
        for (final ServiceSpec spec : nodes)
        {
            final ChildProcess process = processes.get(spec.name());
            try
            {
                final long pid = process.pid();
                if (process.alive())
                {
                    process.resume();
                    final int code = process.terminate(GRACE_MS);
                    removeAeronDirectories(pid);
                    progress(spec.name() + " stopped (exit code " + code + ")");
                }
            }
            catch (final IOException ex)
            {
                progress("could not resume " + spec.name() + ": " + ex.getMessage());
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void checkPortsFree()
    {
        final List<Integer> ports = new ArrayList<>();
        for (int id = 0; id < 3; id++)
        {
            ports.add(settings.zkClientPortBase() + id);
            ports.add(settings.zkQuorumPortBase() + id);
            ports.add(settings.zkElectionPortBase() + id);
        }
        if (settings.runs(ServiceKind.GATEWAY))
        {
            for (int i = 0; i < ServiceKind.GATEWAY.nodes().size(); i++)
            {
                ports.add(settings.ports().clientPort(ServiceKind.GATEWAY, i));
            }
        }
        final List<Integer> taken = new ArrayList<>();
        for (final int port : ports)
        {
            try (ServerSocket socket = new ServerSocket(port))
            {
                socket.setReuseAddress(true);
            }
            catch (final IOException ex)
            {
                taken.add(port);
            }
        }
        if (!taken.isEmpty())
        {
            throw new IllegalStateException("ports already in use: " + taken + " (another sandbox or ZooKeeper "
                + "running? choose other port bases)");
        }
    }

    private static void checkMainClasses(final PlatformSettings settings)
    {
        final List<String> missing = new ArrayList<>();
        for (final ServiceKind kind : ServiceKind.values())
        {
            if (settings.runs(kind))
            {
                try
                {
                    Class.forName(kind.mainClass(), false, Platform.class.getClassLoader());
                }
                catch (final ClassNotFoundException ex)
                {
                    missing.add(kind.label() + " (" + kind.mainClass() + ")");
                }
            }
        }
        if (!missing.isEmpty())
        {
            throw new IllegalStateException("main class not on the classpath for " + String.join(", ", missing)
                + ": build those modules, or run a subset of services (PlatformSettings.Builder.services)");
        }
    }

    /** @return the script that starts a process by hand, as the platform does: {@code <work>/bin/<name>}. */
    public Path startScript(final String name)
    {
        return settings.workDir().resolve("bin").resolve(name);
    }

    /** Writes {@link #startScript}: the credentials variable, then the command, its output appended to its log. */
    private void writeStartScript(final String name, final List<String> command) throws IOException
    {
        final StringBuilder script = new StringBuilder("#!/bin/sh\n# Starts ").append(name)
            .append(" again as the platform started it; its output goes to its log.\n")
            .append("export ").append(Credentials.ENV_AUTH_FILE).append('=').append(quote(credentialsFile.toString()))
            .append("\nexec");
        for (final String word : command)
        {
            script.append(' ').append(quote(word));
        }
        script.append(" >> ").append(quote(logFile(name).toString())).append(" 2>&1\n");
        final Path file = startScript(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, script.toString(), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    }

    private static String quote(final String word)
    {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** A fresh digest identity for this platform's processes, readable by its owner only. */
    private static Path writeCredentials(final Path file) throws IOException
    {
        final byte[] secret = new byte[18];
        new SecureRandom().nextBytes(secret);
        Files.writeString(file, "platform:" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret) + "\n",
            StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    /** The servers' classpath: the coordinator's runtime jars as one wildcard entry (a short command line). */
    private static String zooKeeperClasspath()
    {
        final Path lib = JvmCommand.projectHome().resolve("coordinator").resolve("target").resolve("lib");
        if (!Files.isDirectory(lib))
        {
            throw new IllegalStateException("no " + lib + ": build the project first (./mvnw -DskipTests install)");
        }
        return lib.resolve("*").toString();
    }

    /** A killed JVM cannot delete its Aeron directory ({@code /dev/shm/tickkeeper-<name>-<pid>}); this does. */
    private static void removeAeronDirectories(final long pid)
    {
        if (pid <= 0)
        {
            return;
        }
        try (Stream<Path> dirs = Files.list(Path.of("/dev/shm")))
        {
            dirs.filter(dir -> dir.getFileName().toString().startsWith("tickkeeper-")
                    && dir.getFileName().toString().endsWith("-" + pid))
                .forEach(dir -> IoUtil.delete(dir.toFile(), true));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot list /dev/shm", ex);
        }
    }

    private void progress(final String line)
    {
        out.println("platform: " + line);
        out.flush();
    }
}
