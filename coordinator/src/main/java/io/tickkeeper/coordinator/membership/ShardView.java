package io.tickkeeper.coordinator.membership;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.tickkeeper.coordinator.election.PrimaryInfo;

/**
 * One shard of one service as ZooKeeper shows it at one moment.
 *
 * @param service          service name.
 * @param shard            shard name.
 * @param epoch            the epoch znode's value (0 when the shard never had a primary).
 * @param primary          the primary znode's content, or {@code null} when there is no primary now.
 * @param candidates       how many latch nodes are in the election.
 * @param members          the member znodes, ordered by node name.
 * @param inSync           the nodes eligible for promotion (empty when not published).
 * @param inSyncPublished  whether the shard has an in-sync znode at all.
 */
public record ShardView(
    String service,
    String shard,
    long epoch,
    PrimaryInfo primary,
    int candidates,
    List<MemberInfo> members,
    Set<String> inSync,
    boolean inSyncPublished)
{
    /**
     * Copies the collections.
     */
    public ShardView
    {
        members = List.copyOf(members);
        inSync = Set.copyOf(inSync);
    }

    /** @return the primary, if there is one now. */
    public Optional<PrimaryInfo> primaryNow()
    {
        return Optional.ofNullable(primary);
    }

    /**
     * @param node a node name.
     * @return its member record, if it is a member.
     */
    public Optional<MemberInfo> member(final String node)
    {
        return members.stream().filter(member -> member.node().equals(node)).findFirst();
    }

    /**
     * @param node a node name.
     * @return whether the in-sync znode lists it.
     */
    public boolean isInSync(final String node)
    {
        return inSync.contains(node);
    }
}
