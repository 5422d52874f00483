package io.tickkeeper.matching.client;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
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
import io.tickkeeper.matching.OrderType;
import io.tickkeeper.matching.Side;
import io.tickkeeper.matching.StpMode;
import io.tickkeeper.matching.edge.EdgeEndpoints;
import io.tickkeeper.matching.service.MatchingCommandEncoder;
import io.tickkeeper.protocol.sbe.ClientHelloEncoder;
import io.tickkeeper.protocol.sbe.CommandRefusedDecoder;
import io.tickkeeper.protocol.sbe.EventFrameDecoder;
import io.tickkeeper.protocol.sbe.MessageHeaderDecoder;
import io.tickkeeper.protocol.sbe.MessageHeaderEncoder;
import io.tickkeeper.protocol.sbe.OrderAcceptedDecoder;
import io.tickkeeper.protocol.sbe.OrderCancelledDecoder;
import io.tickkeeper.protocol.sbe.OrderRejectedDecoder;
import io.tickkeeper.protocol.sbe.OrderReplacedDecoder;
import io.tickkeeper.protocol.sbe.RefusalReason;
import io.tickkeeper.protocol.sbe.SessionWelcomeDecoder;
import io.tickkeeper.protocol.sbe.TradeDecoder;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client of one matching shard that survives fail-over without losing or doubling a command.
 * <ul>
 *   <li>Finds the primary in its znode ({@link ZkPaths#primary}: {@link PrimaryInfo} JSON whose endpoint is the
 *       primary's client ingress {@code host:port}) and follows it with a {@link CuratorCache} watch.</li>
 *   <li>Every command carries the idempotency key {@code (sessionId, clientSequence)}: the session id is a random
 *       64-bit number from {@link SecureRandom}, client sequences count from 1.</li>
 *   <li>Keeps every command not yet answered. When the primary (or its epoch) changes it connects to the new one,
 *       says hello (its response endpoint), and once welcomed resends every unanswered command in order; the
 *       engine answers a command it already applied with the original answer. A NOT_PRIMARY refusal (the node
 *       has not taken, or has lost, the role) leaves the command pending and starts the hello over: the node
 *       welcomes the session when it is primary. It also resends them all when no answer came for
 *       {@code resendAfterNs} (an answer lost on the way).</li>
 *   <li>Drops any response whose epoch is below the highest epoch seen (znode or responses) and counts it
 *       ({@link #staleEpochDropped()}): a deposed primary cannot answer.</li>
 *   <li>Records, per command, its answer ({@link Acknowledgement}) and, per trade, the {@link Fill}: what the
 *       drill checks.</li>
 * </ul>
 * {@code submit*} methods are thread-safe; the listener is called on the client's own thread (an Agrona agent
 * backing off to a park when idle). Lifecycle: LATENT → STARTED → CLOSED, guarded by compare-and-set.
 */
public final class MatchingClient implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(MatchingClient.class);
    private static final int FRAGMENT_LIMIT = 64;
    private static final int MAX_OFFER_ATTEMPTS = 100;
    private static final int MIN_EVENT_LENGTH = MessageHeaderDecoder.ENCODED_LENGTH + EventFrameDecoder.ENCODED_LENGTH;

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
    private final MatchingClientListener listener;
    private final IdleStrategy idleStrategy;
    private final long helloIntervalNs;
    private final long resendAfterNs;
    private final AtomicReference<State> state = new AtomicReference<>(State.LATENT);
    private final AtomicReference<PrimaryInfo> announcedPrimary = new AtomicReference<>();

    private final Object lock = new Object();
    private final TreeMap<Long, Pending> unacked = new TreeMap<>();
    private final Long2LongHashMap answerKeys = new Long2LongHashMap(-1);
    private final List<Acknowledgement> acknowledgements = new ArrayList<>();
    private final List<Fill> fills = new ArrayList<>();
    private final MatchingCommandEncoder encoder = new MatchingCommandEncoder();
    private final ExpandableArrayBuffer scratch = new ExpandableArrayBuffer(MatchingCommandEncoder.MAX_LENGTH);
    private final UnsafeBuffer sendBuffer = new UnsafeBuffer(new byte[0]);
    private long nextClientSequence = 1;
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
    private long notPrimaryRefusals;

    private CuratorCache primaryCache;
    private Subscription responses;
    private AgentRunner runner;

    /**
     * Validates the settings; nothing runs until {@link #start()}.
     *
     * @param context the settings, read once.
     */
    public MatchingClient(final Context context)
    {
        context.conclude();
        name = context.name;
        curator = context.curator;
        primaryPath = ZkPaths.primary(context.service, context.shard);
        aeron = context.aeron;
        responseEndpoint = context.responseEndpoint;
        sessionId = context.sessionId != 0 ? context.sessionId : newSessionId();
        listener = context.listener;
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
     * Submits a new order.
     *
     * @return the command's client sequence.
     */
    public long submitNewOrder(
        final int instrumentId, final int accountId, final long clientOrderId, final Side side, final OrderType type,
        final long price, final long quantity, final StpMode stpMode)
    {
        synchronized (lock)
        {
            final long clientSequence = nextClientSequence;
            final int length = encoder.newOrder(scratch, 0, sessionId, clientSequence, 0, instrumentId, accountId,
                clientOrderId, side, type, price, quantity, stpMode);
            return submit(length);
        }
    }

    /**
     * Submits a cancel.
     *
     * @return the command's client sequence.
     */
    public long submitCancel(final int instrumentId, final int accountId, final long orderId)
    {
        synchronized (lock)
        {
            final int length = encoder.cancel(scratch, 0, sessionId, nextClientSequence, 0, instrumentId, accountId,
                orderId);
            return submit(length);
        }
    }

    /**
     * Submits a cancel/replace.
     *
     * @return the command's client sequence.
     */
    public long submitReplace(
        final int instrumentId, final int accountId, final long orderId, final long newPrice, final long newQuantity)
    {
        synchronized (lock)
        {
            final int length = encoder.replace(scratch, 0, sessionId, nextClientSequence, 0, instrumentId, accountId,
                orderId, newPrice, newQuantity);
            return submit(length);
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

    /** @return a copy of every answer received, in arrival order. */
    public List<Acknowledgement> acknowledgements()
    {
        synchronized (lock)
        {
            return List.copyOf(acknowledgements);
        }
    }

    /** @return a copy of every trade received, in arrival order. */
    public List<Fill> fills()
    {
        synchronized (lock)
        {
            return List.copyOf(fills);
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

    /** @return how many NOT_PRIMARY refusals arrived (the command stays pending and is resent). */
    public long notPrimaryRefusals()
    {
        synchronized (lock)
        {
            return notPrimaryRefusals;
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

    private long submit(final int length)
    {
        if (state.get() != State.STARTED)
        {
            throw new IllegalStateException("cannot submit: client is " + state.get());
        }
        final long clientSequence = nextClientSequence++;
        final byte[] bytes = new byte[length];
        scratch.getBytes(0, bytes);
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

    /** Under the lock: resends every pending command when no answer came for a while. */
    private int resendOnSilence(final long nowNs)
    {
        if (!welcomed || unacked.isEmpty() || nowNs - lastProgressNs < resendAfterNs)
        {
            return 0;
        }
        lastProgressNs = nowNs;
        sentUpTo = 0;
        return sendUnsent();
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
            case OrderAcceptedDecoder.TEMPLATE_ID:
                decoders.accepted.wrapAndApplyHeader(buffer, offset, decoders.header);
                answer(clientSequence, AckKind.ACCEPTED, decoders.accepted.orderId(), 0, epoch, sequence, nowNs,
                    templateId, buffer, offset, length);
                break;
            case OrderRejectedDecoder.TEMPLATE_ID:
                decoders.rejected.wrapAndApplyHeader(buffer, offset, decoders.header);
                answer(clientSequence, AckKind.REJECTED, decoders.rejected.orderId(),
                    decoders.rejected.resultCodeRaw(), epoch, sequence, nowNs, templateId, buffer, offset, length);
                break;
            case OrderReplacedDecoder.TEMPLATE_ID:
                decoders.replaced.wrapAndApplyHeader(buffer, offset, decoders.header);
                answer(clientSequence, AckKind.REPLACED, decoders.replaced.orderId(), 0, epoch, sequence, nowNs,
                    templateId, buffer, offset, length);
                break;
            case OrderCancelledDecoder.TEMPLATE_ID:
                decoders.cancelled.wrapAndApplyHeader(buffer, offset, decoders.header);
                answer(clientSequence, AckKind.CANCELLED, decoders.cancelled.orderId(), 0, epoch, sequence, nowNs,
                    templateId, buffer, offset, length);
                break;
            case CommandRefusedDecoder.TEMPLATE_ID:
                decoders.refused.wrapAndApplyHeader(buffer, offset, decoders.header);
                final RefusalReason reason = decoders.refused.reason();
                if (reason == RefusalReason.NOT_PRIMARY)
                {
                    notPrimaryRefusals++;
                    welcomed = false;
                    lastHelloNs = 0;
                }
                else
                {
                    answer(clientSequence, AckKind.REFUSED, 0, decoders.refused.reasonRaw(), epoch, sequence, nowNs,
                        templateId, buffer, offset, length);
                }
                break;
            case TradeDecoder.TEMPLATE_ID:
                final TradeDecoder trade = decoders.trade.wrapAndApplyHeader(buffer, offset, decoders.header);
                final Fill fill = new Fill(clientSequence, epoch, sequence, trade.instrumentId(), trade.price(),
                    trade.quantity(), trade.takerOrderId(), trade.makerOrderId(), nowNs);
                fills.add(fill);
                listener.onFill(fill);
                break;
            default:
                listener.onEvent(templateId, epoch, buffer, offset, length);
                break;
        }
    }

    /**
     * Under the lock: the first answer of a pending command acknowledges it. The same answer again (same client
     * sequence, engine sequence and template: a resend's repeated answer) is counted; any other event of an
     * answered command (an STP cancel after its acceptance) goes to the listener as an event.
     */
    private void answer(
        final long clientSequence, final AckKind kind, final long orderId, final int code, final long epoch,
        final long sequence, final long nowNs, final int templateId, final DirectBuffer buffer, final int offset,
        final int length)
    {
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
        final Acknowledgement ack = new Acknowledgement(clientSequence, kind, orderId, code, epoch, sequence,
            pending.submittedNs, nowNs, pending.sends > 1);
        acknowledgements.add(ack);
        listener.onAcknowledged(ack);
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
        final OrderAcceptedDecoder accepted = new OrderAcceptedDecoder();
        final OrderRejectedDecoder rejected = new OrderRejectedDecoder();
        final OrderReplacedDecoder replaced = new OrderReplacedDecoder();
        final OrderCancelledDecoder cancelled = new OrderCancelledDecoder();
        final CommandRefusedDecoder refused = new CommandRefusedDecoder();
        final TradeDecoder trade = new TradeDecoder();
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

    /** Settings of a {@link MatchingClient}, validated once by its constructor. */
    public static final class Context
    {
        /** Default interval between hellos until the primary welcomes the session. */
        public static final long DEFAULT_HELLO_INTERVAL_NS = TimeUnit.MILLISECONDS.toNanos(50);
        /** Default silence after which every pending command is sent again. */
        public static final long DEFAULT_RESEND_AFTER_NS = TimeUnit.SECONDS.toNanos(1);

        /** Default idle strategy: spins before yielding. */
        public static final long DEFAULT_IDLE_SPINS = 100;
        /** Default idle strategy: yields before parking. */
        public static final long DEFAULT_IDLE_YIELDS = 10;
        /** Default idle strategy: the first park. */
        public static final long DEFAULT_IDLE_MIN_PARK_NS = TimeUnit.MICROSECONDS.toNanos(1);
        /** Default idle strategy: the longest park, which bounds the added latency of an idle thread. */
        public static final long DEFAULT_IDLE_MAX_PARK_NS = TimeUnit.MILLISECONDS.toNanos(1);

        private String name = "matching-client";
        private CuratorFramework curator;
        private String service = "matching";
        private String shard;
        private Aeron aeron;
        private String responseEndpoint;
        private long sessionId;
        private MatchingClientListener listener = new MatchingClientListener()
        {
        };
        private IdleStrategy idleStrategy = new BackoffIdleStrategy(
            DEFAULT_IDLE_SPINS, DEFAULT_IDLE_YIELDS, DEFAULT_IDLE_MIN_PARK_NS, DEFAULT_IDLE_MAX_PARK_NS);
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

        /** @param service the service's name in the znode layout; "matching" unless set. */
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

        /** @param listener told of answers, fills and other events. */
        public Context listener(final MatchingClientListener listener)
        {
            this.listener = listener;
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
            Objects.requireNonNull(idleStrategy, "idleStrategy must be set");
            if (helloIntervalNs <= 0 || resendAfterNs <= 0)
            {
                throw new IllegalArgumentException("helloIntervalNs and resendAfterNs must be positive");
            }
        }
    }
}
