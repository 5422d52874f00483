package io.tickkeeper.platform;

/**
 * The UDP and TCP ports of every node, from one base {@code Q}: service {@code s} (its {@link ServiceKind} offset,
 * 0, 20, 40, 60, 80) node {@code i} (0 or 1) uses {@code Q + s + 10 i + k} with k = 1 client ingress (FIX acceptor
 * for a gateway), 2 replication, 3 responses from the upstream service (matching shard n: 3 + n), 5 feed mirror,
 * 7 the risk manager's broadcast (a gateway's public trades and drop copies), 9 feed ticks. The whole plan fits in {@code Q .. Q + 99}.
 */
public final class PortPlan
{
    private static final int CLIENT = 1;
    private static final int REPLICATION = 2;
    private static final int RESPONSE = 3;
    private static final int MIRROR = 5;
    private static final int BROADCAST = 7;
    private static final int FEED = 9;
    private static final int NODE_STRIDE = 10;

    private final int base;

    /**
     * @param base the first port of the plan.
     */
    public PortPlan(final int base)
    {
        if (base < 1024 || base > 65_535 - 100)
        {
            throw new IllegalArgumentException("port base must be in 1024.." + (65_535 - 100) + ": " + base);
        }
        this.base = base;
    }

    public int base()
    {
        return base;
    }

    /** @return the client ingress port of a node (a gateway's FIX port). */
    public int clientPort(final ServiceKind kind, final int node)
    {
        return port(kind, node, CLIENT);
    }

    public int replicationPort(final ServiceKind kind, final int node)
    {
        return port(kind, node, REPLICATION);
    }

    /** @return where the node's client of its upstream service takes responses (shard 0; shard n at + n). */
    public int responsePort(final ServiceKind kind, final int node)
    {
        return port(kind, node, RESPONSE);
    }

    /** @return where a feed node receives the feed while it mirrors. */
    public int mirrorPort(final ServiceKind kind, final int node)
    {
        return port(kind, node, MIRROR);
    }

    /** @return where a gateway receives the risk manager's broadcast (public trades, copies of every report). */
    public int broadcastPort(final ServiceKind kind, final int node)
    {
        return port(kind, node, BROADCAST);
    }

    /** @return where a consumer node receives the feed's ticks. */
    public int feedPort(final ServiceKind kind, final int node)
    {
        return port(kind, node, FEED);
    }

    private int port(final ServiceKind kind, final int node, final int slot)
    {
        if (node < 0 || node >= kind.nodes().size())
        {
            throw new IllegalArgumentException(kind.label() + " has no node " + node);
        }
        return base + kind.portOffset() + NODE_STRIDE * node + slot;
    }
}
