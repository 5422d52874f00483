package io.tickkeeper.coordinator.election;

import java.io.Closeable;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.CuratorEvent;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.leader.LeaderLatchListener;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.ConnectionStateListener;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tickkeeper.coordinator.ZkPaths;
import io.tickkeeper.coordinator.membership.SessionSafeCache;

/**
 * Primary election for one shard of one service, with fencing epochs.
 * <ul>
 *   <li>Campaigns with a Curator {@link LeaderLatch} at {@link ZkPaths#election}.</li>
 *   <li>On winning: checks that the latch node's ephemeralOwner is this client's session, then in ONE transaction
 *       checks the latch node, moves the epoch znode ({@link ZkPaths#epoch}) from {@code e} to {@code e + 1} with
 *       a version check, and creates the ephemeral primary znode ({@link ZkPaths#primary}) with endpoint and
 *       epoch. Two nodes can therefore never hold the same epoch.</li>
 *   <li>SUSPENDED and LOST mean "not primary" at once. After RECONNECTED in the same session the latch node is
 *       still queued and campaigns on (still leading, it promotes again with a new epoch, rewriting its own primary
 *       znode); after a LOST session the latch is dropped and a fresh one campaigns.</li>
 *   <li>While primary, a lease renewed by a cheap read every quarter of the session timeout (which also checks
 *       that the primary znode is still ours) bounds how long it may act without hearing from ZooKeeper:
 *       {@link #fencedEpoch()}.</li>
 *   <li>{@link #close()} deletes the primary znode and the latch node together, so the hand-over is
 *       immediate.</li>
 * </ul>
 * The client must carry the service's credentials (see {@code CoordinatorClients}); its owner closes it after
 * this election.
 */
public final class PrimaryElection implements Closeable
{
    /** Returned by {@link #fencedEpoch()} when this node must not act as primary. */
    public static final long NO_EPOCH = -1;

    private static final Logger LOG = LoggerFactory.getLogger(PrimaryElection.class);
    private static final int MAX_CLAIM_ATTEMPTS = 16;
    private static final long CLOSE_WAIT_MS = 5_000;
    private static final long OPERATION_TIMEOUT_MS = 10_000;

    private enum Lifecycle
    {
        LATENT, STARTED, CLOSED
    }

    private final CuratorFramework client;
    private final String node;
    private final String endpoint;
    private final String electionPath;
    private final PrimaryListener listener;
    private final ShardZnodes znodes;
    private final String name;
    private final AtomicReference<Lifecycle> lifecycle = new AtomicReference<>(Lifecycle.LATENT);
    private final ScheduledExecutorService worker;
    private final SessionSafeCache primaryCache;
    private final ConnectionStateListener connectionListener = (client, newState) -> onConnectionState(newState);

    private volatile LeaderLatch latch;

    private ElectionState state = ElectionState.LATENT;
    private long term;
    private long epoch = NO_EPOCH;
    private long primarySessionId;
    private int primaryVersion = -1;
    private PrimaryLease lease;
    private boolean probeInFlight;
    private boolean awaitingOldPrimary;
    private PrimaryInfo lastPrimarySeen;

    private PrimaryElection(
        final CuratorFramework client,
        final String service,
        final String shard,
        final String node,
        final String endpoint,
        final PrimaryListener listener)
    {
        this.client = client;
        this.node = ZkPaths.checkName(node);
        this.endpoint = endpoint;
        this.electionPath = ZkPaths.election(service, shard);
        this.listener = listener;
        this.znodes = new ShardZnodes(client, service, shard);
        this.name = service + '/' + shard + '/' + node;
        this.worker = Executors.newSingleThreadScheduledExecutor(runnable ->
        {
            final Thread thread = new Thread(runnable, "election-" + service + '-' + shard + '-' + node);
            thread.setDaemon(true);
            return thread;
        });
        this.primaryCache = new SessionSafeCache(client, znodes.primaryPath(), new SessionSafeCache.Listener()
        {
            @Override
            public void onChange(
                final CuratorCacheListener.Type type, final ChildData oldData, final ChildData data)
            {
                post(() -> onPrimaryZnode(data));
            }

            @Override
            public void onLoaded()
            {
                post(() -> onPrimaryZnode(primaryCache.get(znodes.primaryPath()).orElse(null)));
            }
        }, CuratorCache.Options.SINGLE_NODE_CACHE);
    }

