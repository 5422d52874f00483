package io.tickkeeper.coordinator.membership;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.curator.framework.recipes.cache.ChildData;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tickkeeper.coordinator.ZkPaths;
import io.tickkeeper.coordinator.election.Epochs;
import io.tickkeeper.coordinator.election.PrimaryInfo;

/**
 * Every service and shard under {@link ZkPaths#SERVICES} at one moment: primary, epoch, candidates, members with
 * their lag, and the in-sync set. Built from the znodes a {@link ClusterWatcher}'s cache holds.
 */
public final class ClusterView
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<ShardView> shards;
    private final List<String> problems;

    private ClusterView(final List<ShardView> shards, final List<String> problems)
    {
        this.shards = List.copyOf(shards);
        this.problems = List.copyOf(problems);
    }

    /**
     * @param znodes znodes at or below {@link ZkPaths#SERVICES} (others are ignored).
     * @return the view they describe.
     */
    public static ClusterView from(final Stream<ChildData> znodes)
    {
        final Map<String, ShardBuilder> builders = new TreeMap<>();
        final List<String> problems = new ArrayList<>();
        znodes.forEach(znode -> add(builders, problems, znode));
        final List<ShardView> shards = new ArrayList<>();
        builders.values().forEach(builder -> shards.add(builder.build()));
        Collections.sort(problems);
        return new ClusterView(shards, problems);
    }

    /** @return every shard, ordered by service then shard. */
    public List<ShardView> shards()
    {
        return shards;
    }

    /**
     * @param service service name.
     * @param shard   shard name.
     * @return that shard, if ZooKeeper knows it.
     */
    public Optional<ShardView> shard(final String service, final String shard)
    {
        return shards.stream()
            .filter(view -> view.service().equals(service) && view.shard().equals(shard))
            .findFirst();
    }

    /** @return znodes whose content could not be read, one line each. */
    public List<String> problems()
    {
        return problems;
    }

    @Override
    public String toString()
    {
        return "ClusterView{shards=" + shards + ", problems=" + problems + '}';
    }

    private static void add(final Map<String, ShardBuilder> builders, final List<String> problems, final ChildData znode)
    {
        final String path = znode.getPath();
        if (!path.startsWith(ZkPaths.SERVICES + '/'))
        {
            return;
        }
        final String[] parts = path.substring(ZkPaths.SERVICES.length() + 1).split("/");
        if (parts.length < 2)
        {
            return;
        }
        final ShardBuilder shard = builders.computeIfAbsent(
            parts[0] + '/' + parts[1], key -> new ShardBuilder(parts[0], parts[1]));
        if (parts.length < 3)
        {
            return;
        }
        final byte[] data = znode.getData();
        try
        {
            switch (parts[2])
            {
                case "epoch":
                    if (parts.length == 3)
                    {
                        shard.epoch = Epochs.decode(data);
                    }
                    break;
                case "primary":
                    if (parts.length == 3 && data != null && data.length > 0)
                    {
                        shard.primary = PrimaryInfo.fromJson(data);
                    }
                    break;
                case "in-sync":
                    if (parts.length == 3)
                    {
                        shard.inSyncPublished = true;
                        shard.inSync.addAll(parseInSync(data));
                    }
                    break;
                case "members":
                    if (parts.length == 4 && data != null && data.length > 0)
                    {
                        shard.members.put(parts[3], MemberInfo.fromJson(data));
                    }
                    break;
                case "election":
                    if (parts.length == 4)
                    {
                        shard.candidates++;
                    }
                    break;
                default:
                    break;
            }
        }
        catch (final IllegalArgumentException ex)
        {
            problems.add(path + ": " + ex.getMessage());
        }
    }

    /**
     * The in-sync znode holds {@code {"members":["a","b"], ...}} (other fields, such as the epoch that wrote it,
     * are ignored) or just a JSON array of node names.
     */
    static Set<String> parseInSync(final byte[] data)
    {
        final Set<String> nodes = new HashSet<>();
        if (data == null || data.length == 0)
        {
            return nodes;
        }
        final JsonNode root;
        try
        {
            root = JSON.readTree(data);
        }
        catch (final IOException ex)
        {
            throw new IllegalArgumentException("in-sync znode is not JSON", ex);
        }
        final JsonNode list = root != null && root.isObject() ? root.get("members") : root;
        if (list == null || !list.isArray())
        {
            throw new IllegalArgumentException("in-sync znode holds no list of members");
        }
        list.forEach(entry -> nodes.add(entry.asText()));
        return nodes;
    }

    private static final class ShardBuilder
    {
        private final String service;
        private final String shard;
        private final Map<String, MemberInfo> members = new TreeMap<>();
        private final Set<String> inSync = new HashSet<>();
        private long epoch;
        private PrimaryInfo primary;
        private int candidates;
        private boolean inSyncPublished;

        private ShardBuilder(final String service, final String shard)
        {
            this.service = service;
            this.shard = shard;
        }

        private ShardView build()
        {
            return new ShardView(service, shard, epoch, primary, candidates, new ArrayList<>(members.values()),
                inSync, inSyncPublished);
        }
    }
}
