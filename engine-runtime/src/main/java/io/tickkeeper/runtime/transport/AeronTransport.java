package io.tickkeeper.runtime.transport;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.aeron.Aeron;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import org.agrona.CloseHelper;
import org.agrona.IoUtil;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Aeron transport of a process: an embedded media driver and an Aeron client connected to it. Every
 * component of the process that sends or receives over Aeron (replication, ingress, egress) shares it.
 * <p>
 * The driver is sized for a machine shared by many processes: one SHARED agent thread that backs off to a park
 * of at most {@link Context#maxIdleParkNs(long)} instead of spinning, small term buffers, a small counters file,
 * and its own directory ({@code <root>/tickkeeper-<name>-<pid>}) removed on start and on close.
 * <p>
 * Lifecycle: LATENT → STARTED ({@link #start()}) → CLOSED ({@link #close()}), guarded by compare-and-set.
 */
public final class AeronTransport implements Closeable
{
    /** The loopback host every test and the local sandbox use. */
    public static final String LOOPBACK = "127.0.0.1";

    /** The channel for Aeron IPC between publishers and subscribers of the same driver. */
    public static final String IPC = "aeron:ipc";

    private static final Logger LOG = LoggerFactory.getLogger(AeronTransport.class);

    private enum State
    {
        LATENT,
        STARTED,
        CLOSED
    }

    private final String name;
    private final String directory;
    private final int termLengthBytes;
    private final int countersBufferBytes;
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
        maxIdleParkNs = context.maxIdleParkNs;
        directory = context.directoryRoot.resolve("tickkeeper-" + name + "-" + ProcessHandle.current().pid())
            .toString();
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
     * Launches the media driver and connects the client. Call once.
     */
    public void start()
    {
        if (!state.compareAndSet(State.LATENT, State.STARTED))
        {
            throw new IllegalStateException("cannot start: transport is " + state.get());
        }
        deleteDirectoriesOfDeadProcesses();
        final MediaDriver.Context driverContext = new MediaDriver.Context()
            .aeronDirectoryName(directory)
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true)
            .warnIfDirectoryExists(false)
            .threadingMode(ThreadingMode.SHARED)
            .sharedIdleStrategy(new BackoffIdleStrategy(10, 10, 1_000, maxIdleParkNs))
            .publicationTermBufferLength(termLengthBytes)
            .ipcTermBufferLength(termLengthBytes)
            .counterValuesBufferLength(countersBufferBytes)
            .termBufferSparseFile(true)
            .errorHandler(AeronTransport::onDriverError);
        try
        {
            driver = MediaDriver.launchEmbedded(driverContext);
            aeron = Aeron.connect(new Aeron.Context()
                .aeronDirectoryName(driver.aeronDirectoryName())
                .errorHandler(AeronTransport::onClientError));
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietCloseAll(aeron, driver);
            state.set(State.CLOSED);
            throw ex;
        }
        LOG.info("aeron transport {} started in {} (term {} bytes)", name, directory, termLengthBytes);
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
     * The directory of this transport's media driver.
     *
     * @return its path.
     */
    public String directory()
    {
        return directory;
    }

    /**
     * Closes the client, then the driver, which deletes its directory. Idempotent.
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

    /** Settings of an {@link AeronTransport}, validated once by the transport's constructor. */
    public static final class Context
    {
        /** Default term buffer length: 128 KiB (about 0.4 MiB of /dev/shm per publication). */
        public static final int DEFAULT_TERM_LENGTH_BYTES = 128 * 1024;
        /** Default counters values buffer: 1 MiB. */
        public static final int DEFAULT_COUNTERS_BUFFER_BYTES = 1024 * 1024;
        /** Default longest park of the idle driver: 1 ms. */
        public static final long DEFAULT_MAX_IDLE_PARK_NS = TimeUnit.MILLISECONDS.toNanos(1);

        private String name;
        private Path directoryRoot = Path.of("/dev/shm");
        private int termLengthBytes = DEFAULT_TERM_LENGTH_BYTES;
        private int countersBufferBytes = DEFAULT_COUNTERS_BUFFER_BYTES;
        private long maxIdleParkNs = DEFAULT_MAX_IDLE_PARK_NS;

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
         * The longest the idle driver thread parks between checks for work; it backs off to this.
         *
         * @param maxIdleParkNs at least 1 µs.
         * @return this.
         */
        public Context maxIdleParkNs(final long maxIdleParkNs)
        {
            this.maxIdleParkNs = maxIdleParkNs;
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
            if (maxIdleParkNs < 1_000)
            {
                throw new IllegalArgumentException("maxIdleParkNs must be at least 1000: " + maxIdleParkNs);
            }
        }
    }
}
