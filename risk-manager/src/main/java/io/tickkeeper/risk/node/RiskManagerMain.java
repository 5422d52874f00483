package io.tickkeeper.risk.node;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.tickkeeper.coordinator.config.ConfigKeys;
import io.tickkeeper.coordinator.config.LiveConfig;
import io.tickkeeper.node.NodeConfig;
import io.tickkeeper.node.NodeOptions;
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
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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

    @Mixin
    private NodeOptions nodeOptions;

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

    private final CountDownLatch stopped = new CountDownLatch(1);

    /**
     * @param args command-line arguments; {@code --help} lists them.
     */
    public static void main(final String[] args)
    {
        NodeOptions.quietLibraryLogs();
        System.exit(commandLine().execute(args));
    }

    /** @return the command line of this main, for main itself and for tests. */
    static CommandLine commandLine()
    {
        return new CommandLine(new RiskManagerMain());
    }

    @Override
    public Integer call() throws Exception
    {
        final NodeConfig config = nodeOptions.nodeConfig(RiskService.SERVICE, false);
        final MatchingShards shards = shards();
        final String node = nodeOptions.node();
        final CuratorFramework client = nodeOptions.newClient();
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
            .host(nodeOptions.host())
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
            + "trade log {}", node, nodeOptions.host(), nodeOptions.clientPort(), shards.names(), matchingResponsePort,
            feedPort, tradeLogDir);
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
            throw nodeOptions.usageError("--matching-shards: " + ex.getMessage(), ex);
        }
    }
}
