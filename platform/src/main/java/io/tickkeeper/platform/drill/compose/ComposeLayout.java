package io.tickkeeper.platform.drill.compose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tickkeeper.feed.FeedNode;
import io.tickkeeper.matching.node.MatchingService;

/**
 * What the compose drill knows of docker-compose.yml: its services (named as the drill names them: {@code zookeeper},
 * {@code matching/0}, {@code matching/1}, {@code feed}, {@code risk}, {@code strategy}, {@code gateway}), their nodes
 * (the compose services), the ports published on the host's loopback, where each node keeps its journal in its
 * container, and the matching shards' instruments. Keep it in step with docker-compose.yml.
 */
final class ComposeLayout
{
    static final String ZOOKEEPER = "zookeeper";
    static final String MATCHING_A = "matching/0";
    static final String MATCHING_B = "matching/1";
    static final String FEED = "feed";
    static final String RISK = "risk";
    static final String STRATEGY = "strategy";
    static final String GATEWAY = "gateway";
    static final String LOOPBACK = "127.0.0.1";
    static final String IMAGE_HOME = "/opt/tickkeeper";
    static final int FIX_PORT_INSIDE = 9880;
    /** The risk manager's --matching-shards in docker-compose.yml. */
    static final String MATCHING_SHARDS = "0=1,2,3,4;1=5,6,7,8";

    private static final Map<String, List<String>> NODES = nodes();

    private final int zkPortBase;
    private final int fixPortBase;

    /**
     * @param zkPortBase  the host port of zk1's client port (zk2, zk3 follow), 12181 in docker-compose.yml.
     * @param fixPortBase the host port of gw1's FIX acceptor (gw2 follows), 9881 in docker-compose.yml.
     */
    ComposeLayout(final int zkPortBase, final int fixPortBase)
    {
        this.zkPortBase = zkPortBase;
        this.fixPortBase = fixPortBase;
    }

    private static Map<String, List<String>> nodes()
    {
        final Map<String, List<String>> nodes = new LinkedHashMap<>();
        nodes.put(ZOOKEEPER, List.of("zk1", "zk2", "zk3"));
        nodes.put(MATCHING_A, List.of("a1", "a2"));
        nodes.put(MATCHING_B, List.of("b1", "b2"));
        nodes.put(FEED, List.of("feed1", "feed2"));
        nodes.put(RISK, List.of("risk1", "risk2"));
        nodes.put(STRATEGY, List.of("strategy1", "strategy2"));
        nodes.put(GATEWAY, List.of("gw1", "gw2"));
        return nodes;
    }

    /** @return every compose service, in docker-compose.yml's order. */
    List<String> services()
    {
        final List<String> services = new ArrayList<>();
        NODES.values().forEach(services::addAll);
        return services;
    }

    /**
     * @param service a drill service name.
     * @return its nodes.
     */
    List<String> nodesOf(final String service)
    {
        final List<String> nodes = NODES.get(service);
        if (nodes == null)
        {
            throw new IllegalArgumentException("no service " + service + " in the compose cluster (one of "
                + NODES.keySet() + ")");
        }
        return nodes;
    }

    /**
     * @param node a compose service.
     * @return the drill service it is a node of.
     */
    String serviceOf(final String node)
    {
        for (final Map.Entry<String, List<String>> entry : NODES.entrySet())
        {
            if (entry.getValue().contains(node))
            {
                return entry.getKey();
            }
        }
        throw new IllegalArgumentException("no node " + node + " in the compose cluster");
    }

    /**
     * @param service an elected service.
     * @return its name in ZooKeeper's election and membership nodes.
     */
    String coordinationName(final String service)
    {
        return switch (service)
        {
            case MATCHING_A, MATCHING_B -> MatchingService.SERVICE;
            case RISK -> "risk";
            case STRATEGY -> "strategy";
            default -> throw new IllegalArgumentException(service + " is not elected");
        };
    }

    /**
     * @param service an elected service.
     * @return its shard.
     */
    String shardOf(final String service)
    {
        return service.equals(MATCHING_B) ? "1" : "0";
    }

    /** @return the market feed's lock. */
    String feedLock()
    {
        return FeedNode.LOCK_NAME;
    }

    /**
     * @param server zk1, zk2 or zk3.
     * @return its client port published on the host's loopback.
     */
    int zkPort(final String server)
    {
        return zkPortBase + nodesOf(ZOOKEEPER).indexOf(checked(ZOOKEEPER, server));
    }

    /** @return the ensemble's connect string from the host. */
    String zkConnectString()
    {
        final List<String> servers = new ArrayList<>();
        for (final String server : nodesOf(ZOOKEEPER))
        {
            servers.add(LOOPBACK + ":" + zkPort(server));
        }
        return String.join(",", servers);
    }

    /**
     * @param gateway gw1 or gw2.
     * @return its FIX port published on the host's loopback.
     */
    int fixPort(final String gateway)
    {
        return fixPortBase + nodesOf(GATEWAY).indexOf(checked(GATEWAY, gateway));
    }

    /** @return the gateways' FIX endpoints from the host, gw1's first. */
    List<String> fixEndpoints()
    {
        final List<String> endpoints = new ArrayList<>();
        for (final String gateway : nodesOf(GATEWAY))
        {
            endpoints.add(LOOPBACK + ":" + fixPort(gateway));
        }
        return endpoints;
    }

    /**
     * @param remote a FIX session's remote address as QuickFIX/J gives it (e.g. {@code /127.0.0.1:9882}).
     * @return the gateway behind it, gw1 when none matches.
     */
    String gatewayAt(final String remote)
    {
        for (final String gateway : nodesOf(GATEWAY))
        {
            if (remote.endsWith(":" + fixPort(gateway)))
            {
                return gateway;
            }
        }
        return nodesOf(GATEWAY).get(0);
    }

    /**
     * @param node a node of matching, risk or strategy.
     * @return its data directory (journal, snapshots) in its container, relative to {@link #IMAGE_HOME}.
     */
    String dataDir(final String node)
    {
        final String service = serviceOf(node);
        final String folder = switch (service)
        {
            case MATCHING_A, MATCHING_B -> "matching";
            case RISK -> "risk";
            case STRATEGY -> "strategy";
            default -> throw new IllegalArgumentException(node + " keeps no journal");
        };
        return "var/" + folder + "/" + node;
    }

    /**
     * @param service matching/0 or matching/1.
     * @return the instruments of that shard, as its engines' --instruments.
     */
    String instrumentsOf(final String service)
    {
        return switch (service)
        {
            case MATCHING_A -> "1,2,3,4";
            case MATCHING_B -> "5,6,7,8";
            default -> throw new IllegalArgumentException(service + " is no matching shard");
        };
    }

    private String checked(final String service, final String node)
    {
        if (!nodesOf(service).contains(node))
        {
            throw new IllegalArgumentException(node + " is no node of " + service);
        }
        return node;
    }
}
