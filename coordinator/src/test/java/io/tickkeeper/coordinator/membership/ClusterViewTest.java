package io.tickkeeper.coordinator.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.Test;

import io.tickkeeper.coordinator.ZkPaths;
import io.tickkeeper.coordinator.election.PrimaryInfo;

class ClusterViewTest
{
    @Test
    void shouldDescribeEachShardFromItsZnodes()
    {
        final ClusterView view = ClusterView.from(Stream.of(
            znode(ZkPaths.SERVICES, ""),
            znode(ZkPaths.shard("matching-engine", "0"), ""),
            znode(ZkPaths.epoch("matching-engine", "0"), "7"),
            znode(ZkPaths.primary("matching-engine", "0"),
                new String(new PrimaryInfo("me-a", "127.0.0.1:9001", 7).toJson(), StandardCharsets.UTF_8)),
            znode(ZkPaths.election("matching-engine", "0") + "/_c_1-latch-0000000001", "me-a"),
            znode(ZkPaths.election("matching-engine", "0") + "/_c_2-latch-0000000002", "me-b"),
            znode(ZkPaths.members("matching-engine", "0") + "/me-b",
                new String(new MemberInfo("me-b", "standby", 7, "127.0.0.1:9002", 1230, 4).toJson(),
                    StandardCharsets.UTF_8)),
            znode(ZkPaths.members("matching-engine", "0") + "/me-a",
                new String(new MemberInfo("me-a", "primary", 7, "127.0.0.1:9001", 1234, 0).toJson(),
                    StandardCharsets.UTF_8)),
            znode(ZkPaths.inSync("matching-engine", "0"), "{\"epoch\":7,\"members\":[\"me-a\"]}"),
            znode(ZkPaths.epoch("risk-manager", "main"), "2")));

        assertThat(view.shards()).extracting(ShardView::service).containsExactly("matching-engine", "risk-manager");
        final ShardView shard = view.shard("matching-engine", "0").orElseThrow();
        assertThat(shard.epoch()).isEqualTo(7);
        assertThat(shard.primary()).isEqualTo(new PrimaryInfo("me-a", "127.0.0.1:9001", 7));
        assertThat(shard.candidates()).isEqualTo(2);
        assertThat(shard.members()).extracting(MemberInfo::node).containsExactly("me-a", "me-b");
        assertThat(shard.member("me-b").orElseThrow().lag()).isEqualTo(4);
        assertThat(shard.inSyncPublished()).isTrue();
        assertThat(shard.isInSync("me-a")).isTrue();
        assertThat(shard.isInSync("me-b")).isFalse();
        final ShardView risk = view.shard("risk-manager", "main").orElseThrow();
        assertThat(risk.primaryNow()).isEmpty();
        assertThat(risk.inSyncPublished()).isFalse();
        assertThat(view.problems()).isEmpty();
    }

    @Test
    void shouldAcceptAnInSyncSetWrittenAsAPlainList()
    {
        final ClusterView view = ClusterView.from(Stream.of(znode(ZkPaths.inSync("s", "0"), "[\"a\",\"b\"]")));

        assertThat(view.shard("s", "0").orElseThrow().inSync()).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void shouldReportUnreadableZnodesInsteadOfFailing()
    {
        final ClusterView view = ClusterView.from(Stream.of(
            znode(ZkPaths.members("s", "0") + "/a", "not json"),
            znode(ZkPaths.epoch("s", "0"), "three")));

        assertThat(view.problems()).hasSize(2);
        assertThat(view.shard("s", "0").orElseThrow().members()).isEmpty();
    }

    @Test
    void shouldIgnoreZnodesOutsideTheServicesRoot()
    {
        final ClusterView view = ClusterView.from(Stream.of(znode(ZkPaths.CONFIG + "/risk.max-order-qty", "10")));

        assertThat(view.shards()).isEmpty();
    }

    private static ChildData znode(final String path, final String data)
    {
        return new ChildData(path, new Stat(), data.getBytes(StandardCharsets.UTF_8));
    }
}
