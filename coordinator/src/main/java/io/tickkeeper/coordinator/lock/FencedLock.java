package io.tickkeeper.coordinator.lock;

import java.io.Closeable;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.CuratorWatcher;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.ConnectionStateListener;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.data.Stat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tickkeeper.coordinator.ZkPaths;

/**
 * A lock for a single-writer resource that hands its holder a fencing token. Mutual exclusion is Curator's
 * {@link org.apache.curator.framework.recipes.locks.InterProcessMutex} (ephemeral sequential nodes under
 * {@code /tickkeeper/locks/<name>/holders}); the token is the persistent counter {@code /tickkeeper/locks/<name>/token},
 * incremented at every acquisition by a ZooKeeper transaction that also checks that the holder's own lock node
 * still exists. So a token is granted only to a live holder, and a holder granted later always gets a larger
 * token, even when an earlier holder, paused past its session, wakes up and tries to take one.
 * <p>
 * The holder is told at once ({@link FencedLockListener}) when its holding ends: on connection SUSPENDED (it can
 * no longer know whether its session lives) or LOST, or when its lock node is deleted. It then stops writing and
 * calls {@link #release()}; a lost holding is never silently regained, the holder acquires again and gets a new
 * token. Resources refuse stale tokens with a {@link FencingGuard}.
 * <p>
 * Like the mutex under it, {@link #acquire(long)} and {@link #release()} belong to one thread, the holder's.
 * Lifecycle: LATENT, then {@link #start()}, then {@link #close()}.
 */
public final class FencedLock implements Closeable
{
    /** Child of the lock znode under which contenders queue. */
    static final String HOLDERS = "holders";
    /** Child of the lock znode holding the last token granted, in decimal. */
    static final String TOKEN = "token";

    private static final Logger LOG = LoggerFactory.getLogger(FencedLock.class);

    private enum State
    {
        LATENT, STARTED, CLOSED
    }

    /** One holding: the lock node it owns and the token it was granted. */
    private static final class Holding
    {
        private final String lockNode;
        private final long token;
        private final AtomicBoolean ended = new AtomicBoolean();

        private Holding(final String lockNode, final long token)
        {
            this.lockNode = lockNode;
            this.token = token;
        }
    }

    private final AtomicReference<State> state = new AtomicReference<>(State.LATENT);
    private final AtomicReference<Holding> holding = new AtomicReference<>();
    private final CuratorFramework client;
    private final String name;
    private final FencedLockListener listener;
    private final HolderMutex mutex;
    private final ConnectionStateListener connectionListener = (ignored, newState) -> onConnectionState(newState);

