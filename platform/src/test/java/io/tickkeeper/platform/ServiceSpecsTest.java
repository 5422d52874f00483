package io.tickkeeper.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ServiceSpecsTest
{
    private static final Path WORK = Path.of("/tmp/platform-specs");
    private static final Path AUTH = WORK.resolve("zk-auth");
    private static final String ZK = "127.0.0.1:1,127.0.0.1:2,127.0.0.1:3";

    @Test
    void shouldGiveEveryNodeItsOwnPortsInsideThePlan()
    {
        final PortPlan plan = new PortPlan(7100);
        final Set<Integer> seen = new HashSet<>();
        for (final ServiceKind kind : ServiceKind.values())
        {
            for (int i = 0; i < kind.nodes().size(); i++)
            {
                for (final int port : List.of(plan.clientPort(kind, i), plan.replicationPort(kind, i),
                    plan.responsePort(kind, i), plan.mirrorPort(kind, i), plan.feedPort(kind, i)))
                {
                    assertThat(seen.add(port)).as(kind + " node " + i + " port " + port).isTrue();
                    assertThat(port).isBetween(7100, 7199);
                }
            }
        }
    }

    @Test
    void shouldStartServicesInOrderFirstNodeFirst()
    {
        final List<ServiceSpec> specs = specs(EnumSet.allOf(ServiceKind.class));

        assertThat(specs).extracting(ServiceSpec::name).containsExactly("matching-a", "matching-b", "risk-a", "risk-b",
            "feed-a", "feed-b", "strategy-a", "strategy-b", "gateway-gw1", "gateway-gw2");
    }

    @Test
    void shouldPointEachElectedNodeAtItsPeerAndItsOwnDataDirectory()
    {
        final ServiceSpec riskB = specs(EnumSet.allOf(ServiceKind.class)).get(3);

        assertThat(riskB.args()).containsSequence("--node", "b")
            .containsSequence("--zk", ZK)
            .containsSequence("--client-port", "7131")
            .containsSequence("--replication-port", "7132")
            .containsSequence("--peer", "127.0.0.1:7122")
            .containsSequence("--data-dir", WORK.resolve("risk").resolve("b").toString())
            .containsSequence("--matching-shards", "0=1,2,3,4,5,6,7,8")
            .containsSequence("--matching-response-port", "7133")
            .containsSequence("--feed-port", "7139");
    }

    @Test
    void shouldPublishTheFeedToEveryConsumerThePlatformRunsAndToTheOtherFeedNode()
    {
        final ServiceSpec feedA = specs(EnumSet.of(ServiceKind.MATCHING, ServiceKind.RISK, ServiceKind.FEED,
            ServiceKind.GATEWAY)).get(4);

        assertThat(feedA.name()).isEqualTo("feed-a");
        assertThat(feedA.args()).containsSequence("--channel", "127.0.0.1:7129,127.0.0.1:7139,127.0.0.1:7189,"
            + "127.0.0.1:7199,127.0.0.1:7155").containsSequence("--mirror", "127.0.0.1:7145")
            .containsSequence("--credentials", AUTH.toString());
    }

    @Test
    void shouldLeaveTheGatewaysWithoutAFeedWhenNoFeedRuns()
    {
        final List<String> args = new ArrayList<>();
        specs(EnumSet.of(ServiceKind.MATCHING, ServiceKind.RISK, ServiceKind.GATEWAY)).stream()
            .filter(spec -> spec.kind() == ServiceKind.GATEWAY).forEach(spec -> args.addAll(spec.args()));

        assertThat(args).doesNotContain("--feed-endpoint").containsSequence("--fix-port", "7181")
            .containsSequence("--fix-port", "7191");
    }

    private static List<ServiceSpec> specs(final Set<ServiceKind> kinds)
    {
        final PlatformSettings settings = PlatformSettings.builder(WORK).servicePortBase(7100).services(kinds)
            .accountsFile(WORK.resolve("accounts.properties")).build();
        return new ServiceSpecs(settings, ZK, AUTH).all();
    }
}
