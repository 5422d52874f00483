package io.tickkeeper.strategy.node;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import io.tickkeeper.runtime.transport.AeronTransport;
import io.tickkeeper.strategy.BotSpec;
import io.tickkeeper.strategy.StrategyLoader;
import io.tickkeeper.strategy.config.StrategiesConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code strategy-engine}: runs one node of the strategy engine (service {@value StrategyService#SERVICE}, shard 0
 * unless told), primary or hot standby, with the bots of {@code --strategies} and optionally one plug-in strategy
 * ({@code --strategy-jar}, {@code --strategy}) trading for {@code --account}. Credentials come from the environment
 * ({@code TICKKEEPER_ZK_AUTH} or {@code TICKKEEPER_ZK_AUTH_FILE}). SIGTERM hands over at once, drains and exits 0.
 */
@Command(name = "strategy-engine", mixinStandardHelpOptions = true, version = "strategy-engine 0.1.0",
    description = "Run one node of the strategy engine as primary or hot standby.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:stopped by SIGTERM after draining", "1:failed (see the log)", "2:usage error"})
public final class StrategyEngineMain implements Callable<Integer>
{
    private static final Logger LOG = LoggerFactory.getLogger(StrategyEngineMain.class);
    private static final String PLUGIN_BOT = "plugin";

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

    @Option(names = "--client-port", required = true,
        description = "UDP port of the client ingress (the engine takes no client commands; it refuses them).")
    private int clientPort;

    @Option(names = "--replication-port", required = true,
        description = "UDP port where, as primary, this node takes its standby's requests and acknowledgements.")
    private int replicationPort;

    @Option(names = "--peer", required = true, paramLabel = "<host:port>",
        description = "The other node's replication endpoint, where this node catches up as a standby.")
    private String peer;

    @Option(names = "--data-dir", required = true, description = "Journal and snapshots, e.g. var/strategy/a.")
    private Path dataDir;

    @Option(names = "--session-timeout-ms", defaultValue = "1000",
        description = "ZooKeeper session timeout (default: ${DEFAULT-VALUE}).")
    private int sessionTimeoutMs;

    @Option(names = "--risk-response-port", required = true,
        description = "UDP port where the risk manager's answers and reports arrive.")
    private int riskResponsePort;

    @Option(names = "--feed-port", defaultValue = "0",
        description = "UDP port where the market feed's ticks arrive; 0: no feed (default: ${DEFAULT-VALUE}).")
    private int feedPort;

    @Option(names = "--strategies", defaultValue = "config/strategies.properties",
        description = "The bots (default: ${DEFAULT-VALUE}).")
    private Path strategies;

    @Option(names = "--strategy-jar", paramLabel = "<jar>", description = "The jar of a plug-in strategy.")
    private Path strategyJar;

    @Option(names = "--strategy", paramLabel = "<class>",
        description = "A plug-in strategy's class, run as bot '" + PLUGIN_BOT + "'.")
    private String strategy;

    @Option(names = "--account", defaultValue = "900",
        description = "The account the plug-in strategy trades for (default: ${DEFAULT-VALUE}).")
    private int account;

    @Option(names = "--timer-ms", defaultValue = "100",
        description = "Interval of the engine's timer inputs (default: ${DEFAULT-VALUE}).")
    private long timerMs;

    private final CountDownLatch stopped = new CountDownLatch(1);

    /**
     * @param args command-line arguments; {@code --help} lists them.
     */
    public static void main(final String[] args)
    {
        for (final String library : new String[] {"org.apache.zookeeper", "org.apache.curator"})
        {
            final String property = "org.slf4j.simpleLogger.log." + library;
            if (System.getProperty(property) == null)
            {
                System.setProperty(property, "warn");
            }
        }
        System.exit(new CommandLine(new StrategyEngineMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception
    {
        final NodeConfig config = config();
        final List<BotSpec> bots = bots();
        final StrategyLoader loader = new StrategyLoader();
        final AeronTransport transport = AeronTransport.launch("strategy-clients-" + node);
        final CuratorFramework client = CoordinatorClients.newClient(
            zkConnect, sessionTimeoutMs, Credentials.fromEnvironment());
        client.start();
        final StrategyService service = new StrategyService(new StrategyService.Context()
            .bots(bots)
            .factory(loader::load)
            .curator(client)
            .aeron(transport.aeron())
            .host(host)
            .riskResponsePort(riskResponsePort)
            .feedPort(feedPort)
            .timerIntervalMs(timerMs));
        final ReplicatedNode strategyNode = new ReplicatedNode(config, service, client);
        final CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
        {
            LOG.info("{}: SIGTERM: handing over and draining", node);
            strategyNode.close();
            client.close();
            transport.close();
            loader.close();
            closed.countDown();
            stopped.countDown();
            LOG.info("{}: stopped", node);
            System.out.flush();
            System.err.flush();
            // Drained and closed: exit 0 rather than the 143 a JVM ends with on SIGTERM.
            Runtime.getRuntime().halt(0);
        }, "strategy-engine-shutdown"));
        LOG.info("{}: {} bots: {}", node, bots.size(), bots);
        strategyNode.start();
        stopped.await();
        closed.await(30, TimeUnit.SECONDS);
        return 0;
    }

    private List<BotSpec> bots() throws java.io.IOException
    {
        final List<BotSpec> bots = new ArrayList<>();
        if (Files.exists(strategies) || strategy == null)
        {
            bots.addAll(StrategiesConfig.load(strategies));
        }
        try
        {
            if (strategy != null)
            {
                bots.add(new BotSpec(PLUGIN_BOT, strategy, strategyJar, account, 1, Map.of()));
            }
            else if (strategyJar != null)
            {
                throw new IllegalArgumentException("--strategy-jar needs --strategy <class>");
            }
        }
        catch (final IllegalArgumentException ex)
        {
            throw new CommandLine.ParameterException(new CommandLine(this), ex.getMessage(), ex);
        }
        if (bots.isEmpty())
        {
            throw new CommandLine.ParameterException(new CommandLine(this), "no bots in " + strategies);
        }
        return bots;
    }

    private NodeConfig config()
    {
        final int colon = peer.lastIndexOf(':');
        if (colon <= 0 || colon == peer.length() - 1)
        {
            throw new CommandLine.ParameterException(new CommandLine(this), "--peer must be host:port: " + peer);
        }
        try
        {
            return new NodeConfig(StrategyService.SERVICE, shard, node, host, clientPort, replicationPort,
                peer.substring(0, colon), Integer.parseInt(peer.substring(colon + 1)), dataDir.toAbsolutePath(),
                sessionTimeoutMs, false);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new CommandLine.ParameterException(new CommandLine(this), ex.getMessage(), ex);
        }
    }
}
