package io.tickkeeper.matching.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.aeron.Aeron;
import io.tickkeeper.coordinator.election.PrimaryInfo;
import io.tickkeeper.matching.OrderType;
import io.tickkeeper.matching.Side;
import io.tickkeeper.matching.StpMode;
import io.tickkeeper.matching.service.MatchingCommandEncoder;
import io.tickkeeper.node.client.ServiceAnswer;
import io.tickkeeper.node.client.ServiceClient;
import io.tickkeeper.node.client.ServiceClientListener;
import io.tickkeeper.protocol.sbe.CommandRefusedDecoder;
import io.tickkeeper.protocol.sbe.EventFrameDecoder;
import io.tickkeeper.protocol.sbe.MessageHeaderDecoder;
import io.tickkeeper.protocol.sbe.OrderAcceptedDecoder;
import io.tickkeeper.protocol.sbe.OrderCancelledDecoder;
import io.tickkeeper.protocol.sbe.OrderRejectedDecoder;
import io.tickkeeper.protocol.sbe.OrderReplacedDecoder;
import io.tickkeeper.protocol.sbe.TradeDecoder;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.IdleStrategy;
import org.apache.curator.framework.CuratorFramework;

/**
 * A client of one matching shard that survives fail-over without losing or doubling a command: a typed layer over
 * the generic {@link ServiceClient} (which follows the primary znode, says hello, resends unanswered commands to a
 * new primary and drops responses of stale epochs). This class encodes the matching commands
 * ({@link MatchingCommandEncoder}) and reads the answers:
 * <ul>
 *   <li>a command is answered by its OrderAccepted, OrderRejected, OrderReplaced or OrderCancelled, or by a
 *       CommandRefused other than NOT_PRIMARY; each first answer becomes an {@link Acknowledgement};</li>
 *   <li>each Trade of this session's commands becomes a {@link Fill};</li>
 *   <li>every other event goes to {@link MatchingClientListener#onEvent}.</li>
 * </ul>
 * Acknowledgements and fills are recorded: what the drill checks. {@code submit*} methods are thread-safe; the
 * listener is called on the client's own thread. Lifecycle: LATENT → STARTED → CLOSED (the service client's).
 */
public final class MatchingClient implements AutoCloseable
{
    private final ServiceClient client;
    private final MatchingClientListener listener;
    private final Object encodeLock = new Object();
    private final MatchingCommandEncoder encoder = new MatchingCommandEncoder();
    private final ExpandableArrayBuffer scratch = new ExpandableArrayBuffer(MatchingCommandEncoder.MAX_LENGTH);
    private final Object recordLock = new Object();
    private final List<Acknowledgement> acknowledgements = new ArrayList<>();
    private final List<Fill> fills = new ArrayList<>();

    /**
     * Validates the settings; nothing runs until {@link #start()}.
     *
     * @param context the settings, read once.
     */
    public MatchingClient(final Context context)
    {
        listener = Objects.requireNonNull(context.listener, "listener must be set");
        client = new ServiceClient(context.service
            .listener(new Answers())
            .answers(MatchingClient::answers));
    }

    /** Subscribes for responses, starts watching the primary znode and starts the client thread. Call once. */
    public void start()
    {
        client.start();
    }

    /** @return this client's session id (the first half of every command's idempotency key). */
    public long sessionId()
    {
        return client.sessionId();
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
        synchronized (encodeLock)
        {
            final int length = encoder.newOrder(scratch, 0, client.sessionId(), 0, 0, instrumentId, accountId,
                clientOrderId, side, type, price, quantity, stpMode);
            return client.submit(scratch, 0, length);
        }
    }

