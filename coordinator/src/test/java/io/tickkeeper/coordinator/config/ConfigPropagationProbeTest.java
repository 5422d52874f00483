package io.tickkeeper.coordinator.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConfigPropagationProbeTest
{
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
    void shouldTimeEverySetUntilEveryWatcherAppliedIt() throws Exception
    {
        final int watchers = 3;
        final int sets = 20;
        final Histogram histogram;
        try (ConfigPropagationProbe probe = new ConfigPropagationProbe(zk.connectString(), watchers,
            Optional.of(ZooKeeperTestServer.OPERATOR), ZooKeeperTestServer.SESSION_TIMEOUT_MS))
        {
            probe.start(10_000L);
            histogram = probe.measure(sets, "probe", 10_000L);
        }

        assertThat(histogram.getTotalCount()).isEqualTo(sets);
        assertThat(histogram.getMinValue()).isPositive();
        assertThat(histogram.getMaxValue()).isLessThan(TimeUnit.SECONDS.toNanos(10));
        final ConfigStore store = new ConfigStore(zk.operator(), ConfigKeys.registry());
        assertThat(store.get("probe.sequence").json()).isEqualTo(Integer.toString(sets));
        assertThat(store.history("probe.sequence")).hasSize(sets)
            .allSatisfy(change -> assertThat(change.who()).isEqualTo("probe"));
    }

    @Test
    void shouldContinueTheSequenceOfAPreviousRun() throws Exception
    {
        final ConfigStore store = new ConfigStore(zk.operator(), ConfigKeys.registry());
        store.set("probe.sequence", "41", "earlier-run", 1L);

        try (ConfigPropagationProbe probe = new ConfigPropagationProbe(zk.connectString(), 1,
            Optional.of(ZooKeeperTestServer.OPERATOR), ZooKeeperTestServer.SESSION_TIMEOUT_MS))
        {
            probe.start(10_000L);
            assertThat(probe.measure(2, "probe", 10_000L).getTotalCount()).isEqualTo(2);
        }

        assertThat(store.get("probe.sequence").json()).isEqualTo("43");
    }
}
