package io.tickkeeper.runtime.replication;

import java.io.Closeable;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.Header;
import io.tickkeeper.protocol.sbe.MessageHeaderDecoder;
import io.tickkeeper.protocol.sbe.MessageHeaderEncoder;
import io.tickkeeper.protocol.sbe.ReplicationAckEncoder;
import io.tickkeeper.protocol.sbe.TruncateDecoder;
import io.tickkeeper.runtime.EnginePipeline;
import io.tickkeeper.runtime.IdleProfile;
import io.tickkeeper.runtime.JournalListener;
import io.tickkeeper.runtime.transport.AeronTransport;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The standby's side of replication. A poller thread takes the primary's frames from an Aeron subscription and
 * publishes every accepted input into the standby's own pipeline with {@link EnginePipeline#publishSequenced}, so the
 * standby journals and applies exactly what the primary sequenced. As the standby's journaller finishes each batch
 * it acknowledges the highest sequence journalled to the primary (this class is the pipeline's
 * {@link JournalListener}).
 * <p>
 * Fencing is about who sends: every frame carries the epoch of the primary that sent it (the sender's epoch,
 * {@link ReplicationMessages}), and a frame whose sender's epoch is lower than the highest epoch this replica knows
 * (from accepted frames, its journal, and {@link #fence(long)}, which the node calls when ZooKeeper shows a newer
 * epoch) is refused and counted ({@link #staleEpochRefused()}). The epoch inside an input is only when it was
 * sequenced: from the current primary the replica takes inputs of any epoch, even of epochs it never saw (a catch-up
 * from the primary's journal), as long as they extend its journal consistently: the next sequence, an epoch not
 * lower than its last input's and not higher than the sender's (else refused, {@link #inconsistentRefused()}, and
 * the replica asks to catch up again, so that the primary answers with a truncation). Inputs already held are
 * ignored; an input after a gap is dropped and the replica asks to catch up again.
 * <p>
 * Use: build it, give it to the pipeline's context as its journal listener, start the pipeline (which recovers from
 * snapshot and journal), {@link #start(EnginePipeline)}, then {@link #follow(String)} the primary: the replica sends
 * {@code CatchUpRequest(lastEpoch, lastSequence)}. When the primary answers {@code Truncate(sequence)} the replica
 * stops taking inputs and tells its {@link Listener}; the node then rebuilds its journal up to that sequence
 * ({@link JournalGenerations}) and starts over.
 * <p>
 * Lifecycle: LATENT → STARTED → CLOSED, guarded by compare-and-set.
 */
public final class StandbyReplica implements JournalListener, Closeable
{
    private static final Logger LOG = LoggerFactory.getLogger(StandbyReplica.class);
    private static final int FRAGMENT_LIMIT = 64;
    private static final int CONTROL_STREAM_ID = ReplicationMessages.CONTROL_STREAM_ID;
    private static final int REPLICATION_TEMPLATE_MIN = 301;
    private static final int REPLICATION_TEMPLATE_MAX = 399;
    private static final long REQUEST_REPEAT_NS = TimeUnit.SECONDS.toNanos(1);

    private enum Lifecycle
    {
        LATENT,
        STARTED,
        CLOSED
    }

    private final String name;
    private final AeronTransport transport;
    private final String endpoint;
    private final IdleProfile idleProfile;
    private final long idleMaxParkNs;
    private final Listener listener;
    private final long sessionId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
    private final AtomicReference<Lifecycle> lifecycle = new AtomicReference<>(Lifecycle.LATENT);
    private final AtomicReference<String> pendingFollow = new AtomicReference<>();
    private final AtomicLong highestEpoch = new AtomicLong();
    private final AtomicLong staleEpochRefused = new AtomicLong();
    private final AtomicLong inputsAccepted = new AtomicLong();
    private final AtomicLong duplicatesIgnored = new AtomicLong();
    private final AtomicLong gapsDropped = new AtomicLong();
    private final AtomicLong inconsistentRefused = new AtomicLong();
    private final AtomicLong ignoredWhilePrimary = new AtomicLong();
    private final AtomicLong requestsSent = new AtomicLong();
    private final AtomicLong acknowledgedSequence = new AtomicLong();
    private final AtomicLong truncateTo = new AtomicLong(-1);
    private final AtomicBoolean ackPending = new AtomicBoolean();
    private final MessageHeaderEncoder ackHeader = new MessageHeaderEncoder();
    private final ReplicationAckEncoder ackEncoder = new ReplicationAckEncoder();
    private final UnsafeBuffer ackBuffer = new UnsafeBuffer(new byte[64]);
    private final DataHandler dataHandler = new DataHandler();

    private volatile Publication controlPublication;
    private volatile boolean promoted;
    private volatile boolean stoppedApplying;
    private EnginePipeline pipeline;
    private Subscription dataSubscription;
    private Thread poller;
    private long lastEpoch;
    private long lastSequence;
    private boolean requestPending;
    private boolean reRequested;
    private boolean awaitingResponse;
    private long requestSentNs;

    /**
     * Validates the settings; nothing is subscribed until {@link #start(EnginePipeline)}.
     *
     * @param context the settings, read once.
     */
    public StandbyReplica(final Context context)
    {
        context.conclude();
        name = context.name;
        transport = context.transport;
        endpoint = context.endpoint;
        idleProfile = context.idleProfile;
        idleMaxParkNs = context.idleMaxParkNs;
        listener = context.listener;
    }

    /**
     * Subscribes to this replica's endpoint and starts the poller. Call after the pipeline has started (recovered).
     *
     * @param pipeline the standby's running pipeline, whose journal listener this replica is.
     */
    public void start(final EnginePipeline pipeline)
    {
        Objects.requireNonNull(pipeline, "pipeline");
        if (lifecycle.get() != Lifecycle.LATENT)
        {
            throw new IllegalStateException("cannot start: replica is " + lifecycle.get());
        }
        this.pipeline = pipeline;
        lastSequence = pipeline.publishedSequence();
        lastEpoch = pipeline.recoveredEpoch();
        highestEpoch.accumulateAndGet(Math.max(lastEpoch, pipeline.epoch()), Math::max);
        dataSubscription = transport.aeron().addSubscription(
            ReplicationMessages.channelOf(endpoint), ReplicationMessages.DATA_STREAM_ID);
        poller = new Thread(this::runPoller, name + "-standby");
        poller.setDaemon(true);
        if (!lifecycle.compareAndSet(Lifecycle.LATENT, Lifecycle.STARTED))
        {
            CloseHelper.quietClose(dataSubscription);
            throw new IllegalStateException("cannot start: replica is " + lifecycle.get());
        }
        poller.start();
        LOG.info("{}: standby session {} takes inputs on {} after {} (epoch {})",
            name, sessionId, endpoint, lastSequence, lastEpoch);
    }

    /**
     * Follows a primary: acknowledgements and catch-up requests go to its control channel from now on, and a
     * {@code CatchUpRequest} with this replica's last input is sent as soon as the channel connects. Call again
     * when the primary changes.
     *
     * @param primaryControlChannel the primary's control channel, for example {@code AeronTransport.udp(host, port)}.
     */
    public void follow(final String primaryControlChannel)
    {
        pendingFollow.set(Objects.requireNonNull(primaryControlChannel, "primaryControlChannel"));
    }

    /**
     * Raises the highest epoch this replica knows (the node saw it in ZooKeeper): frames sent by a primary of a lower
     * epoch are refused from now on. Inputs of older epochs that the current primary sends from its journal are
     * still taken.
     *
     * @param epoch the newer epoch; a lower one changes nothing.
     */
    public void fence(final long epoch)
    {
        highestEpoch.accumulateAndGet(epoch, Math::max);
    }

    /**
     * The node won the election at {@code epoch}: from the moment this returns the replica publishes nothing more
     * into the pipeline and acknowledges nothing, so the node may sequence its own inputs (once the pipeline has
     * drained what it holds). It keeps listening: frames sent by a primary of an older epoch (a fenced primary that
     * was frozen and resumed) are refused and counted, any other is counted in {@link #ignoredWhilePrimary()}.
     *
     * @param epoch the node's new epoch.
     */
    public void promote(final long epoch)
    {
        fence(epoch);
        promoted = true;
        final Thread thread = poller;
        while (lifecycle.get() == Lifecycle.STARTED && thread != null && thread.isAlive() && !stoppedApplying)
        {
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(50));
        }
        LOG.info("{}: promoted at epoch {}; standby session {} stopped applying after {}",
            name, epoch, sessionId, lastSequence);
    }

    /** Called by the standby pipeline's journaller once per batch: acknowledges to the primary. */
    @Override
    public void onJournalled(final long epoch, final long sequence)
    {
        if (promoted)
        {
            return;
        }
        if (lifecycle.get() != Lifecycle.STARTED || !sendAck(epoch, sequence))
        {
            ackPending.set(true);
        }
    }

    /** @return this replica's session, new at every start of the process. */
    public long sessionId()
    {
        return sessionId;
    }

    /** @return the highest epoch this replica knows. */
    public long highestEpoch()
    {
        return highestEpoch.get();
    }

    /** @return how many frames sent by a primary of a lower epoch than the highest known were refused. */
    public long staleEpochRefused()
    {
        return staleEpochRefused.get();
    }

    /** @return how many inputs were published into the pipeline. */
    public long inputsAccepted()
    {
        return inputsAccepted.get();
    }

    /** @return how many inputs were ignored because the replica already held them. */
    public long duplicatesIgnored()
    {
        return duplicatesIgnored.get();
    }

    /** @return how many inputs were dropped because they came after a gap. */
    public long gapsDropped()
    {
        return gapsDropped.get();
    }

    /**
     * @return how many inputs from a current primary were refused because they do not extend this replica's journal
     *     consistently: an epoch lower than its last input's, or higher than the sender's own.
     */
    public long inconsistentRefused()
    {
        return inconsistentRefused.get();
    }

    /**
     * @return how many frames sent by a primary of the current or a newer epoch arrived after {@link #promote(long)}.
     */
    public long ignoredWhilePrimary()
    {
        return ignoredWhilePrimary.get();
    }

    /**
     * @return how many catch-up requests were sent; a request is repeated every second until a frame arrives, since
     *     one can be lost on a connection to a restarted driver.
     */
    public long requestsSent()
    {
        return requestsSent.get();
    }

    /** @return the highest sequence acknowledged to the primary. */
    public long acknowledgedSequence()
    {
        return acknowledgedSequence.get();
    }

    /** @return the sequence the primary told this replica to truncate to, or -1. */
    public long truncateTo()
    {
        return truncateTo.get();
    }

    /**
     * Stops the poller and closes the subscription and publication; the pipeline is the caller's. Idempotent; may
     * be called from the listener.
     */
    @Override
    public void close()
    {
        if (lifecycle.getAndSet(Lifecycle.CLOSED) == Lifecycle.CLOSED)
        {
            return;
        }
        if (poller != null && poller != Thread.currentThread())
        {
            try
            {
                poller.join(TimeUnit.SECONDS.toMillis(5));
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
        if (poller == null || !poller.isAlive())
        {
            closeChannels();
        }
    }

    private void closeChannels()
    {
        CloseHelper.quietClose(controlPublication);
        controlPublication = null;
        CloseHelper.quietClose(dataSubscription);
    }

    private boolean sendAck(final long epoch, final long sequence)
    {
        final Publication publication = controlPublication;
        if (publication == null)
        {
            return false;
        }
        synchronized (ackBuffer)
        {
            final int length =
                ReplicationMessages.encodeAck(ackBuffer, ackHeader, ackEncoder, sessionId, epoch, sequence);
            if (publication.offer(ackBuffer, 0, length) > 0)
            {
                acknowledgedSequence.accumulateAndGet(sequence, Math::max);
                return true;
            }
            return false;
        }
    }

    private void runPoller()
    {
        final IdleStrategy idle = idleMaxParkNs == Context.PROFILE_IDLE_MAX_PARK
            ? idleProfile.newIdleStrategy()
            : new BackoffIdleStrategy(100, 10, TimeUnit.MICROSECONDS.toNanos(1), idleMaxParkNs);
        final ExpandableArrayBuffer requestBuffer = new ExpandableArrayBuffer(128);
        try
        {
            while (lifecycle.get() == Lifecycle.STARTED)
            {
                if (promoted)
                {
                    stoppedApplying = true;
                }
                int work = 0;
                final String follow = pendingFollow.getAndSet(null);
                if (follow != null)
                {
                    final Publication previous = controlPublication;
                    controlPublication = null;
                    CloseHelper.quietClose(previous);
                    controlPublication = transport.aeron().addPublication(follow, CONTROL_STREAM_ID);
                    requestPending = true;
                    awaitingResponse = false;
                    work++;
                }
                if (awaitingResponse && System.nanoTime() - requestSentNs > REQUEST_REPEAT_NS)
                {
                    requestPending = true;
                }
                if (requestPending && !promoted)
                {
                    work += sendRequest(requestBuffer);
                }
                if (truncateTo.get() < 0)
                {
                    work += dataSubscription.poll(dataHandler, FRAGMENT_LIMIT);
                }
                if (ackPending.getAndSet(false))
                {
                    if (!promoted && sendAck(pipeline.journalledEpoch(), pipeline.journalledSequence()))
                    {
                        work++;
                    }
                    else if (!promoted)
                    {
                        ackPending.set(true);
                    }
                }
                idle.idle(work);
            }
        }
        catch (final RuntimeException ex)
        {
            LOG.error("{}: standby poller failed", name, ex);
            lifecycle.set(Lifecycle.CLOSED);
        }
        finally
        {
            closeChannels();
        }
    }

    private int sendRequest(final ExpandableArrayBuffer buffer)
    {
        final Publication publication = controlPublication;
        if (publication == null || !publication.isConnected())
        {
            return 0;
        }
        final int length = ReplicationMessages.encodeCatchUpRequest(
            buffer, sessionId, lastEpoch, lastSequence, highestEpoch.get(), endpoint);
        if (publication.offer(buffer, 0, length) > 0)
        {
            requestPending = false;
            if (!awaitingResponse)
            {
                LOG.info("{}: standby session {} asked {} to catch up after {} (epoch {})",
                    name, sessionId, publication.channel(), lastSequence, lastEpoch);
            }
            awaitingResponse = true;
            requestSentNs = System.nanoTime();
            requestsSent.incrementAndGet();
            return 1;
        }
        return 0;
    }

    private void onInput(final DirectBuffer buffer, final int offset, final int length, final long senderEpoch)
    {
        if (senderEpoch < highestEpoch.get())
        {
            staleEpochRefused.incrementAndGet();
            return;
        }
        awaitingResponse = false;
        if (length < ReplicationMessages.MIN_INPUT_LENGTH)
        {
            LOG.warn("{}: dropped a frame of {} bytes, too short for an input", name, length);
            return;
        }
        if (promoted)
        {
            ignoredWhilePrimary.incrementAndGet();
            return;
        }
        final long epoch = ReplicationMessages.epoch(buffer, offset);
        final long sequence = ReplicationMessages.sequence(buffer, offset);
        if (sequence <= lastSequence)
        {
            duplicatesIgnored.incrementAndGet();
            return;
        }
        if (sequence != lastSequence + 1)
        {
            gapsDropped.incrementAndGet();
            askAgain("input " + sequence + " after " + lastSequence + ": gap");
            return;
        }
        if (epoch < lastEpoch || epoch > senderEpoch)
        {
            inconsistentRefused.incrementAndGet();
            askAgain("input " + sequence + " of epoch " + epoch + " from the primary of epoch " + senderEpoch +
                " does not extend the journal (last input " + lastSequence + " of epoch " + lastEpoch + ")");
            return;
        }
        highestEpoch.accumulateAndGet(senderEpoch, Math::max);
        pipeline.publishSequenced(buffer, offset, length);
        lastSequence = sequence;
        lastEpoch = epoch;
        reRequested = false;
        inputsAccepted.incrementAndGet();
    }

    /** Asks the primary to catch this replica up again, once until an input is accepted. */
    private void askAgain(final String reason)
    {
        if (!reRequested)
        {
            reRequested = true;
            requestPending = true;
            LOG.warn("{}: {}, asking to catch up again", name, reason);
        }
    }

    private void onTruncate(final long primaryEpoch, final long sequence)
    {
        if (primaryEpoch < highestEpoch.get())
        {
            staleEpochRefused.incrementAndGet();
            return;
        }
        awaitingResponse = false;
        if (truncateTo.compareAndSet(-1, sequence))
        {
            LOG.warn("{}: the primary (epoch {}) never had this replica's inputs after {}: truncate",
                name, primaryEpoch, sequence);
            listener.onTruncate(sequence);
        }
    }

    /** Decodes the primary's frames on the poller thread. */
    private final class DataHandler implements FragmentHandler
    {
        private final MessageHeaderDecoder header = new MessageHeaderDecoder();
        private final TruncateDecoder truncate = new TruncateDecoder();

        @Override
        public void onFragment(final DirectBuffer buffer, final int offset, final int length, final Header aeronHeader)
        {
            if (!ReplicationMessages.isOurSchema(buffer, offset, length))
            {
                return;
            }
            final int templateId = ReplicationMessages.templateId(buffer, offset);
            if (templateId == TruncateDecoder.TEMPLATE_ID)
            {
                header.wrap(buffer, offset);
                truncate.wrapAndApplyHeader(buffer, offset, header);
                if (truncate.replicaSessionId() == sessionId)
                {
                    onTruncate(truncate.epoch(), truncate.sequence());
                }
            }
            else if (templateId < REPLICATION_TEMPLATE_MIN || templateId > REPLICATION_TEMPLATE_MAX)
            {
                onInput(buffer, offset, length, ReplicationMessages.senderEpoch(aeronHeader));
            }
        }
    }

    /** Told when the primary orders a truncation. */
    @FunctionalInterface
    public interface Listener
    {
        /**
         * The replica's journal holds inputs after {@code sequence} that the primary never had; the replica has
         * stopped taking inputs. Called on the replica's poller thread: hand the rebuild to another thread.
         *
         * @param sequence keep inputs up to this one.
         */
        void onTruncate(long sequence);
    }

    /** Settings of a {@link StandbyReplica}, validated once by its constructor. */
    public static final class Context
    {
        /**
         * The value of {@link #idleMaxParkNs(long)} that leaves the idle poller to the idle profile (the default).
         * For scale: a poller parking at most 100 µs costs 6.6% of a core idle; under load it does not park.
         */
        public static final long PROFILE_IDLE_MAX_PARK = 0;

        private String name = "engine";
        private AeronTransport transport;
        private String endpoint;
        private IdleProfile idleProfile = IdleProfile.configured();
        private long idleMaxParkNs = PROFILE_IDLE_MAX_PARK;
        private Listener listener;

        /**
         * @param name names the poller thread and log lines.
         * @return this.
         */
        public Context name(final String name)
        {
            this.name = name;
            return this;
        }

        /**
         * @param transport the process's Aeron transport (required).
         * @return this.
         */
        public Context transport(final AeronTransport transport)
        {
            this.transport = transport;
            return this;
        }

        /**
         * @param endpoint {@code host:port} where this replica takes the primary's frames; sent to the primary in
         *                 every catch-up request (required).
         * @return this.
         */
        public Context endpoint(final String endpoint)
        {
            this.endpoint = endpoint;
            return this;
        }

        /**
         * @param idleProfile how the idle poller waits (default: the process's {@link IdleProfile#configured()}).
         * @return this.
         */
        public Context idleProfile(final IdleProfile idleProfile)
        {
            this.idleProfile = idleProfile;
            return this;
        }

        /**
         * Overrides the idle profile: the poller backs off to a park of at most this.
         *
         * @param idleMaxParkNs the longest the idle poller parks, shorter meaning lower latency and more idle CPU;
         *                      {@link #PROFILE_IDLE_MAX_PARK} to follow the idle profile.
         * @return this.
         */
        public Context idleMaxParkNs(final long idleMaxParkNs)
        {
            this.idleMaxParkNs = idleMaxParkNs;
            return this;
        }

        /**
         * @param listener told when the primary orders a truncation (required).
         * @return this.
         */
        public Context listener(final Listener listener)
        {
            this.listener = listener;
            return this;
        }

        void conclude()
        {
            if (name == null || name.isBlank())
            {
                throw new IllegalArgumentException("name must not be blank");
            }
            Objects.requireNonNull(transport, "transport must be set");
            ReplicationMessages.channelOf(endpoint);
            Objects.requireNonNull(listener, "listener must be set");
            Objects.requireNonNull(idleProfile, "idleProfile must be set");
            if (idleMaxParkNs != PROFILE_IDLE_MAX_PARK && idleMaxParkNs < 1_000)
            {
                throw new IllegalArgumentException("idleMaxParkNs must be at least 1000 (or 0 for the idle profile's): "
                    + idleMaxParkNs);
            }
        }
    }
}
