package io.tickkeeper.risk.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line's usage errors (exit 2, before anything connects) and the shard list's format. */
class RiskManagerMainTest
{
    private static final String[] REQUIRED = {"--node", "a", "--client-port", "22201", "--replication-port", "22202",
        "--peer", "127.0.0.1:22212", "--data-dir", "target/risk-main-test", "--matching-response-port", "22220",
        "--feed-port", "22230", "--trade-log-dir", "target/risk-main-test-log"};

    @Test
    void shouldRefuseAMissingOption()
    {
        final StringWriter err = new StringWriter();
        final CommandLine line = RiskManagerMain.commandLine().setErr(new PrintWriter(err));
        assertThat(line.execute("--node", "a", "--client-port", "22201")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required options").contains("--feed-port")
            .contains("--trade-log-dir");
    }

    @Test
    void shouldRefuseAnInstrumentOnTwoShardsAndABadPeer()
    {
        final StringWriter err = new StringWriter();
        final CommandLine line = RiskManagerMain.commandLine().setErr(new PrintWriter(err));
        assertThat(line.execute(with("--matching-shards", "a=1,2;b=2,3"))).isEqualTo(2);
        assertThat(err.toString()).contains("--matching-shards").contains("instrument 2 is listed twice");
        final StringWriter peerErr = new StringWriter();
        final String[] badPeer = REQUIRED.clone();
        badPeer[7] = "nowhere";
        assertThat(RiskManagerMain.commandLine().setErr(new PrintWriter(peerErr)).execute(badPeer)).isEqualTo(2);
        assertThat(peerErr.toString()).contains("--peer must be host:port");
    }

    @Test
    void shouldParseShardsByIndex()
    {
        final MatchingShards shards = MatchingShards.parse("a=1,2,3,4; b=5,6,7,8");
        assertThat(shards.names()).containsExactly("a", "b");
        assertThat(shards.instruments().get(1)).containsExactly(5, 6, 7, 8);
        assertThat(shards.riskConfig().shardCount()).isEqualTo(2);
        assertThat(MatchingShards.parse(MatchingShards.DEFAULT).instruments().get(0)).hasSize(8);
        assertThatThrownBy(() -> MatchingShards.parse("a=1,x")).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("integers");
        assertThatThrownBy(() -> MatchingShards.parse("a=1;a=2")).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("listed twice");
        assertThatThrownBy(() -> MatchingShards.parse("=1")).isInstanceOf(IllegalArgumentException.class);
    }

    private static String[] with(final String option, final String value)
    {
        final String[] args = new String[REQUIRED.length + 2];
        System.arraycopy(REQUIRED, 0, args, 0, REQUIRED.length);
        args[REQUIRED.length] = option;
        args[REQUIRED.length + 1] = value;
        return args;
    }
}