    /**
     * Submits a cancel.
     *
     * @return the command's client sequence.
     */
    public long submitCancel(final int instrumentId, final int accountId, final long orderId)
    {
        synchronized (encodeLock)
        {
            final int length = encoder.cancel(scratch, 0, client.sessionId(), 0, 0, instrumentId, accountId,
                orderId);
            return client.submit(scratch, 0, length);
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
        synchronized (encodeLock)
        {
            final int length = encoder.replace(scratch, 0, client.sessionId(), 0, 0, instrumentId, accountId,
                orderId, newPrice, newQuantity);
            return client.submit(scratch, 0, length);
        }
    }

    /** @return how many commands wait for their answer. */
    public int unacknowledged()
    {
        return client.unacknowledged();
    }

    /** @return a copy of every answer received, in arrival order. */
    public List<Acknowledgement> acknowledgements()
    {
        synchronized (recordLock)
        {
            return List.copyOf(acknowledgements);
        }
    }

    /** @return a copy of every trade received, in arrival order. */
    public List<Fill> fills()
    {
        synchronized (recordLock)
        {
            return List.copyOf(fills);
        }
    }

    /** @return how many responses were dropped because their epoch was below the highest seen. */
    public long staleEpochDropped()
    {
        return client.staleEpochDropped();
    }

    /** @return how many answers arrived for commands already answered (a resend raced the first answer). */
    public long duplicateAnswers()
    {
        return client.duplicateAnswers();
    }

    /** @return how many commands were sent again (after a change of primary or a silence). */
    public long resentCommands()
    {
        return client.resentCommands();
    }

    /** @return how many NOT_PRIMARY refusals arrived (the command stays pending and is resent). */
    public long notPrimaryRefusals()
    {
        return client.notPrimaryRefusals();
    }

    /** @return the highest epoch seen. */
    public long highestEpoch()
    {
        return client.highestEpoch();
    }

    /** @return the primary followed now, or null before one was found. */
    public PrimaryInfo primary()
    {
        return client.primary();
    }

    /** @return whether the current primary has welcomed this session (its answers reach this client). */
    public boolean connected()
    {
        return client.connected();
    }

    /** Stops the client thread, the watch and the Aeron resources. Idempotent. */
    @Override
    public void close()
    {
        client.close();
    }

    private static boolean answers(final int templateId)
    {
        return templateId == OrderAcceptedDecoder.TEMPLATE_ID || templateId == OrderRejectedDecoder.TEMPLATE_ID
            || templateId == OrderReplacedDecoder.TEMPLATE_ID || templateId == OrderCancelledDecoder.TEMPLATE_ID;
    }

    /** The service client's callbacks, on its thread: typed acknowledgements and fills. */
    private final class Answers implements ServiceClientListener
    {
        private final MessageHeaderDecoder header = new MessageHeaderDecoder();
        private final EventFrameDecoder frame = new EventFrameDecoder();
        private final OrderAcceptedDecoder accepted = new OrderAcceptedDecoder();
        private final OrderRejectedDecoder rejected = new OrderRejectedDecoder();
        private final OrderReplacedDecoder replaced = new OrderReplacedDecoder();
        private final OrderCancelledDecoder cancelled = new OrderCancelledDecoder();
        private final CommandRefusedDecoder refused = new CommandRefusedDecoder();
        private final TradeDecoder trade = new TradeDecoder();

        @Override
        public void onAnswer(final ServiceAnswer answer, final DirectBuffer buffer, final int offset, final int length)
        {
            final AckKind kind;
            long orderId = 0;
            int code = 0;
            switch (answer.templateId())
            {
                case OrderAcceptedDecoder.TEMPLATE_ID:
                    kind = AckKind.ACCEPTED;
                    orderId = accepted.wrapAndApplyHeader(buffer, offset, header).orderId();
                    break;
                case OrderRejectedDecoder.TEMPLATE_ID:
                    kind = AckKind.REJECTED;
                    rejected.wrapAndApplyHeader(buffer, offset, header);
                    orderId = rejected.orderId();
                    code = rejected.resultCodeRaw();
                    break;
                case OrderReplacedDecoder.TEMPLATE_ID:
                    kind = AckKind.REPLACED;
                    orderId = replaced.wrapAndApplyHeader(buffer, offset, header).orderId();
                    break;
                case OrderCancelledDecoder.TEMPLATE_ID:
                    kind = AckKind.CANCELLED;
                    orderId = cancelled.wrapAndApplyHeader(buffer, offset, header).orderId();
                    break;
                default:
                    kind = AckKind.REFUSED;
                    code = refused.wrapAndApplyHeader(buffer, offset, header).reasonRaw();
                    break;
            }
            final Acknowledgement ack = new Acknowledgement(answer.clientSequence(), kind, orderId, code,
                answer.epoch(), answer.sequence(), answer.submittedNs(), answer.answeredNs(), answer.resent());
            synchronized (recordLock)
            {
                acknowledgements.add(ack);
            }
            listener.onAcknowledged(ack);
        }

        @Override
        public void onEvent(final int templateId, final long epoch, final DirectBuffer buffer, final int offset,
            final int length)
        {
            if (templateId != TradeDecoder.TEMPLATE_ID)
            {
                listener.onEvent(templateId, epoch, buffer, offset, length);
                return;
            }
            frame.wrap(buffer, offset + MessageHeaderDecoder.ENCODED_LENGTH);
            trade.wrapAndApplyHeader(buffer, offset, header);
            final Fill fill = new Fill(frame.clientSequence(), epoch, frame.sequence(), trade.instrumentId(),
                trade.price(), trade.quantity(), trade.takerOrderId(), trade.makerOrderId(), System.nanoTime());
            synchronized (recordLock)
            {
                fills.add(fill);
            }
            listener.onFill(fill);
        }

        @Override
        public void onPrimaryChanged(final PrimaryInfo primary)
        {
            listener.onPrimaryChanged(primary);
        }
    }

    /** Settings of a {@link MatchingClient}, validated once by the service client's constructor. */
    public static final class Context
    {
        private final ServiceClient.Context service = new ServiceClient.Context()
            .name("matching-client")
            .service("matching");
        private MatchingClientListener listener = new MatchingClientListener()
        {
        };

        /** @param name names the thread and log lines. */
        public Context name(final String name)
        {
            service.name(name);
            return this;
        }

        /** @param curator a started client of the ensemble (read access is enough); its owner closes it. */
        public Context curator(final CuratorFramework curator)
        {
            service.curator(curator);
            return this;
        }

        /** @param service the service's name in the znode layout; "matching" unless set. */
        public Context service(final String service)
        {
            this.service.service(service);
            return this;
        }

        /** @param shard the shard's name in the znode layout. */
        public Context shard(final String shard)
        {
            service.shard(shard);
            return this;
        }

        /** @param aeron the process's Aeron client (from its AeronTransport). */
        public Context aeron(final Aeron aeron)
        {
            service.aeron(aeron);
            return this;
        }

        /** @param responseEndpoint the {@code host:port} this client takes responses on. */
        public Context responseEndpoint(final String responseEndpoint)
        {
            service.responseEndpoint(responseEndpoint);
            return this;
        }

        /** @param sessionId a fixed non-zero session id (a restarted client resending its commands); else random. */
        public Context sessionId(final long sessionId)
        {
            service.sessionId(sessionId);
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
            service.idleStrategy(idleStrategy);
            return this;
        }

        /** @param helloIntervalNs how often to say hello until welcomed. */
        public Context helloIntervalNs(final long helloIntervalNs)
        {
            service.helloIntervalNs(helloIntervalNs);
            return this;
        }

        /** @param resendAfterNs the silence after which every pending command is sent again. */
        public Context resendAfterNs(final long resendAfterNs)
        {
            service.resendAfterNs(resendAfterNs);
            return this;
        }
    }
}
