package io.tickkeeper.coordinator.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.KillSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.tickkeeper.coordinator.config.ZooKeeperTestServer;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FencedLockTest
{
    private static final String LOCK = "trade-log";
    private static final long WAIT_MS = 15_000L;

    private ZooKeeperTestServer zk;
    private final List<FencedLock> locks = new ArrayList<>();
    private final BlockingQueue<String> lossesOfA = new LinkedBlockingQueue<>();
    private final ExecutorService otherThread = Executors.newSingleThreadExecutor();

    @BeforeEach
    void startZooKeeper() throws Exception
    {
        zk = ZooKeeperTestServer.start();
    }

    @AfterEach
    void stopZooKeeper() throws Exception
    {
        otherThread.shutdownNow();
        for (final FencedLock lock : locks)
        {
            lock.close();
        }
        zk.close();
    }

    @Test
    void shouldGrantALargerTokenToEverySuccessiveHolder() throws Exception
    {
        final FencedLock a = lock(zk.operator(), "writer-a");
        final FencedLock b = lock(zk.operator(), "writer-b");

        final long first = a.acquire(WAIT_MS).orElseThrow();
        a.release();
        final long second = b.acquire(WAIT_MS).orElseThrow();
        b.release();
        final long third = a.acquire(WAIT_MS).orElseThrow();

        assertThat(first).isEqualTo(1L);
        assertThat(second).isEqualTo(2L);
        assertThat(third).isEqualTo(3L);
        assertThat(a.heldToken()).hasValue(3L);
        assertThat(new String(zk.operator().getData().forPath(FencedLock.tokenPath(LOCK)), StandardCharsets.UTF_8))
            .isEqualTo("3");
    }

    @Test
    void shouldMakeASecondContenderWaitUntilTheHolderReleases() throws Exception
    {
        final FencedLock a = lock(zk.operator(), "writer-a");
        final FencedLock b = lock(zk.operator(), "writer-b");
        assertThat(a.acquire(WAIT_MS)).hasValue(1L);

        assertThat(onOtherThread(() -> b.acquire(300L))).isEmpty();
        final Future<OptionalLong> waiting = otherThread.submit(() -> b.acquire(WAIT_MS));
        a.release();

        assertThat(waiting.get(WAIT_MS, TimeUnit.MILLISECONDS)).hasValue(2L);
        assertThat(a.isHeld()).isFalse();
        assertThat(a.heldToken()).isEmpty();
    }

    @Test
    void shouldFenceOffAHolderWhoseSessionExpiredWhileANewHolderWrites() throws Exception
    {
        final CuratorFramework clientA = zk.operator();
        final FencedLock a = lock(clientA, "writer-a");
        final FencedLock b = lock(zk.operator(), "writer-b");
        final GuardedLog tradeLog = new GuardedLog();
        final long tokenA = a.acquire(WAIT_MS).orElseThrow();
        assertThat(tradeLog.append(tokenA, "a-1")).isTrue();

        KillSession.kill(clientA.getZookeeperClient().getZooKeeper());

        assertThat(lossesOfA.poll(WAIT_MS, TimeUnit.MILLISECONDS)).startsWith("connection ");
        assertThat(a.isHeld()).isFalse();
        final long tokenB = onOtherThread(() -> b.acquire(WAIT_MS)).orElseThrow();
        assertThat(tokenB).isGreaterThan(tokenA);
        assertThat(tradeLog.append(tokenB, "b-1")).isTrue();
        assertThat(tradeLog.append(tokenA, "a-2 written late by the paused holder")).isFalse();
        assertThat(tradeLog.entries()).containsExactly("a-1", "b-1");

        assertThatThrownBy(() -> a.acquire(WAIT_MS)).isInstanceOf(IllegalStateException.class);
        a.release();
        onOtherThread(() ->
        {
            b.release();
            return OptionalLong.empty();
        });
        final long tokenAgain = a.acquire(WAIT_MS).orElseThrow();
        assertThat(tokenAgain).isGreaterThan(tokenB);
        assertThat(tradeLog.append(tokenAgain, "a-3")).isTrue();
    }

    @Test
    void shouldTellTheHolderWhenItsLockNodeIsDeleted() throws Exception
    {
        final CuratorFramework operator = zk.operator();
        final FencedLock a = lock(zk.operator(), "writer-a");
        final long tokenA = a.acquire(WAIT_MS).orElseThrow();
        final String lockNode = FencedLock.holdersPath(LOCK) + '/'
            + operator.getChildren().forPath(FencedLock.holdersPath(LOCK)).get(0);

        operator.delete().forPath(lockNode);

        assertThat(lossesOfA.poll(WAIT_MS, TimeUnit.MILLISECONDS)).isEqualTo("lock node deleted");
        assertThat(a.isHeld()).isFalse();
        assertThat(a.heldToken()).isEmpty();
        final FencedLock b = lock(zk.operator(), "writer-b");
        assertThat(onOtherThread(() -> b.acquire(WAIT_MS)).orElseThrow()).isGreaterThan(tokenA);
    }

    @Test
    void shouldListHolderQueueAndLastToken() throws Exception
    {
        final CuratorFramework clientA = zk.operator();
        final FencedLock a = lock(clientA, "writer-a");
        final FencedLock b = lock(zk.operator(), "writer-b");
        a.acquire(WAIT_MS).orElseThrow();
        final Future<OptionalLong> waiting = otherThread.submit(() -> b.acquire(WAIT_MS));
        final LockInspector inspector = new LockInspector(zk.anonymous());
        while (inspector.list().get(0).waiting() == 0)
        {
            assertThat(waiting.isDone()).isFalse();
            Thread.onSpinWait();
        }

        assertThat(inspector.list()).containsExactly(new LockStatus(LOCK, Optional.of("writer-a"),
            clientA.getZookeeperClient().getZooKeeper().getSessionId(), 1, OptionalLong.of(1L)));
        a.release();
        assertThat(waiting.get(WAIT_MS, TimeUnit.MILLISECONDS)).hasValue(2L);
        assertThat(inspector.list().get(0).holder()).contains("writer-b");
        assertThat(inspector.list().get(0).lastToken()).hasValue(2L);
    }

    private FencedLock lock(final CuratorFramework client, final String holderId)
    {
        final FencedLock lock = new FencedLock(client, LOCK, holderId, (name, token, reason) ->
        {
            if ("writer-a".equals(holderId))
            {
                lossesOfA.add(reason);
            }
        });
        locks.add(lock);
        lock.start();
        return lock;
    }

    private <T> T onOtherThread(final Callable<T> action) throws Exception
    {
        return otherThread.submit(action).get(WAIT_MS * 2, TimeUnit.MILLISECONDS);
    }

    /** A single-writer resource: appends only entries whose token is not older than the newest it has seen. */
    private static final class GuardedLog
    {
        private final FencingGuard guard = new FencingGuard();
        private final List<String> entries = new ArrayList<>();

        synchronized boolean append(final long token, final String entry)
        {
            if (!guard.admit(token))
            {
                return false;
            }
            entries.add(entry);
            return true;
        }

        synchronized List<String> entries()
        {
            return List.copyOf(entries);
        }
    }
}
