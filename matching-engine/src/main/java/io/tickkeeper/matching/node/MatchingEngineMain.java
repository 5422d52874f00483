package io.tickkeeper.matching.node;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tickkeeper.node.NodeConfig;
import io.tickkeeper.node.NodeOptions;
import io.tickkeeper.node.ReplicatedNode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    private NodeOptions nodeOptions;

    @Option(names = "--instruments", defaultValue = Instruments.DEFAULT,
        description = "Comma-separated instrument ids, or id:tick:lot:min:max:bandBps:referencePrice entries "
            + "(default: ${DEFAULT-VALUE}).")
    private String instruments;

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
        NodeOptions.quietLibraryLogs();
        System.exit(new CommandLine(new MatchingEngineMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception
    {
        final NodeConfig config = nodeOptions.nodeConfig(MatchingService.SERVICE, blockOnStandbyLoss());
        final MatchingService service = service();
        final CuratorFramework client = nodeOptions.newClient();
        client.start();
        final String node = nodeOptions.node();
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
            throw nodeOptions.usageError(ex.getMessage(), ex);
        }
    }

    private boolean blockOnStandbyLoss()
    {
        switch (onStandbyLoss)
        {
            case "continue":
                return false;
            case "block":
                return true;
            default:
                throw nodeOptions.usageError("--on-standby-loss must be continue or block: " + onStandbyLoss, null);
        }
    }
}
