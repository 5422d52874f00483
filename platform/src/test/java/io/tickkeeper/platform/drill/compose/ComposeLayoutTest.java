package io.tickkeeper.platform.drill.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class ComposeLayoutTest
{
    private final ComposeLayout layout = new ComposeLayout(12181, 9881);

    @Test
    void shouldNameTheHostPortsOfZooKeeperAndTheGateways()
    {
        assertThat(layout.zkConnectString()).isEqualTo("127.0.0.1:12181,127.0.0.1:12182,127.0.0.1:12183");
        assertThat(layout.fixEndpoints()).containsExactly("127.0.0.1:9881", "127.0.0.1:9882");
        assertThat(layout.gatewayAt("/127.0.0.1:9882")).isEqualTo("gw2");
        assertThat(layout.gatewayAt("")).isEqualTo("gw1");
    }

    @Test
    void shouldMapNodesToServicesShardsAndJournals()
    {
        assertThat(layout.serviceOf("b2")).isEqualTo(ComposeLayout.MATCHING_B);
        assertThat(layout.shardOf(ComposeLayout.MATCHING_B)).isEqualTo("1");
        assertThat(layout.shardOf(ComposeLayout.RISK)).isEqualTo("0");
        assertThat(layout.dataDir("a1")).isEqualTo("var/matching/a1");
        assertThat(layout.dataDir("strategy2")).isEqualTo("var/strategy/strategy2");
        assertThat(layout.instrumentsOf(ComposeLayout.MATCHING_B)).isEqualTo("5,6,7,8");
        assertThatThrownBy(() -> layout.dataDir("gw1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> layout.zkPort("a1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldKnowEveryServiceOfTheComposeFileAndNoOther() throws IOException
    {
        final String compose = Files.readString(Path.of("..", "docker-compose.yml"));
        final String services = compose.substring(compose.indexOf("\nservices:"), compose.indexOf("\nnetworks:"));
        final long declared = services.lines().filter(line -> line.matches("  [a-z0-9]+:")).count();

        assertThat(layout.services()).hasSize((int)declared);
        for (final String node : layout.services())
        {
            assertThat(services).contains("\n  " + node + ":\n");
        }
        for (final String node : layout.nodesOf(ComposeLayout.ZOOKEEPER))
        {
            assertThat(services).contains("127.0.0.1:${TK_ZK_PORT_" + node.substring(2) + ":-"
                + layout.zkPort(node) + "}");
        }
        assertThat(services).contains("127.0.0.1:9881:9880", "127.0.0.1:9882:9880",
            "--matching-shards " + ComposeLayout.MATCHING_SHARDS);
    }
}
