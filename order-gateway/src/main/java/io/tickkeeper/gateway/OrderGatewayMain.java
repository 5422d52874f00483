package io.tickkeeper.gateway;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.tickkeeper.coordinator.CoordinatorClients;
import io.tickkeeper.coordinator.Credentials;
import io.tickkeeper.feed.FeedSubscriber;
import io.tickkeeper.node.broadcast.BroadcastEndpoints;
import io.tickkeeper.node.broadcast.BroadcastSubscriber;
import io.tickkeeper.node.client.ServiceClient;
import io.tickkeeper.runtime.IdleProfile;
import io.tickkeeper.runtime.transport.AeronTransport;
import org.agrona.CloseHelper;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.apache.curator.framework.CuratorFramework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code order-gateway}: one stateless FIX 4.4 gateway (docs/order-flow.md, docs/runbook-fix-client.md). It
 * accepts FIX sessions, follows the risk primary through ZooKeeper with a {@link ServiceClient}, and, when given a
 * broadcast port, takes the risk primary's broadcast (every public trade, every account's execution reports for the
 * drop copies) and, when given a feed endpoint, the market feed's reference prices. SIGTERM logs every FIX session
 * out and exits 0.
 */
@Command(name = "order-gateway", mixinStandardHelpOptions = true, version = "order-gateway 0.1.0",
    description = "Run one FIX 4.4 order gateway in front of the risk manager.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:stopped by SIGTERM", "1:failed (see the log)", "2:usage error"})
public final class OrderGatewayMain implements Callable<Integer>
{
    private static final Logger LOG = LoggerFactory.getLogger(OrderGatewayMain.class);

    @Option(names = "--node", required = true, description = "This gateway's name, e.g. gw1 (logs, ExecIDs of "
        + "its own rejects, the Aeron directory).")
    private String node;

    @Option(names = "--fix-host", defaultValue = "0.0.0.0",
        description = "Address the FIX acceptor listens on (default: ${DEFAULT-VALUE}).")
    private String fixHost;

    @Option(names = "--fix-port", required = true, description = "TCP port of the FIX acceptor.")
    private int fixPort;

    @Option(names = "--comp-id", defaultValue = FixGateway.DEFAULT_COMP_ID,
        description = "The gateway's SenderCompID; clients put it in TargetCompID (default: ${DEFAULT-VALUE}).")
    private String compId;

    @Option(names = "--accounts", paramLabel = "<file>",
        description = "Accounts file (user.<name>.password/account/cancelOnDisconnect/dropCopy); default: the "
            + "demo accounts shipped with the gateway.")
    private Path accountsFile;

    @Option(names = "--instruments", defaultValue = "8",
        description = "Number of instruments, symbols TK1..TKn (default: ${DEFAULT-VALUE}).")
    private int instruments;

    @Option(names = "--zk", defaultValue = "127.0.0.1:2181,127.0.0.1:2182,127.0.0.1:2183",
        description = "ZooKeeper connect string (default: ${DEFAULT-VALUE}).")
    private String zkConnect;

    @Option(names = "--credentials", paramLabel = "<file>",
        description = "File whose first non-blank line is user:password for ZooKeeper; default: "
            + "TICKKEEPER_ZK_AUTH or TICKKEEPER_ZK_AUTH_FILE, else anonymous (read access is enough).")
    private Path credentialsFile;

    @Option(names = "--risk", defaultValue = "risk/0", paramLabel = "<service/shard>",
        description = "The risk service and shard whose primary the gateway follows (default: ${DEFAULT-VALUE}).")
    private String risk;

    @Option(names = "--response-endpoint", required = true, paramLabel = "<host:port>",
        description = "UDP endpoint where this gateway takes the risk manager's events.")
    private String responseEndpoint;

    @Option(names = "--feed-endpoint", paramLabel = "<host:port>",
        description = "UDP endpoint where this gateway takes the market feed (one of the feed's --channel); "
            + "without it, market data carries public trades only.")
    private String feedEndpoint;

    @Option(names = "--broadcast-port", paramLabel = "<port>",
        description = "UDP port, on the host of --response-endpoint, where this gateway takes the risk primary's "
            + "broadcast (list that host:port in the risk manager's --broadcast): every public trade for market data "
            + "and every account's execution reports for the drop copies. Without it, drop copies see only the "
            + "accounts logged on here and market data no public trades.")
    private Integer broadcastPort;

    @Option(names = "--data-dir", required = true, description = "The QuickFIX/J store, e.g. var/gateway/gw1.")
    private Path dataDir;

    @Option(names = "--session-timeout-ms", defaultValue = "1000",
        description = "ZooKeeper session timeout (default: ${DEFAULT-VALUE}).")
    private int sessionTimeoutMs;

    private final CountDownLatch stopped = new CountDownLatch(1);

