package io.tickkeeper.coordinator.config;

import java.io.Closeable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.HdrHistogram.Histogram;
import org.apache.curator.framework.CuratorFramework;

import io.tickkeeper.coordinator.CoordinatorClients;
import io.tickkeeper.coordinator.Credentials;

/**
 * Measures how long a configuration change takes to reach every consumer. It opens one writer and N watchers,
 * each watcher its own Curator session with its own {@link LiveConfig}, all in this process so one
 * {@link System#nanoTime()} clock times them. Each measured set writes a new value of
 * {@link ConfigKeys#PROBE_SEQUENCE} through {@link ConfigStore#set} and records, in nanoseconds, the time from just
 * before the call to the moment the last watcher applied the value. Sets are closed-loop: the next starts when
 * every watcher has the previous one.
 * <p>
 * Lifecycle: LATENT, then {@link #start(long)}, then {@link #close()}. The writer needs credentials.
 */
public final class ConfigPropagationProbe implements Closeable
{
    /** Largest time the histograms track: one minute, in nanoseconds. */
    public static final long HIGHEST_TRACKABLE_NS = TimeUnit.MINUTES.toNanos(1);

    private enum State
    {
        LATENT, STARTED, CLOSED
    }

    /** One set in flight: the value expected and the watchers that still have to apply it. */
    private static final class Round
    {
        private final long expected;
        private final AtomicInteger remaining;
        private final AtomicLong lastAppliedNs = new AtomicLong(Long.MIN_VALUE);
        private final CountDownLatch done = new CountDownLatch(1);

        private Round(final long expected, final int watchers)
        {
            this.expected = expected;
            this.remaining = new AtomicInteger(watchers);
        }

        private void applied(final long value, final long nowNs)
        {
            if (value != expected)
            {
                return;
            }
            lastAppliedNs.accumulateAndGet(nowNs, Math::max);
            if (remaining.decrementAndGet() == 0)
            {
                done.countDown();
            }
        }
    }

    private final AtomicReference<State> state = new AtomicReference<>(State.LATENT);
    private final AtomicReference<Round> round = new AtomicReference<>();
    private final String connectString;
    private final int watcherCount;
    private final Optional<Credentials> credentials;
    private final int sessionTimeoutMs;
    private final List<CuratorFramework> clients = new ArrayList<>();
    private final List<LiveConfig> watchers = new ArrayList<>();
    private ConfigStore store;
    private long nextValue;

    /**
     * @param connectString    the ensemble.
     * @param watcherCount     how many watcher sessions to open (at least 1).
     * @param credentials      the writer's credentials.
     * @param sessionTimeoutMs session timeout of every client.
     */
    public ConfigPropagationProbe(
        final String connectString,
        final int watcherCount,
        final Optional<Credentials> credentials,
        final int sessionTimeoutMs)
    {
        if (watcherCount < 1)
        {
            throw new IllegalArgumentException("watcherCount must be at least 1, got " + watcherCount);
        }
        this.connectString = connectString;
        this.watcherCount = watcherCount;
        this.credentials = credentials;
        this.sessionTimeoutMs = sessionTimeoutMs;
    }

    /**
     * Connects the writer and every watcher and waits until every watcher has loaded the stored configuration.
     *
     * @param timeoutMs how long to wait for all of it.
     * @throws IllegalStateException when a client does not connect or a watcher does not load in time.
     * @throws InterruptedException  when interrupted while waiting.
     */
    public void start(final long timeoutMs) throws InterruptedException
    {
        if (!state.compareAndSet(State.LATENT, State.STARTED))
        {
            throw new IllegalStateException("probe cannot be started in state " + state.get());
        }
        final long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        final CuratorFramework writer = connect(credentials, deadlineNs);
        store = new ConfigStore(writer, ConfigKeys.registry());
        for (int i = 0; i < watcherCount; i++)
        {
            final LiveConfig watcher = new LiveConfig(connect(Optional.empty(), deadlineNs), ConfigKeys.registry());
            watcher.addListener(ConfigKeys.PROBE_SEQUENCE, this::onApplied);
            watchers.add(watcher);
            watcher.start();
        }
        for (final LiveConfig watcher : watchers)
        {
            if (!watcher.awaitInitialized(remainingMs(deadlineNs)))
            {
                throw new IllegalStateException("a watcher did not load the configuration within " + timeoutMs + " ms");
            }
        }
        final ConfigValue stored = store.get(ConfigKeys.PROBE_SEQUENCE.name());
        nextValue = stored.problem().isPresent() ? 1L : ConfigKeys.PROBE_SEQUENCE.decode(stored.json()) + 1L;
    }

    /**
     * Makes {@code sets} changes one after the other and times each one's propagation.
     *
     * @param sets      how many changes to make.
     * @param who       recorded as the author of the changes in the history.
     * @param timeoutMs how long one change may take to reach every watcher.
     * @return the propagation time of each change, in nanoseconds.
     * @throws IllegalStateException when a change does not reach every watcher in time.
     * @throws InterruptedException  when interrupted while waiting.
     */
    public Histogram measure(final int sets, final String who, final long timeoutMs) throws InterruptedException
    {
        if (state.get() != State.STARTED)
        {
            throw new IllegalStateException("probe is not started: " + state.get());
        }
        final Histogram histogram = new Histogram(HIGHEST_TRACKABLE_NS, 3);
        for (int i = 0; i < sets; i++)
        {
            final long value = nextValue++;
            final Round current = new Round(value, watcherCount);
            round.set(current);
            final long startNs = System.nanoTime();
            store.set(ConfigKeys.PROBE_SEQUENCE.name(), Long.toString(value), who, System.currentTimeMillis());
            if (!current.done.await(timeoutMs, TimeUnit.MILLISECONDS))
            {
                throw new IllegalStateException("set " + i + " of " + ConfigKeys.PROBE_SEQUENCE.name() + " reached "
                    + (watcherCount - current.remaining.get()) + " of " + watcherCount + " watchers in " + timeoutMs
                    + " ms");
            }
            histogram.recordValue(Math.min(current.lastAppliedNs.get() - startNs, HIGHEST_TRACKABLE_NS));
        }
        round.set(null);
        return histogram;
    }

    /** @return how many watcher sessions the probe opens. */
    public int watcherCount()
    {
        return watcherCount;
    }

    @Override
    public void close()
    {
        if (state.getAndSet(State.CLOSED) == State.CLOSED)
        {
            return;
        }
        for (final LiveConfig watcher : watchers)
        {
            watcher.close();
        }
        for (final CuratorFramework client : clients)
        {
            client.close();
        }
    }

    private void onApplied(final Long value)
    {
        final Round current = round.get();
        if (current != null)
        {
            current.applied(value, System.nanoTime());
        }
    }

    private CuratorFramework connect(final Optional<Credentials> identity, final long deadlineNs)
        throws InterruptedException
    {
        final CuratorFramework client = CoordinatorClients.newClient(connectString, sessionTimeoutMs, identity);
        clients.add(client);
        client.start();
        if (!client.blockUntilConnected((int)remainingMs(deadlineNs), TimeUnit.MILLISECONDS))
        {
            throw new IllegalStateException("cannot reach ZooKeeper at " + connectString);
        }
        return client;
    }

    private static long remainingMs(final long deadlineNs)
    {
        return Math.max(0L, TimeUnit.NANOSECONDS.toMillis(deadlineNs - System.nanoTime()));
    }
}