    /**
     * @param client   a client carrying the service's credentials; started by the caller.
     * @param service  service name, e.g. {@code matching-engine}.
     * @param shard    shard name, e.g. {@code 0}.
     * @param node     this node's name, unique within the shard.
     * @param endpoint where this node serves when primary; published in the primary znode.
     * @param listener told about role changes.
     * @return a new, not yet started election.
     */
    public static PrimaryElection create(
        final CuratorFramework client,
        final String service,
        final String shard,
        final String node,
        final String endpoint,
        final PrimaryListener listener)
    {
        if (client == null || listener == null)
        {
            throw new IllegalArgumentException("client and listener must be given");
        }
        if (endpoint == null || endpoint.isBlank())
        {
            throw new IllegalArgumentException("endpoint must be given");
        }
        return new PrimaryElection(client, service, shard, node, endpoint, listener);
    }

    /**
     * Starts campaigning.
     *
     * @throws IllegalStateException when already started or closed.
     */
    public void start()
    {
        if (!lifecycle.compareAndSet(Lifecycle.LATENT, Lifecycle.STARTED))
        {
            throw new IllegalStateException("election " + name + " was already started or closed");
        }
        client.getConnectionStateListenable().addListener(connectionListener);
        primaryCache.start();
        post(this::prepare);
        post(this::campaign);
    }

    /** @return where this election stands. */
    public synchronized ElectionState state()
    {
        return state;
    }

    /** @return the epoch of the current or last primary term of this node, or {@link #NO_EPOCH}. */
    public synchronized long epoch()
    {
        return epoch;
    }

    /** @return the primary this node last saw in the primary znode, or {@code null}. */
    public synchronized PrimaryInfo lastPrimarySeen()
    {
        return lastPrimarySeen;
    }

    /**
     * The gate a service checks before every action only a primary may take.
     *
     * @return the epoch to stamp outputs with, when this node is primary and its lease holds; else
     *     {@link #NO_EPOCH}.
     */
    public synchronized long fencedEpoch()
    {
        return state == ElectionState.PRIMARY && lease != null && lease.validAt(System.nanoTime()) ? epoch : NO_EPOCH;
    }

    /** @return whether {@link #fencedEpoch()} allows acting as primary now. */
    public boolean isPrimary()
    {
        return fencedEpoch() != NO_EPOCH;
    }

