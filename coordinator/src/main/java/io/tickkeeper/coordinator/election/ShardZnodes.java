package io.tickkeeper.coordinator.election;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;

import io.tickkeeper.coordinator.ZkPaths;

/**
 * The ZooKeeper operations of one shard's election: the persistent epoch znode and the ephemeral primary znode.
 * Every method blocks (with the client's retry policy) and is called from the election's worker thread.
 */
final class ShardZnodes
{
    /** What a claim attempt came to. */
    enum ClaimResult
    {
        /** The epoch was bumped and the primary znode created, atomically. */
        CLAIMED,
        /** The epoch changed since it was read: read it again. */
        EPOCH_MOVED,
        /** A primary znode exists: wait for it to go. */
        PRIMARY_EXISTS,
        /** Our latch node is gone: we no longer hold the latch. */
        LATCH_GONE
    }

    private final CuratorFramework client;
    private final String epochPath;
    private final String primaryPath;

    ShardZnodes(final CuratorFramework client, final String service, final String shard)
    {
        this.client = client;
        this.epochPath = ZkPaths.epoch(service, shard);
        this.primaryPath = ZkPaths.primary(service, shard);
    }

    String primaryPath()
    {
        return primaryPath;
    }

    /**
     * @return the epoch znode's value and version, creating it (at 0) when the shard has never had a primary.
     */
    VersionedEpoch readEpoch() throws Exception
    {
        final Stat stat = new Stat();
        try
        {
            return new VersionedEpoch(Epochs.decode(client.getData().storingStatIn(stat).forPath(epochPath)),
                stat.getVersion());
        }
        catch (final KeeperException.NoNodeException ex)
        {
            try
            {
                client.create().creatingParentContainersIfNeeded().withMode(CreateMode.PERSISTENT)
                    .forPath(epochPath, Epochs.encode(0));
            }
            catch (final KeeperException.NodeExistsException raced)
            {
                // Another candidate created it first; read its value below.
            }
            return new VersionedEpoch(Epochs.decode(client.getData().storingStatIn(stat).forPath(epochPath)),
                stat.getVersion());
        }
    }

    /**
     * Runs the client side of a promotion once without changing anything: reads the epoch (the pipelined way
     * too), builds the operations of a claim, a reclaim and a release, and commits a transaction that only checks
     * the epoch znode exists.
     */
    void prepare(final PrimaryInfo sample, final long timeoutMs) throws Exception
    {
        final VersionedEpoch current = readEpoch();
        client.transactionOp().setData().withVersion(current.version()).forPath(epochPath, Epochs.encode(1));
        client.transactionOp().create().withMode(CreateMode.EPHEMERAL).forPath(primaryPath, sample.toJson());
        client.transactionOp().setData().withVersion(0).forPath(primaryPath, sample.toJson());
        client.transactionOp().delete().withVersion(0).forPath(primaryPath);
        client.transaction().forOperations(client.transactionOp().check().forPath(epochPath));
        readOwnerAndEpoch(epochPath, timeoutMs);
    }

    /**
     * @return the primary znode's stat, or {@code null} when there is none.
     */
    Stat primaryStat() throws Exception
    {
        return client.checkExists().forPath(primaryPath);
    }

    /**
     * In one transaction: check that our latch node still exists, move the epoch from {@code current} to
     * {@code info.epoch()} with a version check, and create the ephemeral primary znode.
     */
    ClaimResult claim(final String ourLatchPath, final VersionedEpoch current, final PrimaryInfo info)
        throws Exception
    {
        final CuratorOp checkLatch = client.transactionOp().check().forPath(ourLatchPath);
        final CuratorOp bumpEpoch = client.transactionOp().setData().withVersion(current.version())
            .forPath(epochPath, Epochs.encode(info.epoch()));
        final CuratorOp publish = client.transactionOp().create().withMode(CreateMode.EPHEMERAL)
            .forPath(primaryPath, info.toJson());
        try
        {
            client.transaction().forOperations(checkLatch, bumpEpoch, publish);
            return ClaimResult.CLAIMED;
        }
        catch (final KeeperException.BadVersionException ex)
        {
            return ClaimResult.EPOCH_MOVED;
        }
        catch (final KeeperException.NodeExistsException ex)
        {
            return ClaimResult.PRIMARY_EXISTS;
        }
        catch (final KeeperException.NoNodeException ex)
        {
            return ClaimResult.LATCH_GONE;
        }
    }

