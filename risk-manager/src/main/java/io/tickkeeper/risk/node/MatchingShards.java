package io.tickkeeper.risk.node;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.tickkeeper.coordinator.ZkPaths;
import io.tickkeeper.risk.RiskConfig;

/**
 * The matching shards the risk manager forwards to, in index order (the risk engine's shard index is the position
 * in this list): each with its name in ZooKeeper and the ids of its instruments. Written
 * {@code "a=1,2,3,4;b=5,6,7,8"}: {@code ;}-separated {@code name=ids}, ids {@code ,}-separated.
 *
 * @param names       the shards' names in ZooKeeper, by index.
 * @param instruments the shards' instrument ids, by index.
 */
public record MatchingShards(List<String> names, List<int[]> instruments)
{
    /** Every default instrument (1-8) on shard {@code 0}. */
    public static final String DEFAULT = "0=1,2,3,4,5,6,7,8";

    /**
     * Checks and copies.
     */
    public MatchingShards
    {
        if (names.isEmpty() || names.size() != instruments.size())
        {
            throw new IllegalArgumentException("one instrument list per shard, at least one shard");
        }
        names = List.copyOf(names);
        final List<int[]> copy = new ArrayList<>();
        for (final int[] ids : instruments)
        {
            copy.add(ids.clone());
        }
        instruments = List.copyOf(copy);
        for (final String name : names)
        {
            ZkPaths.checkName(name);
        }
        if (names.stream().distinct().count() != names.size())
        {
            throw new IllegalArgumentException("a shard is listed twice: " + names);
        }
    }

    /**
     * @param text {@code name=id,id;name=id,...}.
     * @return the shards.
     * @throws IllegalArgumentException naming what is wrong.
     */
    public static MatchingShards parse(final String text)
    {
        final List<String> names = new ArrayList<>();
        final List<int[]> ids = new ArrayList<>();
        for (final String entry : text.split(";"))
        {
            final int equals = entry.indexOf('=');
            if (equals <= 0 || equals == entry.length() - 1)
            {
                throw new IllegalArgumentException("a matching shard is name=id,id,...: '" + entry + "'");
            }
            names.add(entry.substring(0, equals).trim());
            try
            {
                ids.add(Arrays.stream(entry.substring(equals + 1).split(",")).map(String::trim)
                    .mapToInt(Integer::parseInt).toArray());
            }
            catch (final NumberFormatException ex)
            {
                throw new IllegalArgumentException("instrument ids are integers: '" + entry + "'", ex);
            }
        }
        return new MatchingShards(names, ids);
    }

    /** @return how many shards. */
    public int count()
    {
        return names.size();
    }

    /** @return a risk configuration with these shards (checks the ids: positive, each once) and default limits. */
    public RiskConfig riskConfig()
    {
        return new RiskConfig(instruments.toArray(new int[0][]));
    }
}
