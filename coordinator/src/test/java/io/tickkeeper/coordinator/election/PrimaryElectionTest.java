package io.tickkeeper.coordinator.election;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.tickkeeper.coordinator.ZkPaths;
import io.tickkeeper.coordinator.zk.Await;
import io.tickkeeper.coordinator.zk.InProcessEnsemble;

/**
 * {@link PrimaryElection} against a real three-server ensemble.
 */
class PrimaryElectionTest
{
    private static final String SERVICE = "test-service";
    private static final long WAIT_MS = 15_000;

    private static InProcessEnsemble ensemble;

    private final List<Long> epochs = new ArrayList<>();
    private final List<PrimaryElection> elections = new ArrayList<>();

    @BeforeAll
    static void startEnsemble() throws Exception
    {
        ensemble = InProcessEnsemble.start(22500);
    }

    @AfterAll
    static void stopEnsemble() throws Exception
    {
        ensemble.close();
    }

    @Test
    void shouldElectOnePrimaryThatBumpsTheEpochAndPublishesItself() throws Exception
    {
        final String shard = "elect";
        final Candidate a = candidate(shard, "a");
        final Candidate b = candidate(shard, "b");

        Await.until(() -> a.election.isPrimary() || b.election.isPrimary(), WAIT_MS, "a primary");
        final Candidate primary = a.election.isPrimary() ? a : b;
        final Candidate follower = primary == a ? b : a;

        assertThat(primary.election.fencedEpoch()).isEqualTo(1);
        assertThat(follower.election.state()).isEqualTo(ElectionState.CANDIDATE);
        assertThat(follower.election.fencedEpoch()).isEqualTo(PrimaryElection.NO_EPOCH);
        Await.until(() -> follower.listener.sawFollowerOf(primary.listener.node(), 1), WAIT_MS, "follower told");

        final CuratorFramework reader = ensemble.anonymous();
        final Stat primaryStat = new Stat();
        final PrimaryInfo published = PrimaryInfo.fromJson(
            reader.getData().storingStatIn(primaryStat).forPath(ZkPaths.primary(SERVICE, shard)));
        assertThat(published).isEqualTo(new PrimaryInfo(primary.listener.node(), endpoint(primary), 1));
        assertThat(primaryStat.getEphemeralOwner())
            .isEqualTo(primary.client.getZookeeperClient().getZooKeeper().getSessionId());
        assertThat(new String(reader.getData().forPath(ZkPaths.epoch(SERVICE, shard)), StandardCharsets.US_ASCII))
            .isEqualTo("1");
        assertThat(epochs).containsExactly(1L);
    }

    @Test
    void shouldHandOverWithAHigherEpochWhenThePrimarysSessionExpires() throws Exception
    {
        final String shard = "expire";
        final Candidate a = candidate(shard, "a");
        Await.until(a.election::isPrimary, WAIT_MS, "a primary");
        final Candidate b = candidate(shard, "b");
        Await.until(() -> b.listener.sawFollowerOf("a", 1), WAIT_MS, "b following a");

        ensemble.expireSession(a.client);

        Await.until(b.election::isPrimary, WAIT_MS, "b primary");
        assertThat(b.election.fencedEpoch()).isEqualTo(2);
        Await.until(() -> a.listener.notPrimaryCount() > 0, WAIT_MS, "a told it is not primary");
        Await.until(() -> a.listener.sawFollowerOf("b", 2), WAIT_MS, "a following b after re-joining");
        assertThat(a.election.fencedEpoch()).isEqualTo(PrimaryElection.NO_EPOCH);
        assertThat(epochs).containsExactly(1L, 2L);
    }

    @Test
    void shouldHandOverAtOnceWhenThePrimaryCloses() throws Exception
    {
        final String shard = "close";
        final Candidate a = candidate(shard, "a");
        Await.until(a.election::isPrimary, WAIT_MS, "a primary");
        final Candidate b = candidate(shard, "b");
        Await.until(() -> b.listener.sawFollowerOf("a", 1), WAIT_MS, "b following a");

        final long closedNs = System.nanoTime();
        a.election.close();
        Await.until(b.election::isPrimary, WAIT_MS, "b primary");
        final long handOverMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closedNs);

