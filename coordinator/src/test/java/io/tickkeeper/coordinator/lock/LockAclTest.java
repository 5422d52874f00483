package io.tickkeeper.coordinator.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.tickkeeper.coordinator.ZkPaths;
import io.tickkeeper.coordinator.config.ZooKeeperTestServer;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LockAclTest
{
    private static final String LOCK = "market-feed";

    private ZooKeeperTestServer zk;
    private FencedLock holder;

    @BeforeEach
    void startZooKeeper() throws Exception
    {
        zk = ZooKeeperTestServer.start();
        holder = new FencedLock(zk.operator(), LOCK, "feed-1", (name, token, reason) -> { });
        holder.start();
        assertThat(holder.acquire(10_000L)).hasValue(1L);
    }

    @AfterEach
    void stopZooKeeper() throws Exception
    {
        holder.close();
        zk.close();
    }

    @Test
    void shouldNotLetAnAnonymousClientTouchTheLockOrItsToken() throws Exception
    {
        final CuratorFramework anonymous = zk.anonymous();
        final String holders = FencedLock.holdersPath(LOCK);
        final String lockNode = holders + '/' + anonymous.getChildren().forPath(holders).get(0);
        final String token = FencedLock.tokenPath(LOCK);

        assertThat(new String(anonymous.getData().forPath(token), StandardCharsets.UTF_8)).isEqualTo("1");
        assertThatThrownBy(() -> anonymous.delete().forPath(lockNode))
            .isInstanceOf(KeeperException.NoAuthException.class);
        assertThatThrownBy(() -> anonymous.setData().forPath(lockNode, bytes("intruder")))
            .isInstanceOf(KeeperException.NoAuthException.class);
        assertThatThrownBy(() -> anonymous.setData().forPath(token, bytes("100")))
            .isInstanceOf(KeeperException.NoAuthException.class);
        assertThatThrownBy(() -> anonymous.delete().forPath(token))
            .isInstanceOf(KeeperException.NoAuthException.class);
        assertThatThrownBy(() -> anonymous.create().withMode(CreateMode.EPHEMERAL_SEQUENTIAL)
            .forPath(holders + "/_c_intruder-lock-", bytes("intruder")))
            .isInstanceOf(KeeperException.NoAuthException.class);
        assertThatThrownBy(() -> anonymous.create().forPath(ZkPaths.lock("other"), bytes("")))
            .isInstanceOf(KeeperException.NoAuthException.class);
        assertThat(holder.isHeld()).isTrue();
    }

    @Test
    void shouldRefuseAnAnonymousContenderWithANoPermissionError() throws Exception
    {
        final FencedLock intruder = new FencedLock(zk.anonymous(), LOCK, "intruder", (name, token, reason) -> { });
        try
        {
            intruder.start();

            assertThatThrownBy(() -> intruder.acquire(2_000L))
                .isInstanceOf(FencedLockException.class)
                .hasMessageStartingWith("no permission to acquire lock market-feed")
                .hasCauseInstanceOf(KeeperException.NoAuthException.class);
        }
        finally
        {
            intruder.close();
        }
        assertThat(new LockInspector(zk.anonymous()).list().get(0).holder()).contains("feed-1");
    }

    private static byte[] bytes(final String text)
    {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
