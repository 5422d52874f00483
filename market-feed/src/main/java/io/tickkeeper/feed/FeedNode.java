package io.tickkeeper.feed;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import io.aeron.Aeron;
import org.apache.curator.framework.CuratorFramework;
import org.agrona.CloseHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tickkeeper.coordinator.config.ConfigKeys;
import io.tickkeeper.coordinator.config.LiveConfig;
import io.tickkeeper.coordinator.lock.FencedLock;
import io.tickkeeper.runtime.IdleProfile;

/**
 * One market-feed process: publisher while it holds the feed's {@link FencedLock}, standby otherwise.
 * <p>
 * Two threads. The <b>duty thread</b> owns the {@link PriceModel}, the {@link FeedPublisher} and the mirror
 * {@link FeedSubscriber}: as standby it mirrors every admitted tick into the model; as holder it publishes one step
 * (one tick per instrument) every {@code 1 / feed.tick-rate-hz} and parks in between. The <b>lock thread</b> owns
 * the lock (Curator's mutex belongs to the thread that acquired it): it waits for the lock, reads the checkpoint,
 * offers the holding to the duty thread, writes the checkpoint every {@code checkpointIntervalMs}, and
 * releases when the holding ends (lock lost, checkpoint fenced, a newer token seen on the stream, or close).
 * <p>
 * Live configuration ({@code feed.volatility}, {@code feed.drift}, {@code feed.jump-rate},
 * {@code feed.tick-rate-hz}) is applied from the next tick on. docs/market-feed.md explains the failover.
 */
public final class FeedNode implements AutoCloseable
{
    /** The lock name of the market feed. */
    public static final String LOCK_NAME = "market-feed";

    private static final Logger LOG = LoggerFactory.getLogger(FeedNode.class);
    /** The longest the duty thread parks with nothing to do (the idle profile's, 1 µs at least). */
    private static final long MAX_PARK_NS = Math.max(1_000L, IdleProfile.configured().maxParkNs());
    private static final long LAG_RESET_STEPS = 10L;

    /** A holding offered by the lock thread to the duty thread, and its end. */
    private static final class Holding
    {
        private final long token;
        private final Optional<FeedCheckpoint> checkpoint;
        private final CountDownLatch stopped = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        private final AtomicReference<String> stopReason = new AtomicReference<>();

        private Holding(final long token, final Optional<FeedCheckpoint> checkpoint)
        {
            this.token = token;
            this.checkpoint = checkpoint;
        }

        private void requestStop(final String reason)
        {
            stopReason.compareAndSet(null, reason);
        }

        private boolean stopRequested()
        {
            return stopReason.get() != null;
        }
    }

    private final Context context;
    private final CuratorFramework client;
    private final LiveConfig liveConfig;
    private final FencedLock lock;
    private final FeedCheckpointStore checkpoints;
    private final FeedPublisher publisher;
    private final FeedSubscriber mirror;
    private final PriceModel model;
    private final PriceModel published;
    private final MutableTick tick = new MutableTick();
    private final AtomicReference<ModelParameters> parameters;
    private final AtomicReference<Holding> offered = new AtomicReference<>();
    private final AtomicReference<Holding> current = new AtomicReference<>();
    private final Thread dutyThread;
    private final Thread lockThread;

    private volatile FeedRole role = FeedRole.LATENT;
    private volatile boolean running = true;
    private volatile long ticksPublished;
    private Holding holding;
    private long nextStepDueNs;

    /**
     * @param client  a started Curator client with the feed's credentials (the lock's owner identity).
     * @param aeron   a connected Aeron client (the process's {@code AeronTransport}).
     * @param context the settings.
     */
    public FeedNode(final CuratorFramework client, final Aeron aeron, final Context context)
    {
        context.conclude();
        this.context = context;
        this.client = client;
        this.model = new PriceModel(context.seed, context.instruments, context.startTimeNs);
        this.published = new PriceModel(context.seed, context.instruments, context.startTimeNs);
        this.parameters = new AtomicReference<>(context.parameters);
        this.liveConfig = new LiveConfig(client, ConfigKeys.registry());
        this.lock = new FencedLock(client, context.lockName, context.nodeName, this::onLockLost);
        this.checkpoints = new FeedCheckpointStore(client, context.lockName);
        this.publisher = new FeedPublisher(aeron, context.channels);
        this.mirror = FeedSubscriber.subscribe(aeron, context.mirrorChannel, this::onMirroredTick);
        this.dutyThread = new Thread(this::runDuty, "feed-duty-" + context.nodeName);
        this.lockThread = new Thread(this::runLock, "feed-lock-" + context.nodeName);
        liveConfig.addListener(ConfigKeys.FEED_VOLATILITY, value -> parameters.updateAndGet(p -> p.withVolatility(value)));
        liveConfig.addListener(ConfigKeys.FEED_DRIFT, value -> parameters.updateAndGet(p -> p.withDrift(value)));
        liveConfig.addListener(ConfigKeys.FEED_JUMP_RATE, value -> parameters.updateAndGet(p -> p.withJumpRate(value)));
        liveConfig.addListener(ConfigKeys.FEED_TICK_RATE_HZ,
            value -> parameters.updateAndGet(p -> p.withTickRateHz(value)));
    }

