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

import io.tickkeeper.node.NodeConfig;
import io.tickkeeper.node.NodeOptions;
import io.tickkeeper.node.ReplicatedNode;
import io.tickkeeper.runtime.transport.AeronTransport;
import io.tickkeeper.strategy.BotSpec;
import io.tickkeeper.strategy.StrategyLoader;
import io.tickkeeper.strategy.config.StrategiesConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code strategy-engine}: runs one node of the strategy engine (service {@value StrategyService#SERVICE}, shard 0
 * unless told), primary or hot standby, with the bots of {@code --strategies} and optionally one plug-in strategy
 * ({@code --strategy-jar}, {@code --strategy}) trading for {@code --account}. Credentials come from the environment
 * ({@code TICKKEEPER_ZK_AUTH} or {@code TICKKEEPER_ZK_AUTH_FILE}). SIGTERM hands over at once, drains and exits 0.
 */
@Command(name = "strategy-engine", mixinStandardHelpOptions = true, version = "strategy-engine 0.1.0",
    description = {"Run one node of the strategy engine as primary or hot standby.",
        "The engine takes no client commands: its client ingress (--client-port) refuses them."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:stopped by SIGTERM after draining", "1:failed (see the log)", "2:usage error"})
public final class StrategyEngineMain implements Callable<Integer>
{
    private static final Logger LOG = LoggerFactory.getLogger(StrategyEngineMain.class);
    private static final String PLUGIN_BOT = "plugin";

    @Mixin
    private NodeOptions nodeOptions;

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
        NodeOptions.quietLibraryLogs();
        System.exit(new CommandLine(new StrategyEngineMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception
    {
        final NodeConfig config = nodeOptions.nodeConfig(StrategyService.SERVICE, false);
        final List<BotSpec> bots = bots();
        final String node = nodeOptions.node();
        final StrategyLoader loader = new StrategyLoader();
        final AeronTransport transport = AeronTransport.launch("strategy-clients-" + node);
        final CuratorFramework client = nodeOptions.newClient();
        client.start();
        final StrategyService service = new StrategyService(new StrategyService.Context()
            .bots(bots)
            .factory(loader::load)
            .curator(client)
            .aeron(transport.aeron())
            .host(nodeOptions.host())
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
            throw nodeOptions.usageError(ex.getMessage(), ex);
        }
        if (bots.isEmpty())
        {
            throw nodeOptions.usageError("no bots in " + strategies, null);
        }
        return bots;
    }
}
