package io.tickkeeper.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.tickkeeper.coordinator.CoordinatorClients;
import io.tickkeeper.coordinator.Credentials;
import io.tickkeeper.coordinator.membership.ClusterView;
import io.tickkeeper.coordinator.membership.ClusterWatcher;

class InSyncSetTest
{
    private static final Credentials SERVICE = Credentials.parse("matching:in-sync-test");

    private TestingServer server;
    private CuratorFramework client;

    @BeforeEach
    void startZooKeeper() throws Exception
    {
        final Path base = Files.createDirectories(Path.of("target", "zk-tests"));
        server = new TestingServer(
            new InstanceSpec(Files.createTempDirectory(base, "zk").toFile(), -1, -1, -1, true, -1, 200, -1), true);
        client = CoordinatorClients.newClient(server.getConnectString(), 3_000, Optional.of(SERVICE));
        client.start();
        assertThat(client.blockUntilConnected(10, TimeUnit.SECONDS)).isTrue();
    }

    @AfterEach
    void stopZooKeeper() throws Exception
    {
        client.close();
        server.close();
    }

    @Test
    void shouldLetOnlyTheFirstNodeBootstrapAnEmptyShard() throws Exception
    {
        final InSyncSet inSync = new InSyncSet(client, "matching-engine", "0");

        assertThat(inSync.read()).isNull();
        assertThat(inSync.bootstrap("a")).isTrue();
        assertThat(inSync.bootstrap("b")).isFalse();
        assertThat(inSync.read()).containsExactly("a");
    }

    @Test
    void shouldRefuseAWriteFromAnOlderEpoch() throws Exception
    {
        final InSyncSet inSync = new InSyncSet(client, "matching-engine", "0");
        inSync.bootstrap("a");

        assertThat(inSync.replace(Set.of("b"), 3)).isTrue();
        assertThat(inSync.add("a", 2)).isFalse();
        assertThat(inSync.read()).containsExactly("b");
        assertThat(inSync.add("a", 3)).isTrue();
        assertThat(inSync.remove("b", 4)).isTrue();
        assertThat(inSync.read()).containsExactly("a");
    }

    @Test
    void shouldBeReadableByTheClusterView() throws Exception
    {
        final InSyncSet inSync = new InSyncSet(client, "matching-engine", "0");
        inSync.bootstrap("a");
        inSync.add("b", 1);
        try (ClusterWatcher watcher = new ClusterWatcher(client))
        {
            watcher.start();
            assertThat(watcher.awaitInitialized(10_000)).isTrue();
            final ClusterView view = watcher.view();
            assertThat(view.shard("matching-engine", "0").orElseThrow().inSync()).containsExactlyInAnyOrder("a", "b");
        }
    }

    @Test
    void shouldFollowChangesThroughItsCache() throws Exception
    {
        try (InSyncSet follower = new InSyncSet(client, "matching-engine", "0"))
        {
            final CountDownLatch changed = new CountDownLatch(2);
            follower.addListener(changed::countDown);
            follower.start();
            final InSyncSet writer = new InSyncSet(client, "matching-engine", "0");
            writer.bootstrap("a");
            writer.add("b", 1);

            assertThat(changed.await(10, TimeUnit.SECONDS)).isTrue();
            final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!follower.members().equals(Set.of("a", "b")) && System.nanoTime() < deadlineNs)
            {
                Thread.sleep(10);
            }
            assertThat(follower.members()).containsExactlyInAnyOrder("a", "b");
        }
    }
}
