package io.tickkeeper.coordinator.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.tickkeeper.coordinator.ZkPaths;
import io.tickkeeper.coordinator.election.PrimaryElection;
import io.tickkeeper.coordinator.election.PrimaryInfo;
import io.tickkeeper.coordinator.election.PrimaryListener;
import io.tickkeeper.coordinator.zk.Await;
import io.tickkeeper.coordinator.zk.InProcessEnsemble;

/**
 * Member znodes, their rate-limited updates and the {@link ClusterWatcher}'s view, on a real ensemble.
 */
class MembershipTest
{
    private static final String SERVICE = "member-test";
    private static final long WAIT_MS = 15_000;

    private static InProcessEnsemble ensemble;
    private static ClusterWatcher watcher;
    private static CuratorFramework reader;

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception
    {
        ensemble = InProcessEnsemble.start(22530);
        reader = ensemble.anonymous();
        watcher = new ClusterWatcher(reader);
        watcher.start();
        assertThat(watcher.awaitInitialized(WAIT_MS)).isTrue();
    }

    @AfterAll
    static void stop() throws Exception
    {
        watcher.close();
        ensemble.close();
    }

    @AfterEach
    void closeAll() throws Exception
    {
        for (final AutoCloseable closeable : toClose)
        {
            closeable.close();
        }
    }

    @Test
    void shouldShowAMemberAndItsUpdatesAndRemoveItOnClose() throws Exception
    {
        final MemberInfo initial = new MemberInfo("a", "standby", 3, "127.0.0.1:9001", 100, 5);
        final MemberRegistration registration = register("updates", initial, 100);

        Await.until(() -> member("updates", "a").equals(Optional.of(initial)), WAIT_MS, "the member");
        final MemberInfo caughtUp = initial.withProgress(200, 0);
        registration.publish(caughtUp);
        Await.until(() -> member("updates", "a").equals(Optional.of(caughtUp)), WAIT_MS, "the update");

        registration.close();
        Await.until(() -> member("updates", "a").isEmpty(), WAIT_MS, "the member to leave");
    }

    @Test
    void shouldCoalesceUpdatesPublishedFasterThanTheWriteInterval() throws Exception
    {
        final MemberInfo initial = new MemberInfo("a", "standby", 3, "127.0.0.1:9001", 0, 0);
        final long intervalMs = 500;
        final MemberRegistration registration = register("coalesce", initial, intervalMs);
        assertThat(registration.awaitCreated(WAIT_MS)).isTrue();

        final long startNs = System.nanoTime();
        for (int sequence = 1; sequence <= 100; sequence++)
        {
            registration.publish(initial.withProgress(sequence, 100 - sequence));
        }
        final long publishMs = (System.nanoTime() - startNs) / 1_000_000;
        final MemberInfo last = initial.withProgress(100, 0);
        Await.until(() -> member("coalesce", "a").equals(Optional.of(last)), WAIT_MS, "the last value");

        assertThat(registration.writes())
            .as("100 values published in %d ms with at most one write per %d ms", publishMs, intervalMs)
            .isLessThanOrEqualTo(1 + publishMs / intervalMs + 1);
        assertThat(registration.lastWritten()).isEqualTo(last);
    }

    @Test
    void shouldRecreateTheMemberZnodeAfterTheSessionIsLost() throws Exception
    {
        final CuratorFramework client = ensemble.service();
        final MemberInfo initial = new MemberInfo("a", "standby", 1, "127.0.0.1:9001", 0, 0);
        final MemberRegistration registration =
            MemberRegistration.create(client, SERVICE, "recreate", initial, 50);
        toClose.add(registration);
        registration.start();
        assertThat(registration.awaitCreated(WAIT_MS)).isTrue();
        final MemberInfo updated = initial.withProgress(42, 0);
        registration.publish(updated);
        Await.until(() -> member("recreate", "a").equals(Optional.of(updated)), WAIT_MS, "the update");
        final long sessionBefore = reader.checkExists()
            .forPath(ZkPaths.members(SERVICE, "recreate") + "/a").getEphemeralOwner();

        ensemble.expireSession(client);

        Await.until(() -> ownerOf(ZkPaths.members(SERVICE, "recreate") + "/a") > 0
                && ownerOf(ZkPaths.members(SERVICE, "recreate") + "/a") != sessionBefore,
            WAIT_MS, "the member znode under a new session");
        assertThat(MemberInfo.fromJson(reader.getData()
            .forPath(ZkPaths.members(SERVICE, "recreate") + "/a"))).isEqualTo(updated);
    }

    @Test
    void shouldShowPrimaryEpochCandidatesAndInSyncOfAShard() throws Exception
    {
        final CuratorFramework client = ensemble.service();
        final PrimaryElection election = PrimaryElection.create(client, SERVICE, "view", "a", "127.0.0.1:9001",
            new QuietListener());
        toClose.add(election);
        election.start();
        register("view", new MemberInfo("a", "primary", 1, "127.0.0.1:9001", 10, 0), 50);
        register("view", new MemberInfo("b", "standby", 1, "127.0.0.1:9002", 8, 2), 50);
        client.create().forPath(ZkPaths.inSync(SERVICE, "view"),
            "{\"epoch\":1,\"members\":[\"a\",\"b\"]}".getBytes(StandardCharsets.UTF_8));

        Await.until(() -> watcher.view().shard(SERVICE, "view")
                .filter(shard -> shard.primary() != null && shard.members().size() == 2 && shard.inSyncPublished())
                .isPresent(),
            WAIT_MS, "the shard's primary, members and in-sync set");

        final ShardView shard = watcher.view().shard(SERVICE, "view").orElseThrow();
        assertThat(shard.primary()).isEqualTo(new PrimaryInfo("a", "127.0.0.1:9001", 1));
        assertThat(shard.epoch()).isEqualTo(1);
        assertThat(shard.candidates()).isEqualTo(1);
        assertThat(shard.member("b").orElseThrow().lag()).isEqualTo(2);
        assertThat(shard.isInSync("a")).isTrue();
        assertThat(shard.isInSync("b")).isTrue();
    }

    private MemberRegistration register(final String shard, final MemberInfo initial, final long intervalMs)
        throws Exception
    {
        final MemberRegistration registration =
            MemberRegistration.create(ensemble.service(), SERVICE, shard, initial, intervalMs);
        toClose.add(registration);
        registration.start();
        return registration;
    }

    private static Optional<MemberInfo> member(final String shard, final String node)
    {
        return watcher.view().shard(SERVICE, shard).flatMap(view -> view.member(node));
    }

    private static long ownerOf(final String path)
    {
        try
        {
            final Stat stat = reader.checkExists().forPath(path);
            return stat == null ? 0 : stat.getEphemeralOwner();
        }
        catch (final Exception ex)
        {
            return 0;
        }
    }

    /** Ignores election events; the test looks at ZooKeeper instead. */
    private static final class QuietListener implements PrimaryListener
    {
        @Override
        public void onPrimary(final long epoch)
        {
        }

        @Override
        public void onFollower(final PrimaryInfo primaryOrNull)
        {
        }

        @Override
        public void onNotPrimary(final String reason)
        {
        }
    }
}
