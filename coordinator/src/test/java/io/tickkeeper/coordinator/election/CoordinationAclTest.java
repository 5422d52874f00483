package io.tickkeeper.coordinator.election;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.tickkeeper.coordinator.Credentials;
import io.tickkeeper.coordinator.ZkPaths;
import io.tickkeeper.coordinator.membership.MemberInfo;
import io.tickkeeper.coordinator.membership.MemberRegistration;
import io.tickkeeper.coordinator.zk.Await;
import io.tickkeeper.coordinator.zk.InProcessEnsemble;

/**
 * The znodes a service writes (primary, epoch, member, config) can be read by anyone and changed by nobody but
 * their owner identity: not by an anonymous client, not by another identity.
 */
class CoordinationAclTest
{
    private static final String SERVICE = "acl-test";
    private static final String SHARD = "0";
    private static final String CONFIG_KEY = ZkPaths.CONFIG + "/some.key";
    private static final byte[] BYTES = "x".getBytes(StandardCharsets.UTF_8);

    private static InProcessEnsemble ensemble;
    private static PrimaryElection election;
    private static MemberRegistration member;
    private static CuratorFramework anonymous;
    private static CuratorFramework stranger;

    @BeforeAll
    static void start() throws Exception
    {
        ensemble = InProcessEnsemble.start(22560);
        final CuratorFramework service = ensemble.service();
        election = PrimaryElection.create(service, SERVICE, SHARD, "a", "127.0.0.1:9001", new RecordingListener("a", new ArrayList<>()));
        election.start();
        member = MemberRegistration.create(service, SERVICE, SHARD,
            new MemberInfo("a", "primary", 1, "127.0.0.1:9001", 0, 0), 50);
        member.start();
        assertThat(member.awaitCreated(15_000)).isTrue();
        service.create().creatingParentsIfNeeded().forPath(CONFIG_KEY, "10".getBytes(StandardCharsets.UTF_8));
        service.create().creatingParentsIfNeeded().forPath(ZkPaths.shard(SERVICE, "empty") + "/marker");
        Await.until(election::isPrimary, 15_000, "the service to be primary");
        anonymous = ensemble.anonymous();
        stranger = ensemble.client(Optional.of(Credentials.parse("stranger:other-secret")),
            InProcessEnsemble.SESSION_TIMEOUT_MS);
    }

    @AfterAll
    static void stop() throws Exception
    {
        member.close();
        election.close();
        ensemble.close();
    }

    @Test
    void shouldLetAnyoneReadTheServicesZnodes() throws Exception
    {
        assertThat(PrimaryInfo.fromJson(anonymous.getData().forPath(ZkPaths.primary(SERVICE, SHARD))).node())
            .isEqualTo("a");
        assertThat(Epochs.decode(anonymous.getData().forPath(ZkPaths.epoch(SERVICE, SHARD)))).isEqualTo(1);
        assertThat(anonymous.getData().forPath(memberPath())).isNotEmpty();
        assertThat(new String(anonymous.getData().forPath(CONFIG_KEY), StandardCharsets.UTF_8)).isEqualTo("10");
    }

    @Test
    void shouldRefuseChangesByAnAnonymousClient()
    {
        assertNoWritesBy(anonymous);
    }

    @Test
    void shouldRefuseChangesByAnotherIdentity()
    {
        assertNoWritesBy(stranger);
    }

    private static void assertNoWritesBy(final CuratorFramework client)
    {
        for (final String path : List.of(ZkPaths.primary(SERVICE, SHARD), ZkPaths.epoch(SERVICE, SHARD), memberPath(),
            CONFIG_KEY))
        {
            assertThatThrownBy(() -> client.setData().forPath(path, BYTES))
                .as("change %s", path).isInstanceOf(KeeperException.NoAuthException.class);
            assertThatThrownBy(() -> client.delete().forPath(path))
                .as("delete %s", path).isInstanceOf(KeeperException.NoAuthException.class);
        }
        for (final String path : List.of(ZkPaths.primary(SERVICE, "empty"), ZkPaths.epoch(SERVICE, "empty"),
            ZkPaths.members(SERVICE, SHARD) + "/intruder", ZkPaths.CONFIG + "/other.key"))
        {
            assertThatThrownBy(() -> client.create().withMode(CreateMode.EPHEMERAL).forPath(path, BYTES))
                .as("create %s", path).isInstanceOf(KeeperException.NoAuthException.class);
        }
    }

    private static String memberPath()
    {
        return ZkPaths.members(SERVICE, SHARD) + "/a";
    }
}
