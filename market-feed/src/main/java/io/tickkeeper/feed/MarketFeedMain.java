package io.tickkeeper.feed;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tickkeeper.coordinator.CoordinatorClients;
import io.tickkeeper.coordinator.Credentials;
import io.tickkeeper.runtime.transport.AeronTransport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code market-feed}: one market-feed node, publisher while it holds the feed lock, mirroring standby otherwise
 * (docs/market-feed.md). SIGTERM stops publishing, writes a last checkpoint, releases the lock and exits 0.
 */
@Command(name = "market-feed", mixinStandardHelpOptions = true, version = "market-feed 0.1.0",
    description = "Publish synthetic reference prices while holding the feed lock; mirror the feed otherwise.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:stopped by SIGTERM", "1:failed (see the log)", "2:usage error"})
public final class MarketFeedMain implements Callable<Integer>
{
    private static final Logger LOG = LoggerFactory.getLogger(MarketFeedMain.class);

    @Option(names = "--node", required = true, description = "This node's name (the lock's holder id).")
    private String node;

    @Option(names = "--zk", defaultValue = "127.0.0.1:2181,127.0.0.1:2182,127.0.0.1:2183",
        description = "ZooKeeper connect string (default: ${DEFAULT-VALUE}).")
    private String zkConnect;

    @Option(names = "--credentials", paramLabel = "<file>",
        description = "File whose first non-blank line is user:password (the feed lock's owner identity); "
            + "default: TICKKEEPER_ZK_AUTH or TICKKEEPER_ZK_AUTH_FILE.")
    private Path credentialsFile;

    @Option(names = "--instruments", defaultValue = "8",
        description = "Number of instruments, ids 1..N (default: ${DEFAULT-VALUE}).")
    private int instruments;

    @Option(names = "--seed", defaultValue = "1",
        description = "Seed of the price model; every node of the feed uses the same (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--channel", required = true, split = ",", paramLabel = "<host:port|aeron-uri>",
        description = "A consumer's feed endpoint (repeatable or comma-separated): risk, strategy, gateways and "
            + "the other feed node's --mirror. One unicast publication each.")
    private List<String> channels = new ArrayList<>();

    @Option(names = "--mirror", required = true, paramLabel = "<host:port|aeron-uri>",
        description = "Where this node receives the feed while standby (the other node lists it in --channel).")
    private String mirrorChannel;

    @Option(names = "--session-timeout-ms", defaultValue = "1000",
        description = "ZooKeeper session timeout (default: ${DEFAULT-VALUE}).")
    private int sessionTimeoutMs;

    @Option(names = "--checkpoint-interval-ms", defaultValue = "100",
        description = "How often the holder records its state in ZooKeeper (default: ${DEFAULT-VALUE}).")
    private long checkpointIntervalMs;

    @Spec
    private CommandSpec spec;

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
        System.exit(new CommandLine(new MarketFeedMain()).execute(args));
    }

    /**
     * @param endpoint {@code host:port} or an Aeron channel URI.
     * @return the Aeron channel.
     */
    static String channelOf(final String endpoint)
    {
        if (endpoint.startsWith("aeron:"))
        {
            return endpoint;
        }
        final int colon = endpoint.lastIndexOf(':');
        if (colon <= 0 || colon == endpoint.length() - 1)
        {
            throw new IllegalArgumentException("not host:port or an aeron: URI: " + endpoint);
        }
        return AeronTransport.udp(endpoint.substring(0, colon), Integer.parseInt(endpoint.substring(colon + 1)));
    }

    @Override
    public Integer call() throws Exception
    {
        final FeedNode.Context context;
        final Optional<Credentials> credentials;
        try
        {
            final List<String> uris = new ArrayList<>();
            for (final String channel : channels)
            {
                uris.add(channelOf(channel));
            }
            context = new FeedNode.Context()
                .nodeName(node)
                .instruments(instruments)
                .seed(seed)
                .startTimeNs(TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis()))
                .channels(uris)
                .mirrorChannel(channelOf(mirrorChannel))
                .checkpointIntervalMs(checkpointIntervalMs);
            context.conclude();
            credentials = credentialsFile == null ? Credentials.fromEnvironment() :
                Credentials.fromEnvironment(Map.of(Credentials.ENV_AUTH_FILE, credentialsFile.toString()));
        }
        catch (final IllegalArgumentException ex)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), ex.getMessage(), ex);
        }
        if (credentials.isEmpty())
        {
            throw new CommandLine.ParameterException(spec.commandLine(), "no credentials: pass --credentials or "
                + "set TICKKEEPER_ZK_AUTH / TICKKEEPER_ZK_AUTH_FILE (an anonymous client cannot take the feed lock)");
        }
        final CuratorFramework client = CoordinatorClients.newClient(zkConnect, sessionTimeoutMs, credentials);
        client.start();
        final AeronTransport transport = AeronTransport.launch("feed-" + node.replaceAll("[^A-Za-z0-9_-]", "_"));
        final FeedNode feed = new FeedNode(client, transport.aeron(), context);
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
        {
            LOG.info("{}: SIGTERM: handing over", node);
            feed.close();
            transport.close();
            client.close();
            stopped.countDown();
            System.out.flush();
            System.err.flush();
            Runtime.getRuntime().halt(0);
        }, "market-feed-shutdown"));
        feed.start();
        stopped.await();
        return 0;
    }
}
