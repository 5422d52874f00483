package io.tickkeeper.node.edge;

import java.nio.ByteOrder;
import java.util.Objects;

import io.aeron.Publication;
import io.tickkeeper.protocol.sbe.EventFrameDecoder;
import io.tickkeeper.protocol.sbe.MessageHeaderDecoder;
import io.tickkeeper.runtime.OutputPublisher;
import org.agrona.DirectBuffer;

/**
 * A replicated service's outbound client edge: offers each output of the pipeline to the service's
 * {@link OutputRouter} first (an output it consumes goes no further), then sends it to the session whose command caused it,
 * named by the {@code clientSessionId} of the event frame, on the publication the session announced in its
 * hello ({@link ResponseRoutes}). Only while this node is primary ({@link EdgeRole}); a standby sends nothing.
 * Outputs of sessions never seen, and of inputs that are not a client's (session 0), go nowhere.
 *
 * <p>A trade goes to the taker's session (the command that caused it), not to the owner of the resting maker
 * order: a maker learns its fills from the market-data / drop-copy stream, not from this edge.
 *
 * <p>An offer that meets back-pressure is retried a bounded number of times, then the response is dropped and
 * counted: the client resends what it has not had answered, and the engine answers a resend with the original
 * answer. Runs on the output stage's thread; allocates nothing.
 */
public final class ResponsePublisher implements OutputPublisher
{
    private static final ByteOrder ORDER = MessageHeaderDecoder.BYTE_ORDER;
    private static final int SESSION_OFFSET =
        MessageHeaderDecoder.ENCODED_LENGTH + EventFrameDecoder.clientSessionIdEncodingOffset();
    private static final int MIN_LENGTH = MessageHeaderDecoder.ENCODED_LENGTH + EventFrameDecoder.ENCODED_LENGTH;
    private static final int MAX_OFFER_ATTEMPTS = 1_000;

    private final ResponseRoutes routes;
    private final EdgeRole role;
    private final OutputRouter router;
    private volatile long routed;
    private volatile long sent;
    private volatile long unrouted;
    private volatile long dropped;

    /**
     * A publisher that sends every output to its client session.
     *
     * @param routes the sessions' response publications (filled by the ingress).
     * @param role   whether this node is primary.
     */
    public ResponsePublisher(final ResponseRoutes routes, final EdgeRole role)
    {
        this(routes, role, OutputRouter.NONE);
    }

    /**
     * @param routes the sessions' response publications (filled by the ingress).
     * @param role   whether this node is primary.
     * @param router the service's own use of outputs, consulted first.
     */
    public ResponsePublisher(final ResponseRoutes routes, final EdgeRole role, final OutputRouter router)
    {
        this.routes = routes;
        this.role = role;
        this.router = Objects.requireNonNull(router, "router");
    }

    @Override
    public void onOutput(final long sequence, final DirectBuffer buffer, final int offset, final int length)
    {
        if (!role.isPrimary() || length < MIN_LENGTH)
        {
            return;
        }
        if (router.route(sequence, buffer, offset, length))
        {
            routed++;
            return;
        }
        final long sessionId = buffer.getLong(offset + SESSION_OFFSET, ORDER);
        if (sessionId == 0)
        {
            return;
        }
        final Publication publication = routes.route(sessionId);
        if (publication == null)
        {
            unrouted++;
            return;
        }
        for (int attempt = 0; attempt < MAX_OFFER_ATTEMPTS; attempt++)
        {
            final long result = publication.offer(buffer, offset, length);
            if (result > 0)
            {
                sent++;
                return;
            }
            if (result == Publication.NOT_CONNECTED || result == Publication.CLOSED ||
                result == Publication.MAX_POSITION_EXCEEDED)
            {
                break;
            }
            Thread.onSpinWait();
        }
        dropped++;
    }

    /** @return how many outputs the service's router consumed. */
    public long routed()
    {
        return routed;
    }

    /** @return how many responses were sent. */
    public long sent()
    {
        return sent;
    }

    /** @return how many responses had no route (their session never said hello here). */
    public long unrouted()
    {
        return unrouted;
    }

    /** @return how many responses were dropped (not connected, closed, or back-pressured past the bound). */
    public long dropped()
    {
        return dropped;
    }
}