    /**
     * @param args command-line arguments; {@code --help} lists them.
     */
    public static void main(final String[] args)
    {
        for (final String library : new String[] {"org.apache.zookeeper", "org.apache.curator", "quickfixj.msg"})
        {
            final String property = "org.slf4j.simpleLogger.log." + library;
            if (System.getProperty(property) == null)
            {
                System.setProperty(property, "warn");
            }
        }
        System.exit(new CommandLine(new OrderGatewayMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception
    {
        final int slash = risk.indexOf('/');
        if (slash <= 0 || slash == risk.length() - 1)
        {
            throw new CommandLine.ParameterException(new CommandLine(this), "--risk must be service/shard: " + risk);
        }
        final GatewayAccounts accounts = accountsFile == null ? GatewayAccounts.defaults()
            : GatewayAccounts.load(accountsFile);
        final Symbols symbols = Symbols.firstN(instruments);
        final Optional<Credentials> credentials = credentialsFile != null
            ? Optional.of(Credentials.fromFile(credentialsFile)) : Credentials.fromEnvironment();
        final CuratorFramework curator = CoordinatorClients.newClient(zkConnect, sessionTimeoutMs, credentials);
        curator.start();
        final AeronTransport transport = AeronTransport.launch("gateway-" + node);
        final ServiceRiskChannel channel = new ServiceRiskChannel(new ServiceClient.Context()
            .name("gateway-" + node)
            .curator(curator)
            .service(risk.substring(0, slash))
            .shard(risk.substring(slash + 1))
            .aeron(transport.aeron())
            .responseEndpoint(responseEndpoint)
            .idleStrategy(IdleProfile.configured().newIdleStrategy()));
        final FixGatewayApplication application = new FixGatewayApplication(accounts, symbols, channel,
            new SystemEpochNanoClock(), "G-" + node + "-" + System.currentTimeMillis(),
            broadcastPort == null ? PublicEvents.OWN_SESSION : PublicEvents.BROADCAST);
        final FixGateway gateway = new FixGateway(application, fixHost, fixPort, compId, dataDir.toAbsolutePath());
        final AgentRunner inbound = startInbound(transport, application);
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
        {
            LOG.info("{}: SIGTERM: logging FIX sessions out", node);
            gateway.close();
            CloseHelper.closeAll(inbound, channel, transport);
            curator.close();
            stopped.countDown();
            LOG.info("{}: stopped", node);
            System.out.flush();
            System.err.flush();
            Runtime.getRuntime().halt(0);
        }, "order-gateway-shutdown"));
        gateway.start();
        LOG.info("{}: FIX 4.4 on {}:{} as {}, following {}, {} logons, drop copies and public trades from {}", node,
            fixHost, fixPort, compId, risk, accounts.all().size(), application.publicEvents());
        stopped.await();
        return 0;
    }

    /** Starts one thread that polls the feed and the risk broadcast, when either is configured; else null. */
    private AgentRunner startInbound(final AeronTransport transport, final FixGatewayApplication application)
    {
        if (feedEndpoint == null && broadcastPort == null)
        {
            return null;
        }
        final FeedSubscriber feed = feedEndpoint == null ? null : FeedSubscriber.subscribe(transport.aeron(),
            channel("--feed-endpoint", feedEndpoint),
            (instrumentId, price, sequence, token, timestampNs, regime) ->
                application.onReferencePrice(instrumentId, price, timestampNs));
        final BroadcastSubscriber broadcast = broadcastPort == null ? null : BroadcastSubscriber.subscribe(
            transport.aeron(), channel("--broadcast-port", broadcastHost() + ":" + broadcastPort),
            application.broadcastListener());
        final AgentRunner runner = new AgentRunner(IdleProfile.configured().newIdleStrategy(),
            ex -> LOG.error("inbound poller", ex), null, new Agent()
            {
                @Override
                public int doWork()
                {
                    return (feed == null ? 0 : feed.poll()) + (broadcast == null ? 0 : broadcast.poll());
                }

                @Override
                public void onClose()
                {
                    CloseHelper.closeAll(feed, broadcast);
                }

                @Override
                public String roleName()
                {
                    return "gateway-inbound-" + node;
                }
            });
        AgentRunner.startOnThread(runner);
        return runner;
    }

    private String broadcastHost()
    {
        final int colon = responseEndpoint.lastIndexOf(':');
        if (colon <= 0)
        {
            throw new CommandLine.ParameterException(new CommandLine(this),
                "--response-endpoint must be host:port: " + responseEndpoint);
        }
        return responseEndpoint.substring(0, colon);
    }

    private String channel(final String option, final String endpoint)
    {
        try
        {
            return BroadcastEndpoints.channel(endpoint);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new CommandLine.ParameterException(new CommandLine(this), option + ": " + ex.getMessage());
        }
    }
}
