package io.tickkeeper.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ZkPathsTest
{
    @Test
    void shouldBuildTheShardPathsUnderServices()
    {
        assertThat(ZkPaths.shard("matching", "s0")).isEqualTo("/tickkeeper/services/matching/s0");
        assertThat(ZkPaths.members("matching", "s0")).isEqualTo("/tickkeeper/services/matching/s0/members");
        assertThat(ZkPaths.election("risk", "s1")).isEqualTo("/tickkeeper/services/risk/s1/election");
        assertThat(ZkPaths.epoch("risk", "s1")).isEqualTo("/tickkeeper/services/risk/s1/epoch");
        assertThat(ZkPaths.primary("risk", "s1")).isEqualTo("/tickkeeper/services/risk/s1/primary");
        assertThat(ZkPaths.inSync("risk", "s1")).isEqualTo("/tickkeeper/services/risk/s1/in-sync");
    }

    @Test
    void shouldPutTheFeedCheckpointUnderItsLock()
    {
        assertThat(ZkPaths.lock("market-feed")).isEqualTo("/tickkeeper/locks/market-feed");
        assertThat(ZkPaths.feedCheckpoint("market-feed")).isEqualTo("/tickkeeper/locks/market-feed/feed-state");
        assertThat(ZkPaths.feedCheckpoint("feed.2")).startsWith(ZkPaths.lock("feed.2") + '/');
    }

    @Test
    void shouldRefuseNamesThatAreNotOneSegment()
    {
        assertThatThrownBy(() -> ZkPaths.feedCheckpoint("a/b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ZkPaths.feedCheckpoint("..")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ZkPaths.feedCheckpoint("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ZkPaths.shard("matching", null)).isInstanceOf(IllegalArgumentException.class);
    }
}
