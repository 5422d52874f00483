package io.tickkeeper.node.edge;

import java.util.ArrayList;
import java.util.List;

import io.aeron.Aeron;
import io.aeron.Publication;
import org.agrona.CloseHelper;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * Which Aeron publication reaches each client session: learned from the sessions' ClientHellos on the ingress
 * thread, read by the output thread for every response. Changes (rare: a hello) copy the map and publish the copy
 * through a volatile field, so a lookup is a plain read of an immutable map that allocates nothing.
 * A session's publication is opened on its first hello and replaced when it announces another endpoint.
 */
public final class ResponseRoutes implements AutoCloseable
{
    private final Aeron aeron;
    private final int maxSessions;
    private final Long2ObjectHashMap<String> endpoints = new Long2ObjectHashMap<>();
    private final List<Publication> retired = new ArrayList<>();
    private volatile Long2ObjectHashMap<Publication> routes = new Long2ObjectHashMap<>();
    private volatile boolean closed;

    /**
     * @param aeron       the process's Aeron client.
     * @param maxSessions the most sessions routed; hellos of further sessions are ignored.
     */
    public ResponseRoutes(final Aeron aeron, final int maxSessions)
    {
        if (maxSessions < 1)
        {
            throw new IllegalArgumentException("maxSessions must be positive: " + maxSessions);
        }
        this.aeron = aeron;
        this.maxSessions = maxSessions;
    }

    /**
     * Records where a session takes its responses; on the ingress thread only.
     *
     * @param sessionId the client's session.
     * @param endpoint  its {@code host:port}.
     * @return the session's publication, or null when the table is full or the routes are closed.
     * @throws IllegalArgumentException when the endpoint is not {@code host:port}.
     */
    Publication onHello(final long sessionId, final String endpoint)
    {
        if (closed)
        {
            return null;
        }
        final Long2ObjectHashMap<Publication> current = routes;
        final Publication existing = current.get(sessionId);
        if (existing != null && endpoint.equals(endpoints.get(sessionId)))
        {
            return existing;
        }
        if (existing == null && current.size() >= maxSessions)
        {
            return null;
        }
        final Publication publication =
            aeron.addPublication(EdgeEndpoints.channel(endpoint), EdgeEndpoints.RESPONSE_STREAM_ID);
        final Long2ObjectHashMap<Publication> next = new Long2ObjectHashMap<>(current);
        next.put(sessionId, publication);
        endpoints.put(sessionId, endpoint);
        routes = next;
        if (existing != null)
        {
            retired.add(existing);
        }
        return publication;
    }

    /**
     * @param sessionId a client session.
     * @return its publication, or null when it never said hello; any thread, allocation-free.
     */
    public Publication route(final long sessionId)
    {
        return routes.get(sessionId);
    }

    /** @return how many sessions are routed. */
    public int size()
    {
        return routes.size();
    }

    /** Closes every publication; call after the ingress and the output stage have stopped. */
    @Override
    public void close()
    {
        closed = true;
        final Long2ObjectHashMap<Publication> last = routes;
        routes = new Long2ObjectHashMap<>();
        CloseHelper.closeAll(last.values());
        CloseHelper.closeAll(retired);
        retired.clear();
    }
}
