package io.tickkeeper.risk.node;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.tickkeeper.coordinator.CoordinatorClients;
import io.tickkeeper.coordinator.Credentials;
import io.tickkeeper.coordinator.config.ConfigKeys;
import io.tickkeeper.coordinator.config.LiveConfig;
import io.tickkeeper.node.NodeConfig;
import io.tickkeeper.node.ReplicatedNode;
import io.tickkeeper.node.broadcast.BroadcastEndpoints;
import io.tickkeeper.node.broadcast.BroadcastPublisher;
import io.tickkeeper.runtime.transport.AeronTransport;
import org.agrona.CloseHelper;
import org.apache.curator.framework.CuratorFramework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code risk-manager}: runs one node of the risk manager (service {@code risk}), primary or hot standby
 * (docs/risk.md). Credentials come from the environment ({@code TICKKEEPER_ZK_AUTH} or
 * {@code TICKKEEPER_ZK_AUTH_FILE}). SIGTERM hands over at once (the election latch is released), drains and exits 0.
 */
@Command(name = "risk-manager", mixinStandardHelpOptions = true, version = "risk-manager 0.1.0",
    description = "Run one node of the risk manager as primary or hot standby.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:stopped by SIGTERM after draining", "1:failed (see the log)", "2:usage error"})
public final class RiskManagerMain implements Callable<Integer>
{
    private static final Logger LOG = LoggerFactory.getLogger(RiskManagerMain.class);

    @Option(names = "--node", required = true, description = "This node's name, unique in the shard.")
    private String node;

    @Option(names = "--shard", defaultValue = "0", description = "The risk shard (default: ${DEFAULT-VALUE}).")
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

    @Option(names = "--data-dir", required = true, description = "Journal and snapshots, e.g. var/risk/a.")
    private Path dataDir;

    @Option(names = "--session-timeout-ms", defaultValue = "1000",
        description = "ZooKeeper session timeout (default: ${DEFAULT-VALUE}).")
    private int sessionTimeoutMs;

    @Option(names = "--matching-shards", defaultValue = MatchingShards.DEFAULT, paramLabel = "<name=ids;...>",
        description = "The matching shards by index, ';'-separated name=instrument ids (default: ${DEFAULT-VALUE}).")
    private String matchingShards;

    @Option(names = "--matching-response-port", required = true,
        description = "UDP port where, as primary, the client of matching shard i takes responses: this + i.")
    private int matchingResponsePort;

    @Option(names = "--feed-port", required = true,
        description = "UDP port where, as primary, this node receives the market feed's ReferencePriceTick.")
    private int feedPort;

    @Option(names = "--trade-log-dir", required = true,
        description = "The trade log's directory, shared with the other node (e.g. var/trade-log).")
    private Path tradeLogDir;

    @Option(names = "--broadcast", defaultValue = "", paramLabel = "<host:port,...>",
        description = "Every gateway's broadcast endpoint: public trades and copies of every execution report go there "
            + "(market data, drop copies); none by default.")
    private String broadcast;

    @Spec
    private CommandSpec spec;

    private final CountDownLatch stopped = new CountDownLatch(1);

    /**
     * @param args command-line arguments; {@code --help} lists them.
     */
    public static void main(final String[] args)
    {
        quietLibraryLogs();
        System.exit(commandLine().execute(args));
    }

    /** @return the command line of this main, for main itself and for tests. */
    static CommandLine commandLine()
    {
        return new CommandLine(new RiskManagerMain());
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
        final MatchingShards shards = shards();
        final CuratorFramework client = CoordinatorClients.newClient(
            zkConnect, sessionTimeoutMs, Credentials.fromEnvironment());
        client.start();
        final LiveConfig liveConfig = new LiveConfig(client, ConfigKeys.registry());
        final AeronTransport transport = AeronTransport.launch("risk-clients-" + node);
        final BroadcastPublisher publisher = broadcast.isBlank() ? null :
            new BroadcastPublisher(transport.aeron(), BroadcastEndpoints.channels(broadcast));
        final RiskService service = new RiskService(new RiskService.Context()
            .node(node)
            .curator(client)
            .aeron(transport.aeron())
            .liveConfig(liveConfig)
            .shards(shards)
            .host(host)
            .matchingResponsePort(matchingResponsePort)
            .feedPort(feedPort)
            .tradeLogDirectory(tradeLogDir.toAbsolutePath())
            .broadcast(publisher));
        liveConfig.start();
        final ReplicatedNode riskNode = new ReplicatedNode(config, service, client);
        final CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
        {
            LOG.info("{}: SIGTERM: handing over and draining", node);
            riskNode.close();
            CloseHelper.closeAll(service, liveConfig, publisher, transport);
            client.close();
            closed.countDown();
            stopped.countDown();
            LOG.info("{}: stopped", node);
            System.out.flush();
            System.err.flush();
            // Drained and closed: exit 0 rather than the 143 a JVM ends with on SIGTERM.
            Runtime.getRuntime().halt(0);
        }, "risk-manager-shutdown"));
        riskNode.start();
        LOG.info("{}: risk node started: client {}:{}, matching shards {}, responses from port {}, feed port {}, "
            + "trade log {}", node, host, clientPort, shards.names(), matchingResponsePort, feedPort, tradeLogDir);
        stopped.await();
        closed.await(30, TimeUnit.SECONDS);
        return 0;
    }

    private MatchingShards shards()
    {
        try
        {
            final MatchingShards shards = MatchingShards.parse(matchingShards);
            shards.riskConfig();
            return shards;
        }
        catch (final IllegalArgumentException ex)
        {
            throw new CommandLine.ParameterException(spec.commandLine(),
                "--matching-shards: " + ex.getMessage(), ex);
        }
    }

    private NodeConfig config()
    {
        final int colon = peer.lastIndexOf(':');
        if (colon <= 0 || colon == peer.length() - 1)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), "--peer must be host:port: " + peer);
        }
        try
        {
            return new NodeConfig(RiskService.SERVICE, shard, node, host, clientPort, replicationPort,
                peer.substring(0, colon), Integer.parseInt(peer.substring(colon + 1)), dataDir.toAbsolutePath(),
                sessionTimeoutMs, false);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), ex.getMessage(), ex);
        }
    }
}
