package io.tickkeeper.runtime.transport;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.aeron.Aeron;
import io.aeron.CommonContext;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.aeron.exceptions.DriverTimeoutException;
import io.tickkeeper.runtime.IdleProfile;
import org.agrona.CloseHelper;
import org.agrona.IoUtil;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Aeron transport of a process: an Aeron client and, unless the host runs a shared media driver, an embedded
 * media driver it is connected to. Every component of the process that sends or receives over Aeron (replication,
 * ingress, egress) shares it.
 * <p>
 * <b>Embedded</b> (the default): the driver is sized for a machine shared by many processes: one SHARED agent thread
 * that waits as the process's {@link IdleProfile} says (or backs off to a park of at most
 * {@link Context#maxIdleParkNs(long)} when that is set), small term buffers, a small counters file, and its own
 * directory ({@code <root>/tickkeeper-<name>-<pid>}) removed on start and on close.
 * <p>
 * <b>Shared</b>: when the system property {@value #SHARED_DRIVER_PROPERTY} or, failing that, the environment variable
 * {@value #SHARED_DRIVER_ENV} names a directory (or {@link Context#sharedDriverDirectory(Path)} does), no driver is
 * launched: the client connects to the driver already running in that directory ({@link SharedMediaDriver}, started
 * by {@code scripts/media-driver}), and {@link #close()} closes only the client. A shared driver that is not running
 * (no CnC file, or a driver heartbeat older than {@link Context#driverTimeoutMs(long)}) fails {@link #start()} at
 * once with an {@link IllegalStateException} that says so. docs/aeron.md compares the two.
 * <p>
 * Lifecycle: LATENT → STARTED ({@link #start()}) → CLOSED ({@link #close()}), guarded by compare-and-set.
 */
public final class AeronTransport implements Closeable
{
    /** The loopback host every test and the local sandbox use. */
    public static final String LOOPBACK = "127.0.0.1";

    /** The channel for Aeron IPC between publishers and subscribers of the same driver. */
    public static final String IPC = "aeron:ipc";

    /** System property naming the directory of the host's shared media driver; wins over the environment. */
    public static final String SHARED_DRIVER_PROPERTY = "tickkeeper.aeron.dir";

    /** Environment variable naming the directory of the host's shared media driver. */
    public static final String SHARED_DRIVER_ENV = "TICKKEEPER_AERON_DIR";

    /**
     * How long the client conductor thread sleeps between its housekeeping duty cycles (keepalives to the driver,
     * timeouts). Commands (add publication, ...) and messages do not wait for it: the calling thread does that work.
     */
    static final long CLIENT_IDLE_SLEEP_MS = 16;

    private static final Logger LOG = LoggerFactory.getLogger(AeronTransport.class);

    private enum State
    {
        LATENT,
        STARTED,
        CLOSED
    }

    private final String name;
    private final String directory;
    private final boolean shared;
    private final String sharedDirectorySource;
    private final long driverTimeoutMs;
    private final int termLengthBytes;
    private final int countersBufferBytes;
    private final IdleProfile idleProfile;
    private final long maxIdleParkNs;
    private final AtomicReference<State> state = new AtomicReference<>(State.LATENT);

    private MediaDriver driver;
    private Aeron aeron;

    /**
     * Validates the settings; nothing is launched until {@link #start()}.
     *
     * @param context the settings, read once.
     */
    public AeronTransport(final Context context)
    {
        context.conclude();
        name = context.name;
        termLengthBytes = context.termLengthBytes;
        countersBufferBytes = context.countersBufferBytes;
        idleProfile = context.idleProfile;
        maxIdleParkNs = context.maxIdleParkNs;
        driverTimeoutMs = context.driverTimeoutMs;
        shared = context.sharedDriverDirectory != null;
        sharedDirectorySource = context.sharedDirectorySource;
        directory = shared
            ? context.sharedDriverDirectory.toString()
            : context.directoryRoot.resolve("tickkeeper-" + name + "-" + ProcessHandle.current().pid()).toString();
    }

    /**
     * Builds and starts a transport with the default sizes.
     *
     * @param name names the driver directory; letters, digits, '-' and '_' only.
     * @return the started transport.
     */
    public static AeronTransport launch(final String name)
    {
        final AeronTransport transport = new AeronTransport(new Context().name(name));
        transport.start();
        return transport;
    }

    /**
     * A UDP unicast channel to {@code host:port} (the subscriber binds it, the publisher sends to it).
     *
     * @param host an IP address or host name.
     * @param port the UDP port.
     * @return the channel URI.
     */
    public static String udp(final String host, final int port)
    {
        Objects.requireNonNull(host, "host");
        if (port <= 0 || port > 65_535)
        {
            throw new IllegalArgumentException("port must be in 1..65535: " + port);
        }
        return "aeron:udp?endpoint=" + host + ":" + port;
    }

    /**
     * Launches the embedded media driver, or finds the shared one running, and connects the client. Call once.
     *
     * @throws IllegalStateException when called twice, or when the shared driver is not running.
     */
    public void start()
    {
        if (!state.compareAndSet(State.LATENT, State.STARTED))
        {
            throw new IllegalStateException("cannot start: transport is " + state.get());
        }
        try
        {
            if (shared)
            {
                connectToSharedDriver();
            }
            else
            {
                launchEmbeddedDriver();
            }
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietCloseAll(aeron, driver);
            state.set(State.CLOSED);
            throw ex;
        }
    }

    /**
     * The settings of a TickKeeper media driver, embedded or shared: one SHARED agent thread with the given idle
     * strategy, small sparse term buffers and a small counters file.
     *
     * @param directory           the driver directory.
     * @param termLengthBytes     term buffer length of UDP and IPC publications.
     * @param countersBufferBytes length of the counters values buffer.
     * @param idleStrategy        the idle strategy of the SHARED agent thread.
     * @return a driver context still to be adjusted for embedded or shared use.
     */
    static MediaDriver.Context driverContext(
        final String directory,
        final int termLengthBytes,
        final int countersBufferBytes,
        final IdleStrategy idleStrategy)
    {
        return new MediaDriver.Context()
            .aeronDirectoryName(directory)
            .threadingMode(ThreadingMode.SHARED)
            .sharedIdleStrategy(idleStrategy)
            .publicationTermBufferLength(termLengthBytes)
            .ipcTermBufferLength(termLengthBytes)
            .counterValuesBufferLength(countersBufferBytes)
            .termBufferSparseFile(true)
            .errorHandler(AeronTransport::onDriverError);
    }

    /**
     * The idle strategy of a TickKeeper media driver's SHARED agent.
     *
     * @param profile       the process's idle profile, used unless a longest park is given.
     * @param maxIdleParkNs a longest park that overrides the profile (back-off from 1 µs to it), or 0.
     * @return a new strategy for the driver's one agent thread.
     */
    static IdleStrategy driverIdleStrategy(final IdleProfile profile, final long maxIdleParkNs)
    {
        return maxIdleParkNs == Context.PROFILE_MAX_IDLE_PARK
            ? profile.newIdleStrategy()
            : new BackoffIdleStrategy(10, 10, 1_000, maxIdleParkNs);
    }

    private void launchEmbeddedDriver()
    {
        deleteDirectoriesOfDeadProcesses();
        final MediaDriver.Context driverContext = driverContext(
            directory, termLengthBytes, countersBufferBytes, driverIdleStrategy(idleProfile, maxIdleParkNs))
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true)
            .warnIfDirectoryExists(false);
        driver = MediaDriver.launchEmbedded(driverContext);
        aeron = Aeron.connect(clientContext(driver.aeronDirectoryName()).errorHandler(AeronTransport::onClientError));
        LOG.info("aeron transport {} started in {} (term {} bytes)", name, directory, termLengthBytes);
    }

    private void connectToSharedDriver()
    {
        if (!CommonContext.isDriverActive(
            new File(directory), driverTimeoutMs, message -> LOG.debug("shared aeron driver check: {}", message)))
        {
            throw notRunning(null);
        }
        try
        {
            aeron = Aeron.connect(clientContext(directory).errorHandler(this::onSharedClientError));
        }
        catch (final DriverTimeoutException ex)
        {
            throw notRunning(ex);
        }
        LOG.info("aeron transport {} connected to the shared media driver in {} ({})", name, directory,
            sharedDirectorySource);
    }

    private Aeron.Context clientContext(final String driverDirectory)
    {
        return new Aeron.Context()
            .aeronDirectoryName(driverDirectory)
            .driverTimeoutMs(driverTimeoutMs)
            .idleStrategy(new SleepingMillisIdleStrategy(CLIENT_IDLE_SLEEP_MS));
    }

    private IllegalStateException notRunning(final Throwable cause)
    {
        return new IllegalStateException("aeron transport " + name + ": no media driver is running in " + directory
            + " (from " + sharedDirectorySource + "): no CnC file there, or its driver has not heartbeaten for "
            + driverTimeoutMs + " ms. Start the host's driver with scripts/media-driver " + directory
            + ", or unset " + SHARED_DRIVER_ENV + " and " + SHARED_DRIVER_PROPERTY
            + " to give the process an embedded driver.", cause);
    }

    /**
     * The connected Aeron client, to add publications and subscriptions.
     *
     * @return the client.
     * @throws IllegalStateException unless started and not closed.
     */
    public Aeron aeron()
    {
        if (state.get() != State.STARTED)
        {
            throw new IllegalStateException("transport is " + state.get());
        }
        return aeron;
    }

    /**
     * The directory of this transport's media driver: its own when embedded, the host's when shared.
     *
     * @return its path.
     */
    public String directory()
    {
        return directory;
    }

    /**
     * Whether this transport is a client of the host's shared media driver rather than the owner of an embedded one.
     *
     * @return true when shared.
     */
    public boolean isSharedDriver()
    {
        return shared;
    }

    /**
     * Closes the client, then the embedded driver, which deletes its directory; a shared driver keeps running.
     * Idempotent.
     */
    @Override
    public void close()
    {
        if (state.getAndSet(State.CLOSED) == State.STARTED)
        {
            CloseHelper.closeAll(aeron, driver);
            LOG.info("aeron transport {} closed", name);
        }
    }

    /**
     * A process killed with SIGKILL cannot delete its driver directory; the next transport of the same name does, for
     * every such directory whose process is gone, so repeated kills do not fill /dev/shm.
     */
    private void deleteDirectoriesOfDeadProcesses()
    {
        final Pattern ownName = Pattern.compile(Pattern.quote("tickkeeper-" + name + "-") + "(\\d+)");
        final Path root = Path.of(directory).getParent();
        try (Stream<Path> entries = Files.list(root))
        {
            entries.forEach(entry ->
            {
                final Matcher matcher = ownName.matcher(entry.getFileName().toString());
                if (matcher.matches() && ProcessHandle.of(Long.parseLong(matcher.group(1))).isEmpty())
                {
                    IoUtil.delete(entry.toFile(), true);
                    LOG.info("deleted the aeron directory {} of a process that is gone", entry);
                }
            });
        }
        catch (final IOException | UncheckedIOException ex)
        {
            LOG.warn("could not look for stale aeron directories under {}", root, ex);
        }
    }

    private static void onDriverError(final Throwable error)
    {
        LOG.warn("aeron media driver error", error);
    }

    private static void onClientError(final Throwable error)
    {
        LOG.warn("aeron client error", error);
    }

    private void onSharedClientError(final Throwable error)
    {
        if (error instanceof DriverTimeoutException)
        {
            LOG.error("aeron transport {}: the shared media driver in {} stopped heartbeating; the client is closed "
                + "and this process can no longer send or receive: restart it once the driver runs again",
                name, directory, error);
        }
        else
        {
            LOG.warn("aeron client error", error);
        }
    }

    /** Settings of an {@link AeronTransport}, validated once by the transport's constructor. */
    public static final class Context
    {
        /** Default term buffer length: 128 KiB (about 0.4 MiB of /dev/shm per publication). */
        public static final int DEFAULT_TERM_LENGTH_BYTES = 128 * 1024;
        /** Default counters values buffer: 1 MiB. */
        public static final int DEFAULT_COUNTERS_BUFFER_BYTES = 1024 * 1024;
        /** The value of {@link #maxIdleParkNs(long)} that leaves the driver's idle strategy to the idle profile. */
        public static final long PROFILE_MAX_IDLE_PARK = 0;
        /** Default time without a driver heartbeat after which the driver counts as gone: 10 s (Aeron's own). */
        public static final long DEFAULT_DRIVER_TIMEOUT_MS = 10_000;

        private String name;
        private Path directoryRoot = Path.of("/dev/shm");
        private int termLengthBytes = DEFAULT_TERM_LENGTH_BYTES;
        private int countersBufferBytes = DEFAULT_COUNTERS_BUFFER_BYTES;
        private IdleProfile idleProfile = IdleProfile.configured();
        private long maxIdleParkNs = PROFILE_MAX_IDLE_PARK;
        private long driverTimeoutMs = DEFAULT_DRIVER_TIMEOUT_MS;
        private Path sharedDriverDirectory;
        private String sharedDirectorySource;

        /**
         * Starts from the process's configuration: the shared driver directory from the system property
         * {@value AeronTransport#SHARED_DRIVER_PROPERTY}, else from the environment variable
         * {@value AeronTransport#SHARED_DRIVER_ENV}, else none (embedded driver). Blank values count as unset.
         */
        public Context()
        {
            final String property = System.getProperty(SHARED_DRIVER_PROPERTY);
            final String env = System.getenv(SHARED_DRIVER_ENV);
            if (property != null && !property.isBlank())
            {
                sharedDriverDirectory = Path.of(property.strip());
                sharedDirectorySource = "system property " + SHARED_DRIVER_PROPERTY;
            }
            else if (env != null && !env.isBlank())
            {
                sharedDriverDirectory = Path.of(env.strip());
                sharedDirectorySource = "environment variable " + SHARED_DRIVER_ENV;
            }
        }

        /**
         * Names the driver directory.
         *
         * @param name letters, digits, '-' and '_' only.
         * @return this.
         */
        public Context name(final String name)
        {
            this.name = name;
            return this;
        }

        /**
         * The directory under which the driver directory is made (default {@code /dev/shm}).
         *
         * @param directoryRoot an existing directory, best on tmpfs.
         * @return this.
         */
        public Context directoryRoot(final Path directoryRoot)
        {
            this.directoryRoot = directoryRoot;
            return this;
        }

        /**
         * Term buffer length for UDP and IPC publications.
         *
         * @param termLengthBytes a power of two from 64 KiB to 1 GiB.
         * @return this.
         */
        public Context termLengthBytes(final int termLengthBytes)
        {
            this.termLengthBytes = termLengthBytes;
            return this;
        }

        /**
         * Length of the driver's counters values buffer.
         *
         * @param countersBufferBytes at least 64 KiB.
         * @return this.
         */
        public Context countersBufferBytes(final int countersBufferBytes)
        {
            this.countersBufferBytes = countersBufferBytes;
            return this;
        }

        /**
         * How the embedded driver's thread waits when idle (default: the process's {@link IdleProfile#configured()}).
         *
         * @param idleProfile the profile.
         * @return this.
         */
        public Context idleProfile(final IdleProfile idleProfile)
        {
            this.idleProfile = idleProfile;
            return this;
        }

        /**
         * Overrides the idle profile of the embedded driver: it backs off to a park of at most this between checks
         * for work.
         *
         * @param maxIdleParkNs at least 1 µs, or {@link #PROFILE_MAX_IDLE_PARK} to follow the idle profile.
         * @return this.
         */
        public Context maxIdleParkNs(final long maxIdleParkNs)
        {
            this.maxIdleParkNs = maxIdleParkNs;
            return this;
        }

        /**
         * Connect to the shared media driver running in this directory instead of launching an embedded one; null
         * launches an embedded driver whatever the process's configuration says.
         *
         * @param sharedDriverDirectory the shared driver's directory, or null.
         * @return this.
         */
        public Context sharedDriverDirectory(final Path sharedDriverDirectory)
        {
            this.sharedDriverDirectory = sharedDriverDirectory;
            this.sharedDirectorySource = "AeronTransport.Context";
            return this;
        }

        /**
         * How long a driver may go without a heartbeat before the client counts it as gone: a shared driver older
         * than this is refused at start, and a running client closes when its driver stays silent this long.
         *
         * @param driverTimeoutMs at least 100 ms.
         * @return this.
         */
        public Context driverTimeoutMs(final long driverTimeoutMs)
        {
            this.driverTimeoutMs = driverTimeoutMs;
            return this;
        }

        void conclude()
        {
            if (name == null || !name.matches("[A-Za-z0-9_-]+"))
            {
                throw new IllegalArgumentException("name must be letters, digits, '-' or '_': " + name);
            }
            Objects.requireNonNull(directoryRoot, "directoryRoot");
            if (termLengthBytes < 64 * 1024 || Integer.bitCount(termLengthBytes) != 1)
            {
                throw new IllegalArgumentException("termLengthBytes must be a power of 2 of at least 64 KiB: "
                    + termLengthBytes);
            }
            if (countersBufferBytes < 64 * 1024)
            {
                throw new IllegalArgumentException("countersBufferBytes must be at least 64 KiB: "
                    + countersBufferBytes);
            }
            Objects.requireNonNull(idleProfile, "idleProfile");
            if (maxIdleParkNs != PROFILE_MAX_IDLE_PARK && maxIdleParkNs < 1_000)
            {
                throw new IllegalArgumentException("maxIdleParkNs must be at least 1000 (or 0 for the idle profile's): "
                    + maxIdleParkNs);
            }
            if (driverTimeoutMs < 100)
            {
                throw new IllegalArgumentException("driverTimeoutMs must be at least 100: " + driverTimeoutMs);
            }
        }
    }
}
