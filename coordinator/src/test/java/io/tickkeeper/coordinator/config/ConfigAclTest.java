package io.tickkeeper.coordinator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.tickkeeper.coordinator.Credentials;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConfigAclTest
{
    private static final String VALUE = "/tickkeeper/config/risk.max-order-qty";
    private static final String HISTORY = "/tickkeeper/config-history/risk.max-order-qty";

    private ZooKeeperTestServer zk;

    @BeforeEach
    void startZooKeeper() throws Exception
    {
        zk = ZooKeeperTestServer.start();
    }

    @AfterEach
    void stopZooKeeper() throws Exception
    {
        zk.close();
    }

    @Test
    void shouldLetAnAnonymousClientReadButNotChangeWhatAnOperatorWrote() throws Exception
    {
        new ConfigStore(zk.operator(), ConfigKeys.registry()).set("risk.max-order-qty", "900", "operator", 1L);
        final CuratorFramework anonymous = zk.anonymous();
        final String entry = HISTORY + '/' + anonymous.getChildren().forPath(HISTORY).get(0);

        assertThat(new String(anonymous.getData().forPath(VALUE), StandardCharsets.UTF_8)).isEqualTo("900");
        assertThatThrownBy(() -> anonymous.setData().forPath(VALUE, bytes("1")))
            .isInstanceOf(KeeperException.NoAuthException.class);
        assertThatThrownBy(() -> anonymous.delete().forPath(VALUE))
            .isInstanceOf(KeeperException.NoAuthException.class);
        assertThatThrownBy(() -> anonymous.create().forPath("/tickkeeper/config/risk.kill-switch", bytes("true")))
            .isInstanceOf(KeeperException.NoAuthException.class);
        assertThatThrownBy(() -> anonymous.setData().forPath(entry, bytes("{}")))
            .isInstanceOf(KeeperException.NoAuthException.class);
        assertThatThrownBy(() -> anonymous.delete().forPath(entry))
            .isInstanceOf(KeeperException.NoAuthException.class);
        assertThatThrownBy(() -> anonymous.create().withMode(CreateMode.PERSISTENT_SEQUENTIAL)
            .forPath(HISTORY + "/change-", bytes("{}")))
            .isInstanceOf(KeeperException.NoAuthException.class);

        final ConfigStore operatorView = new ConfigStore(zk.operator(), ConfigKeys.registry());
        assertThat(operatorView.get("risk.max-order-qty").json()).isEqualTo("900");
        assertThat(operatorView.history("risk.max-order-qty")).hasSize(1);
    }

    @Test
    void shouldRefuseAnAnonymousSetWithNoPermissionAndWriteNothing() throws Exception
    {
        final ConfigStore operatorStore = new ConfigStore(zk.operator(), ConfigKeys.registry());
        operatorStore.set("risk.max-order-qty", "900", "operator", 1L);
        final ConfigStore anonymousStore = new ConfigStore(zk.anonymous(), ConfigKeys.registry());

        assertThatThrownBy(() -> anonymousStore.set("risk.max-order-qty", "5", "anonymous", 2L))
            .isInstanceOfSatisfying(ConfigException.class,
                ex -> assertThat(ex.reason()).isEqualTo(ConfigException.Reason.NO_PERMISSION))
            .hasMessageStartingWith("no permission to write /tickkeeper/config/risk.max-order-qty");

        assertThat(operatorStore.get("risk.max-order-qty").json()).isEqualTo("900");
        assertThat(operatorStore.history("risk.max-order-qty")).hasSize(1);
    }

    @Test
    void shouldRefuseAnAnonymousSetOnAnEmptyEnsembleWithoutCreatingAnything() throws Exception
    {
        final CuratorFramework anonymous = zk.anonymous();

        assertThatThrownBy(() -> new ConfigStore(anonymous, ConfigKeys.registry())
            .set("risk.kill-switch", "true", "anonymous", 1L))
            .isInstanceOfSatisfying(ConfigException.class,
                ex -> assertThat(ex.reason()).isEqualTo(ConfigException.Reason.NO_PERMISSION));

        assertThat(anonymous.checkExists().forPath("/tickkeeper")).isNull();
    }

    @Test
    void shouldRefuseAnotherIdentityChangingTheOperatorsValue() throws Exception
    {
        new ConfigStore(zk.operator(), ConfigKeys.registry()).set("risk.max-order-qty", "900", "operator", 1L);
        final ConfigStore intruder = new ConfigStore(
            zk.client(Optional.of(Credentials.parse("intruder:pw"))),
            ConfigKeys.registry());

        assertThatThrownBy(() -> intruder.set("risk.max-order-qty", "5", "intruder", 2L))
            .isInstanceOfSatisfying(ConfigException.class,
                ex -> assertThat(ex.reason()).isEqualTo(ConfigException.Reason.NO_PERMISSION))
            .hasMessageStartingWith("no permission to write /tickkeeper/config/risk.max-order-qty");
    }

    private static byte[] bytes(final String text)
    {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
