package io.tickkeeper.platform;

import java.util.List;
import java.util.Optional;

import io.tickkeeper.feed.FeedNode;
import io.tickkeeper.matching.node.MatchingService;

/**
 * The services of the platform, in start order, with what the {@link Platform} needs to run and watch each: the main
 * class (named, not referenced, so a service whose main is not written yet is reported rather than failing the
 * build), its two nodes, how it shows it is healthy and which services it needs.
 */
public enum ServiceKind
{
    /** The matching-engine pair of shard 0: a primary and a hot standby elected through ZooKeeper. */
    MATCHING("matching", MatchingService.SERVICE, "io.tickkeeper.matching.node.MatchingEngineMain", Health.ELECTED,
        List.of("a", "b"), 0),
    /** The risk-manager pair: elected, in front of matching. */
    RISK("risk", "risk", "io.tickkeeper.risk.node.RiskManagerMain", Health.ELECTED, List.of("a", "b"), 20),
    /** The market feed: the holder of the {@code market-feed} lock publishes, the other node mirrors. */
    FEED("feed", FeedNode.LOCK_NAME, "io.tickkeeper.feed.MarketFeedMain", Health.LOCK, List.of("a", "b"), 40),
    /** The strategy-engine pair: elected, a client of risk. */
    STRATEGY("strategy", "strategy", "io.tickkeeper.strategy.node.StrategyEngineMain", Health.ELECTED,
        List.of("a", "b"), 60),
    /** Two stateless FIX gateways, both active: healthy when their FIX port accepts connections. */
    GATEWAY("gateway", "", "io.tickkeeper.gateway.OrderGatewayMain", Health.FIX_PORT, List.of("gw1", "gw2"), 80);

    /** How a service shows it is up. */
    public enum Health
    {
        /** A primary and an in-sync standby in the service's member znodes (coordinator's membership). */
        ELECTED,
        /** A holder of the service's fenced lock and a contender waiting behind it. */
        LOCK,
        /** Each node's FIX acceptor takes TCP connections. */
        FIX_PORT
    }

    private final String label;
    private final String coordinationName;
    private final String mainClass;
    private final Health health;
    private final List<String> nodes;
    private final int portOffset;

    ServiceKind(final String label, final String coordinationName, final String mainClass, final Health health,
        final List<String> nodes, final int portOffset)
    {
        this.label = label;
        this.coordinationName = coordinationName;
        this.mainClass = mainClass;
        this.health = health;
        this.nodes = nodes;
        this.portOffset = portOffset;
    }

    /** @return the short name used in process names ({@code matching-a}) and directories. */
    public String label()
    {
        return label;
    }

    /** @return the service name of its member znodes ({@link Health#ELECTED}) or its lock name ({@link Health#LOCK}). */
    public String coordinationName()
    {
        return coordinationName;
    }

    public String mainClass()
    {
        return mainClass;
    }

    public Health health()
    {
        return health;
    }

    /** @return its node names, the first one started first (and so the first primary). */
    public List<String> nodes()
    {
        return nodes;
    }

    /** @return where its nodes' ports start above the platform's service port base ({@link PortPlan}). */
    int portOffset()
    {
        return portOffset;
    }

    /** @return the service it cannot work without, if any (the feed is optional for everyone). */
    public Optional<ServiceKind> requires()
    {
        switch (this)
        {
            case RISK:
                return Optional.of(MATCHING);
            case STRATEGY:
            case GATEWAY:
                return Optional.of(RISK);
            default:
                return Optional.empty();
        }
    }

    /**
     * @param label a label as {@link #label()} gives it.
     * @return the service.
     * @throws IllegalArgumentException when no service has that label.
     */
    public static ServiceKind ofLabel(final String label)
    {
        for (final ServiceKind kind : values())
        {
            if (kind.label.equals(label))
            {
                return kind;
            }
        }
        throw new IllegalArgumentException("no service '" + label + "' (one of matching, risk, feed, strategy, "
            + "gateway)");
    }
}
