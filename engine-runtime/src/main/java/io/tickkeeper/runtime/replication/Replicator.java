package io.tickkeeper.runtime.replication;

import java.io.Closeable;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.aeron.ExclusivePublication;
import io.aeron.ReservedValueSupplier;
import io.aeron.Subscription;
import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.Header;
import io.tickkeeper.protocol.sbe.CatchUpRequestDecoder;
import io.tickkeeper.protocol.sbe.MessageHeaderDecoder;
import io.tickkeeper.protocol.sbe.ReplicationAckDecoder;
import io.tickkeeper.runtime.EnginePipeline;
import io.tickkeeper.runtime.IdleProfile;
import io.tickkeeper.runtime.InputGate;
import io.tickkeeper.runtime.PipelineState;
import io.tickkeeper.runtime.journal.JournalReader;
import io.tickkeeper.runtime.transport.AeronTransport;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The primary's replicator: one of the input ring's gates, in parallel with the journaller and the logic. It sends
 * every input, as sequenced (the frame carries epoch and sequence), to the standby over an Aeron publication, every
 * frame marked with this primary's epoch (the sender's epoch, {@link ReplicationMessages}), and
 * at the end of each batch waits until the standby has acknowledged (journalled) the batch's last input, so no
 * output leaves the primary before the standby holds the input that caused it.
 * <p>
 * It is in every node's pipeline but does nothing until {@link #lead(EnginePipeline)}: a standby's pipeline passes
 * its inputs through it untouched. Once leading, it listens on its control channel for a standby's
 * {@code CatchUpRequest}. It answers from its journal's epoch history ({@link EpochHistory}) with a {@code Truncate}
 * when the standby holds a tail the primary never had, or streams the missing inputs from its journal and then hands
 * over to the live inputs; when the standby acknowledges the live sequence it is in sync
 * ({@link ReplicatorListener#onStandbyInSync}).
 * <p>
 * Standby loss: when an in-sync standby makes no acknowledgement progress for {@code standbyAckTimeoutMs}, or the
 * node reports it gone ({@link #standbyLeft()}), it is dropped ({@link ReplicatorListener#onStandbyOutOfSync}) and the
 * {@link StandbyLossPolicy} decides: go on alone, or block until a standby is back in sync.
 * <p>
 * Threads: the gate's stage thread (sending live inputs, waiting for acknowledgements) and the replicator's own
 * conductor thread (control messages, catch-up). Whichever of them is free polls the control subscription.
 */
public final class Replicator implements InputGate, Closeable
{
    private static final Logger LOG = LoggerFactory.getLogger(Replicator.class);
    private static final int CONTROL_FRAGMENT_LIMIT = 16;
    private static final int CATCH_UP_BATCH = 256;
    private static final ReplicatorListener NO_LISTENER = new ReplicatorListener()
    {
        @Override
        public void onStandbyInSync(final long replicaSessionId, final long sequence)
        {
        }

        @Override
        public void onStandbyOutOfSync(final long replicaSessionId, final String reason)
        {
        }
    };

    private enum Lifecycle
    {
        LATENT,
        STARTED,
        CLOSED
    }

    private final String name;
    private final AeronTransport transport;
    private final String controlChannel;
    private final StandbyLossPolicy policy;
    private final long standbyAckTimeoutNs;
    private final ReplicatorListener listener;
    private final IdleProfile idleProfile;
    private final AtomicReference<Lifecycle> lifecycle = new AtomicReference<>(Lifecycle.LATENT);
    private final Object lock = new Object();
    private final AtomicBoolean polling = new AtomicBoolean();
    private final AtomicLong ackedSequence = new AtomicLong();
    private final AtomicLong framesSent = new AtomicLong();
    private final AtomicLong truncatesSent = new AtomicLong();
    private final AtomicLong standbyDrops = new AtomicLong();
    private final AtomicReference<CatchUpRequest> pendingRequest = new AtomicReference<>();
    private final IdleStrategy gateIdle = new BackoffIdleStrategy(
        100, 10, TimeUnit.MICROSECONDS.toNanos(1), TimeUnit.MICROSECONDS.toNanos(100));
    private final ControlHandler controlHandler = new ControlHandler();
    private final ReplicationMessages.StopCondition stopWhenClosed = () -> lifecycle.get() == Lifecycle.CLOSED;
    private final ReservedValueSupplier senderEpoch = (termBuffer, termOffset, frameLength) -> this.pipeline.epoch();

    private volatile StandbyState standbyState = StandbyState.NONE;
    private volatile boolean closedInSync;
    private volatile long standbySessionId;
    private long sentSequence;
    private long gatePosition;
    private long handoverSequence;
    private long servedFromSequence = -1;
    private ExclusivePublication dataPublication;

    private volatile EnginePipeline pipeline;
    private volatile Subscription controlSubscription;
    private Thread conductor;

    /**
     * Validates the settings; nothing is subscribed until {@link #lead(EnginePipeline)}.
     *
     * @param context the settings, read once.
     */
    public Replicator(final Context context)
    {
        context.conclude();
        name = context.name;
        transport = context.transport;
        controlChannel = context.controlChannel;
        policy = context.policy;
        standbyAckTimeoutNs = TimeUnit.MILLISECONDS.toNanos(context.standbyAckTimeoutMs);
        listener = context.listener == null ? NO_LISTENER : context.listener;
        idleProfile = context.idleProfile;
    }

    /**
     * Starts replicating: subscribes to the control channel and starts the conductor thread. A node calls this once
     * it is primary: after {@link EnginePipeline#epoch(long)} and before it sequences its first input.
     *
     * @param pipeline the (running) pipeline this replicator is a gate of; its journal serves catch-up.
     */
    public void lead(final EnginePipeline pipeline)
    {
        Objects.requireNonNull(pipeline, "pipeline");
        if (lifecycle.get() != Lifecycle.LATENT)
        {
            throw new IllegalStateException("cannot lead: replicator is " + lifecycle.get());
        }
        this.pipeline = pipeline;
        synchronized (lock)
        {
            gatePosition = Math.max(gatePosition, pipeline.recoveredSequence());
        }
        controlSubscription = transport.aeron().addSubscription(controlChannel, ReplicationMessages.CONTROL_STREAM_ID);
        if (!lifecycle.compareAndSet(Lifecycle.LATENT, Lifecycle.STARTED))
        {
            CloseHelper.quietClose(controlSubscription);
            throw new IllegalStateException("cannot lead: replicator is " + lifecycle.get());
        }
        conductor = new Thread(this::runConductor, name + "-replicator");
        conductor.setDaemon(true);
        conductor.start();
        LOG.info("{}: replicating at epoch {}, standbys ask on {}", name, pipeline.epoch(), controlChannel);
    }

    @Override
    public void onInput(
        final long sequence, final DirectBuffer buffer, final int offset, final int length, final boolean endOfBatch)
    {
        synchronized (lock)
        {
            gatePosition = sequence;
            if (standbyState != StandbyState.NONE && sequence == sentSequence + 1)
            {
                sendLocked(buffer, offset, length, sequence);
            }
        }
        if (endOfBatch && lifecycle.get() != Lifecycle.LATENT)
        {
            awaitStandby(sequence);
        }
    }

    /** @return true: an input passes once the standby has acknowledged the whole batch it belongs to. */
    @Override
    public boolean passesAtBatchEnd()
    {
        return true;
    }

    /**
     * The node saw the standby's member znode vanish: drop the standby now rather than after the timeout.
     */
    public void standbyLeft()
    {
        synchronized (lock)
        {
            transitionLocked(StandbyState.NONE, "the standby's member znode is gone");
        }
    }

    /** @return the primary's view of its standby. */
    public StandbyState standbyState()
    {
        return standbyState;
    }

    /** @return the session of the current (or last) standby, 0 before any. */
    public long standbySessionId()
    {
        return standbySessionId;
    }

    /** @return the highest sequence the current standby has acknowledged as journalled. */
    public long ackedSequence()
    {
        return ackedSequence.get();
    }

    /** @return the highest sequence sent to the current standby. */
    public long sentSequence()
    {
        synchronized (lock)
        {
            return sentSequence;
        }
    }

    /** @return how many inputs were sent to standbys (live and catch-up). */
    public long framesSent()
    {
        return framesSent.get();
    }

    /** @return how many Truncate answers were sent. */
    public long truncatesSent()
    {
        return truncatesSent.get();
    }

    /** @return how many times a standby was dropped. */
    public long standbyDrops()
    {
        return standbyDrops.get();
    }

    /** @return the policy applied once the standby is dropped. */
    public StandbyLossPolicy policy()
    {
        return policy;
    }

    /**
     * Stops the conductor and closes the subscription and publication. A batch that waits for an in-sync standby's
     * acknowledgement (or any batch, under {@link StandbyLossPolicy#BLOCK}) then fails the pipeline rather than let
     * an unreplicated output out: a node that closes because it was fenced must not answer for inputs the new
     * primary may not have. Close the replicator before the pipeline. Idempotent.
     */
    @Override
    public void close()
    {
        synchronized (lock)
        {
            // closedInSync is decided before CLOSED is visible: the gate, on seeing CLOSED, reads it to choose between
            // failing the pipeline and letting the input pass; read in the other order it could let pass an input
            // the in-sync standby never acknowledged.
            if (lifecycle.get() == Lifecycle.CLOSED)
            {
                return;
            }
            closedInSync = standbyState == StandbyState.IN_SYNC;
            lifecycle.set(Lifecycle.CLOSED);
            transitionLocked(StandbyState.NONE, "replicator closed");
        }
        if (conductor != null)
        {
            try
            {
                conductor.join(TimeUnit.SECONDS.toMillis(5));
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (lock)
        {
            CloseHelper.quietClose(dataPublication);
            dataPublication = null;
        }
        CloseHelper.quietClose(controlSubscription);
    }

    private void awaitStandby(final long sequence)
    {
        long seenAck = Long.MIN_VALUE;
        long progressNs = 0;
        gateIdle.reset();
        while (true)
        {
            final StandbyState state = standbyState;
            final long acked = ackedSequence.get();
            if (state == StandbyState.IN_SYNC && acked >= sequence)
            {
                return;
            }
            if (lifecycle.get() == Lifecycle.CLOSED)
            {
                if (policy == StandbyLossPolicy.CONTINUE && !closedInSync)
                {
                    return;
                }
                throw new IllegalStateException(name + ": closed while input " + sequence + " waits for the standby");
            }
            if (state != StandbyState.IN_SYNC && policy == StandbyLossPolicy.CONTINUE)
            {
                return;
            }
            if (pipeline.state() != PipelineState.RUNNING)
            {
                throw new IllegalStateException(name + ": stopped while input " + sequence + " waits for the standby");
            }
            final long nowNs = System.nanoTime();
            if (state == StandbyState.IN_SYNC)
            {
                if (acked != seenAck)
                {
                    seenAck = acked;
                    progressNs = nowNs;
                }
                else if (nowNs - progressNs > standbyAckTimeoutNs)
                {
                    dropIfCurrent(standbySessionId, "no acknowledgement progress for " +
                        TimeUnit.NANOSECONDS.toMillis(standbyAckTimeoutNs) + " ms (acked " + acked + ", waiting for " +
                        sequence + ")");
                }
            }
            else
            {
                seenAck = Long.MIN_VALUE;
            }
            gateIdle.idle(pollControl());
        }
    }

    private void dropIfCurrent(final long sessionId, final String reason)
    {
        synchronized (lock)
        {
            if (standbySessionId == sessionId)
            {
                transitionLocked(StandbyState.NONE, reason);
            }
        }
    }

    private void sendLocked(final DirectBuffer buffer, final int offset, final int length, final long sequence)
    {
        final long deadlineNs = System.nanoTime() + standbyAckTimeoutNs;
        if (ReplicationMessages.offer(
            dataPublication, buffer, offset, length, senderEpoch, deadlineNs, stopWhenClosed))
        {
            sentSequence = sequence;
            framesSent.incrementAndGet();
        }
        else
        {
            transitionLocked(StandbyState.NONE, "could not send input " + sequence + " to the standby");
        }
    }

    private int pollControl()
    {
        final Subscription subscription = controlSubscription;
        if (subscription == null || !polling.compareAndSet(false, true))
        {
            return 0;
        }
        try
        {
            return subscription.poll(controlHandler, CONTROL_FRAGMENT_LIMIT);
        }
        finally
        {
            polling.set(false);
        }
    }

    private void runConductor()
    {
        final IdleStrategy idle = idleProfile.newIdleStrategy();
        CatchUp catchUp = null;
        try
        {
            while (lifecycle.get() == Lifecycle.STARTED)
            {
                int work = pollControl();
                final CatchUpRequest request = pendingRequest.getAndSet(null);
                if (request != null && !isBeingServed(request))
                {
                    if (catchUp != null)
                    {
                        catchUp.close();
                    }
                    catchUp = begin(request);
                    work++;
                }
                if (catchUp != null)
                {
                    work += catchUp.doWork();
                    if (catchUp.isDone())
                    {
                        catchUp.close();
                        catchUp = null;
                    }
                }
                idle.idle(work);
            }
        }
        catch (final RuntimeException ex)
        {
            LOG.error("{}: replicator conductor failed", name, ex);
            synchronized (lock)
            {
                transitionLocked(StandbyState.NONE, "replicator conductor failed: " + ex);
            }
        }
        finally
        {
            if (catchUp != null)
            {
                catchUp.close();
            }
        }
    }

    /**
     * A standby repeats its request until something arrives (a request can be lost when it reaches a restarted
     * driver over a stale connection); a repeat of the request already being served is ignored while the stream is
     * under way or the standby is in sync. A repeat that arrives after the hand-over to live but before the standby
     * acknowledged it means the standby did not get the stream (it still holds only what it asked from), so it is
     * served again rather than left waiting for inputs that will never come.
     */
    private boolean isBeingServed(final CatchUpRequest request)
    {
        synchronized (lock)
        {
            return (standbyState == StandbyState.CATCHING_UP || standbyState == StandbyState.IN_SYNC) &&
                request.sessionId == standbySessionId && request.lastSequence == servedFromSequence;
        }
    }

    private CatchUp begin(final CatchUpRequest request)
    {
        final long epoch = pipeline.epoch();
        if (request.highestEpochSeen > epoch)
        {
            LOG.warn("{}: standby {} knows epoch {}, newer than ours ({}); not serving it",
                name, request.sessionId, request.highestEpochSeen, epoch);
            listener.onNewerEpochSeen(request.highestEpochSeen);
            return null;
        }
        synchronized (lock)
        {
            transitionLocked(StandbyState.NONE, "standby session " + request.sessionId + " asks to catch up from " +
                request.lastSequence + " (epoch " + request.lastEpoch + ")");
        }
        final ExclusivePublication created = transport.aeron().addExclusivePublication(
            ReplicationMessages.channelOf(request.endpoint), ReplicationMessages.DATA_STREAM_ID);
        final ExclusivePublication previous;
        synchronized (lock)
        {
            previous = dataPublication;
            dataPublication = created;
        }
        CloseHelper.quietClose(previous);
        LOG.info("{}: standby session {} asks to catch up after {} (epoch {}) at {}",
            name, request.sessionId, request.lastSequence, request.lastEpoch, request.endpoint);
        return new CatchUp(request);
    }

    /** Holds the replicator's lock. Publishes the state, logs it and tells the listener. */
    private void transitionLocked(final StandbyState next, final String reason)
    {
        final StandbyState previous = standbyState;
        if (previous == next)
        {
            return;
        }
        standbyState = next;
        LOG.info("{}: standby {} {} -> {}: {}", name, standbySessionId, previous, next, reason);
        if (next == StandbyState.NONE)
        {
            standbyDrops.incrementAndGet();
        }
        if (previous == StandbyState.IN_SYNC)
        {
            listener.onStandbyOutOfSync(standbySessionId, reason);
        }
        if (next == StandbyState.IN_SYNC)
        {
            listener.onStandbyInSync(standbySessionId, ackedSequence.get());
        }
    }

    private void onAck(final long sessionId, final long sequence)
    {
        if (sessionId != standbySessionId)
        {
            return;
        }
        final long acked = ackedSequence.accumulateAndGet(sequence, Math::max);
        if (standbyState == StandbyState.LIVE)
        {
            synchronized (lock)
            {
                if (standbyState == StandbyState.LIVE && standbySessionId == sessionId && acked >= handoverSequence)
                {
                    transitionLocked(StandbyState.IN_SYNC, "acknowledged " + acked + ", the live sequence was " +
                        handoverSequence);
                }
            }
        }
    }

    /** One standby's request, as decoded. */
    private static final class CatchUpRequest
    {
        final long sessionId;
        final long lastEpoch;
        final long lastSequence;
        final long highestEpochSeen;
        final String endpoint;

        CatchUpRequest(
            final long sessionId, final long lastEpoch, final long lastSequence, final long highestEpochSeen,
            final String endpoint)
        {
            this.sessionId = sessionId;
            this.lastEpoch = lastEpoch;
            this.lastSequence = lastSequence;
            this.highestEpochSeen = highestEpochSeen;
            this.endpoint = endpoint;
        }
    }

    /** Decodes control messages; runs on whichever thread holds the poll. */
    private final class ControlHandler implements FragmentHandler
    {
        private final MessageHeaderDecoder header = new MessageHeaderDecoder();
        private final ReplicationAckDecoder ack = new ReplicationAckDecoder();
        private final CatchUpRequestDecoder request = new CatchUpRequestDecoder();

        @Override
        public void onFragment(final DirectBuffer buffer, final int offset, final int length, final Header aeronHeader)
        {
            if (!ReplicationMessages.isOurSchema(buffer, offset, length))
            {
                return;
            }
            header.wrap(buffer, offset);
            switch (header.templateId())
            {
                case ReplicationAckDecoder.TEMPLATE_ID:
                    ack.wrapAndApplyHeader(buffer, offset, header);
                    onAck(ack.replicaSessionId(), ack.sequence());
                    break;
                case CatchUpRequestDecoder.TEMPLATE_ID:
                    request.wrapAndApplyHeader(buffer, offset, header);
                    final long sessionId = request.replicaSessionId();
                    final long lastEpoch = request.lastEpoch();
                    final long lastSequence = request.lastSequence();
                    final long highestEpochSeen = request.highestEpochSeen();
                    pendingRequest.set(new CatchUpRequest(
                        sessionId, lastEpoch, lastSequence, highestEpochSeen, request.replicaEndpoint()));
                    break;
                default:
                    break;
            }
        }
    }

    /** The catch-up of one standby session: connect, decide (stream or truncate), stream, hand over to live. */
    private final class CatchUp
    {
        private final CatchUpRequest request;
        private final long deadlineNs;
        private final ExpandableArrayBuffer message = new ExpandableArrayBuffer(64);
        private JournalReader reader;
        private long livePosition = -1;
        private boolean connected;
        private boolean streaming;
        private boolean done;

        CatchUp(final CatchUpRequest request)
        {
            this.request = request;
            this.deadlineNs = System.nanoTime() + standbyAckTimeoutNs;
        }

        int doWork()
        {
            if (!connected)
            {
                return awaitConnection();
            }
            if (!streaming)
            {
                return decide();
            }
            return stream();
        }

        boolean isDone()
        {
            return done;
        }

        void close()
        {
            CloseHelper.quietClose(reader);
            reader = null;
        }

        private int awaitConnection()
        {
            final ExclusivePublication publication;
            synchronized (lock)
            {
                publication = dataPublication;
            }
            if (publication != null && publication.isConnected())
            {
                connected = true;
                return 1;
            }
            giveUpAfterDeadline("the standby's endpoint " + request.endpoint + " did not connect");
            return 0;
        }

        private int decide()
        {
            // Taken once: under load the gate keeps moving, and whatever the standby holds from this primary or its
            // predecessors was at or before the gate's position when it asked.
            if (livePosition < 0)
            {
                synchronized (lock)
                {
                    livePosition = gatePosition;
                }
            }
            final long journalled = pipeline.journalledSequence();
            if (journalled < livePosition)
            {
                giveUpAfterDeadline("the journal did not reach " + livePosition);
                return 0;
            }
            reader = pipeline.newJournalReader();
            final long truncateTo = new EpochHistory(reader, journalled)
                .truncationPoint(request.lastEpoch, request.lastSequence);
            if (truncateTo != EpochHistory.CONSISTENT)
            {
                sendTruncate(truncateTo);
                done = true;
                return 1;
            }
            if (request.lastSequence > 0 && !(reader.seek(request.lastSequence) && reader.next()))
            {
                throw new IllegalStateException("journal lost sequence " + request.lastSequence);
            }
            if (request.lastSequence == 0 && !reader.seek(1) && journalled > 0)
            {
                throw new IllegalStateException("journal does not start at sequence 1");
            }
            synchronized (lock)
            {
                standbySessionId = request.sessionId;
                servedFromSequence = request.lastSequence;
                sentSequence = request.lastSequence;
                handoverSequence = Long.MAX_VALUE;
                ackedSequence.set(request.lastSequence);
                transitionLocked(StandbyState.CATCHING_UP, "streaming from " + (request.lastSequence + 1) +
                    ", live at " + gatePosition);
            }
            streaming = true;
            return 1;
        }

        private int stream()
        {
            for (int i = 0; i < CATCH_UP_BATCH; i++)
            {
                if (!reader.next())
                {
                    handOver();
                    return i;
                }
                final long sequence = reader.sequence();
                synchronized (lock)
                {
                    if (standbyState != StandbyState.CATCHING_UP || standbySessionId != request.sessionId)
                    {
                        done = true;
                        return i;
                    }
                    if (sequence == sentSequence + 1)
                    {
                        sendLocked(reader.buffer(), 0, reader.length(), sequence);
                    }
                }
            }
            return CATCH_UP_BATCH;
        }

        private void handOver()
        {
            synchronized (lock)
            {
                if (standbyState != StandbyState.CATCHING_UP || standbySessionId != request.sessionId)
                {
                    done = true;
                    return;
                }
                if (sentSequence == gatePosition)
                {
                    handoverSequence = sentSequence;
                    transitionLocked(StandbyState.LIVE, "caught up to the live sequence " + sentSequence);
                    if (ackedSequence.get() >= handoverSequence)
                    {
                        transitionLocked(StandbyState.IN_SYNC, "it already held the live sequence " + sentSequence);
                    }
                    done = true;
                }
            }
        }

        private void sendTruncate(final long sequence)
        {
            final int length =
                ReplicationMessages.encodeTruncate(message, request.sessionId, pipeline.epoch(), sequence);
            final ExclusivePublication publication;
            synchronized (lock)
            {
                publication = dataPublication;
            }
            if (ReplicationMessages.offer(
                publication, message, 0, length, senderEpoch, deadlineNs, stopWhenClosed))
            {
                truncatesSent.incrementAndGet();
                LOG.info("{}: standby session {} holds a tail after {} that this primary never had: truncate",
                    name, request.sessionId, sequence);
            }
            else
            {
                LOG.warn("{}: could not send Truncate({}) to standby session {}", name, sequence, request.sessionId);
            }
        }

        private void giveUpAfterDeadline(final String reason)
        {
            if (System.nanoTime() - deadlineNs > 0)
            {
                LOG.warn("{}: catch-up of standby session {} abandoned: {}", name, request.sessionId, reason);
                done = true;
            }
        }
    }

    /** Settings of a {@link Replicator}, validated once by its constructor. */
    public static final class Context
    {
        /** Default acknowledgement timeout: twice a 2 s ZooKeeper session timeout. */
        public static final long DEFAULT_STANDBY_ACK_TIMEOUT_MS = 4_000;

        private String name = "engine";
        private AeronTransport transport;
        private String controlChannel;
        private StandbyLossPolicy policy = StandbyLossPolicy.CONTINUE;
        private long standbyAckTimeoutMs = DEFAULT_STANDBY_ACK_TIMEOUT_MS;
        private ReplicatorListener listener;
        private IdleProfile idleProfile = IdleProfile.configured();

        /**
         * @param idleProfile how the idle conductor waits (default: the process's {@link IdleProfile#configured()}).
         * @return this.
         */
        public Context idleProfile(final IdleProfile idleProfile)
        {
            this.idleProfile = idleProfile;
            return this;
        }

        /**
         * @param name names the conductor thread and log lines.
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
         * @param controlChannel where this node, once primary, takes its standby's requests and acknowledgements,
         *                       for example {@code AeronTransport.udp(host, port)} (required).
         * @return this.
         */
        public Context controlChannel(final String controlChannel)
        {
            this.controlChannel = controlChannel;
            return this;
        }

        /**
         * @param policy what to do once the standby is dropped; {@link StandbyLossPolicy#CONTINUE} unless set.
         * @return this.
         */
        public Context policy(final StandbyLossPolicy policy)
        {
            this.policy = policy;
            return this;
        }

        /**
         * @param standbyAckTimeoutMs how long an in-sync standby may make no acknowledgement progress before it is
         *                            dropped; make it longer than the ZooKeeper session timeout (2x by default), so
         *                            that a dead primary is detected before a slow standby is evicted.
         * @return this.
         */
        public Context standbyAckTimeoutMs(final long standbyAckTimeoutMs)
        {
            this.standbyAckTimeoutMs = standbyAckTimeoutMs;
            return this;
        }

        /**
         * @param listener told about the in-sync set and newer epochs; none unless set.
         * @return this.
         */
        public Context listener(final ReplicatorListener listener)
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
            Objects.requireNonNull(controlChannel, "controlChannel must be set");
            Objects.requireNonNull(policy, "policy must be set");
            Objects.requireNonNull(idleProfile, "idleProfile must be set");
            if (standbyAckTimeoutMs <= 0)
            {
                throw new IllegalArgumentException("standbyAckTimeoutMs must be positive: " + standbyAckTimeoutMs);
            }
        }
    }
}