    /**
     * Re-promotion of a node whose session kept its primary znode through a suspension: in one transaction,
     * check our latch node, move the epoch with a version check and rewrite our primary znode (version-checked)
     * with the new epoch. Watchers see the primary change its epoch, not disappear.
     */
    ClaimResult reclaim(
        final String ourLatchPath, final VersionedEpoch current, final PrimaryInfo info, final Stat ourPrimary)
        throws Exception
    {
        try
        {
            client.transaction().forOperations(
                client.transactionOp().check().forPath(ourLatchPath),
                client.transactionOp().setData().withVersion(current.version())
                    .forPath(epochPath, Epochs.encode(info.epoch())),
                client.transactionOp().setData().withVersion(ourPrimary.getVersion())
                    .forPath(primaryPath, info.toJson()));
            return ClaimResult.CLAIMED;
        }
        catch (final KeeperException.BadVersionException | KeeperException.NoNodeException ex)
        {
            return ClaimResult.EPOCH_MOVED;
        }
    }

    /**
     * Deletes the primary znode when this session owns it (a session's own ephemeral node cannot be replaced by
     * another's while the session lives, so the version check is enough).
     *
     * @return whether a node was deleted.
     */
    boolean deletePrimaryIfOwned(final long sessionId) throws Exception
    {
        final Stat stat = client.checkExists().forPath(primaryPath);
        if (stat == null || stat.getEphemeralOwner() != sessionId)
        {
            return false;
        }
        try
        {
            client.delete().withVersion(stat.getVersion()).forPath(primaryPath);
            return true;
        }
        catch (final KeeperException.NoNodeException | KeeperException.BadVersionException ex)
        {
            return false;
        }
    }

    /**
     * Graceful hand-over: deletes our primary znode (at the version we wrote) and our latch node in one
     * transaction, so the next candidate is told it leads only once the primary znode is already gone. While our
     * latch node exists our session lives and no other node can have claimed, so the primary znode is ours.
     *
     * @return whether both were deleted together.
     */
    boolean release(final String ourLatchPath, final int primaryVersion) throws Exception
    {
        try
        {
            client.transaction().forOperations(
                client.transactionOp().delete().withVersion(primaryVersion).forPath(primaryPath),
                client.transactionOp().delete().forPath(ourLatchPath));
            return true;
        }
        catch (final KeeperException.NoNodeException | KeeperException.BadVersionException ex)
        {
            return false;
        }
    }

    /**
     * Reads our latch node's owner and the epoch with two pipelined requests (one round trip).
     *
     * @return the owner session of the latch node (0 when it is gone) and the epoch, or a {@code null} epoch
     *     when the epoch znode does not exist yet.
     */
    OwnerAndEpoch readOwnerAndEpoch(final String ourLatchPath, final long timeoutMs) throws Exception
    {
        final CompletableFuture<Long> owner = new CompletableFuture<>();
        final CompletableFuture<VersionedEpoch> epoch = new CompletableFuture<>();
        client.checkExists().inBackground((ignored, event) ->
        {
            if (event.getResultCode() == KeeperException.Code.OK.intValue())
            {
                owner.complete(event.getStat().getEphemeralOwner());
            }
            else if (event.getResultCode() == KeeperException.Code.NONODE.intValue())
            {
                owner.complete(0L);
            }
            else
            {
                owner.completeExceptionally(
                    KeeperException.create(KeeperException.Code.get(event.getResultCode()), ourLatchPath));
            }
        }).forPath(ourLatchPath);
        client.getData().inBackground((ignored, event) ->
        {
            if (event.getResultCode() == KeeperException.Code.OK.intValue())
            {
                try
                {
                    epoch.complete(new VersionedEpoch(Epochs.decode(event.getData()), event.getStat().getVersion()));
                }
                catch (final IllegalArgumentException ex)
                {
                    epoch.completeExceptionally(ex);
                }
            }
            else if (event.getResultCode() == KeeperException.Code.NONODE.intValue())
            {
                epoch.complete(null);
            }
            else
            {
                epoch.completeExceptionally(
                    KeeperException.create(KeeperException.Code.get(event.getResultCode()), epochPath));
            }
        }).forPath(epochPath);
        try
        {
            return new OwnerAndEpoch(owner.get(timeoutMs, TimeUnit.MILLISECONDS),
                epoch.get(timeoutMs, TimeUnit.MILLISECONDS));
        }
        catch (final ExecutionException ex)
        {
            throw ex.getCause() instanceof Exception ? (Exception)ex.getCause() : ex;
        }
    }

    /**
     * @param latchOwner the session owning our latch node, 0 when it is gone.
     * @param epoch      the epoch, or {@code null} when the epoch znode does not exist yet.
     */
    record OwnerAndEpoch(long latchOwner, VersionedEpoch epoch)
    {
    }

    /**
     * @param epoch   the epoch value.
     * @param version the znode version it was read at.
     */
    record VersionedEpoch(long epoch, int version)
    {
    }
}
