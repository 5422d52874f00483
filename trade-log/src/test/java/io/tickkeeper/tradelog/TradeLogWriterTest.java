package io.tickkeeper.tradelog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.KillSession;
import org.apache.curator.test.TestingServer;
import org.apache.curator.utils.CloseableUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.tickkeeper.coordinator.CoordinatorClients;
import io.tickkeeper.coordinator.Credentials;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TradeLogWriterTest
{
    private static final int TICK_MS = 200;
    private static final int SESSION_TIMEOUT_MS = 3_000;
    private static final long WAIT_MS = 15_000L;
    private static final Credentials OPERATOR = Credentials.parse("operator:operator-secret");

    @TempDir
    Path directory;

    private TestingServer zk;
    private final List<CuratorFramework> clients = new ArrayList<>();
    private final List<WriterThread> writers = new ArrayList<>();

    @BeforeEach
    void startZooKeeper() throws Exception
    {
        final Path base = Files.createDirectories(Path.of("target", "zk-tests"));
        zk = new TestingServer(new InstanceSpec(
            Files.createTempDirectory(base, "zk").toFile(), -1, -1, -1, true, -1, TICK_MS, -1), true);
    }

    @AfterEach
    void stopZooKeeper() throws Exception
    {
        for (final WriterThread writer : writers)
        {
            writer.close();
        }
        clients.forEach(CloseableUtils::closeQuietly);
        zk.close();
    }

    @Test
    void shouldAppendTheFillsItIsOfferedWithItsLockToken() throws Exception
    {
        final WriterThread a = writer("writer-a");
        assertThat(a.offer(1L, 1)).isEqualTo(TradeLogResult.NOT_HOLDER);

        assertThat(a.acquire(WAIT_MS)).isTrue();
        for (long tradeId = 1; tradeId <= 10; tradeId++)
        {
            assertThat(a.offer(tradeId, 1)).isEqualTo(TradeLogResult.APPENDED);
        }
        assertThat(a.offer(10L, 1)).isEqualTo(TradeLogResult.DUPLICATE);

        final List<String> expected = new ArrayList<>();
        for (long tradeId = 1; tradeId <= 10; tradeId++)
        {
            expected.add(Trades.fill(1L, tradeId, 1).toString());
        }
        assertThat(Trades.readAll(directory)).containsExactlyElementsOf(expected);
        assertThat(a.writer().token()).isEqualTo(1L);
        assertThat(a.writer().appended()).isEqualTo(10L);
        assertThat(a.writer().duplicates()).isEqualTo(1L);
        assertThat(a.writer().notHolder()).isEqualTo(1L);
    }

    @Test
    void shouldFenceOffAWriterWhoseSessionExpiredAndLetTheNextOneContinueWithoutDuplicates() throws Exception
    {
        final WriterThread a = writer("writer-a");
        final WriterThread b = writer("writer-b");
        assertThat(a.acquire(WAIT_MS)).isTrue();
        for (long tradeId = 1; tradeId <= 5; tradeId++)
        {
            assertThat(a.offer(tradeId, 1)).isEqualTo(TradeLogResult.APPENDED);
        }
        final long tokenA = a.writer().token();

        KillSession.kill(a.client().getZookeeperClient().getZooKeeper());
        awaitNotWriting(a.writer());
        assertThat(a.offer(6L, 1)).isEqualTo(TradeLogResult.NOT_HOLDER);
        assertThat(a.writer().state()).isEqualTo(TradeLogWriter.State.STANDBY);

        assertThat(b.acquire(WAIT_MS)).isTrue();
        assertThat(b.writer().token()).isGreaterThan(tokenA);
        for (long tradeId = 1; tradeId <= 10; tradeId++)
        {
            assertThat(b.offer(tradeId, 1)).isEqualTo(tradeId <= 5 ? TradeLogResult.DUPLICATE : TradeLogResult.APPENDED);
        }

        final TradeLogResult zombie = a.run(() -> a.log().append(Trades.fill(tokenA, 11L, 1)));
        assertThat(zombie).isEqualTo(TradeLogResult.STALE_TOKEN);
        assertThat(a.log().refused()).isEqualTo(1L);

        final List<String> expected = new ArrayList<>();
        for (long tradeId = 1; tradeId <= 10; tradeId++)
        {
            expected.add(Trades.fill(tradeId <= 5 ? tokenA : b.writer().token(), tradeId, 1).toString());
        }
        assertThat(Trades.readAll(directory)).containsExactlyElementsOf(expected);
        final TradeLogVerifier verifier = Trades.verify(directory);
        assertThat(verifier.passed()).isTrue();
        assertThat(verifier.summary()).contains("token " + tokenA + " records 5", "token " + b.writer().token() + " records 5");
    }

    @Test
    void shouldStopWritingAndGiveTheLockUpWhenTheLogHoldsANewerToken() throws Exception
    {
        final WriterThread a = writer("writer-a");
        final WriterThread b = writer("writer-b");
        assertThat(a.acquire(WAIT_MS)).isTrue();
        assertThat(a.offer(1L, 3)).isEqualTo(TradeLogResult.APPENDED);
        final long newerToken = a.writer().token() + 1;
        try (TradeLog successor = TradeLog.open(directory))
        {
            assertThat(successor.append(Trades.fill(newerToken, 2L, 3))).isEqualTo(TradeLogResult.APPENDED);
        }

        assertThat(a.offer(3L, 3)).isEqualTo(TradeLogResult.STALE_TOKEN);
        assertThat(a.writer().state()).isEqualTo(TradeLogWriter.State.STANDBY);
        assertThat(a.writer().refused()).isEqualTo(1L);
        assertThat(a.offer(3L, 3)).isEqualTo(TradeLogResult.NOT_HOLDER);
        assertThat(b.acquire(WAIT_MS)).isTrue();
        assertThat(b.writer().token()).isEqualTo(newerToken);
        assertThat(b.offer(3L, 3)).isEqualTo(TradeLogResult.APPENDED);

        assertThat(Trades.readAll(directory)).containsExactly(Trades.fill(1L, 1L, 3).toString(),
            Trades.fill(newerToken, 2L, 3).toString(), Trades.fill(newerToken, 3L, 3).toString());
    }

    @Test
    void shouldLetOnlyTheLockHolderWriteWhenTwoWritersRace() throws Exception
    {
        final WriterThread a = writer("writer-a");
        final WriterThread b = writer("writer-b");
        final long trades = 60;
        final AtomicBoolean firstHolderDone = new AtomicBoolean();
        final CountDownLatch go = new CountDownLatch(1);
        final ExecutorService drivers = Executors.newFixedThreadPool(2);
        try
        {
            final List<Future<Map<TradeLogResult, Long>>> outcomes = new ArrayList<>();
            for (final WriterThread writer : List.of(a, b))
            {
                outcomes.add(drivers.submit(() ->
                {
                    go.await();
                    return writer.run(() -> race(writer.writer(), trades, firstHolderDone));
                }));
            }
            go.countDown();
            final Map<TradeLogResult, Long> first = outcomes.get(0).get(45, TimeUnit.SECONDS);
            final Map<TradeLogResult, Long> second = outcomes.get(1).get(45, TimeUnit.SECONDS);

            final long appended = first.getOrDefault(TradeLogResult.APPENDED, 0L) +
                second.getOrDefault(TradeLogResult.APPENDED, 0L);
            final long duplicates = first.getOrDefault(TradeLogResult.DUPLICATE, 0L) +
                second.getOrDefault(TradeLogResult.DUPLICATE, 0L);
            assertThat(appended).isEqualTo(trades);
            assertThat(duplicates).isEqualTo(trades / 2);
            assertThat(first.get(TradeLogResult.STALE_TOKEN)).isNull();
            assertThat(second.get(TradeLogResult.STALE_TOKEN)).isNull();
        }
        finally
        {
            drivers.shutdownNow();
        }

        final TradeLogVerifier verifier = Trades.verify(directory);
        assertThat(verifier.passed()).isTrue();
        assertThat(verifier.records()).isEqualTo(trades);
        final long firstToken = Math.min(a.writer().token(), b.writer().token());
        final long secondToken = Math.max(a.writer().token(), b.writer().token());
        assertThat(verifier.summary()).contains(
            "token " + firstToken + " records " + trades / 2, "token " + secondToken + " records " + trades / 2);
    }

    /**
     * Run on the writer's own thread: wait for the lock; the first holder writes half the trades and hands over,
     * the second offers them all from the start, as a new risk primary replaying its trades would.
     */
    private static Map<TradeLogResult, Long> race(
        final TradeLogWriter writer, final long trades, final AtomicBoolean firstHolderDone)
    {
        final Map<TradeLogResult, Long> outcomes = new EnumMap<>(TradeLogResult.class);
        if (!writer.acquire(WAIT_MS))
        {
            throw new AssertionError("no lock in " + WAIT_MS + " ms");
        }
        final boolean second = firstHolderDone.get();
        final long last = second ? trades : trades / 2;
        for (long tradeId = 1; tradeId <= last; tradeId++)
        {
            outcomes.merge(Trades.offer(writer, tradeId, 2), 1L, Long::sum);
        }
        firstHolderDone.set(true);
        writer.release();
        outcomes.merge(Trades.offer(writer, last + 1, 2), 1L, Long::sum);
        return outcomes;
    }

    private WriterThread writer(final String holderId) throws Exception
    {
        final CuratorFramework client = CoordinatorClients.newClient(
            zk.getConnectString(), SESSION_TIMEOUT_MS, Optional.of(OPERATOR));
        clients.add(client);
        client.start();
        assertThat(client.blockUntilConnected(10, TimeUnit.SECONDS)).isTrue();
        final WriterThread writer = new WriterThread(client, holderId, directory);
        writers.add(writer);
        return writer;
    }

    private static void awaitNotWriting(final TradeLogWriter writer) throws InterruptedException
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
        while (writer.isWriting())
        {
            if (System.nanoTime() > deadlineNs)
            {
                throw new AssertionError("the writer was not told that its session expired");
            }
            Thread.sleep(10);
        }
    }
}