        assertThat(handOverMs)
            .as("a graceful hand-over must not wait for the session to expire")
            .isLessThan(InProcessEnsemble.SESSION_TIMEOUT_MS / 2);
        assertThat(b.election.fencedEpoch()).isEqualTo(2);
        assertThat(a.election.state()).isEqualTo(ElectionState.CLOSED);
        assertThat(a.listener.events()).extracting(RecordingListener.Event::kind).endsWith("not-primary");
        final PrimaryInfo published = PrimaryInfo.fromJson(
            ensemble.anonymous().getData().forPath(ZkPaths.primary(SERVICE, shard)));
        assertThat(published.node()).isEqualTo("b");
    }

    @Test
    void shouldNeverActOnItsOldEpochWhenItsSessionExpiredWhileFrozen() throws Exception
    {
        final String shard = "frozen";
        final Candidate a = candidate(shard, "a");
        Await.until(a.election::isPrimary, WAIT_MS, "a primary");
        final Candidate b = candidate(shard, "b");
        Await.until(() -> b.listener.sawFollowerOf("a", 1), WAIT_MS, "b following a");

        final CountDownLatch thaw = new CountDownLatch(1);
        final CountDownLatch frozen = freezeEventThread(a.client, shard, thaw);
        assertThat(frozen.await(WAIT_MS, TimeUnit.MILLISECONDS)).isTrue();
        final long frozenNs = System.nanoTime();
        ensemble.expireSession(a.client);
        Await.until(b.election::isPrimary, WAIT_MS, "b primary");
        assertThat(b.election.fencedEpoch()).isEqualTo(2);

        Await.until(() -> a.election.fencedEpoch() == PrimaryElection.NO_EPOCH, WAIT_MS, "a's lease to run out");
        final long leaseGoneMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - frozenNs);
        assertThat(a.election.state())
            .as("frozen, a has heard nothing yet; only its lease stops it")
            .isEqualTo(ElectionState.PRIMARY);
        assertThat(leaseGoneMs).isLessThanOrEqualTo(InProcessEnsemble.SESSION_TIMEOUT_MS);

        final long thawedNs = System.nanoTime();
        thaw.countDown();
        Await.until(() -> a.listener.notPrimaryCount() > 0, WAIT_MS, "a told it is not primary");
        Await.until(() -> a.listener.sawFollowerOf("b", 2), WAIT_MS, "a following b");
        assertThat(a.listener.events())
            .filteredOn(event -> event.atNs() >= thawedNs)
            .extracting(RecordingListener.Event::kind)
            .doesNotContain("primary");
        assertThat(a.election.fencedEpoch()).isEqualTo(PrimaryElection.NO_EPOCH);
        assertThat(epochs).containsExactly(1L, 2L);
    }

    @Test
    void shouldNeverGiveTwoNodesTheSameEpochAcrossManyHandOvers() throws Exception
    {
        final String shard = "many";
        final List<Candidate> candidates = new ArrayList<>(List.of(
            candidate(shard, "a"), candidate(shard, "b"), candidate(shard, "c")));
        final int handOvers = 12;
        for (int round = 0; round < handOvers; round++)
        {
            Await.until(() -> candidates.stream().filter(c -> c.election.isPrimary()).count() == 1,
                WAIT_MS, "exactly one primary");
            final Candidate primary = candidates.stream().filter(c -> c.election.isPrimary()).findFirst()
                .orElseThrow();
            final long epoch = primary.election.fencedEpoch();
            if (round % 2 == 0)
            {
                ensemble.expireSession(primary.client);
            }
            else
            {
                primary.election.close();
                candidates.remove(primary);
                candidates.add(candidate(shard, primary.listener.node() + round));
            }
            Await.until(() -> candidates.stream().anyMatch(c -> c.election.fencedEpoch() > epoch),
                WAIT_MS, "a primary with an epoch above " + epoch);
        }

        synchronized (epochs)
        {
            assertThat(epochs).hasSize(handOvers + 1).doesNotHaveDuplicates().isSorted();
            assertThat(epochs.get(epochs.size() - 1)).isEqualTo(handOvers + 1L);
        }
        assertThat(new String(ensemble.anonymous().getData().forPath(ZkPaths.epoch(SERVICE, shard)),
            StandardCharsets.US_ASCII)).isEqualTo(Long.toString(handOvers + 1L));
    }

    @AfterEach
    void closeElections()
    {
        elections.forEach(PrimaryElection::close);
    }

    private Candidate candidate(final String shard, final String node) throws Exception
    {
        final CuratorFramework client = ensemble.service();
        final RecordingListener listener = new RecordingListener(node, epochs);
        final PrimaryElection election = PrimaryElection.create(
            client, SERVICE, shard, node, "127.0.0.1:" + node, listener);
        elections.add(election);
        election.start();
        return new Candidate(client, election, listener);
    }

    private static String endpoint(final Candidate candidate)
    {
        return "127.0.0.1:" + candidate.listener.node();
    }

    /**
     * Blocks the client's event thread (where Curator delivers watches, callbacks and connection states) until
     * {@code thaw} opens: the process looks frozen to itself while its session may be ended outside.
     */
    private static CountDownLatch freezeEventThread(
        final CuratorFramework client, final String shard, final CountDownLatch thaw) throws Exception
    {
        final String path = ZkPaths.shard(SERVICE, shard) + "/freeze";
        final CuratorFramework other = ensemble.service();
        other.create().forPath(path);
        final CountDownLatch frozen = new CountDownLatch(1);
        client.getData().usingWatcher((Watcher)event ->
        {
            frozen.countDown();
            try
            {
                thaw.await();
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }).forPath(path);
        other.setData().forPath(path, new byte[] {1});
        return frozen;
    }

    private record Candidate(CuratorFramework client, PrimaryElection election, RecordingListener listener)
    {
    }
}
