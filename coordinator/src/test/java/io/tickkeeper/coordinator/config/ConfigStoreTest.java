package io.tickkeeper.coordinator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConfigStoreTest
{
    private ZooKeeperTestServer zk;
    private CuratorFramework client;
    private ConfigStore store;

    @BeforeEach
    void startZooKeeper() throws Exception
    {
        zk = ZooKeeperTestServer.start();
        client = zk.operator();
        store = new ConfigStore(client, ConfigKeys.registry());
    }

    @AfterEach
    void stopZooKeeper() throws Exception
    {
        zk.close();
    }

    @Test
    void shouldReturnTheDefaultWhileNothingIsStored()
    {
        final ConfigValue value = store.get("risk.max-order-qty");

        assertThat(value.stored()).isFalse();
        assertThat(value.json()).isEqualTo("10000");
        assertThat(value.version()).isEqualTo(-1);
        assertThat(value.problem()).isEmpty();
    }

    @Test
    void shouldStoreTheCanonicalValueAndRecordTheChange() throws Exception
    {
        final ConfigChange first = store.set("risk.max-order-qty", " 500 ", "alice", 1_000L);
        final ConfigChange second = store.set("risk.max-order-qty", "750", "bob", 2_000L);

        assertThat(new String(client.getData().forPath("/tickkeeper/config/risk.max-order-qty"),
            StandardCharsets.UTF_8)).isEqualTo("750");
        assertThat(first.oldJson()).isEmpty();
        assertThat(second.oldJson()).contains("500");
        final ConfigValue value = store.get("risk.max-order-qty");
        assertThat(value.stored()).isTrue();
        assertThat(value.json()).isEqualTo("750");
        assertThat(value.version()).isEqualTo(1);
        assertThat(store.history("risk.max-order-qty")).containsExactly(
            new ConfigChange("risk.max-order-qty", first.sequence(), Optional.empty(), "500", 1_000L, "alice"),
            new ConfigChange("risk.max-order-qty", second.sequence(), Optional.of("500"), "750", 2_000L, "bob"));
        assertThat(second.sequence()).isGreaterThan(first.sequence());
    }

    @Test
    void shouldWriteNothingWhenTheValueIsInvalid() throws Exception
    {
        store.set("risk.price-band-bps", "300", "alice", 1_000L);

        assertThatThrownBy(() -> store.set("risk.price-band-bps", "20000", "alice", 2_000L))
            .isInstanceOfSatisfying(ConfigException.class,
                ex -> assertThat(ex.reason()).isEqualTo(ConfigException.Reason.INVALID_VALUE))
            .hasMessage("risk.price-band-bps must be between 1 and 10000, got 20000");
        assertThatThrownBy(() -> store.set("risk.kill-switch", "yes", "alice", 2_000L))
            .hasMessageStartingWith("risk.kill-switch: not valid JSON");

        assertThat(store.get("risk.price-band-bps").json()).isEqualTo("300");
        assertThat(store.history("risk.price-band-bps")).hasSize(1);
        assertThat(client.checkExists().forPath("/tickkeeper/config/risk.kill-switch")).isNull();
        assertThat(client.checkExists().forPath("/tickkeeper/config-history/risk.kill-switch")).isNull();
    }

    @Test
    void shouldRefuseAnUnknownKeyAndWriteNothing() throws Exception
    {
        assertThatThrownBy(() -> store.set("risk.max-order-quantity", "5", "alice", 1_000L))
            .isInstanceOfSatisfying(ConfigException.class,
                ex -> assertThat(ex.reason()).isEqualTo(ConfigException.Reason.UNKNOWN_KEY));
        assertThatThrownBy(() -> store.get("nope")).isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> store.history("nope")).isInstanceOf(ConfigException.class);

        assertThat(client.checkExists().forPath("/tickkeeper/config/risk.max-order-quantity")).isNull();
    }

    @Test
    void shouldReportTheProblemOfAValueWrittenByOtherMeans() throws Exception
    {
        client.create().creatingParentsIfNeeded()
            .forPath("/tickkeeper/config/risk.orders-per-second", "-3".getBytes(StandardCharsets.UTF_8));

        final ConfigValue value = store.get("risk.orders-per-second");

        assertThat(value.stored()).isTrue();
        assertThat(value.json()).isEqualTo("-3");
        assertThat(value.problem()).contains("risk.orders-per-second must be between 1 and 1000000, got -3");
    }

    @Test
    void shouldKeepEveryConcurrentChangeInTheHistory() throws Exception
    {
        final int writers = 4;
        final int setsPerWriter = 25;
        final List<ConfigStore> stores = new ArrayList<>();
        for (int i = 0; i < writers; i++)
        {
            stores.add(new ConfigStore(zk.operator(), ConfigKeys.registry()));
        }
        final ExecutorService pool = Executors.newFixedThreadPool(writers);
        try
        {
            final List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++)
            {
                final ConfigStore writerStore = stores.get(w);
                final int writer = w;
                done.add(pool.submit(() ->
                {
                    for (int i = 0; i < setsPerWriter; i++)
                    {
                        writerStore.set("probe.sequence", Integer.toString(writer * 1_000 + i), "writer-" + writer, i);
                    }
                    return null;
                }));
            }
            for (final Future<?> future : done)
            {
                future.get(30, TimeUnit.SECONDS);
            }
        }
        finally
        {
            pool.shutdownNow();
        }

        final List<ConfigChange> history = store.history("probe.sequence");
        assertThat(history).hasSize(writers * setsPerWriter);
        assertThat(history.get(0).oldJson()).isEmpty();
        final Set<String> written = new HashSet<>();
        for (int i = 1; i < history.size(); i++)
        {
            assertThat(history.get(i).oldJson()).as("old value of change %d", i).contains(history.get(i - 1).newJson());
        }
        for (final ConfigChange change : history)
        {
            written.add(change.newJson());
        }
        assertThat(written).hasSize(writers * setsPerWriter);
        assertThat(store.get("probe.sequence").json()).isEqualTo(history.get(history.size() - 1).newJson());
    }
}
