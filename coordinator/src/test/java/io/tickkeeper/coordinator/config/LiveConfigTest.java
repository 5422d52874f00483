package io.tickkeeper.coordinator.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LiveConfigTest
{
    private static final long WAIT_MS = 10_000L;

    private ZooKeeperTestServer zk;
    private CuratorFramework operator;
    private ConfigStore store;
    private LiveConfig live;
    private final BlockingQueue<Long> maxOrderQty = new LinkedBlockingQueue<>();
    private final BlockingQueue<ConfigRefusal> refusals = new LinkedBlockingQueue<>();

    @BeforeEach
    void startZooKeeper() throws Exception
    {
        zk = ZooKeeperTestServer.start();
        operator = zk.operator();
        store = new ConfigStore(operator, ConfigKeys.registry());
    }

    @AfterEach
    void stopZooKeeper() throws Exception
    {
        if (live != null)
        {
            live.close();
        }
        zk.close();
    }

    @Test
    void shouldStartWithDefaultsAndApplyAValidChange() throws Exception
    {
        startLiveConfig();
        assertThat(live.get(ConfigKeys.RISK_MAX_ORDER_QTY)).isEqualTo(10_000L);

        store.set("risk.max-order-qty", "123", "alice", 1L);

        assertThat(maxOrderQty.poll(WAIT_MS, TimeUnit.MILLISECONDS)).isEqualTo(123L);
        assertThat(live.get(ConfigKeys.RISK_MAX_ORDER_QTY)).isEqualTo(123L);
        assertThat(refusals).isEmpty();
    }

    @Test
    void shouldLoadTheValuesStoredBeforeItStarted() throws Exception
    {
        store.set("risk.max-order-qty", "77", "alice", 1L);
        store.set("risk.account-kill-switches", "{\"killed\":[4]}", "alice", 2L);

        startLiveConfig();

        assertThat(maxOrderQty.poll(WAIT_MS, TimeUnit.MILLISECONDS)).isEqualTo(77L);
        assertThat(live.get(ConfigKeys.RISK_ACCOUNT_KILL_SWITCHES).isKilled(4)).isTrue();
    }

    @Test
    void shouldKeepTheLastGoodValueAndReportARefusalWhenAnInvalidValueIsWrittenRaw() throws Exception
    {
        startLiveConfig();
        store.set("risk.max-order-qty", "500", "alice", 1L);
        assertThat(maxOrderQty.poll(WAIT_MS, TimeUnit.MILLISECONDS)).isEqualTo(500L);

        operator.setData().forPath("/tickkeeper/config/risk.max-order-qty", utf8("-1"));

        final ConfigRefusal refusal = refusals.poll(WAIT_MS, TimeUnit.MILLISECONDS);
        assertThat(refusal).isEqualTo(new ConfigRefusal("risk.max-order-qty", "-1",
            "risk.max-order-qty must be between 1 and 1000000000, got -1", "500"));
        assertThat(live.get(ConfigKeys.RISK_MAX_ORDER_QTY)).isEqualTo(500L);
        assertThat(maxOrderQty).isEmpty();

        operator.setData().forPath("/tickkeeper/config/risk.max-order-qty", utf8("{\"qty\":5}"));
        assertThat(refusals.poll(WAIT_MS, TimeUnit.MILLISECONDS).reason())
            .isEqualTo("risk.max-order-qty must be an integer, got {\"qty\":5}");

        operator.setData().forPath("/tickkeeper/config/risk.max-order-qty", utf8("600"));
        assertThat(maxOrderQty.poll(WAIT_MS, TimeUnit.MILLISECONDS)).isEqualTo(600L);
    }

    @Test
    void shouldRefuseAnUnknownKeyWrittenRaw() throws Exception
    {
        startLiveConfig();
        store.set("risk.kill-switch", "false", "alice", 1L);

        operator.create().forPath("/tickkeeper/config/risk.max-order-quantity", utf8("5"));

        assertThat(refusals.poll(WAIT_MS, TimeUnit.MILLISECONDS)).isEqualTo(new ConfigRefusal(
            "risk.max-order-quantity", "5", "unknown config key: risk.max-order-quantity", ""));
    }

    @Test
    void shouldLeaveTheStrategySubtreeAloneButStillRefuseUnknownKeysAfterIt() throws Exception
    {
        startLiveConfig();

        operator.create().creatingParentsIfNeeded().forPath("/tickkeeper/config/strategy/mm1/spread", utf8("12"));
        operator.setData().forPath("/tickkeeper/config/strategy/mm1/spread", utf8("14"));
        operator.delete().forPath("/tickkeeper/config/strategy/mm1/spread");
        operator.create().forPath("/tickkeeper/config/risk.max-order-quantity", utf8("5"));

        assertThat(refusals.poll(WAIT_MS, TimeUnit.MILLISECONDS)).isEqualTo(new ConfigRefusal(
            "risk.max-order-quantity", "5", "unknown config key: risk.max-order-quantity", ""));
        assertThat(refusals).isEmpty();
        assertThat(LiveConfig.isStrategyParameter("strategy")).isTrue();
        assertThat(LiveConfig.isStrategyParameter("strategy/mm1/spread")).isTrue();
        assertThat(LiveConfig.isStrategyParameter("strategy.rate")).isFalse();
    }

    @Test
    void shouldFallBackToTheDefaultWhenAValueIsDeleted() throws Exception
    {
        startLiveConfig();
        store.set("risk.max-order-qty", "42", "alice", 1L);
        assertThat(maxOrderQty.poll(WAIT_MS, TimeUnit.MILLISECONDS)).isEqualTo(42L);

        operator.delete().forPath("/tickkeeper/config/risk.max-order-qty");

        assertThat(maxOrderQty.poll(WAIT_MS, TimeUnit.MILLISECONDS)).isEqualTo(10_000L);
        assertThat(live.get(ConfigKeys.RISK_MAX_ORDER_QTY)).isEqualTo(10_000L);
    }

    private void startLiveConfig() throws Exception
    {
        live = new LiveConfig(zk.anonymous(), ConfigKeys.registry());
        live.addListener(ConfigKeys.RISK_MAX_ORDER_QTY, maxOrderQty::add);
        live.addRefusalListener(refusals::add);
        live.start();
        assertThat(live.awaitInitialized(WAIT_MS)).isTrue();
    }

    private static byte[] utf8(final String text)
    {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
