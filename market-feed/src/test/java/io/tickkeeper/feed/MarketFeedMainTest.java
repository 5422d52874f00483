package io.tickkeeper.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

class MarketFeedMainTest
{
    @Test
    void shouldTurnHostAndPortIntoAUdpChannelAndKeepAeronUris()
    {
        assertThat(MarketFeedMain.channelOf("127.0.0.1:23001")).isEqualTo("aeron:udp?endpoint=127.0.0.1:23001");
        assertThat(MarketFeedMain.channelOf("aeron:ipc")).isEqualTo("aeron:ipc");
        assertThatThrownBy(() -> MarketFeedMain.channelOf("127.0.0.1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MarketFeedMain.channelOf("host:0")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseABadEndpointAsAUsageError()
    {
        final StringWriter errors = new StringWriter();
        final CommandLine commandLine = new CommandLine(new MarketFeedMain()).setErr(new PrintWriter(errors));

        final int exitCode = commandLine.execute("--node", "a", "--mirror", "nowhere", "--channel", "127.0.0.1:23002");

        assertThat(exitCode).isEqualTo(2);
        assertThat(errors.toString()).contains("not host:port or an aeron: URI: nowhere");
    }
}
