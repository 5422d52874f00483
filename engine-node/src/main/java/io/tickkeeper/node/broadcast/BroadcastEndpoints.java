package io.tickkeeper.node.broadcast;

import java.util.ArrayList;
import java.util.List;

import io.tickkeeper.runtime.transport.AeronTransport;

/** Parses the endpoint lists of broadcast options ({@code host:port,host:port}) into Aeron UDP channels. */
public final class BroadcastEndpoints
{
    private BroadcastEndpoints()
    {
    }

    /**
     * @param endpoints comma-separated {@code host:port} entries, e.g. {@code 127.0.0.1:24100,127.0.0.1:24101}.
     * @return one unicast channel per entry, in order.
     * @throws IllegalArgumentException on an empty list, or an entry that is not {@code host:port}.
     */
    public static List<String> channels(final String endpoints)
    {
        final List<String> channels = new ArrayList<>();
        for (final String entry : endpoints.split(",", -1))
        {
            channels.add(channel(entry.strip()));
        }
        return channels;
    }

    /**
     * @param endpoint {@code host:port}.
     * @return its unicast channel.
     * @throws IllegalArgumentException when it is not {@code host:port} with a port in 1..65535.
     */
    public static String channel(final String endpoint)
    {
        final int colon = endpoint.lastIndexOf(':');
        if (colon <= 0 || colon == endpoint.length() - 1)
        {
            throw new IllegalArgumentException("endpoint must be host:port: '" + endpoint + "'");
        }
        final int port;
        try
        {
            port = Integer.parseInt(endpoint.substring(colon + 1));
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException("endpoint must be host:port: '" + endpoint + "'", ex);
        }
        return AeronTransport.udp(endpoint.substring(0, colon), port);
    }
}