    /**
     * Steps down (if primary) and leaves the election: deletes the primary znode and the latch node together,
     * so the next candidate takes over at once. Does not close the client.
     */
    @Override
    public void close()
    {
        if (lifecycle.compareAndSet(Lifecycle.LATENT, Lifecycle.CLOSED))
        {
            worker.shutdownNow();
            primaryCache.close();
            return;
        }
        if (!lifecycle.compareAndSet(Lifecycle.STARTED, Lifecycle.CLOSED))
        {
            return;
        }
        client.getConnectionStateListenable().removeListener(connectionListener);
        final long sessionId;
        final int ownPrimaryVersion;
        synchronized (this)
        {
            sessionId = primarySessionId;
            ownPrimaryVersion = state == ElectionState.PRIMARY ? primaryVersion : -1;
            transition(ElectionState.CLOSED, "closed");
        }
        worker.shutdownNow();
        try
        {
            if (!worker.awaitTermination(CLOSE_WAIT_MS, TimeUnit.MILLISECONDS))
            {
                LOG.warn("{}: election worker did not stop within {} ms", name, CLOSE_WAIT_MS);
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        final LeaderLatch current = latch;
        latch = null;
        releaseAndCloseLatch(current, sessionId, ownPrimaryVersion);
        primaryCache.close();
    }

    @Override
    public String toString()
    {
        return "PrimaryElection{" + name + ", state=" + state() + ", epoch=" + epoch() + '}';
    }

    /**
     * The one place the state changes. Called with the monitor held; tells the listener.
     */
    private void transition(final ElectionState next, final String reason)
    {
        final ElectionState previous = state;
        if (previous == ElectionState.CLOSED || previous == next && next != ElectionState.CANDIDATE)
        {
            return;
        }
        state = next;
        LOG.info("{}: {} -> {} ({})", name, previous, next, reason);
        if (next != ElectionState.PRIMARY && lease != null)
        {
            lease.clear();
        }
        if (previous == ElectionState.PRIMARY || next == ElectionState.DISCONNECTED)
        {
            listener.onNotPrimary(reason);
        }
        if (next == ElectionState.PRIMARY)
        {
            listener.onPrimary(epoch);
        }
        else if (next == ElectionState.CANDIDATE)
        {
            listener.onFollower(otherPrimary());
        }
    }

    /**
     * Called with the monitor held.
     *
     * @return the primary last seen, unless it is this node's own leftover record (a candidate never follows
     *     itself).
     */
    private PrimaryInfo otherPrimary()
    {
        return lastPrimarySeen == null || lastPrimarySeen.node().equals(node) ? null : lastPrimarySeen;
    }

    private void onConnectionState(final ConnectionState newState)
    {
        switch (newState)
        {
            case SUSPENDED:
                synchronized (this)
                {
                    term++;
                    transition(ElectionState.DISCONNECTED, "SUSPENDED");
                }
                break;
            case LOST:
                synchronized (this)
                {
                    term++;
                    transition(ElectionState.DISCONNECTED, "LOST");
                }
                post(() -> dropLatch("session LOST"));
                break;
            case CONNECTED:
            case RECONNECTED:
                post(this::reconnected);
                break;
            default:
                break;
        }
    }

    /**
     * Worker: runs the client-side code of a promotion once (JSON encoding, reading the epoch, building the claim
     * transaction without committing it), so that the first real promotion does not pay for class loading and
     * Jackson's introspection on the critical path of a failover.
     */
    private void prepare()
    {
        try
        {
            final PrimaryInfo sample = new PrimaryInfo(node, endpoint, 1);
            PrimaryInfo.fromJson(sample.toJson());
            znodes.prepare(sample, OPERATION_TIMEOUT_MS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        catch (final Exception ex)
        {
            LOG.debug("{}: warm-up read failed: {}", name, ex.toString());
        }
    }

    /**
     * Worker: connected again. After a lost session (the latch was dropped) a fresh latch campaigns; when the
     * session survived the suspension, the latch node is still in the queue: campaign with it, and if it still
     * leads, promote again (with a new epoch, since this node stopped acting while suspended).
     */
    private void reconnected()
    {
        final LeaderLatch current = latch;
        if (current == null)
        {
            campaign();
            return;
        }
        refreshPrimarySeen();
        synchronized (this)
        {
            if (state != ElectionState.DISCONNECTED || current != latch)
            {
                return;
            }
            term++;
            transition(ElectionState.CANDIDATE, "reconnected in the same session");
        }
        if (current.hasLeadership())
        {
            promote(current);
        }
    }

    /**
     * Worker: joins the election with a fresh latch, unless already campaigning or not connected (then the next
     * CONNECTED or RECONNECTED event campaigns).
     */
    private void campaign()
    {
        if (lifecycle.get() != Lifecycle.STARTED || latch != null || !client.getZookeeperClient().isConnected())
        {
            return;
        }
        try
        {
            znodes.deletePrimaryIfOwned(sessionId());
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return;
        }
        catch (final Exception ex)
        {
            LOG.warn("{}: could not remove a stale primary znode of this session: {}", name, ex.toString());
        }
        refreshPrimarySeen();
        final LeaderLatch fresh = new LeaderLatch(client, electionPath, node, LeaderLatch.CloseMode.SILENT);
        fresh.addListener(new LeaderLatchListener()
        {
            @Override
            public void isLeader()
            {
                post(() -> promote(fresh));
            }

            @Override
            public void notLeader()
            {
                post(() -> demote(fresh, "lost the latch"));
            }
        });
        synchronized (this)
        {
            if (state == ElectionState.CLOSED)
            {
                return;
            }
            term++;
            transition(ElectionState.CANDIDATE, "campaigning");
        }
        latch = fresh;
        try
        {
            fresh.start();
        }
        catch (final Exception ex)
        {
            LOG.warn("{}: latch did not start: {}", name, ex.toString());
            latch = null;
        }
    }

    /** Worker: the latch says we lead; fence and publish. */
    private void promote(final LeaderLatch won)
    {
        final long myTerm;
        synchronized (this)
        {
            if (won != latch || state != ElectionState.CANDIDATE && state != ElectionState.PROMOTING)
            {
                return;
            }
            myTerm = term;
            awaitingOldPrimary = false;
            transition(ElectionState.PROMOTING, "won the latch");
        }
        final long promotingNs = System.nanoTime();
        try
        {
            final long sessionId = sessionId();
            final String ourPath = won.getOurPath();
            if (ourPath == null)
            {
                restartCampaign(myTerm, "the latch has no node");
                return;
            }
            final ShardZnodes.OwnerAndEpoch read = znodes.readOwnerAndEpoch(ourPath, OPERATION_TIMEOUT_MS);
            if (read.latchOwner() != sessionId)
            {
                restartCampaign(myTerm, "latch node " + ourPath + " is not owned by session 0x"
                    + Long.toHexString(sessionId));
                return;
            }
            ShardZnodes.VersionedEpoch firstRead = read.epoch();
            for (int attempt = 0; attempt < MAX_CLAIM_ATTEMPTS; attempt++)
            {
                if (!current(myTerm))
                {
                    return;
                }
                final ShardZnodes.VersionedEpoch current = firstRead != null ? firstRead : znodes.readEpoch();
                firstRead = null;
                final PrimaryInfo info = new PrimaryInfo(node, endpoint, current.epoch() + 1);
                final long sentNs = System.nanoTime();
                final ShardZnodes.ClaimResult result = znodes.claim(ourPath, current, info);
                if (result == ShardZnodes.ClaimResult.CLAIMED)
                {
                    becomePrimary(myTerm, info.epoch(), 0, sessionId, sentNs, promotingNs);
                    return;
                }
                if (result == ShardZnodes.ClaimResult.LATCH_GONE)
                {
                    restartCampaign(myTerm, "latch node vanished while promoting");
                    return;
                }
                if (result == ShardZnodes.ClaimResult.PRIMARY_EXISTS)
                {
                    final Stat primary = znodes.primaryStat();
                    if (primary != null && primary.getEphemeralOwner() == sessionId)
                    {
                        final PrimaryInfo again = new PrimaryInfo(node, endpoint, current.epoch() + 1);
                        final long resentNs = System.nanoTime();
                        if (znodes.reclaim(ourPath, current, again, primary) == ShardZnodes.ClaimResult.CLAIMED)
                        {
                            becomePrimary(myTerm, again.epoch(), primary.getVersion() + 1, sessionId, resentNs,
                                promotingNs);
                            return;
                        }
                    }
                    else if (primary != null && awaitOldPrimary(myTerm))
                    {
                        return;
                    }
                }
            }
            restartCampaign(myTerm, "could not claim the epoch in " + MAX_CLAIM_ATTEMPTS + " attempts");
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        catch (final Exception ex)
        {
            LOG.warn("{}: promotion failed: {}", name, ex.toString());
            restartCampaign(myTerm, "promotion failed: " + ex);
        }
    }

    /**
     * Worker: another node's primary znode exists (its session has not ended yet). The primary cache calls
     * {@link #promote} again once it is gone.
     *
     * @return whether to stop and wait (false: it is already gone, claim again now).
     */
    private boolean awaitOldPrimary(final long myTerm) throws Exception
    {
        synchronized (this)
        {
            awaitingOldPrimary = term == myTerm;
        }
        if (znodes.primaryStat() == null)
        {
            return false;
        }
        LOG.info("{}: waiting for the previous primary's znode to go", name);
        return true;
    }

    private void becomePrimary(
        final long myTerm, final long newEpoch, final int version, final long sessionId, final long sentNs,
        final long promotingNs) throws Exception
    {
        synchronized (this)
        {
            if (term == myTerm && state == ElectionState.PROMOTING)
            {
                epoch = newEpoch;
                primarySessionId = sessionId;
                primaryVersion = version;
                if (lease == null)
                {
                    final long timeoutMs = client.getZookeeperClient().getLastNegotiatedSessionTimeoutMs();
                    lease = new PrimaryLease(TimeUnit.MILLISECONDS.toNanos(timeoutMs) * 2 / 3);
                    final long renewMs = Math.max(10, timeoutMs / 4);
                    worker.scheduleWithFixedDelay(this::probe, renewMs, renewMs, TimeUnit.MILLISECONDS);
                }
                lease.renew(sentNs);
                transition(ElectionState.PRIMARY, "epoch " + newEpoch + ", fenced and published in "
                    + TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - promotingNs) + " us");
                return;
            }
        }
        LOG.info("{}: stepped down while claiming epoch {}; removing the primary znode", name, newEpoch);
        znodes.deletePrimaryIfOwned(sessionId);
    }

    /**
     * Worker: our latch lost leadership (its node is gone, or the connection was suspended). While connected,
     * the primary znode is removed so another node can claim; while suspended it stays (this session still owns
     * it) and a re-promotion after RECONNECTED takes it over again.
     */
    private void demote(final LeaderLatch lost, final String reason)
    {
        synchronized (this)
        {
            if (lost != latch || state != ElectionState.PRIMARY && state != ElectionState.PROMOTING)
            {
                return;
            }
            term++;
            if (!client.getZookeeperClient().isConnected())
            {
                transition(ElectionState.DISCONNECTED, reason + " (connection lost)");
                return;
            }
            transition(ElectionState.CANDIDATE, reason);
        }
        try
        {
            znodes.deletePrimaryIfOwned(sessionId());
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        catch (final Exception ex)
        {
            LOG.warn("{}: could not remove the primary znode after losing the latch: {}", name, ex.toString());
        }
    }

    /** Worker: gives up the current latch and campaigns again at the back of the queue. */
    private void restartCampaign(final long myTerm, final String reason)
    {
        synchronized (this)
        {
            if (term != myTerm)
            {
                return;
            }
            term++;
            transition(ElectionState.CANDIDATE, reason);
        }
        dropLatch(reason);
        campaign();
    }

    /** Worker: closes the current latch without callbacks (its node goes with a guaranteed delete). */
    private void dropLatch(final String reason)
    {
        final LeaderLatch current = latch;
        latch = null;
        if (current != null)
        {
            LOG.info("{}: dropping latch ({})", name, reason);
            try
            {
                current.close();
            }
            catch (final IOException | IllegalStateException ex)
            {
                LOG.warn("{}: closing the latch failed: {}", name, ex.toString());
            }
        }
    }

    /**
     * Worker: reads the primary znode directly. After a lost session the primary cache may not have seen what
     * happened meanwhile; a candidate must not report a stale primary to its listener.
     */
    private void refreshPrimarySeen()
    {
        PrimaryInfo seen = null;
        try
        {
            final byte[] data = client.getData().forPath(znodes.primaryPath());
            seen = data == null || data.length == 0 ? null : PrimaryInfo.fromJson(data);
        }
        catch (final KeeperException.NoNodeException ex)
        {
            seen = null;
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return;
        }
        catch (final Exception ex)
        {
            LOG.warn("{}: could not read the primary znode: {}", name, ex.toString());
            return;
        }
        synchronized (this)
        {
            lastPrimarySeen = seen;
        }
    }

    /** Worker: the primary znode changed (created, changed or deleted). */
    private void onPrimaryZnode(final ChildData data)
    {
        PrimaryInfo seen = null;
        if (data != null && data.getData() != null && data.getData().length > 0)
        {
            try
            {
                seen = PrimaryInfo.fromJson(data.getData());
            }
            catch (final IllegalArgumentException ex)
            {
                LOG.warn("{}: unreadable primary znode: {}", name, ex.getMessage());
            }
        }
        final boolean retryPromotion;
        synchronized (this)
        {
            final PrimaryInfo previous = lastPrimarySeen;
            lastPrimarySeen = data == null ? null : seen;
            retryPromotion = data == null && state == ElectionState.PROMOTING && awaitingOldPrimary;
            if (state == ElectionState.CANDIDATE && !Objects.equals(previous, lastPrimarySeen))
            {
                listener.onFollower(otherPrimary());
            }
        }
        if (retryPromotion)
        {
            final LeaderLatch current = latch;
            if (current != null)
            {
                promote(current);
            }
        }
    }

    /** Worker, every quarter of the session timeout: renews the lease with a read of the primary znode. */
    private void probe()
    {
        final long myTerm;
        synchronized (this)
        {
            if (state != ElectionState.PRIMARY || probeInFlight)
            {
                return;
            }
            myTerm = term;
            probeInFlight = true;
        }
        final long sentNs = System.nanoTime();
        try
        {
            client.checkExists()
                .inBackground((ignored, event) -> onProbeResult(myTerm, sentNs, event))
                .forPath(znodes.primaryPath());
        }
        catch (final Exception ex)
        {
            synchronized (this)
            {
                probeInFlight = false;
            }
        }
    }

    /** Curator's event thread: the lease probe answered. */
    private void onProbeResult(final long myTerm, final long sentNs, final CuratorEvent event)
    {
        final boolean lost;
        synchronized (this)
        {
            probeInFlight = false;
            if (term != myTerm || state != ElectionState.PRIMARY)
            {
                return;
            }
            final KeeperException.Code code = KeeperException.Code.get(event.getResultCode());
            final Stat stat = event.getStat();
            if (code == KeeperException.Code.OK && stat != null && stat.getEphemeralOwner() == primarySessionId)
            {
                lease.renew(sentNs);
                return;
            }
            lost = code == KeeperException.Code.OK || code == KeeperException.Code.NONODE;
        }
        if (lost)
        {
            post(() -> restartCampaign(myTerm, "the primary znode is no longer this session's"));
        }
    }

    private synchronized boolean current(final long myTerm)
    {
        return term == myTerm && state == ElectionState.PROMOTING;
    }

    private long sessionId() throws Exception
    {
        return client.getZookeeperClient().getZooKeeper().getSessionId();
    }

    private void post(final Runnable task)
    {
        if (lifecycle.get() != Lifecycle.STARTED)
        {
            return;
        }
        try
        {
            worker.execute(task);
        }
        catch (final RejectedExecutionException ex)
        {
            LOG.debug("{}: closed; dropped a task", name);
        }
    }

    /**
     * Graceful part of {@link #close()}: a primary deletes its primary znode (at the version it wrote) and its
     * latch node in one transaction; any other state only removes a primary znode its session may have left.
     */
    private void releaseAndCloseLatch(final LeaderLatch current, final long sessionId, final int ownPrimaryVersion)
    {
        try
        {
            if (current != null && sessionId != 0 && sessionId == sessionId())
            {
                final long releaseNs = System.nanoTime();
                if (ownPrimaryVersion >= 0 && znodes.release(current.getOurPath(), ownPrimaryVersion))
                {
                    LOG.info("{}: released the primary and latch znodes in {} us", name,
                        TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - releaseNs));
                }
                else
                {
                    znodes.deletePrimaryIfOwned(sessionId);
                }
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        catch (final Exception ex)
        {
            LOG.warn("{}: could not release the primary znode: {}", name, ex.toString());
        }
        if (current != null)
        {
            try
            {
                current.close();
            }
            catch (final IOException | IllegalStateException ex)
            {
                LOG.warn("{}: closing the latch failed: {}", name, ex.toString());
            }
        }
    }
}
