package io.tickkeeper.node.client;

import java.nio.ByteOrder;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.IntPredicate;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.aeron.Aeron;
import io.aeron.FragmentAssembler;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.Header;
import io.tickkeeper.coordinator.ZkPaths;
import io.tickkeeper.coordinator.election.PrimaryInfo;
import io.tickkeeper.node.edge.EdgeEndpoints;
import io.tickkeeper.protocol.sbe.ClientHelloEncoder;
import io.tickkeeper.protocol.sbe.CommandRefusedDecoder;
import io.tickkeeper.protocol.sbe.EventFrameDecoder;
import io.tickkeeper.protocol.sbe.InputFrameDecoder;
import io.tickkeeper.protocol.sbe.MessageHeaderDecoder;
import io.tickkeeper.protocol.sbe.MessageHeaderEncoder;
import io.tickkeeper.protocol.sbe.RefusalReason;
import io.tickkeeper.protocol.sbe.SessionWelcomeDecoder;
import io.tickkeeper.runtime.IdleProfile;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client of one shard of a replicated service (docs/replication.md) that survives fail-over without losing or
 * doubling a command. It knows the wire (input and event frames, hello, welcome, refusals), not the service's
 * commands: the caller encodes each command and this client stamps its idempotency key.
 * <ul>
 *   <li>Finds the primary in its znode ({@link ZkPaths#primary}: {@link PrimaryInfo} JSON whose endpoint is the
 *       primary's client ingress {@code host:port}) and follows it with a {@link CuratorCache} watch.</li>
 *   <li>Every command carries the idempotency key {@code (sessionId, clientSequence)}: the session id is a random
 *       64-bit number from {@link SecureRandom} unless the caller fixes it; {@link #submit} numbers client
 *       sequences from 1, {@link #send} takes the caller's (increasing) ones.</li>
 *   <li>Keeps every command not yet answered. When the primary (or its epoch) changes it connects to the new one,
 *       says hello (its response endpoint), and once welcomed resends every unanswered command in order; the
 *       service answers a command it already applied with the original answer. A NOT_PRIMARY refusal (the node
 *       has not taken, or has lost, the role) leaves the command pending and starts the hello over: the node
 *       welcomes the session when it is primary. It also resends them all when no answer came for
 *       {@code resendAfterNs} (an answer lost on the way).</li>
 *   <li>Drops any response whose epoch is below the highest epoch seen (znode or responses) and counts it
 *       ({@link #staleEpochDropped()}): a deposed primary cannot answer.</li>
 *   <li>A command is acknowledged by the first event answering its client sequence (an event whose template the
 *       answer predicate takes; a CommandRefused other than NOT_PRIMARY, TOO_OLD for instance, answers too): the
 *       listener's {@link ServiceClientListener#onAnswer}. The same answer again is only counted; every other
 *       event of this session goes to {@link ServiceClientListener#onEvent}.</li>
 *   <li>With {@link Context#cumulativeAnswers(boolean) cumulative answers} (opt-in), an answer to client sequence
 *       {@code n} also acknowledges every pending command below {@code n}, without a call to the listener: for a
 *       service that applies a session's commands strictly in order, where some commands have no answer at all
 *       (the matching engine's SetReferencePrice), which would otherwise be resent forever.</li>
 * </ul>
 * {@link #submit} and {@link #send} are thread-safe; the listener is called on the client's own thread (an Agrona agent
 * backing off to a park when idle). Lifecycle: LATENT → STARTED → CLOSED, guarded by compare-and-set.
 */
public final class ServiceClient implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(ServiceClient.class);
    private static final int FRAGMENT_LIMIT = 64;
    private static final int MAX_OFFER_ATTEMPTS = 100;
    private static final int MAX_OVERDUE_RESENDS = 256;
    private static final int MIN_EVENT_LENGTH = MessageHeaderDecoder.ENCODED_LENGTH + EventFrameDecoder.ENCODED_LENGTH;
    private static final int MIN_COMMAND_LENGTH = MessageHeaderDecoder.ENCODED_LENGTH + InputFrameDecoder.ENCODED_LENGTH;
    private static final ByteOrder ORDER = MessageHeaderDecoder.BYTE_ORDER;
    private static final int SESSION_OFFSET =
        MessageHeaderDecoder.ENCODED_LENGTH + InputFrameDecoder.clientSessionIdEncodingOffset();
    private static final int CLIENT_SEQUENCE_OFFSET =
        MessageHeaderDecoder.ENCODED_LENGTH + InputFrameDecoder.clientSequenceEncodingOffset();

    private enum State
    {
        LATENT, STARTED, CLOSED
    }

    private final String name;
    private final CuratorFramework curator;
    private final String primaryPath;
    private final Aeron aeron;
    private final String responseEndpoint;
    private final long sessionId;
    private final ServiceClientListener listener;
    private final IntPredicate answers;
    private final boolean cumulativeAnswers;
    private final IdleStrategy idleStrategy;
    private final long helloIntervalNs;
    private final long resendAfterNs;
    private final AtomicReference<State> state = new AtomicReference<>(State.LATENT);
    private final AtomicReference<PrimaryInfo> announcedPrimary = new AtomicReference<>();

    private final Object lock = new Object();
    private final TreeMap<Long, Pending> unacked = new TreeMap<>();
    private final Long2LongHashMap answerKeys = new Long2LongHashMap(-1);
    private final UnsafeBuffer sendBuffer = new UnsafeBuffer(new byte[0]);
    private long lastClientSequence;
    private long sentUpTo;
    private long highestEpoch;
    private long lastProgressNs;
    private Publication publication;
    private PrimaryInfo primary;
    private boolean welcomed;
    private long lastHelloNs;
    private long staleEpochDropped;
    private long duplicateAnswers;
    private long resentCommands;
    private long overdueResends;
    private long notPrimaryRefusals;
    private long implicitlyAcknowledged;

    private CuratorCache primaryCache;
    private Subscription responses;
    private AgentRunner runner;

    /**
     * Validates the settings; nothing runs until {@link #start()}.
     *
     * @param context the settings, read once.
     */
    public ServiceClient(final Context context)
    {
        context.conclude();
        name = context.name;
        curator = context.curator;
        primaryPath = ZkPaths.primary(context.service, context.shard);
        aeron = context.aeron;
        responseEndpoint = context.responseEndpoint;
        sessionId = context.sessionId != 0 ? context.sessionId : newSessionId();
        listener = context.listener;
        answers = context.answers;
        cumulativeAnswers = context.cumulativeAnswers;
        idleStrategy = context.idleStrategy;
        helloIntervalNs = context.helloIntervalNs;
        resendAfterNs = context.resendAfterNs;
    }

    /** Subscribes for responses, starts watching the primary znode and starts the client thread. Call once. */
    public void start()
    {
        if (!state.compareAndSet(State.LATENT, State.STARTED))
        {
            throw new IllegalStateException("cannot start: client is " + state.get());
        }
        responses = aeron.addSubscription(EdgeEndpoints.channel(responseEndpoint), EdgeEndpoints.RESPONSE_STREAM_ID);
        primaryCache = CuratorCache.build(curator, primaryPath, CuratorCache.Options.SINGLE_NODE_CACHE);
        primaryCache.listenable().addListener(CuratorCacheListener.builder()
            .forCreatesAndChanges((oldNode, node) -> onPrimaryZnode(node))
            .build());
        primaryCache.start();
        runner = new AgentRunner(idleStrategy, this::onError, null, new ClientAgent());
        AgentRunner.startOnThread(runner);
    }

    /** @return this client's session id (the first half of every command's idempotency key). */
    public long sessionId()
    {
        return sessionId;
    }

    /**
     * Sends a command the caller encoded (an input frame led by the SBE message header), numbering it: this client
     * writes its session id and the next client sequence (one above the last sent) into the frame, keeps a copy
     * until it is answered, and sends it once the primary has welcomed this session.
     *
     * @param buffer holds the command; the frame's clientSessionId and clientSequence are overwritten in place.
     * @param offset where it starts.
     * @param length how many bytes it has.
     * @return the command's client sequence.
     * @throws IllegalArgumentException when the bytes are shorter than an input frame.
     * @throws IllegalStateException    when the client is not started.
     */
    public long submit(final MutableDirectBuffer buffer, final int offset, final int length)
    {
        checkCommandLength(length);
        synchronized (lock)
        {
            final long clientSequence = lastClientSequence + 1;
            buffer.putLong(offset + SESSION_OFFSET, sessionId, ORDER);
            buffer.putLong(offset + CLIENT_SEQUENCE_OFFSET, clientSequence, ORDER);
            return enqueue(clientSequence, buffer, offset, length);
        }
    }

    /**
     * Sends a command whose client sequence the caller chose (a gateway mapping its own numbering, a restarted
     * client with a fixed session id going on from its last sequence): it must be above every sequence this client
     * sent before. This client writes its session id into the frame.
     *
     * @param buffer holds the command with its clientSequence set; the frame's clientSessionId is overwritten.
     * @param offset where it starts.
     * @param length how many bytes it has.
     * @return the command's client sequence.
     * @throws IllegalArgumentException when the bytes are shorter than an input frame, or the sequence is not above
     *                                  the last sent.
     * @throws IllegalStateException    when the client is not started.
     */
    public long send(final MutableDirectBuffer buffer, final int offset, final int length)
    {
        checkCommandLength(length);
        synchronized (lock)
        {
            final long clientSequence = buffer.getLong(offset + CLIENT_SEQUENCE_OFFSET, ORDER);
            if (clientSequence <= lastClientSequence)
            {
                throw new IllegalArgumentException("client sequence " + clientSequence + " is not above the last sent, "
                    + lastClientSequence);
            }
            buffer.putLong(offset + SESSION_OFFSET, sessionId, ORDER);
            return enqueue(clientSequence, buffer, offset, length);
        }
    }

    /** @return the highest client sequence given to a command so far (0 before the first). */
    public long lastClientSequence()
    {
        synchronized (lock)
        {
            return lastClientSequence;
        }
    }

    /** @return how many commands wait for their answer. */
    public int unacknowledged()
    {
        synchronized (lock)
        {
            return unacked.size();
        }
    }

    /** @return how many responses were dropped because their epoch was below the highest seen. */
    public long staleEpochDropped()
    {
        synchronized (lock)
        {
            return staleEpochDropped;
        }
    }

    /** @return how many answers arrived for commands already answered (a resend raced the first answer). */
    public long duplicateAnswers()
    {
        synchronized (lock)
        {
            return duplicateAnswers;
        }
    }

    /** @return how many commands were sent again (after a change of primary or a silence). */
    public long resentCommands()
    {
        synchronized (lock)
        {
            return resentCommands;
        }
    }

    /** @return how many commands were sent again because their own answer was overdue while others flowed. */
    public long overdueResends()
    {
        synchronized (lock)
        {
            return overdueResends;
        }
    }

    /** @return how many NOT_PRIMARY refusals arrived (the command stays pending and is resent). */
    public long notPrimaryRefusals()
    {
        synchronized (lock)
        {
            return notPrimaryRefusals;
        }
    }

    /**
     * @return how many pending commands were acknowledged by the answer to a later command (only with
     *         {@link Context#cumulativeAnswers(boolean)}).
     */
    public long implicitlyAcknowledged()
    {
        synchronized (lock)
        {
            return implicitlyAcknowledged;
        }
    }

    /** @return the highest epoch seen. */
    public long highestEpoch()
    {
        synchronized (lock)
        {
            return highestEpoch;
        }
    }

    /** @return the primary followed now, or null before one was found. */
    public PrimaryInfo primary()
    {
        synchronized (lock)
        {
            return primary;
        }
    }

    /** @return whether the current primary has welcomed this session (its answers reach this client). */
    public boolean connected()
    {
        synchronized (lock)
        {
            return welcomed;
        }
    }

    /** Stops the client thread, the watch and the Aeron resources. Idempotent. */
    @Override
    public void close()
    {
        if (state.getAndSet(State.CLOSED) == State.STARTED)
        {
            CloseHelper.closeAll(runner, primaryCache);
            synchronized (lock)
            {
                CloseHelper.closeAll(publication, responses);
                publication = null;
            }
        }
    }

    private static void checkCommandLength(final int length)
    {
        if (length < MIN_COMMAND_LENGTH)
        {
            throw new IllegalArgumentException("a command of " + length + " bytes is shorter than an input frame");
        }
    }

    /** Under the lock: keeps a copy of the command and sends what the primary takes. */
    private long enqueue(
        final long clientSequence, final DirectBuffer buffer, final int offset, final int length)
    {
        if (state.get() != State.STARTED)
        {
            throw new IllegalStateException("cannot send: client is " + state.get());
        }
        lastClientSequence = clientSequence;
        final byte[] bytes = new byte[length];
        buffer.getBytes(offset, bytes);
        unacked.put(clientSequence, new Pending(bytes, System.nanoTime()));
        if (unacked.size() == 1)
        {
            lastProgressNs = System.nanoTime();
        }
        sendUnsent();
        return clientSequence;
    }

    /** Under the lock: sends, in order, every pending command above {@code sentUpTo} while the primary takes them. */
    private int sendUnsent()
    {
        if (!welcomed || publication == null)
        {
            return 0;
        }
        int sent = 0;
        for (final Map.Entry<Long, Pending> entry : unacked.tailMap(sentUpTo, false).entrySet())
        {
            final Pending pending = entry.getValue();
            if (!offer(pending.bytes))
            {
                break;
            }
            pending.lastSentNs = System.nanoTime();
            if (pending.sends++ > 0)
            {
                resentCommands++;
            }
            sentUpTo = entry.getKey();
            sent++;
        }
        return sent;
    }

    private boolean offer(final byte[] bytes)
    {
        sendBuffer.wrap(bytes);
        for (int attempt = 0; attempt < MAX_OFFER_ATTEMPTS; attempt++)
        {
            final long result = publication.offer(sendBuffer, 0, bytes.length);
            if (result > 0)
            {
                return true;
            }
            if (result == Publication.NOT_CONNECTED || result == Publication.CLOSED)
            {
                return false;
            }
            Thread.onSpinWait();
        }
        return false;
    }

    private void onPrimaryZnode(final ChildData node)
    {
        try
        {
            announcedPrimary.set(PrimaryInfo.fromJson(node.getData()));
        }
        catch (final IllegalArgumentException ex)
        {
            LOG.warn("{}: unreadable primary znode ignored: {}", name, ex.getMessage());
        }
    }

    private void onError(final Throwable error)
    {
        LOG.error("{}: client error", name, error);
    }

    /** Under the lock: follows a primary that differs from the one followed (endpoint or epoch). */
    private int followPrimary()
    {
        final PrimaryInfo announced = announcedPrimary.get();
        if (announced == null || announced.equals(primary))
        {
            return 0;
        }
        if (announced.epoch() < highestEpoch)
        {
            LOG.warn("{}: primary znode of epoch {} below the epoch {} already seen; ignored", name,
                announced.epoch(), highestEpoch);
            announcedPrimary.compareAndSet(announced, null);
            return 0;
        }
        final String channel;
        try
        {
            channel = EdgeEndpoints.channel(announced.endpoint());
        }
        catch (final IllegalArgumentException ex)
        {
            LOG.warn("{}: primary endpoint {} is not host:port; ignored", name, announced.endpoint());
            announcedPrimary.compareAndSet(announced, null);
            return 0;
        }
        CloseHelper.close(publication);
        publication = aeron.addPublication(channel, EdgeEndpoints.COMMAND_STREAM_ID);
        primary = announced;
        highestEpoch = Math.max(highestEpoch, announced.epoch());
        welcomed = false;
        lastHelloNs = 0;
        LOG.info("{}: following primary {} at {} (epoch {}), {} commands pending", name, announced.node(),
            announced.endpoint(), announced.epoch(), unacked.size());
        listener.onPrimaryChanged(announced);
        return 1;
    }

    /** Under the lock: says hello until welcomed. */
    private int sayHello(final long nowNs, final HelloWriter hello)
    {
        if (welcomed || publication == null || !publication.isConnected() || nowNs - lastHelloNs < helloIntervalNs)
        {
            return 0;
        }
        lastHelloNs = nowNs;
        hello.offer(publication, highestEpoch);
        return 1;
    }

    /**
     * Under the lock: resends every pending command when no answer came for a while; otherwise resends the oldest
     * pending commands that were sent longer than the resend interval ago (at most {@link #MAX_OVERDUE_RESENDS} per
     * pass), so a command whose answer alone was lost is answered again while later commands flow (the engine
     * answers a resend with the answer it kept).
     */
    private int resendOnSilence(final long nowNs)
    {
        if (!welcomed || unacked.isEmpty())
        {
            return 0;
        }
        if (nowNs - lastProgressNs >= resendAfterNs)
        {
            lastProgressNs = nowNs;
            sentUpTo = 0;
            return sendUnsent();
        }
        final long oldest = unacked.firstKey();
        if (oldest > sentUpTo || nowNs - unacked.get(oldest).lastSentNs < resendAfterNs)
        {
            return 0;
        }
        int resent = 0;
        for (final Map.Entry<Long, Pending> entry : unacked.headMap(sentUpTo, true).entrySet())
        {
            final Pending pending = entry.getValue();
            if (resent == MAX_OVERDUE_RESENDS || nowNs - pending.lastSentNs < resendAfterNs || !offer(pending.bytes))
            {
                break;
            }
            pending.sends++;
            pending.lastSentNs = nowNs;
            resentCommands++;
            overdueResends++;
            resent++;
        }
        return resent;
    }

    /** Under the lock: one response from an engine. */
    private void onResponse(final DirectBuffer buffer, final int offset, final int length, final Decoders decoders)
    {
        if (length < MIN_EVENT_LENGTH)
        {
            return;
        }
        final MessageHeaderDecoder header = decoders.header.wrap(buffer, offset);
        if (header.schemaId() != MessageHeaderDecoder.SCHEMA_ID)
        {
            return;
        }
        final EventFrameDecoder frame = decoders.frame.wrap(buffer, offset + MessageHeaderDecoder.ENCODED_LENGTH);
        final long epoch = frame.epoch();
        if (epoch < highestEpoch)
        {
            staleEpochDropped++;
            return;
        }
        highestEpoch = epoch;
        if (frame.clientSessionId() != sessionId)
        {
            return;
        }
        final long clientSequence = frame.clientSequence();
        final long sequence = frame.sequence();
        final int templateId = header.templateId();
        final long nowNs = System.nanoTime();
        switch (templateId)
        {
            case SessionWelcomeDecoder.TEMPLATE_ID:
                if (!welcomed && primary != null && epoch >= primary.epoch())
                {
                    welcomed = true;
                    sentUpTo = 0;
                    lastProgressNs = nowNs;
                    sendUnsent();
                }
                break;
            case CommandRefusedDecoder.TEMPLATE_ID:
                decoders.refused.wrapAndApplyHeader(buffer, offset, decoders.header);
                if (decoders.refused.reason() == RefusalReason.NOT_PRIMARY)
                {
                    notPrimaryRefusals++;
                    welcomed = false;
                    lastHelloNs = 0;
                }
                else
                {
                    answer(clientSequence, epoch, sequence, nowNs, templateId, buffer, offset, length);
                }
                break;
            default:
                if (answers.test(templateId))
                {
                    answer(clientSequence, epoch, sequence, nowNs, templateId, buffer, offset, length);
                }
                else
                {
                    listener.onEvent(templateId, epoch, buffer, offset, length);
                }
                break;
        }
    }

    /**
     * Under the lock: the first answer of a pending command acknowledges it (and, with cumulative answers, every
     * pending command below it). The same answer again (same client sequence, service sequence and template: a
     * resend's repeated answer) is counted; any other event of an answered command (an STP cancel after its
     * acceptance) goes to the listener as an event.
     */
    private void answer(
        final long clientSequence, final long epoch, final long sequence, final long nowNs, final int templateId,
        final DirectBuffer buffer, final int offset, final int length)
    {
        if (cumulativeAnswers)
        {
            acknowledgeBelow(clientSequence, nowNs);
        }
        final Pending pending = unacked.remove(clientSequence);
        if (pending == null)
        {
            if (answerKeys.get(clientSequence) == answerKey(sequence, templateId))
            {
                duplicateAnswers++;
            }
            else
            {
                listener.onEvent(templateId, epoch, buffer, offset, length);
            }
            return;
        }
        answerKeys.put(clientSequence, answerKey(sequence, templateId));
        lastProgressNs = nowNs;
        listener.onAnswer(new ServiceAnswer(clientSequence, templateId, epoch, sequence, pending.submittedNs, nowNs,
            pending.sends > 1), buffer, offset, length);
    }

    /** Under the lock: every pending command below {@code clientSequence} was applied or refused. */
    private void acknowledgeBelow(final long clientSequence, final long nowNs)
    {
        final Map<Long, Pending> below = unacked.headMap(clientSequence, false);
        if (!below.isEmpty())
        {
            implicitlyAcknowledged += below.size();
            below.clear();
            lastProgressNs = nowNs;
        }
    }

    private static long answerKey(final long sequence, final int templateId)
    {
        return (sequence << 16) | templateId;
    }

    private static long newSessionId()
    {
        final SecureRandom random = new SecureRandom();
        long id;
        do
        {
            id = random.nextLong();
        }
        while (id == 0);
        return id;
    }

    /** A command waiting for its answer. */
    private static final class Pending
    {
        final byte[] bytes;
        final long submittedNs;
        long lastSentNs;
        int sends;

        Pending(final byte[] bytes, final long submittedNs)
        {
            this.bytes = bytes;
            this.submittedNs = submittedNs;
        }
    }

    /** The client thread's decoders, reused for every response. */
    private static final class Decoders
    {
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final EventFrameDecoder frame = new EventFrameDecoder();
        final CommandRefusedDecoder refused = new CommandRefusedDecoder();
    }

    /** Encodes and sends this session's hello. */
    private final class HelloWriter
    {
        private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(128);
        private final MessageHeaderEncoder header = new MessageHeaderEncoder();
        private final ClientHelloEncoder hello = new ClientHelloEncoder();

        void offer(final Publication target, final long epoch)
        {
            hello.wrapAndApplyHeader(buffer, 0, header)
                .clientSessionId(sessionId)
                .highestEpochSeen(epoch)
                .responseEndpoint(responseEndpoint);
            target.offer(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + hello.encodedLength());
        }
    }

    /** The client thread: follows the primary, says hello, takes responses, resends. */
    private final class ClientAgent implements Agent
    {
        private final Decoders decoders = new Decoders();
        private final HelloWriter hello = new HelloWriter();
        private final FragmentHandler assembler = new FragmentAssembler(this::onFragment);

        @Override
        public int doWork()
        {
            final long nowNs = System.nanoTime();
            int work;
            synchronized (lock)
            {
                work = followPrimary() + sayHello(nowNs, hello);
            }
            work += responses.poll(assembler, FRAGMENT_LIMIT);
            synchronized (lock)
            {
                work += sendUnsent() + resendOnSilence(nowNs);
            }
            return work;
        }

        @Override
        public String roleName()
        {
            return name + "-client";
        }

        private void onFragment(final DirectBuffer buffer, final int offset, final int length, final Header header)
        {
            synchronized (lock)
            {
                onResponse(buffer, offset, length, decoders);
            }
        }
    }

    /** Settings of a {@link ServiceClient}, validated once by its constructor. */
    public static final class Context
    {
        /** Default interval between hellos until the primary welcomes the session. */
        public static final long DEFAULT_HELLO_INTERVAL_NS = TimeUnit.MILLISECONDS.toNanos(50);
        /** Default silence after which every pending command is sent again. */
        public static final long DEFAULT_RESEND_AFTER_NS = TimeUnit.SECONDS.toNanos(1);

        private String name = "service-client";
        private CuratorFramework curator;
        private String service;
        private String shard;
        private Aeron aeron;
        private String responseEndpoint;
        private long sessionId;
        private ServiceClientListener listener = new ServiceClientListener()
        {
        };
        private IntPredicate answers = templateId -> true;
        private boolean cumulativeAnswers;
        private IdleStrategy idleStrategy = IdleProfile.configured().newIdleStrategy();
        private long helloIntervalNs = DEFAULT_HELLO_INTERVAL_NS;
        private long resendAfterNs = DEFAULT_RESEND_AFTER_NS;

        /** @param name names the thread and log lines. */
        public Context name(final String name)
        {
            this.name = name;
            return this;
        }

        /** @param curator a started client of the ensemble (read access is enough); its owner closes it. */
        public Context curator(final CuratorFramework curator)
        {
            this.curator = curator;
            return this;
        }

        /** @param service the service's name in the znode layout ({@code matching-engine}, {@code risk-manager}). */
        public Context service(final String service)
        {
            this.service = service;
            return this;
        }

        /** @param shard the shard's name in the znode layout. */
        public Context shard(final String shard)
        {
            this.shard = shard;
            return this;
        }

        /** @param aeron the process's Aeron client (from its AeronTransport). */
        public Context aeron(final Aeron aeron)
        {
            this.aeron = aeron;
            return this;
        }

        /** @param responseEndpoint the {@code host:port} this client takes responses on. */
        public Context responseEndpoint(final String responseEndpoint)
        {
            this.responseEndpoint = responseEndpoint;
            return this;
        }

        /** @param sessionId a fixed non-zero session id (a restarted client resending its commands); else random. */
        public Context sessionId(final long sessionId)
        {
            this.sessionId = sessionId;
            return this;
        }

        /** @param listener told of answers, other events and changes of primary. */
        public Context listener(final ServiceClientListener listener)
        {
            this.listener = listener;
            return this;
        }

        /**
         * @param answers which event templates answer a command (its first such event acknowledges it); every
         *                template unless set (the session table keeps a command's first output as its answer).
         *                SessionWelcome and CommandRefused are handled by the client itself.
         */
        public Context answers(final IntPredicate answers)
        {
            this.answers = answers;
            return this;
        }

        /**
         * @param cumulativeAnswers whether an answer to client sequence {@code n} also acknowledges every pending
         *                          command below {@code n}: true only for a service that applies a session's
         *                          commands strictly in order (the matching engine); false unless set.
         */
        public Context cumulativeAnswers(final boolean cumulativeAnswers)
        {
            this.cumulativeAnswers = cumulativeAnswers;
            return this;
        }

        /** @param idleStrategy how the idle client thread waits; spin, yield, then park up to 1 ms unless set. */
        public Context idleStrategy(final IdleStrategy idleStrategy)
        {
            this.idleStrategy = idleStrategy;
            return this;
        }

        /** @param helloIntervalNs how often to say hello until welcomed. */
        public Context helloIntervalNs(final long helloIntervalNs)
        {
            this.helloIntervalNs = helloIntervalNs;
            return this;
        }

        /** @param resendAfterNs the silence after which every pending command is sent again. */
        public Context resendAfterNs(final long resendAfterNs)
        {
            this.resendAfterNs = resendAfterNs;
            return this;
        }

        void conclude()
        {
            if (name == null || name.isBlank())
            {
                throw new IllegalArgumentException("name must not be blank");
            }
            Objects.requireNonNull(curator, "curator must be set");
            ZkPaths.checkName(service);
            ZkPaths.checkName(shard);
            Objects.requireNonNull(aeron, "aeron must be set");
            EdgeEndpoints.checkEndpoint(responseEndpoint);
            Objects.requireNonNull(listener, "listener must be set");
            Objects.requireNonNull(answers, "answers must be set");
            Objects.requireNonNull(idleStrategy, "idleStrategy must be set");
            if (helloIntervalNs <= 0 || resendAfterNs <= 0)
            {
                throw new IllegalArgumentException("helloIntervalNs and resendAfterNs must be positive");
            }
        }
    }
}
