package io.tickkeeper.coordinator.cli;

import java.nio.charset.StandardCharsets;

import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;

import io.tickkeeper.coordinator.ZkPaths;
import io.tickkeeper.coordinator.election.Epochs;
import io.tickkeeper.coordinator.election.PrimaryInfo;
import io.tickkeeper.coordinator.membership.MemberInfo;

/**
 * Turns one change under {@link ZkPaths#ROOT} into one line for {@code tickctl watch}: what happened, to which
 * shard or key, and the decoded content. Structural znodes (parents) yield no line.
 */
final class WatchEvents
{
    private static final int MAX_VALUE_CHARS = 160;

    private WatchEvents()
    {
    }

    /**
     * @param type    what the cache saw.
     * @param oldData the znode before (null when created).
     * @param data    the znode now (null when deleted).
     * @return the line, or {@code null} when the change is not worth one.
     */
    static String describe(final CuratorCacheListener.Type type, final ChildData oldData, final ChildData data)
    {
        final ChildData znode = data != null ? data : oldData;
        if (znode == null)
        {
            return null;
        }
        final String path = znode.getPath();
        if (path.startsWith(ZkPaths.SERVICES + '/'))
        {
            return describeService(type, oldData, data, path.substring(ZkPaths.SERVICES.length() + 1).split("/"));
        }
        if (path.startsWith(ZkPaths.CONFIG_HISTORY + '/'))
        {
            return type == CuratorCacheListener.Type.NODE_CREATED && data.getData() != null && data.getData().length > 0
                ? "config-history  " + path.substring(ZkPaths.CONFIG_HISTORY.length() + 1) + "  " + text(data)
                : null;
        }
        if (path.startsWith(ZkPaths.CONFIG + '/'))
        {
            final String key = path.substring(ZkPaths.CONFIG.length() + 1);
            return type == CuratorCacheListener.Type.NODE_DELETED
                ? "config-removed  " + key
                : "config          " + key + " = " + text(data);
        }
        if (path.startsWith(ZkPaths.LOCKS + '/'))
        {
            return "lock-" + verb(type) + "  " + path.substring(ZkPaths.LOCKS.length() + 1)
                + (data != null && data.getData() != null && data.getData().length > 0 ? "  " + text(data) : "");
        }
        return null;
    }

    private static String describeService(
        final CuratorCacheListener.Type type, final ChildData oldData, final ChildData data, final String[] parts)
    {
        if (parts.length < 3)
        {
            return null;
        }
        final String shard = parts[0] + '/' + parts[1];
        final boolean deleted = type == CuratorCacheListener.Type.NODE_DELETED;
        switch (parts[2])
        {
            case "primary":
                if (parts.length != 3)
                {
                    return null;
                }
                return deleted
                    ? "primary-gone    " + shard + "  (was " + primaryText(oldData) + ")"
                    : "primary         " + shard + "  " + primaryText(data);
            case "epoch":
                if (parts.length != 3 || deleted)
                {
                    return null;
                }
                return "epoch           " + shard + "  " + (oldData == null ? "" : epochText(oldData) + " -> ")
                    + epochText(data);
            case "members":
                if (parts.length != 4)
                {
                    return null;
                }
                if (deleted)
                {
                    return "member-left     " + shard + "  " + parts[3];
                }
                return (type == CuratorCacheListener.Type.NODE_CREATED ? "member-joined   " : "member          ")
                    + shard + "  " + memberText(data);
            case "election":
                if (parts.length != 4 || type == CuratorCacheListener.Type.NODE_CHANGED)
                {
                    return null;
                }
                return (deleted ? "candidate-left  " : "candidate-joined ") + shard + "  " + text(data != null ? data : oldData);
            case "in-sync":
                return parts.length == 3 && !deleted ? "in-sync         " + shard + "  " + text(data) : null;
            default:
                return null;
        }
    }

    private static String verb(final CuratorCacheListener.Type type)
    {
        switch (type)
        {
            case NODE_CREATED:
                return "created";
            case NODE_DELETED:
                return "deleted";
            default:
                return "changed";
        }
    }

    private static String primaryText(final ChildData znode)
    {
        if (znode == null || znode.getData() == null || znode.getData().length == 0)
        {
            return "?";
        }
        try
        {
            final PrimaryInfo info = PrimaryInfo.fromJson(znode.getData());
            return info.node() + " epoch=" + info.epoch() + " endpoint=" + info.endpoint();
        }
        catch (final IllegalArgumentException ex)
        {
            return text(znode);
        }
    }

    private static String epochText(final ChildData znode)
    {
        try
        {
            return Long.toString(Epochs.decode(znode.getData()));
        }
        catch (final IllegalArgumentException ex)
        {
            return text(znode);
        }
    }

    private static String memberText(final ChildData znode)
    {
        try
        {
            final MemberInfo info = MemberInfo.fromJson(znode.getData());
            return info.node() + " role=" + info.role() + " epoch=" + info.epoch() + " applied=" + info.appliedSeq()
                + " lag=" + info.lag() + " endpoint=" + info.endpoint();
        }
        catch (final IllegalArgumentException ex)
        {
            return text(znode);
        }
    }

    private static String text(final ChildData znode)
    {
        if (znode == null || znode.getData() == null)
        {
            return "";
        }
        final String text = new String(znode.getData(), StandardCharsets.UTF_8).replace('\n', ' ');
        return text.length() <= MAX_VALUE_CHARS ? text : text.substring(0, MAX_VALUE_CHARS) + "...";
    }
}
