package io.tickkeeper.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.KillSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.tickkeeper.coordinator.config.ConfigKeys;
import io.tickkeeper.coordinator.config.ConfigStore;
import io.tickkeeper.runtime.transport.AeronTransport;

/**
 * Two feed nodes in one JVM (one Aeron transport, UDP on 127.0.0.1:231xx, a real ZooKeeper), a consumer
 * {@link FeedSubscriber} that records every tick it is handed.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FeedNodeTest
{
    private static final String CONSUMER = AeronTransport.udp(AeronTransport.LOOPBACK, 23_101);
    private static final String MIRROR_A = AeronTransport.udp(AeronTransport.LOOPBACK, 23_102);
    private static final String MIRROR_B = AeronTransport.udp(AeronTransport.LOOPBACK, 23_103);
    private static final long WAIT_MS = 20_000L;
    private static final int INSTRUMENTS = 4;
    private static final ModelParameters SHAPE = ModelParameters.DEFAULTS.withRegimeRates(0.2, 0.2, 0.2, 0.2);

    /** One tick as the consumer saw it. */
    private record Seen(long token, long sequence, int instrumentId, long price, long timestampNs, Regime regime)
    {
    }

    private FeedZooKeeper zk;
    private AeronTransport transport;
    private FeedSubscriber consumer;
    private final List<Seen> seen = new ArrayList<>();
    private final List<FeedNode> nodes = new ArrayList<>();

    @BeforeEach
    void start() throws Exception
    {
        zk = FeedZooKeeper.start();
        transport = AeronTransport.launch("feed-test");
        consumer = FeedSubscriber.subscribe(transport.aeron(), CONSUMER,
            (instrumentId, price, sequence, token, timestampNs, regime) ->
                seen.add(new Seen(token, sequence, instrumentId, price, timestampNs, regime)));
    }

    @AfterEach
    void stop() throws Exception
    {
        for (final FeedNode node : nodes)
        {
            node.close();
        }
        consumer.close();
        transport.close();
        zk.close();
    }

    @Test
    void shouldHandOverToTheStandbyWithAContiguousSequenceAndAHigherTokenWhenTheHolderCloses() throws Exception
    {
        final FeedNode a = node("a", zk.client(), MIRROR_A, List.of(CONSUMER, MIRROR_A, MIRROR_B));
        a.start();
        awaitRole(a, FeedRole.HOLDING);
        final FeedNode b = node("b", zk.client(), MIRROR_B, List.of(CONSUMER, MIRROR_A, MIRROR_B));
        b.start();
        awaitTicks(200);
        awaitUntil(() -> b.mirror().delivered() > 100L);
        final ModelParameters inForce = a.parameters();

        a.close();
        awaitRole(b, FeedRole.HOLDING);
        final int handedOverAt = seen.size();
        awaitTicks(handedOverAt + 200);

        assertContiguous();
        assertThat(consumer.repeats()).isZero();
        assertThat(consumer.staleTokenDrops()).isZero();
        assertThat(seen.get(0).token()).isEqualTo(1L);
        assertThat(seen.get(seen.size() - 1).token()).isEqualTo(2L);
        assertThat(b.ticksPublished()).isGreaterThan(0L);
        assertThatTheSuccessorContinuesThePathExactly(inForce);

        final FeedPublisher stale = new FeedPublisher(transport.aeron(), List.of(CONSUMER));
        final MutableTick tick = new MutableTick();
        tick.set(seen.get(seen.size() - 1).sequence() + 1L, 1, 12_345L, Regime.NORMAL, 0L);
        awaitUntil(() -> stale.publish(1L, tick) == 1);
        awaitUntil(() -> consumer.staleTokenDrops() == 1L);
        stale.close();
        assertThat(seen).noneMatch(s -> s.price() == 12_345L && s.token() == 1L && s.sequence() == tick.sequence());
    }

    @Test
    void shouldTakeOverWhenTheHoldersSessionExpires() throws Exception
    {
        final CuratorFramework clientA = zk.client();
        final FeedNode a = node("a", clientA, MIRROR_A, List.of(CONSUMER, MIRROR_A, MIRROR_B));
        a.start();
        awaitRole(a, FeedRole.HOLDING);
        final FeedNode b = node("b", zk.client(), MIRROR_B, List.of(CONSUMER, MIRROR_A, MIRROR_B));
        b.start();
        awaitTicks(200);

        KillSession.kill(clientA.getZookeeperClient().getZooKeeper());
        awaitRole(b, FeedRole.HOLDING);
        awaitUntil(() -> a.role() == FeedRole.STANDBY);
        final int handedOverAt = seen.size();
        awaitTicks(handedOverAt + 200);

        assertThat(consumer.gaps()).isZero();
        assertThat(seen.get(seen.size() - 1).token()).isEqualTo(2L);
        assertThat(b.publishingToken()).hasValue(2L);
        assertThat(a.publishingToken()).isEmpty();
        // Whatever the old holder sent before it learnt of its loss, the new holder's ticks at the same sequences
        // (if any overlap) carry the same prices: it continues the same deterministic path.
        final Map<Long, Seen> fromA = new HashMap<>();
        for (final Seen tick : seen)
        {
            if (tick.token() == 1L)
            {
                fromA.put(tick.sequence(), tick);
            }
            else if (fromA.containsKey(tick.sequence()))
            {
                assertThat(tick.price()).isEqualTo(fromA.get(tick.sequence()).price());
            }
        }
        for (int i = 1; i < seen.size(); i++)
        {
            final Seen previous = seen.get(i - 1);
            final Seen current = seen.get(i);
            assertThat(current.sequence() == previous.sequence() + 1L
                || current.token() > previous.token() && current.sequence() <= previous.sequence())
                .as("tick %s after %s", current, previous).isTrue();
        }
    }

    @Test
    void shouldContinueFromTheCheckpointWhenTheStandbySawNothing() throws Exception
    {
        final FeedNode a = node("a", zk.client(), MIRROR_A, List.of(CONSUMER));
        a.start();
        awaitRole(a, FeedRole.HOLDING);
        final FeedNode b = node("b", zk.client(), MIRROR_B, List.of(CONSUMER));
        b.start();
        awaitTicks(200);
        final ModelParameters inForce = a.parameters();

        a.close();
        awaitRole(b, FeedRole.HOLDING);
        awaitTicks(seen.size() + 200);

        assertThat(b.mirror().delivered()).isZero();
        assertContiguous();
        assertThat(consumer.repeats()).isZero();
        assertThat(seen.get(seen.size() - 1).token()).isEqualTo(2L);
        assertThatTheSuccessorContinuesThePathExactly(inForce);
    }

    @Test
    void shouldStopPublishingWhenTheCheckpointHoldsANewerToken() throws Exception
    {
        final CuratorFramework client = zk.client();
        final FeedNode a = node("a", client, MIRROR_A, List.of(CONSUMER));
        a.start();
        awaitRole(a, FeedRole.HOLDING);
        awaitTicks(100);
        final FeedCheckpointStore store = new FeedCheckpointStore(client, FeedNode.LOCK_NAME);
        // The first checkpoint is written by the holder's lock thread, which a busy machine may run after 100 ticks.
        final FeedCheckpoint current = awaitCheckpoint(store);
        assertThat(current.token()).isEqualTo(1L);

        // What a successor with token 2 would have written while this holder was paused.
        store.write(new FeedCheckpoint(2L, current.seed(), current.sequence(), current.timestampNs(),
            current.regime(), current.prices()));

        awaitUntil(() -> a.publishingToken().orElse(0L) == 2L);
        final int resumedAt = seen.size();
        awaitTicks(resumedAt + 100);
        assertThat(seen.get(seen.size() - 1).token()).isEqualTo(2L);
        assertThat(consumer.gaps()).isZero();
    }

    @Test
    void shouldApplyAVolatilityChangeAtOnce() throws Exception
    {
        final CuratorFramework client = zk.client();
        final ConfigStore config = new ConfigStore(client, ConfigKeys.registry());
        config.set(ConfigKeys.FEED_JUMP_RATE.name(), "0.0", "test", 0L);
        // 100 steps a second (the default is 10), so the 1,600 ticks the variance is measured on come in seconds.
        config.set(ConfigKeys.FEED_TICK_RATE_HZ.name(), "100", "test", 0L);
        final FeedNode a = new FeedNode(client, transport.aeron(), context("a", MIRROR_A, List.of(CONSUMER))
            .parameters(ModelParameters.DEFAULTS.withRegimeRates(0.0, 0.0, 0.0, 0.0)));
        nodes.add(a);
        a.start();
        awaitRole(a, FeedRole.HOLDING);
        assertThat(a.parameters().volatility()).isEqualTo(0.3);
        assertThat(a.parameters().jumpRatePerSecond()).isEqualTo(0.0);
        awaitTicks(800);

        config.set(ConfigKeys.FEED_VOLATILITY.name(), "3.0", "test", 0L);
        awaitUntil(() -> a.parameters().volatility() == 3.0);
        final int changedAt = seen.size() + INSTRUMENTS * 2;
        awaitTicks(changedAt + 800);

        final double before = meanSquaredLogReturn(0, changedAt - INSTRUMENTS * 4);
        final double after = meanSquaredLogReturn(changedAt, seen.size());
        // (3.0 / 0.3)^2 = 100 times the variance.
        assertThat(after / before).isGreaterThan(30.0);
        assertThat(consumer.gaps()).isZero();
    }

    private double meanSquaredLogReturn(final int from, final int to)
    {
        final Map<Integer, Long> last = new HashMap<>();
        double sum = 0.0;
        int count = 0;
        for (final Seen tick : seen.subList(from, to))
        {
            final Long previous = last.put(tick.instrumentId(), tick.price());
            if (previous != null)
            {
                final double logReturn = Math.log((double)tick.price() / previous);
                sum += logReturn * logReturn;
                count++;
            }
        }
        return sum / count;
    }

    /** Mirrors the first publisher's ticks into a model and checks the successor's ticks are its continuation. */
    private void assertThatTheSuccessorContinuesThePathExactly(final ModelParameters inForce)
    {
        final PriceModel reference = new PriceModel(42L, INSTRUMENTS, 0L);
        final MutableTick next = new MutableTick();
        int checked = 0;
        for (final Seen tick : seen)
        {
            if (tick.token() == 1L)
            {
                reference.mirror(tick.sequence(), tick.instrumentId(), tick.price(), tick.regime(), tick.timestampNs());
                continue;
            }
            reference.next(inForce, next);
            assertThat(new Seen(tick.token(), next.sequence(), next.instrumentId(), next.price(), next.timestampNs(),
                next.regime())).isEqualTo(tick);
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(200);
    }

    private void assertContiguous()
    {
        assertThat(consumer.gaps()).isZero();
        for (int i = 1; i < seen.size(); i++)
        {
            assertThat(seen.get(i).sequence()).as("tick %d", i).isEqualTo(seen.get(i - 1).sequence() + 1L);
            assertThat(seen.get(i).token()).isGreaterThanOrEqualTo(seen.get(i - 1).token());
        }
    }

    private FeedNode node(final String name, final CuratorFramework client, final String mirror,
        final List<String> channels)
    {
        final FeedNode node = new FeedNode(client, transport.aeron(), context(name, mirror, channels));
        nodes.add(node);
        return node;
    }

    private static FeedNode.Context context(final String name, final String mirror, final List<String> channels)
    {
        return new FeedNode.Context()
            .nodeName(name)
            .instruments(INSTRUMENTS)
            .seed(42L)
            .startTimeNs(1_000_000_000L)
            .channels(channels)
            .mirrorChannel(mirror)
            .parameters(SHAPE)
            .checkpointIntervalMs(50L)
            .lockAttemptMs(500L);
    }

    private void awaitRole(final FeedNode node, final FeedRole role)
    {
        awaitUntil(() -> node.role() == role);
    }

    private void awaitTicks(final int count)
    {
        awaitUntil(() -> seen.size() >= count);
    }

    private FeedCheckpoint awaitCheckpoint(final FeedCheckpointStore store)
    {
        final FeedCheckpoint[] found = new FeedCheckpoint[1];
        awaitUntil(() ->
        {
            try
            {
                found[0] = store.read().orElse(null);
            }
            catch (final Exception ex)
            {
                throw new AssertionError("cannot read the checkpoint", ex);
            }
            return found[0] != null;
        });
        return found[0];
    }

    private void awaitUntil(final BooleanSupplier condition)
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() - deadlineNs > 0L)
            {
                throw new AssertionError("condition not met within " + WAIT_MS + " ms");
            }
            if (consumer.poll() == 0)
            {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
        }
    }
}
