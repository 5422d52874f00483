package io.tickkeeper.node;

import java.nio.file.Path;

import org.apache.curator.framework.CuratorFramework;

import io.tickkeeper.coordinator.CoordinatorClients;
import io.tickkeeper.coordinator.Credentials;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The command-line options every replicated node's main takes (a picocli {@code @Mixin}): the node's name and shard,
 * its ZooKeeper ensemble and session timeout, where it listens, its peer and its data directory. {@link #nodeConfig}
 * checks them into a {@link NodeConfig}; what it refuses is a usage error of the command that mixes them in (picocli
 * prints it with the usage and exits 2).
 */
public final class NodeOptions
{
    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(names = "--node", required = true, description = "This node's name, unique in the shard.")
    private String node;

    @Option(names = "--shard", defaultValue = "0", description = "The shard (default: ${DEFAULT-VALUE}).")
    private String shard;

    @Option(names = "--zk", defaultValue = "127.0.0.1:2181,127.0.0.1:2182,127.0.0.1:2183",
        description = "ZooKeeper connect string (default: ${DEFAULT-VALUE}).")
    private String zkConnect;

    @Option(names = "--host", defaultValue = "127.0.0.1",
        description = "Address to listen on and publish (default: ${DEFAULT-VALUE}).")
    private String host;

    @Option(names = "--client-port", required = true, description = "UDP port of the client ingress.")
    private int clientPort;

    @Option(names = "--replication-port", required = true,
        description = "UDP port where, as primary, this node takes its standby's requests and acknowledgements.")
    private int replicationPort;

    @Option(names = "--peer", required = true, paramLabel = "<host:port>",
        description = "The other node's replication endpoint, where this node catches up as a standby.")
    private String peer;

    @Option(names = "--data-dir", required = true,
        description = "Journal and snapshots, e.g. var/<service>/<node> (var/matching/a, var/risk/a).")
    private Path dataDir;

    @Option(names = "--session-timeout-ms", defaultValue = "1000",
        description = "ZooKeeper session timeout (default: ${DEFAULT-VALUE}).")
    private int sessionTimeoutMs;

    /**
     * ZooKeeper and Curator log every connection step at info; keeps their warnings, unless the system properties
     * already say otherwise. Called by a node's main before anything connects.
     */
    public static void quietLibraryLogs()
    {
        quietLogs("org.apache.zookeeper");
        quietLogs("org.apache.curator");
    }

    /**
     * Like {@link #quietLibraryLogs()}, for the loggers of more libraries too (a launcher's FIX client: "quickfix").
     *
     * @param moreLibraries logger name prefixes kept at warn as well.
     */
    public static void quietLibraryLogs(final String... moreLibraries)
    {
        quietLibraryLogs();
        for (final String library : moreLibraries)
        {
            quietLogs(library);
        }
    }

    private static void quietLogs(final String library)
    {
        final String property = "org.slf4j.simpleLogger.log." + library;
        if (System.getProperty(property) == null)
        {
            System.setProperty(property, "warn");
        }
    }

    /** @return {@code --node}: this node's name. */
    public String node()
    {
        return node;
    }

    /** @return {@code --host}: the address the node listens on and publishes. */
    public String host()
    {
        return host;
    }

    /** @return {@code --client-port}: the UDP port of the client ingress. */
    public int clientPort()
    {
        return clientPort;
    }

    /**
     * @return a new, not yet started client of the {@code --zk} ensemble with the {@code --session-timeout-ms}
     * session, authenticated with the credentials of the environment ({@link Credentials#fromEnvironment()}).
     */
    public CuratorFramework newClient()
    {
        return CoordinatorClients.newClient(zkConnect, sessionTimeoutMs, Credentials.fromEnvironment());
    }

    /**
     * @param service            the service name in ZooKeeper.
     * @param blockOnStandbyLoss whether, as primary, to stop acknowledging while no standby is in sync.
     * @return the checked settings of the node.
     * @throws ParameterException when {@code --peer} is not {@code host:port} or a setting is out of range.
     */
    public NodeConfig nodeConfig(final String service, final boolean blockOnStandbyLoss)
    {
        final int colon = peer.lastIndexOf(':');
        if (colon <= 0 || colon == peer.length() - 1)
        {
            throw usageError("--peer must be host:port: " + peer, null);
        }
        try
        {
            return new NodeConfig(service, shard, node, host, clientPort, replicationPort,
                peer.substring(0, colon), Integer.parseInt(peer.substring(colon + 1)), dataDir.toAbsolutePath(),
                sessionTimeoutMs, blockOnStandbyLoss);
        }
        catch (final IllegalArgumentException ex)
        {
            throw usageError(ex.getMessage(), ex);
        }
    }

    /**
     * @param message what is wrong with the command line.
     * @param cause   the refusal behind it, or null.
     * @return a usage error of the command these options are mixed into, for the caller to throw.
     */
    public ParameterException usageError(final String message, final Throwable cause)
    {
        return new ParameterException(command.commandLine(), message, cause);
    }
}