    /**
     * @param client   a started client with the credentials of the lock's owner identity.
     * @param name     the lock name (a single znode name, e.g. {@code market-feed}).
     * @param holderId who this contender is, shown by {@code tickctl locks}.
     * @param listener told when a holding ends.
     */
    public FencedLock(
        final CuratorFramework client, final String name, final String holderId, final FencedLockListener listener)
    {
        this.client = client;
        this.name = ZkPaths.checkName(name);
        this.listener = listener;
        this.mutex = new HolderMutex(client, holdersPath(name), holderId.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param name a lock name.
     * @return the znode under which that lock's contenders queue.
     */
    public static String holdersPath(final String name)
    {
        return ZkPaths.lock(name) + '/' + HOLDERS;
    }

    /**
     * @param name a lock name.
     * @return the znode holding the last fencing token granted for that lock.
     */
    public static String tokenPath(final String name)
    {
        return ZkPaths.lock(name) + '/' + TOKEN;
    }

    /**
     * Creates the lock's persistent znode if needed and starts following the connection state.
     */
    public void start()
    {
        if (!state.compareAndSet(State.LATENT, State.STARTED))
        {
            throw new IllegalStateException("FencedLock " + name + " cannot be started in state " + state.get());
        }
        client.getConnectionStateListenable().addListener(connectionListener);
        try
        {
            if (client.checkExists().forPath(ZkPaths.lock(name)) == null)
            {
                client.create().creatingParentsIfNeeded().forPath(ZkPaths.lock(name), new byte[0]);
            }
        }
        catch (final KeeperException.NodeExistsException ex)
        {
            LOG.debug("lock znode {} created concurrently", ZkPaths.lock(name));
        }
        catch (final Exception ex)
        {
            throw failure("create the znode of lock " + name, ex);
        }
    }

    /**
     * Waits for the lock and takes a fencing token.
     *
     * @param timeoutMs how long to wait for the lock.
     * @return the fencing token of this holding, or empty when the lock was not acquired in time (or the holding
     *         ended before a token could be granted, or the thread was interrupted, its flag restored).
     * @throws IllegalStateException when not started, or when this FencedLock already holds the lock.
     * @throws FencedLockException   when ZooKeeper refuses (e.g. no permission) or cannot be reached.
     */
    public OptionalLong acquire(final long timeoutMs)
    {
        if (state.get() != State.STARTED)
        {
            throw new IllegalStateException("FencedLock " + name + " is not started: " + state.get());
        }
        if (holding.get() != null)
        {
            throw new IllegalStateException("lock " + name + " has a holding here (held or lost): release it before acquiring again");
        }
        try
        {
            if (!mutex.acquire(timeoutMs, TimeUnit.MILLISECONDS))
            {
                return OptionalLong.empty();
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        }
        catch (final Exception ex)
        {
            throw failure("acquire lock " + name, ex);
        }
        final String lockNode = mutex.ownLockNode();
        final long token;
        try
        {
            token = grantToken(lockNode);
        }
        catch (final KeeperException.NoNodeException ex)
        {
            LOG.warn("lock {}: our lock node {} vanished before a token was granted", name, lockNode);
            releaseMutex();
            return OptionalLong.empty();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            releaseMutex();
            return OptionalLong.empty();
        }
        catch (final Exception ex)
        {
            releaseMutex();
            throw failure("grant a fencing token for lock " + name, ex);
        }
        final Holding current = new Holding(lockNode, token);
        holding.set(current);
        watchLockNode(current);
        if (!client.getZookeeperClient().isConnected())
        {
            end(current, "connection lost while acquiring");
        }
        return current.ended.get() ? OptionalLong.empty() : OptionalLong.of(token);
    }

    /** @return whether this FencedLock holds the lock and has not been told otherwise. */
    public boolean isHeld()
    {
        final Holding current = holding.get();
        return current != null && !current.ended.get();
    }

    /** @return the fencing token of the current holding, while it lasts. */
    public OptionalLong heldToken()
    {
        final Holding current = holding.get();
        return current == null || current.ended.get() ? OptionalLong.empty() : OptionalLong.of(current.token);
    }

    /** @return the lock name. */
    public String name()
    {
        return name;
    }

    /**
     * Gives the lock up (also after it was lost: that removes what is left of the holding). Call it from the
     * thread that acquired the lock; nothing happens when nothing is held.
     *
     * @throws IllegalStateException when called from another thread than the one that acquired the lock.
     */
    public void release()
    {
        final Holding current = holding.get();
        if (current == null)
        {
            return;
        }
        if (!mutex.isOwnedByCurrentThread())
        {
            throw new IllegalStateException("lock " + name + " must be released by the thread that acquired it");
        }
        current.ended.set(true);
        holding.set(null);
        releaseMutex();
    }

    /**
     * Stops following the connection and gives up any holding: through the mutex when called from the holder's
     * thread, else by deleting the lock node directly.
     */
    @Override
    public void close()
    {
        if (state.getAndSet(State.CLOSED) != State.STARTED)
        {
            return;
        }
        client.getConnectionStateListenable().removeListener(connectionListener);
        final Holding current = holding.getAndSet(null);
        if (current == null)
        {
            return;
        }
        current.ended.set(true);
        if (mutex.isOwnedByCurrentThread())
        {
            releaseMutex();
            return;
        }
        try
        {
            client.delete().guaranteed().forPath(current.lockNode);
        }
        catch (final KeeperException.NoNodeException ex)
        {
            LOG.debug("lock {}: lock node {} already gone at close", name, current.lockNode);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            LOG.warn("lock {}: interrupted while deleting lock node {} at close", name, current.lockNode);
        }
        catch (final Exception ex)
        {
            LOG.warn("lock {}: could not delete lock node {} at close; it goes with the session", name,
                current.lockNode, ex);
        }
    }

    private long grantToken(final String lockNode) throws Exception
    {
        final String tokenPath = tokenPath(name);
        while (true)
        {
            final Stat stat = new Stat();
            long last = 0L;
            boolean exists = true;
            try
            {
                last = parseToken(client.getData().storingStatIn(stat).forPath(tokenPath));
            }
            catch (final KeeperException.NoNodeException ex)
            {
                exists = false;
            }
            final long next = last + 1L;
            final byte[] data = Long.toString(next).getBytes(StandardCharsets.UTF_8);
            final CuratorOp checkHolder = client.transactionOp().check().forPath(lockNode);
            final CuratorOp writeToken = exists ?
                client.transactionOp().setData().withVersion(stat.getVersion()).forPath(tokenPath, data) :
                client.transactionOp().create().forPath(tokenPath, data);
            try
            {
                client.transaction().forOperations(checkHolder, writeToken);
                return next;
            }
            catch (final KeeperException.BadVersionException | KeeperException.NodeExistsException ex)
            {
                LOG.warn("lock {}: token znode changed under the holder (written by other means); re-reading", name);
            }
            catch (final KeeperException.NoNodeException ex)
            {
                if (client.checkExists().forPath(lockNode) == null)
                {
                    throw ex;
                }
            }
        }
    }

    private long parseToken(final byte[] data)
    {
        final String text = new String(data, StandardCharsets.UTF_8).trim();
        try
        {
            final long token = Long.parseLong(text);
            if (token < 0L)
            {
                throw new NumberFormatException("negative");
            }
            return token;
        }
        catch (final NumberFormatException ex)
        {
            throw new FencedLockException("token znode of lock " + name + " holds '" + text
                + "', not a token: refusing to grant one that might not be larger than every earlier token", ex);
        }
    }

    private void watchLockNode(final Holding current)
    {
        final CuratorWatcher watcher = event ->
        {
            if (event.getType() == Watcher.Event.EventType.NodeDeleted)
            {
                end(current, "lock node deleted");
            }
            else if (event.getType() != Watcher.Event.EventType.None && !current.ended.get())
            {
                watchLockNode(current);
            }
        };
        try
        {
            if (client.checkExists().usingWatcher(watcher).forPath(current.lockNode) == null)
            {
                end(current, "lock node gone");
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            end(current, "interrupted while watching the lock node");
        }
        catch (final Exception ex)
        {
            end(current, "cannot watch the lock node: " + ex);
        }
    }

    private void onConnectionState(final ConnectionState newState)
    {
        if (newState == ConnectionState.SUSPENDED || newState == ConnectionState.LOST)
        {
            final Holding current = holding.get();
            if (current != null)
            {
                end(current, "connection " + newState);
            }
        }
    }

    private void end(final Holding current, final String reason)
    {
        if (!current.ended.compareAndSet(false, true))
        {
            return;
        }
        LOG.warn("lock {} lost (token {}): {}", name, current.token, reason);
        try
        {
            listener.lockLost(name, current.token, reason);
        }
        catch (final RuntimeException ex)
        {
            LOG.error("lock {}: lost-lock listener failed", name, ex);
        }
    }

    private void releaseMutex()
    {
        try
        {
            mutex.release();
        }
        catch (final IllegalMonitorStateException ex)
        {
            LOG.debug("lock {}: nothing to release", name);
        }
        catch (final Exception ex)
        {
            LOG.warn("lock {}: release failed; the lock node goes with the session", name, ex);
        }
    }

    private static FencedLockException failure(final String action, final Exception ex)
    {
        if (ex instanceof FencedLockException)
        {
            return (FencedLockException)ex;
        }
        if (ex instanceof KeeperException.NoAuthException)
        {
            return new FencedLockException("no permission to " + action
                + ": the client is anonymous or not the lock's owner identity", ex);
        }
        return new FencedLockException("could not " + action + ": " + ex, ex);
    }
}
