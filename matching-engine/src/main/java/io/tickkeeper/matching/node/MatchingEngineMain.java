package io.tickkeeper.matching.node;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tickkeeper.coordinator.CoordinatorClients;
import io.tickkeeper.coordinator.Credentials;
import io.tickkeeper.node.NodeConfig;
import io.tickkeeper.node.ReplicatedNode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code matching-engine}: runs one node of one matching shard, primary or hot standby (docs/replication.md).
 * Credentials come from the environment ({@code TICKKEEPER_ZK_AUTH} or {@code TICKKEEPER_ZK_AUTH_FILE}).
 * SIGTERM hands over at once (the election latch is released), drains and exits 0.
 */
@Command(name = "matching-engine", mixinStandardHelpOptions = true, version = "matching-engine 0.1.0",
    description = "Run one node of a matching shard as primary or hot standby.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:stopped by SIGTERM after draining", "1:failed (see the log)", "2:usage error"})
public final class MatchingEngineMain implements Callable<Integer>
{
    private static final Logger LOG = LoggerFactory.getLogger(MatchingEngineMain.class);

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

    @Option(names = "--data-dir", required = true, description = "Journal and snapshots, e.g. var/matching/a.")
    private Path dataDir;

    @Option(names = "--instruments", defaultValue = Instruments.DEFAULT,
        description = "Comma-separated instrument ids, or id:tick:lot:min:max:bandBps:referencePrice entries "
            + "(default: ${DEFAULT-VALUE}).")
    private String instruments;

    @Option(names = "--session-timeout-ms", defaultValue = "1000",
        description = "ZooKeeper session timeout (default: ${DEFAULT-VALUE}).")
    private int sessionTimeoutMs;

    @Option(names = "--on-standby-loss", defaultValue = "continue",
        description = "continue: go on alone once the standby is dropped; block: stop acknowledging until a standby "
            + "is back in sync (default: ${DEFAULT-VALUE}).")
    private String onStandbyLoss;

    private final CountDownLatch stopped = new CountDownLatch(1);

    /**
     * @param args command-line arguments; {@code --help} lists them.
     */
    public static void main(final String[] args)
    {
        quietLibraryLogs();
        System.exit(new CommandLine(new MatchingEngineMain()).execute(args));
    }

    /** ZooKeeper and Curator log every connection step at info; keep their warnings, unless told otherwise. */
    static void quietLibraryLogs()
    {
        for (final String library : new String[] {"org.apache.zookeeper", "org.apache.curator"})
        {
            final String property = "org.slf4j.simpleLogger.log." + library;
            if (System.getProperty(property) == null)
            {
                System.setProperty(property, "warn");
            }
        }
    }

    @Override
    public Integer call() throws Exception
    {
        final NodeConfig config = config();
        final MatchingService service = service();
        final CuratorFramework client = CoordinatorClients.newClient(
            zkConnect, sessionTimeoutMs, Credentials.fromEnvironment());
        client.start();
        final ReplicatedNode matchingNode = new ReplicatedNode(config, service, client);
        final CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
        {
            LOG.info("{}: SIGTERM: handing over and draining", node);
            matchingNode.close();
            client.close();
            closed.countDown();
            stopped.countDown();
            LOG.info("{}: stopped", node);
            System.out.flush();
            System.err.flush();
            // Drained and closed: exit 0 rather than the 143 a JVM ends with on SIGTERM.
            Runtime.getRuntime().halt(0);
        }, "matching-engine-shutdown"));
        matchingNode.start();
        stopped.await();
        closed.await(30, TimeUnit.SECONDS);
        return 0;
    }

    private MatchingService service()
    {
        try
        {
            return new MatchingService(Instruments.parse(instruments));
        }
        catch (final IllegalArgumentException ex)
        {
            throw new CommandLine.ParameterException(new CommandLine(this), ex.getMessage(), ex);
        }
    }

    private NodeConfig config()
    {
        final int colon = peer.lastIndexOf(':');
        if (colon <= 0 || colon == peer.length() - 1)
        {
            throw new CommandLine.ParameterException(new CommandLine(this), "--peer must be host:port: " + peer);
        }
        final boolean block;
        switch (onStandbyLoss)
        {
            case "continue":
                block = false;
                break;
            case "block":
                block = true;
                break;
            default:
                throw new CommandLine.ParameterException(new CommandLine(this),
                    "--on-standby-loss must be continue or block: " + onStandbyLoss);
        }
        try
        {
            return new NodeConfig(MatchingService.SERVICE, shard, node, host, clientPort, replicationPort,
                peer.substring(0, colon), Integer.parseInt(peer.substring(colon + 1)), dataDir.toAbsolutePath(),
                sessionTimeoutMs, block);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new CommandLine.ParameterException(new CommandLine(this), ex.getMessage(), ex);
        }
    }
}
