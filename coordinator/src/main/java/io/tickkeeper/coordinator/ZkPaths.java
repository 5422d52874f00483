package io.tickkeeper.coordinator;

/**
 * The znode layout, in one place. docs/zookeeper.md describes each path; keep the two in step.
 */
public final class ZkPaths
{
    /** Everything TickKeeper writes lives under this root. */
    public static final String ROOT = "/tickkeeper";
    /** Per-service, per-shard coordination state. */
    public static final String SERVICES = ROOT + "/services";
    /** Typed live configuration. */
    public static final String CONFIG = ROOT + "/config";
    /** History of configuration changes. */
    public static final String CONFIG_HISTORY = ROOT + "/config-history";
    /** Locks with fencing tokens. */
    public static final String LOCKS = ROOT + "/locks";

    private ZkPaths()
    {
    }

    /** @return {@code /tickkeeper/services/<service>/<shard>}. */
    public static String shard(final String service, final String shard)
    {
        return SERVICES + '/' + checkName(service) + '/' + checkName(shard);
    }

    /** @return the parent of the ephemeral member znodes of a shard. */
    public static String members(final String service, final String shard)
    {
        return shard(service, shard) + "/members";
    }

    /** @return the Curator leader-latch path of a shard. */
    public static String election(final String service, final String shard)
    {
        return shard(service, shard) + "/election";
    }

    /** @return the persistent, versioned fencing-epoch znode of a shard. */
    public static String epoch(final String service, final String shard)
    {
        return shard(service, shard) + "/epoch";
    }

    /** @return the ephemeral znode naming the current primary of a shard. */
    public static String primary(final String service, final String shard)
    {
        return shard(service, shard) + "/primary";
    }

    /** @return the persistent znode listing the nodes eligible for promotion. */
    public static String inSync(final String service, final String shard)
    {
        return shard(service, shard) + "/in-sync";
    }

    /** @return the znode of one lock. */
    public static String lock(final String name)
    {
        return LOCKS + '/' + checkName(name);
    }

    /**
     * The market feed's checkpoint (last published sequence and prices, with the writer's fencing token), a child of
     * the feed lock's znode so that it lives and is cleaned up with the lock.
     *
     * @param lockName the feed lock's name ({@code market-feed} unless configured otherwise).
     * @return {@code /tickkeeper/locks/<lockName>/feed-state}.
     */
    public static String feedCheckpoint(final String lockName)
    {
        return lock(lockName) + "/feed-state";
    }

    /**
     * @param name a service, shard, node or lock name.
     * @return the name, when it is a single non-empty path segment of letters, digits, '-', '_' or '.'.
     */
    public static String checkName(final String name)
    {
        if (name == null || name.isEmpty() || !name.matches("[A-Za-z0-9._-]+") || ".".equals(name)
            || "..".equals(name))
        {
            throw new IllegalArgumentException("not a valid name (letters, digits, '.', '_', '-'): " + name);
        }
        return name;
    }
}
