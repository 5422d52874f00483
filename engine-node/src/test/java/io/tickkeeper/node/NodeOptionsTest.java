package io.tickkeeper.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The node options as a command mixes them in: defaults, the {@link NodeConfig} they build, usage errors. */
class NodeOptionsTest
{
    private static final String[] REQUIRED = {"--node", "b", "--client-port", "22301", "--replication-port", "22302",
        "--peer", "10.1.2.3:22312", "--data-dir", "target/node-options-test"};

    @Test
    void shouldBuildTheConfigWithTheDefaults()
    {
        final NodeCommand command = new NodeCommand();
        assertThat(new CommandLine(command).execute(REQUIRED)).isEqualTo(0);
        final NodeConfig config = command.config;
        assertThat(config.service()).isEqualTo("test-service");
        assertThat(config.shard()).isEqualTo("0");
        assertThat(config.node()).isEqualTo("b");
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.clientPort()).isEqualTo(22301);
        assertThat(config.replicationPort()).isEqualTo(22302);
        assertThat(config.peerHost()).isEqualTo("10.1.2.3");
        assertThat(config.peerReplicationPort()).isEqualTo(22312);
        assertThat(config.dataDir()).isEqualTo(Path.of("target/node-options-test").toAbsolutePath());
        assertThat(config.sessionTimeoutMs()).isEqualTo(1000);
        assertThat(config.blockOnStandbyLoss()).isTrue();
        assertThat(command.options.node()).isEqualTo("b");
        assertThat(command.options.host()).isEqualTo("127.0.0.1");
        assertThat(command.options.clientPort()).isEqualTo(22301);
    }

    @Test
    void shouldTakeEveryOption()
    {
        final NodeCommand command = new NodeCommand();
        assertThat(new CommandLine(command).execute(with("--shard", "s1", "--host", "127.0.0.9", "--zk",
            "127.0.0.1:1", "--session-timeout-ms", "4000"))).isEqualTo(0);
        assertThat(command.config.shard()).isEqualTo("s1");
        assertThat(command.config.host()).isEqualTo("127.0.0.9");
        assertThat(command.config.clientEndpoint()).isEqualTo("127.0.0.9:22301");
        assertThat(command.config.sessionTimeoutMs()).isEqualTo(4000);
    }

    @Test
    void shouldRefuseABadPeerOrABadSettingAsAUsageError()
    {
        assertUsageError(with("--peer", "nowhere"), "--peer must be host:port: nowhere");
        assertUsageError(with("--peer", "host:"), "--peer must be host:port: host:");
        assertUsageError(with("--replication-port", "22301"), "clientPort and replicationPort must differ: 22301");
        assertUsageError(with("--session-timeout-ms", "50"), "sessionTimeoutMs must be at least 100: 50");
    }

    @Test
    void shouldListTheMissingRequiredOptions()
    {
        final StringWriter err = new StringWriter();
        assertThat(new CommandLine(new NodeCommand()).setErr(new PrintWriter(err)).execute("--node", "a"))
            .isEqualTo(2);
        assertThat(err.toString()).contains("Missing required options").contains("--client-port")
            .contains("--replication-port").contains("--peer").contains("--data-dir");
    }

    @Test
    void shouldShowTheDefaultsInTheUsage()
    {
        final String usage = new CommandLine(new NodeCommand()).getUsageMessage();
        assertThat(usage).contains("ZooKeeper connect string (default: 127.0.0.1:")
            .contains("2181,127.0.0.1:2182,127.0.0.1:2183)")
            .contains("ZooKeeper session timeout (default: 1000)")
            .contains("The shard (default: 0)")
            .contains("--peer=<host:port>");
    }

    private static void assertUsageError(final String[] args, final String message)
    {
        final StringWriter err = new StringWriter();
        final NodeCommand command = new NodeCommand();
        assertThat(new CommandLine(command).setErr(new PrintWriter(err)).execute(args)).isEqualTo(2);
        assertThat(err.toString()).startsWith(message).contains("Usage: test-node");
        assertThat(command.config).isNull();
    }

    /** @return the required options with these option/value pairs, each replacing the same option's value. */
    private static String[] with(final String... pairs)
    {
        final List<String> args = new ArrayList<>(List.of(REQUIRED));
        for (int i = 0; i < pairs.length; i += 2)
        {
            final int at = args.indexOf(pairs[i]);
            if (at < 0)
            {
                args.add(pairs[i]);
                args.add(pairs[i + 1]);
            }
            else
            {
                args.set(at + 1, pairs[i + 1]);
            }
        }
        return args.toArray(new String[0]);
    }

    /** A command that only builds its node's settings. */
    @Command(name = "test-node")
    static final class NodeCommand implements Callable<Integer>
    {
        @Mixin
        private NodeOptions options;
        private NodeConfig config;

        @Override
        public Integer call()
        {
            config = options.nodeConfig("test-service", true);
            return 0;
        }
    }
}
