package io.tickkeeper.node.edge;

import io.aeron.ChannelUriStringBuilder;

/**
 * The client edge's transport conventions in one place: commands go to the primary's client endpoint (the
 * {@code host:port} published in its primary znode) on {@link #COMMAND_STREAM_ID}; responses go to the
 * {@code host:port} each client announces in its ClientHello, on {@link #RESPONSE_STREAM_ID}. Both are Aeron UDP
 * unicast.
 */
public final class EdgeEndpoints
{
    /** Aeron stream of client commands (and hellos) to an engine. */
    public static final int COMMAND_STREAM_ID = 4001;
    /** Aeron stream of responses from an engine to a client. */
    public static final int RESPONSE_STREAM_ID = 4002;

    private EdgeEndpoints()
    {
    }

    /**
     * @param endpoint {@code host:port}.
     * @return the Aeron UDP unicast channel of that endpoint.
     * @throws IllegalArgumentException when it is not {@code host:port} with a port in 1..65535.
     */
    public static String channel(final String endpoint)
    {
        checkEndpoint(endpoint);
        return new ChannelUriStringBuilder().media("udp").endpoint(endpoint).build();
    }

    /**
     * @param endpoint a string that should be {@code host:port}.
     * @return it, when it is.
     * @throws IllegalArgumentException when it is not.
     */
    public static String checkEndpoint(final String endpoint)
    {
        if (endpoint == null)
        {
            throw new IllegalArgumentException("endpoint must be host:port, got null");
        }
        final int colon = endpoint.lastIndexOf(':');
        if (colon <= 0 || colon == endpoint.length() - 1)
        {
            throw new IllegalArgumentException("endpoint must be host:port: " + endpoint);
        }
        final int port;
        try
        {
            port = Integer.parseInt(endpoint.substring(colon + 1));
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException("endpoint must be host:port: " + endpoint, ex);
        }
        if (port < 1 || port > 65_535)
        {
            throw new IllegalArgumentException("port must be in 1..65535: " + endpoint);
        }
        return endpoint;
    }
}
