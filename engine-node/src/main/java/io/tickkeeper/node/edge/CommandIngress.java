package io.tickkeeper.node.edge;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

import io.aeron.Aeron;
import io.aeron.FragmentAssembler;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.Header;
import io.tickkeeper.protocol.sbe.ClientHelloDecoder;
import io.tickkeeper.protocol.sbe.InputFrameDecoder;
import io.tickkeeper.protocol.sbe.MessageHeaderDecoder;
import io.tickkeeper.protocol.sbe.RefusalReason;
import io.tickkeeper.runtime.IdleProfile;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A replicated service's inbound client edge: an Aeron UDP subscription on the node's client endpoint, polled by ONE
 * sequencer thread (an Agrona {@link Agent}; idle, it backs off to a park, never a busy spin). For each message:
 * <ul>
 *   <li>a ClientHello: the session's response endpoint goes into the {@link ResponseRoutes}; once the publication
 *       to it is connected and this node is primary, the session gets a SessionWelcome stamped with the primary's
 *       epoch (it then resends what it has not had answered). A standby keeps the welcome until it becomes
 *       primary, so a client that found a new primary in its znode before the node took the role waits for it
 *       instead of being refused;</li>
 *   <li>a command, while this node is primary: checked (schema, template, block, enums, client key), stamped with
 *       {@code timestampNs} from this node's clock (the only clock read on the command path) and handed to the
 *       {@link CommandSequencer};</li>
 *   <li>a command while this node is not primary: refused with NOT_PRIMARY;</li>
 *   <li>anything malformed: refused with MALFORMED when the bytes name a routed session, else dropped and
 *       counted. Nothing is sequenced and the ingress goes on.</li>
 * </ul>
 * Lifecycle: LATENT → STARTED ({@link #start()}) → CLOSED ({@link #close()}), guarded by compare-and-set.
 */
public final class CommandIngress implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(CommandIngress.class);
    private static final ByteOrder ORDER = MessageHeaderDecoder.BYTE_ORDER;
    private static final int HEADER = MessageHeaderDecoder.ENCODED_LENGTH;
    private static final int SESSION_OFFSET = HEADER + InputFrameDecoder.clientSessionIdEncodingOffset();
    private static final int CLIENT_SEQUENCE_OFFSET = HEADER + InputFrameDecoder.clientSequenceEncodingOffset();
    private static final int TIMESTAMP_OFFSET = HEADER + InputFrameDecoder.timestampNsEncodingOffset();
    private static final int KEY_LENGTH = CLIENT_SEQUENCE_OFFSET + Long.BYTES;
    private static final int MIN_COMMAND_LENGTH = HEADER + InputFrameDecoder.ENCODED_LENGTH;
    private static final int FRAGMENT_LIMIT = 64;

    private enum State
    {
        LATENT, STARTED, CLOSED
    }

    private final String name;
    private final Aeron aeron;
    private final String endpoint;
    private final CommandSequencer sequencer;
    private final CommandCheck check;
    private final ResponseRoutes routes;
    private final EdgeRole role;
    private final EpochNanoClock clock;
    private final IdleStrategy idleStrategy;
    private final int maxCommandLength;
    private final AtomicReference<State> state = new AtomicReference<>(State.LATENT);
    private final UnsafeBuffer command;
    private final EdgeReplies replies = new EdgeReplies();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final ClientHelloDecoder hello = new ClientHelloDecoder();
    private final List<PendingWelcome> pendingWelcomes = new ArrayList<>();

    private Subscription subscription;
    private AgentRunner runner;
    private volatile long sequenced;
    private volatile long refused;
    private volatile long malformed;
    private volatile long hellos;

    /**
     * Validates the settings; nothing runs until {@link #start()}.
     *
     * @param context the settings, read once.
     */
    public CommandIngress(final Context context)
    {
        context.conclude();
        name = context.name;
        aeron = context.aeron;
        endpoint = context.endpoint;
        sequencer = context.sequencer;
        check = context.check;
        routes = context.routes;
        role = context.role;
        clock = context.clock;
        idleStrategy = context.idleStrategy;
        maxCommandLength = context.maxCommandLength;
        command = new UnsafeBuffer(new byte[maxCommandLength]);
    }

    /** Subscribes on the client endpoint and starts the ingress thread. Call once. */
    public void start()
    {
        if (!state.compareAndSet(State.LATENT, State.STARTED))
        {
            throw new IllegalStateException("cannot start: ingress is " + state.get());
        }
        subscription = aeron.addSubscription(EdgeEndpoints.channel(endpoint), EdgeEndpoints.COMMAND_STREAM_ID);
        runner = new AgentRunner(idleStrategy, this::onError, null, new IngressAgent());
        AgentRunner.startOnThread(runner);
        LOG.info("{}: taking client commands on {}", name, endpoint);
    }

    /** @return the {@code host:port} this ingress listens on. */
    public String endpoint()
    {
        return endpoint;
    }

    /** @return how many commands were handed to the sequencer. */
    public long sequenced()
    {
        return sequenced;
    }

    /** @return how many commands were refused here (not primary, malformed but routable). */
    public long refused()
    {
        return refused;
    }

    /** @return how many messages were malformed (refused or, when no session could be named, dropped). */
    public long malformed()
    {
        return malformed;
    }

    /** @return how many hellos were taken. */
    public long hellos()
    {
        return hellos;
    }

    /** Stops the ingress thread and closes the subscription. Idempotent. */
    @Override
    public void close()
    {
        if (state.getAndSet(State.CLOSED) == State.STARTED)
        {
            CloseHelper.closeAll(runner, subscription);
        }
    }

    private void onError(final Throwable error)
    {
        LOG.error("{}: ingress error", name, error);
    }

    private int sendPendingWelcomes()
    {
        final long epoch = role.primaryEpoch();
        if (pendingWelcomes.isEmpty() || epoch == EdgeRole.NOT_PRIMARY)
        {
            return 0;
        }
        int work = 0;
        for (int i = pendingWelcomes.size() - 1; i >= 0; i--)
        {
            final PendingWelcome pending = pendingWelcomes.get(i);
            if (pending.publication.isConnected() &&
                replies.welcome(pending.publication, epoch, pending.sessionId, clock.nanoTime()))
            {
                pendingWelcomes.remove(i);
                work++;
            }
        }
        return work;
    }

    private void onMessage(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < HEADER)
        {
            malformed++;
            return;
        }
        header.wrap(buffer, offset);
        if (header.schemaId() == ClientHelloDecoder.SCHEMA_ID && header.templateId() == ClientHelloDecoder.TEMPLATE_ID)
        {
            onHello(buffer, offset, length);
        }
        else
        {
            onCommand(buffer, offset, length);
        }
    }

    private void onHello(final DirectBuffer buffer, final int offset, final int length)
    {
        final long sessionId;
        final String responseEndpoint;
        try
        {
            if (header.blockLength() < ClientHelloDecoder.BLOCK_LENGTH)
            {
                throw new IllegalArgumentException("hello block of " + header.blockLength() + " bytes");
            }
            hello.wrap(buffer, offset + HEADER, header.blockLength(), header.version());
            sessionId = hello.clientSessionId();
            final int dataLength = hello.responseEndpointLength();
            if (HEADER + header.blockLength() + ClientHelloDecoder.responseEndpointHeaderLength() + dataLength > length)
            {
                throw new IllegalArgumentException("hello endpoint overruns the message");
            }
            responseEndpoint = EdgeEndpoints.checkEndpoint(hello.responseEndpoint());
        }
        catch (final RuntimeException ex)
        {
            malformed++;
            LOG.warn("{}: malformed hello dropped: {}", name, ex.getMessage());
            return;
        }
        if (sessionId == 0)
        {
            malformed++;
            return;
        }
        final Publication publication = routes.onHello(sessionId, responseEndpoint);
        if (publication == null)
        {
            LOG.warn("{}: hello of session {} ignored: no room for more sessions", name, sessionId);
            return;
        }
        hellos++;
        for (int i = 0; i < pendingWelcomes.size(); i++)
        {
            if (pendingWelcomes.get(i).sessionId == sessionId)
            {
                pendingWelcomes.remove(i);
                break;
            }
        }
        pendingWelcomes.add(new PendingWelcome(sessionId, publication));
    }

    private void onCommand(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < KEY_LENGTH)
        {
            malformed++;
            return;
        }
        final long sessionId = buffer.getLong(offset + SESSION_OFFSET, ORDER);
        final long clientSequence = buffer.getLong(offset + CLIENT_SEQUENCE_OFFSET, ORDER);
        if (!role.isPrimary())
        {
            refuse(sessionId, clientSequence, RefusalReason.NOT_PRIMARY);
            return;
        }
        if (sessionId == 0)
        {
            malformed++;
            return;
        }
        if (length > maxCommandLength || length < MIN_COMMAND_LENGTH || clientSequence <= 0)
        {
            malformed++;
            refuse(sessionId, clientSequence, RefusalReason.MALFORMED);
            return;
        }
        try
        {
            check.check(buffer, offset, length);
        }
        catch (final IllegalArgumentException ex)
        {
            malformed++;
            refuse(sessionId, clientSequence, RefusalReason.MALFORMED);
            return;
        }
        command.putBytes(0, buffer, offset, length);
        command.putLong(TIMESTAMP_OFFSET, clock.nanoTime(), ORDER);
        try
        {
            sequencer.publish(command, 0, length);
            sequenced++;
        }
        catch (final IllegalArgumentException ex)
        {
            malformed++;
            refuse(sessionId, clientSequence, RefusalReason.MALFORMED);
        }
        catch (final IllegalStateException ex)
        {
            refuse(sessionId, clientSequence, RefusalReason.NOT_PRIMARY);
        }
    }

    private void refuse(final long sessionId, final long clientSequence, final RefusalReason reason)
    {
        refused++;
        final Publication publication = sessionId == 0 ? null : routes.route(sessionId);
        if (publication != null)
        {
            replies.refuse(publication, role.lastEpoch(), sessionId, clientSequence, clock.nanoTime(), reason);
        }
    }

    /** The ingress thread's duty cycle. */
    private final class IngressAgent implements Agent
    {
        private final FragmentHandler assembler = new FragmentAssembler(this::onFragment);

        @Override
        public int doWork()
        {
            return subscription.poll(assembler, FRAGMENT_LIMIT) + sendPendingWelcomes();
        }

        @Override
        public String roleName()
        {
            return name + "-ingress";
        }

        private void onFragment(final DirectBuffer buffer, final int offset, final int length, final Header frame)
        {
            onMessage(buffer, offset, length);
        }
    }

    /** A session whose hello was taken and whose welcome waits for its publication to connect. */
    private static final class PendingWelcome
    {
        final long sessionId;
        final Publication publication;

        PendingWelcome(final long sessionId, final Publication publication)
        {
            this.sessionId = sessionId;
            this.publication = publication;
        }
    }

    /** Settings of a {@link CommandIngress}, validated once by its constructor. */
    public static final class Context
    {
        /** Default largest command accepted, in bytes. */
        public static final int DEFAULT_MAX_COMMAND_LENGTH = 512;

        private String name = "service";
        private Aeron aeron;
        private String endpoint;
        private CommandSequencer sequencer;
        private CommandCheck check;
        private ResponseRoutes routes;
        private EdgeRole role;
        private EpochNanoClock clock = new SystemEpochNanoClock();
        private IdleStrategy idleStrategy = IdleProfile.configured().newIdleStrategy();
        private int maxCommandLength = DEFAULT_MAX_COMMAND_LENGTH;

        /** @param name names the thread and log lines. */
        public Context name(final String name)
        {
            this.name = name;
            return this;
        }

        /** @param aeron the process's Aeron client (from its AeronTransport). */
        public Context aeron(final Aeron aeron)
        {
            this.aeron = aeron;
            return this;
        }

        /** @param endpoint the {@code host:port} to take client commands on; published in the primary znode. */
        public Context endpoint(final String endpoint)
        {
            this.endpoint = endpoint;
            return this;
        }

        /** @param sequencer where checked commands go (the pipeline's publish). */
        public Context sequencer(final CommandSequencer sequencer)
        {
            this.sequencer = sequencer;
            return this;
        }

        /** @param check the service's check of a command's bytes, run before sequencing it. */
        public Context check(final CommandCheck check)
        {
            this.check = check;
            return this;
        }

        /** @param routes the sessions' response publications, shared with the {@link ResponsePublisher}. */
        public Context routes(final ResponseRoutes routes)
        {
            this.routes = routes;
            return this;
        }

        /** @param role whether this node is primary; set by the node. */
        public Context role(final EdgeRole role)
        {
            this.role = role;
            return this;
        }

        /** @param clock stamps each command's timestampNs; the system's epoch clock unless set. */
        public Context clock(final EpochNanoClock clock)
        {
            this.clock = clock;
            return this;
        }

        /** @param idleStrategy how the idle ingress thread waits; the process's {@link IdleProfile} unless set. */
        public Context idleStrategy(final IdleStrategy idleStrategy)
        {
            this.idleStrategy = idleStrategy;
            return this;
        }

        /** @param maxCommandLength the largest command taken, in bytes; at most the pipeline's maxInputLength. */
        public Context maxCommandLength(final int maxCommandLength)
        {
            this.maxCommandLength = maxCommandLength;
            return this;
        }

        void conclude()
        {
            if (name == null || name.isBlank())
            {
                throw new IllegalArgumentException("name must not be blank");
            }
            Objects.requireNonNull(aeron, "aeron must be set");
            EdgeEndpoints.checkEndpoint(endpoint);
            Objects.requireNonNull(sequencer, "sequencer must be set");
            Objects.requireNonNull(check, "check must be set");
            Objects.requireNonNull(routes, "routes must be set");
            Objects.requireNonNull(role, "role must be set");
            Objects.requireNonNull(clock, "clock must be set");
            Objects.requireNonNull(idleStrategy, "idleStrategy must be set");
            if (maxCommandLength < MIN_COMMAND_LENGTH)
            {
                throw new IllegalArgumentException(
                    "maxCommandLength must be >= " + MIN_COMMAND_LENGTH + ": " + maxCommandLength);
            }
        }
    }
}
