package io.tickkeeper.matching.load;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.apache.curator.framework.CuratorFramework;

import io.tickkeeper.coordinator.CoordinatorClients;
import io.tickkeeper.coordinator.election.PrimaryInfo;
import io.tickkeeper.matching.InstrumentSpec;
import io.tickkeeper.matching.client.AckKind;
import io.tickkeeper.matching.client.Acknowledgement;
import io.tickkeeper.matching.client.MatchingClient;
import io.tickkeeper.matching.client.MatchingClientListener;
import io.tickkeeper.matching.node.Instruments;
import io.tickkeeper.matching.node.MatchingService;
import io.tickkeeper.runtime.transport.AeronTransport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code load-client}: a small steady crossing order flow against one matching shard through the client library,
 * printing one progress line every few seconds (sent, acknowledged, fills, pending, the primary followed, and
 * order-to-acknowledgement latency). Runs until SIGTERM or Ctrl-C.
 */
@Command(name = "load-client", mixinStandardHelpOptions = true,
    description = "Drive a steady crossing order flow into a matching shard and report progress.")
public final class LoadClientMain implements Callable<Integer>
{
    /** The client only reads the primary znode: a long session rides out a busy machine's pauses. */
    private static final int READER_SESSION_TIMEOUT_MS = 5_000;

    @Option(names = "--zk", defaultValue = "127.0.0.1:2181,127.0.0.1:2182,127.0.0.1:2183",
        description = "ZooKeeper connect string (default: ${DEFAULT-VALUE}).")
    private String zkConnect;

    @Option(names = "--shard", defaultValue = "0", description = "The shard (default: ${DEFAULT-VALUE}).")
    private String shard;

    @Option(names = "--rate", defaultValue = "200", description = "Orders per second (default: ${DEFAULT-VALUE}).")
    private int rate;

    @Option(names = "--instruments", defaultValue = Instruments.DEFAULT,
        description = "The shard's instruments, as given to the engines (default: ${DEFAULT-VALUE}).")
    private String instruments;

    @Option(names = "--response-port", defaultValue = "7401",
        description = "UDP port this client takes responses on (default: ${DEFAULT-VALUE}).")
    private int responsePort;

    @Option(names = "--report-interval-s", defaultValue = "5",
        description = "Seconds between progress lines (default: ${DEFAULT-VALUE}).")
    private int reportIntervalS;

    @Option(names = "--seed", defaultValue = "42", description = "Seeds prices and quantities.")
    private long seed;

    /**
     * @param args command-line arguments; {@code --help} lists them.
     */
    public static void main(final String[] args)
    {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null)
        {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        System.exit(new CommandLine(new LoadClientMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception
    {
        final InstrumentSpec[] specs = Instruments.parse(instruments);
        final int[] ids = new int[specs.length];
        for (int i = 0; i < specs.length; i++)
        {
            ids[i] = specs[i].instrumentId();
        }
        final Histogram latencyUs = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
        final CountDownLatch stopped = new CountDownLatch(1);
        final CuratorFramework curator = CoordinatorClients.newClient(zkConnect, READER_SESSION_TIMEOUT_MS,
            Optional.empty());
        curator.start();
        final AeronTransport transport = AeronTransport.launch("load-client");
        final MatchingClient client = new MatchingClient(new MatchingClient.Context()
            .name("load-client")
            .curator(curator)
            .service(MatchingService.SERVICE)
            .shard(shard)
            .aeron(transport.aeron())
            .responseEndpoint("127.0.0.1:" + responsePort)
            .listener(new MatchingClientListener()
            {
                @Override
                public void onAcknowledged(final Acknowledgement ack)
                {
                    synchronized (latencyUs)
                    {
                        latencyUs.recordValue(Math.min(latencyUs.getHighestTrackableValue(),
                            Math.max(0, (ack.answeredNs() - ack.submittedNs()) / 1_000)));
                    }
                }
            }));
        client.start();
        final CrossingFlow flow = new CrossingFlow(client, ids, specs[0].initialReferencePrice(),
            specs[0].tickSize(), 1, rate, seed);
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
        {
            flow.close();
            client.close();
            transport.close();
            curator.close();
            stopped.countDown();
        }, "load-client-shutdown"));
        flow.start();
        while (!stopped.await(reportIntervalS, TimeUnit.SECONDS))
        {
            report(client, flow, latencyUs);
        }
        return 0;
    }

    private static void report(final MatchingClient client, final CrossingFlow flow, final Histogram latencyUs)
    {
        final List<Acknowledgement> acks = client.acknowledgements();
        final long accepted = acks.stream().filter(ack -> ack.kind() == AckKind.ACCEPTED).count();
        final PrimaryInfo primary = client.primary();
        final long p50;
        final long p99;
        synchronized (latencyUs)
        {
            p50 = latencyUs.getValueAtPercentile(50);
            p99 = latencyUs.getValueAtPercentile(99);
            latencyUs.reset();
        }
        System.out.println("load: sent=" + flow.submitted() + " acked=" + acks.size() + " accepted=" + accepted
            + " fills=" + client.fills().size() + " pending=" + client.unacknowledged() + " resent="
            + client.resentCommands() + " primary=" + (primary == null ? "none" : primary.node()) + " epoch="
            + client.highestEpoch() + " ack_p50_us=" + p50 + " ack_p99_us=" + p99);
        System.out.flush();
    }
}
