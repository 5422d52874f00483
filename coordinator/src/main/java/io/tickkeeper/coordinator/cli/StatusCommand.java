package io.tickkeeper.coordinator.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.apache.curator.framework.CuratorFramework;

import io.tickkeeper.coordinator.ZkPaths;
import io.tickkeeper.coordinator.election.PrimaryInfo;
import io.tickkeeper.coordinator.membership.ClusterView;
import io.tickkeeper.coordinator.membership.ClusterWatcher;
import io.tickkeeper.coordinator.membership.MemberInfo;
import io.tickkeeper.coordinator.membership.ShardView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code tickctl status}: every service and shard with its primary, epoch, members, lag and in-sync flag.
 */
@Command(name = "status",
    description = "Show every service and shard: primary, epoch, candidates, members with role, applied sequence, "
        + "lag and in-sync flag.")
final class StatusCommand implements Callable<Integer>
{
    @ParentCommand
    private TickCtl root;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException
    {
        final ClusterView view;
        try (CuratorFramework client = root.connect(); ClusterWatcher watcher = new ClusterWatcher(client))
        {
            watcher.start();
            if (!watcher.awaitInitialized(root.timeoutMs()))
            {
                throw new ZooKeeperUnreachableException("could not read " + ZkPaths.SERVICES + " within "
                    + root.timeoutMs() + " ms");
            }
            view = watcher.view();
        }
        final PrintWriter out = spec.commandLine().getOut();
        if (view.shards().isEmpty())
        {
            out.println("no services registered under " + ZkPaths.SERVICES);
        }
        else
        {
            out.print(render(view));
        }
        out.flush();
        final PrintWriter err = spec.commandLine().getErr();
        view.problems().forEach(problem -> err.println("tickctl: warning: unreadable znode " + problem));
        err.flush();
        return ExitCodes.OK;
    }

    /**
     * @param view the cluster.
     * @return one row per member (and one per shard without members), the shard columns only on its first row.
     */
    static String render(final ClusterView view)
    {
        final TextTable table = new TextTable("service", "shard", "epoch", "primary", "candidates",
            "node", "role", "node_epoch", "endpoint", "applied", "lag", "in_sync");
        for (final ShardView shard : view.shards())
        {
            final PrimaryInfo primary = shard.primary();
            final String primaryText = primary == null ? "none" : primary.node() + "@" + primary.endpoint()
                + (primary.epoch() == shard.epoch() ? "" : " (epoch " + primary.epoch() + ")");
            final String[] shardCells = {shard.service(), shard.shard(), Long.toString(shard.epoch()), primaryText,
                Integer.toString(shard.candidates())};
            if (shard.members().isEmpty())
            {
                table.row(shardCells[0], shardCells[1], shardCells[2], shardCells[3], shardCells[4],
                    "-", "-", "-", "-", "-", "-", "-");
            }
            boolean first = true;
            for (final MemberInfo member : shard.members())
            {
                table.row(
                    first ? shardCells[0] : "",
                    first ? shardCells[1] : "",
                    first ? shardCells[2] : "",
                    first ? shardCells[3] : "",
                    first ? shardCells[4] : "",
                    member.node(),
                    member.role(),
                    Long.toString(member.epoch()),
                    member.endpoint(),
                    Long.toString(member.appliedSeq()),
                    Long.toString(member.lag()),
                    shard.inSyncPublished() ? (shard.isInSync(member.node()) ? "yes" : "no") : "-");
                first = false;
            }
        }
        return table.render();
    }
}