    /**
     * Follows live configuration, starts the lock contention and the duty thread.
     */
    public void start()
    {
        if (role != FeedRole.LATENT)
        {
            throw new IllegalStateException("cannot start a feed node that is " + role);
        }
        liveConfig.start();
        try
        {
            if (!liveConfig.awaitInitialized(context.lockAttemptMs * 5L))
            {
                LOG.warn("{}: live configuration not loaded yet; starting with what is known", context.nodeName);
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        parameters.updateAndGet(p -> p
            .withVolatility(liveConfig.get(ConfigKeys.FEED_VOLATILITY))
            .withDrift(liveConfig.get(ConfigKeys.FEED_DRIFT))
            .withJumpRate(liveConfig.get(ConfigKeys.FEED_JUMP_RATE))
            .withTickRateHz(liveConfig.get(ConfigKeys.FEED_TICK_RATE_HZ)));
        lock.start();
        transition(FeedRole.STANDBY, "started");
        dutyThread.start();
        lockThread.start();
    }

    /** @return the role now. */
    public FeedRole role()
    {
        return role;
    }

    /** @return the parameters in force. */
    public ModelParameters parameters()
    {
        return parameters.get();
    }

    /** @return the fencing token this node publishes with, while it holds the lock. */
    public OptionalLong publishingToken()
    {
        final Holding active = current.get();
        return active == null || role != FeedRole.HOLDING ? OptionalLong.empty() : OptionalLong.of(active.token);
    }

    /** @return ticks this node has published. */
    public long ticksPublished()
    {
        return ticksPublished;
    }

    /** @return the mirror subscription's counters. */
    public FeedSubscriber mirror()
    {
        return mirror;
    }

    /**
     * Stops publishing, writes a last checkpoint and releases the lock (so a standby takes over at once and
     * exactly), then closes everything. Idempotent.
     */
    @Override
    public void close()
    {
        if (!running)
        {
            return;
        }
        running = false;
        final Holding active = current.get();
        if (active != null)
        {
            active.requestStop("closing");
            awaitQuietly(active.released, 10_000L);
        }
        lockThread.interrupt();
        joinQuietly(lockThread);
        joinQuietly(dutyThread);
        CloseHelper.closeAll(lock, liveConfig, publisher, mirror);
        transition(FeedRole.CLOSED, "closed");
    }

    private void onLockLost(final String lockName, final long token, final String reason)
    {
        final Holding active = current.get();
        if (active != null && active.token == token)
        {
            active.requestStop("lock lost: " + reason);
            LockSupport.unpark(dutyThread);
        }
    }

    private void onMirroredTick(
        final int instrumentId, final long price, final long sequence, final long token, final long timestampNs,
        final Regime regime)
    {
        if (role == FeedRole.HOLDING)
        {
            if (token > holding.token)
            {
                holding.requestStop("a newer publisher (token " + token + ") is on the stream");
            }
            return;
        }
        if (instrumentId < 1 || instrumentId > model.instruments() || price < 1L)
        {
            LOG.warn("{}: ignoring an unusable tick (instrument {}, price {}, sequence {})", context.nodeName,
                instrumentId, price, sequence);
            return;
        }
        model.mirror(sequence, instrumentId, price, regime, timestampNs);
    }

    private void runDuty()
    {
        while (running || holding != null)
        {
            int work = mirror.poll();
            final Holding next = offered.getAndSet(null);
            if (next != null)
            {
                takeOver(next);
                work++;
            }
            if (holding != null)
            {
                if (holding.stopRequested())
                {
                    stepDown();
                    continue;
                }
                final long nowNs = System.nanoTime();
                if (nowNs - nextStepDueNs >= 0L)
                {
                    publishStep(nowNs);
                    work++;
                }
            }
            if (work == 0)
            {
                park();
            }
        }
    }

    private void takeOver(final Holding next)
    {
        holding = next;
        transition(FeedRole.TAKING_OVER, "lock acquired with token " + next.token);
        final long settleNs = TimeUnit.MILLISECONDS.toNanos(context.settleMs);
        long quietSinceNs = System.nanoTime();
        while (System.nanoTime() - quietSinceNs < settleNs && running)
        {
            if (mirror.poll() > 0)
            {
                quietSinceNs = System.nanoTime();
            }
            else
            {
                LockSupport.parkNanos(MAX_PARK_NS / 5);
            }
        }
        final long mirrored = model.sequence();
        if (next.checkpoint.isPresent())
        {
            final FeedCheckpoint checkpoint = next.checkpoint.get();
            if (checkpoint.prices().length != model.instruments())
            {
                LOG.error("{}: the checkpoint has {} instruments, this node {}: ignoring it", context.nodeName,
                    checkpoint.prices().length, model.instruments());
            }
            else if (model.restore(checkpoint.sequence(), checkpoint.timestampNs(), checkpoint.regime(),
                checkpoint.prices()))
            {
                LOG.warn("{}: the checkpoint (sequence {}) is ahead of the last mirrored tick ({}): continuing from it",
                    context.nodeName, checkpoint.sequence(), mirrored);
            }
        }
        synchronized (published)
        {
            model.copyTo(published);
        }
        current.set(next);
        nextStepDueNs = System.nanoTime();
        transition(FeedRole.HOLDING, "publishing from sequence " + (model.sequence() + 1L) + " with token "
            + next.token + " (last mirrored " + mirrored + ")");
    }

    private void publishStep(final long nowNs)
    {
        final ModelParameters inForce = parameters.get();
        final long token = holding.token;
        do
        {
            model.next(inForce, tick);
            publisher.publish(token, tick);
            ticksPublished++;
        }
        while (model.sequence() % model.instruments() != 0L);
        synchronized (published)
        {
            model.copyTo(published);
        }
        final long stepNs = inForce.stepNs();
        nextStepDueNs += stepNs;
        if (nowNs - nextStepDueNs > LAG_RESET_STEPS * stepNs)
        {
            nextStepDueNs = nowNs + stepNs;
        }
    }

    private void stepDown()
    {
        final Holding ended = holding;
        holding = null;
        transition(FeedRole.STANDBY, "stopped publishing at sequence "
            + model.sequence() + ": " + ended.stopReason.get());
        ended.stopped.countDown();
    }

    private void park()
    {
        final long nowNs = System.nanoTime();
        long parkNs = MAX_PARK_NS;
        if (holding != null)
        {
            parkNs = Math.max(0L, Math.min(parkNs, nextStepDueNs - nowNs));
        }
        if (parkNs > 0L)
        {
            LockSupport.parkNanos(parkNs);
        }
    }

    private void runLock()
    {
        while (running)
        {
            final OptionalLong token;
            try
            {
                token = lock.acquire(context.lockAttemptMs);
            }
            catch (final RuntimeException ex)
            {
                LOG.warn("{}: could not contend for the feed lock: {}", context.nodeName, ex.toString());
                sleepQuietly(context.lockAttemptMs);
                continue;
            }
            if (token.isEmpty())
            {
                lock.release();
                continue;
            }
            hold(token.getAsLong());
        }
    }

    private void hold(final long token)
    {
        final Optional<FeedCheckpoint> checkpoint;
        try
        {
            checkpoint = checkpoints.read();
        }
        catch (final Exception ex)
        {
            restoreInterrupt(ex);
            LOG.warn("{}: could not read the feed checkpoint, giving the lock up: {}", context.nodeName, ex.toString());
            lock.release();
            return;
        }
        final Holding next = new Holding(token, checkpoint);
        current.set(next);
        if (!running)
        {
            next.requestStop("closing");
        }
        if (!lock.isHeld())
        {
            next.requestStop("lock lost while taking over");
        }
        offered.set(next);
        LockSupport.unpark(dutyThread);
        boolean fenced = false;
        while (!awaitQuietly(next.stopped, context.checkpointIntervalMs))
        {
            if (!lock.isHeld() && !next.stopRequested())
            {
                next.requestStop("lock no longer held");
                LockSupport.unpark(dutyThread);
            }
            if (current.get() == next && role == FeedRole.HOLDING && !next.stopRequested())
            {
                fenced = writeCheckpoint(next) == FeedCheckpointStore.WriteResult.FENCED;
                if (fenced)
                {
                    next.requestStop("fenced: the checkpoint holds a newer token");
                    LockSupport.unpark(dutyThread);
                }
            }
            if (!dutyThread.isAlive())
            {
                break;
            }
        }
        if (!fenced && lock.isHeld())
        {
            writeCheckpoint(next);
        }
        lock.release();
        current.compareAndSet(next, null);
        next.released.countDown();
    }

    private FeedCheckpointStore.WriteResult writeCheckpoint(final Holding active)
    {
        final FeedCheckpoint checkpoint;
        synchronized (published)
        {
            if (published.sequence() == 0L)
            {
                return FeedCheckpointStore.WriteResult.WRITTEN;
            }
            checkpoint = FeedCheckpoint.of(active.token, published);
        }
        try
        {
            return checkpoints.write(checkpoint);
        }
        catch (final Exception ex)
        {
            restoreInterrupt(ex);
            LOG.warn("{}: could not write the feed checkpoint: {}", context.nodeName, ex.toString());
            return FeedCheckpointStore.WriteResult.WRITTEN;
        }
    }

    private void transition(final FeedRole next, final String reason)
    {
        final FeedRole previous = role;
        role = next;
        LOG.info("{}: {} -> {}: {}", context.nodeName, previous, next, reason);
    }

    private static boolean awaitQuietly(final CountDownLatch latch, final long timeoutMs)
    {
        try
        {
            return latch.await(timeoutMs, TimeUnit.MILLISECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return latch.getCount() == 0L;
        }
    }

    private static void sleepQuietly(final long ms)
    {
        try
        {
            Thread.sleep(ms);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    private static void joinQuietly(final Thread thread)
    {
        if (thread == Thread.currentThread() || thread.getState() == Thread.State.NEW)
        {
            return;
        }
        try
        {
            thread.join(15_000L);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    private static void restoreInterrupt(final Exception ex)
    {
        if (ex instanceof InterruptedException)
        {
            Thread.currentThread().interrupt();
        }
    }

    /** Settings of a {@link FeedNode}, validated once by its constructor. */
    public static final class Context
    {
        private String nodeName;
        private String lockName = LOCK_NAME;
        private int instruments = 8;
        private long seed = 1L;
        private long startTimeNs;
        private List<String> channels = List.of();
        private String mirrorChannel;
        private ModelParameters parameters = ModelParameters.DEFAULTS;
        private long checkpointIntervalMs = 100L;
        private long settleMs = 20L;
        private long lockAttemptMs = 1_000L;

        /** @param value this node's name (the lock's holder id). @return this. */
        public Context nodeName(final String value)
        {
            nodeName = value;
            return this;
        }

        /** @param value the lock name (default {@value FeedNode#LOCK_NAME}). @return this. */
        public Context lockName(final String value)
        {
            lockName = value;
            return this;
        }

        /** @param value number of instruments, ids 1..N (default 8). @return this. */
        public Context instruments(final int value)
        {
            instruments = value;
            return this;
        }

        /** @param value the model's seed; every node of one feed must use the same. @return this. */
        public Context seed(final long value)
        {
            seed = value;
            return this;
        }

        /** @param value simulation time before the first step of a brand-new feed. @return this. */
        public Context startTimeNs(final long value)
        {
            startTimeNs = value;
            return this;
        }

        /** @param value the channels the holder publishes to, one publication each. @return this. */
        public Context channels(final List<String> value)
        {
            channels = List.copyOf(value);
            return this;
        }

        /** @param value the channel this node mirrors the feed on (one of the others' channels). @return this. */
        public Context mirrorChannel(final String value)
        {
            mirrorChannel = value;
            return this;
        }

        /**
         * @param value the model's shape: jump sizes and regime switch rates. Its volatility, drift, jump rate and
         *              tick rate are replaced at start by live configuration (the keys' defaults when unset).
         * @return this.
         */
        public Context parameters(final ModelParameters value)
        {
            parameters = value;
            return this;
        }

        /** @param value how often the holder writes its checkpoint (default 100 ms). @return this. */
        public Context checkpointIntervalMs(final long value)
        {
            checkpointIntervalMs = value;
            return this;
        }

        /** @param value how long a new holder waits for the stream to go quiet (default 20 ms). @return this. */
        public Context settleMs(final long value)
        {
            settleMs = value;
            return this;
        }

        /** @param value how long one attempt to take the lock waits (default 1 s). @return this. */
        public Context lockAttemptMs(final long value)
        {
            lockAttemptMs = value;
            return this;
        }

        void conclude()
        {
            Objects.requireNonNull(nodeName, "nodeName");
            Objects.requireNonNull(mirrorChannel, "mirrorChannel");
            Objects.requireNonNull(parameters, "parameters");
            if (instruments < 1)
            {
                throw new IllegalArgumentException("instruments must be at least 1: " + instruments);
            }
            if (channels.isEmpty())
            {
                throw new IllegalArgumentException("at least one channel is needed");
            }
            if (checkpointIntervalMs < 1L || settleMs < 0L || lockAttemptMs < 1L)
            {
                throw new IllegalArgumentException("checkpointIntervalMs and lockAttemptMs must be positive, "
                    + "settleMs not negative");
            }
        }
    }
}
