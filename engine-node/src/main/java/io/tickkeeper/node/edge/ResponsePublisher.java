package io.tickkeeper.node.edge;

import java.nio.ByteOrder;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.aeron.Publication;
import io.tickkeeper.protocol.sbe.EventFrameDecoder;
import io.tickkeeper.protocol.sbe.MessageHeaderDecoder;
import io.tickkeeper.runtime.OutputPublisher;
import org.agrona.DirectBuffer;
import org.agrona.collections.Long2LongHashMap;

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
 * <p>An offer that meets back-pressure (the client reads slower than the service answers, for a moment: a garbage
 * collection, a descheduled poller on a loaded machine) is retried for up to {@link #BACK_PRESSURE_WAIT_NS}, spinning,
 * then yielding, then parking briefly: a report that is not a command's answer (an acknowledgement after the
 * matching engine took the order, a fill) is sent once, so dropping it at the first burst would lose it. A session
 * whose offer still fails after that wait is marked slow: its later responses are tried once each and dropped
 * (counted) until one goes through, so one stuck client costs the service one wait, not one per response. A client
 * that is gone (not connected, closed) is never waited for. The client resends what it has not had answered, and the
 * engine answers a resend with the kept answer. Runs on the output stage's thread; allocates nothing once each
 * session has been seen.
 */
public final class ResponsePublisher implements OutputPublisher
{
    private static final ByteOrder ORDER = MessageHeaderDecoder.BYTE_ORDER;
    private static final int SESSION_OFFSET =
        MessageHeaderDecoder.ENCODED_LENGTH + EventFrameDecoder.clientSessionIdEncodingOffset();
    private static final int MIN_LENGTH = MessageHeaderDecoder.ENCODED_LENGTH + EventFrameDecoder.ENCODED_LENGTH;
    /** The longest a response waits for a back-pressured client before the session is marked slow. */
    public static final long BACK_PRESSURE_WAIT_NS = TimeUnit.SECONDS.toNanos(1);
    private static final int SPIN_ATTEMPTS = 1_000;
    private static final int YIELD_ATTEMPTS = 100;
    private static final long PARK_NS = TimeUnit.MICROSECONDS.toNanos(50);
    private static final long NOT_SLOW = 0;
    private static final long SLOW = 1;

    private final ResponseRoutes routes;
    private final EdgeRole role;
    private final OutputRouter router;
    private volatile long routed;
    private volatile long sent;
    private volatile long unrouted;
    private volatile long dropped;
    private final Long2LongHashMap slowSessions = new Long2LongHashMap(NOT_SLOW);

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
        if (offer(publication, sessionId, buffer, offset, length))
        {
            sent++;
        }
        else
        {
            dropped++;
        }
    }

    private boolean offer(
        final Publication publication, final long sessionId, final DirectBuffer buffer, final int offset,
        final int length)
    {
        final boolean slow = slowSessions.get(sessionId) == SLOW;
        long deadlineNs = 0;
        for (int attempt = 0; ; attempt++)
        {
            final long result = publication.offer(buffer, offset, length);
            if (result > 0)
            {
                if (slow)
                {
                    slowSessions.remove(sessionId);
                }
                return true;
            }
            if (result == Publication.NOT_CONNECTED || result == Publication.CLOSED ||
                result == Publication.MAX_POSITION_EXCEEDED || slow)
            {
                return false;
            }
            if (attempt < SPIN_ATTEMPTS)
            {
                Thread.onSpinWait();
                continue;
            }
            final long nowNs = System.nanoTime();
            if (deadlineNs == 0)
            {
                deadlineNs = nowNs + BACK_PRESSURE_WAIT_NS;
            }
            else if (nowNs - deadlineNs > 0)
            {
                slowSessions.put(sessionId, SLOW);
                return false;
            }
            if (attempt < SPIN_ATTEMPTS + YIELD_ATTEMPTS)
            {
                Thread.yield();
            }
            else
            {
                LockSupport.parkNanos(PARK_NS);
            }
        }
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

    /** @return how many responses were dropped (not connected, closed, or back-pressured past the wait). */
    public long dropped()
    {
        return dropped;
    }
}
