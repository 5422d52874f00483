package io.tickkeeper.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FeedCheckpointStoreTest
{
    private FeedZooKeeper zk;
    private FeedCheckpointStore store;

    @BeforeEach
    void start() throws Exception
    {
        zk = FeedZooKeeper.start();
        store = new FeedCheckpointStore(zk.client(), "market-feed");
    }

    @AfterEach
    void stop() throws Exception
    {
        zk.close();
    }

    @Test
    void shouldRefuseACheckpointWithAnOlderTokenThanTheStoredOne() throws Exception
    {
        assertThat(store.read()).isEmpty();
        final FeedCheckpoint newer = checkpoint(2L, 100L);

        assertThat(store.write(newer)).isEqualTo(FeedCheckpointStore.WriteResult.WRITTEN);
        assertThat(store.write(checkpoint(1L, 130L))).isEqualTo(FeedCheckpointStore.WriteResult.FENCED);
        assertThat(store.read()).contains(newer);
        assertThat(store.write(checkpoint(2L, 108L))).isEqualTo(FeedCheckpointStore.WriteResult.WRITTEN);
        assertThat(store.write(checkpoint(3L, 116L))).isEqualTo(FeedCheckpointStore.WriteResult.WRITTEN);
        assertThat(store.read().orElseThrow().sequence()).isEqualTo(116L);
    }

    @Test
    void shouldReadBackWhatWasWrittenAndRefuseGarbage()
    {
        final FeedCheckpoint checkpoint = checkpoint(4L, 77L);

        assertThat(FeedCheckpoint.decode(checkpoint.encode())).isEqualTo(checkpoint);
        assertThat(checkpoint.toString()).isEqualTo("token=4 seed=9 sequence=77 timestampNs=1500 regime=2 prices=10001,9950");
        assertThatThrownBy(() -> FeedCheckpoint.decode("token=x".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
            .isInstanceOf(IllegalArgumentException.class);
    }

    private static FeedCheckpoint checkpoint(final long token, final long sequence)
    {
        return new FeedCheckpoint(token, 9L, sequence, 1_500L, Regime.STRESSED, new long[] {10_001L, 9_950L});
    }
}
