package io.tickkeeper.coordinator.election;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;

import io.tickkeeper.coordinator.CoordinatorClients;
import io.tickkeeper.coordinator.Credentials;
import io.tickkeeper.coordinator.membership.MemberInfo;
import io.tickkeeper.coordinator.membership.MemberRegistration;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A minimal HA candidate process: campaigns for one shard with {@link PrimaryElection}, keeps a member znode,
 * and prints one line per event on stdout ({@code PRIMARY epoch=7 t=<ms>}, {@code FOLLOWER ...},
 * {@code NOT_PRIMARY ...}, and with {@code --emit-interval-ms} an {@code EMIT epoch=N t=<ms>} line whenever
 * the fencing gate allows acting as primary). SIGTERM closes the election from a shutdown hook, so the
 * hand-over is immediate. Used by the system tests and {@code scripts/bench-coordination}.
 */
@Command(name = "candidate", mixinStandardHelpOptions = true,
    description = "Campaign for primary of one shard and print election events, one per line.")
public final class CandidateMain implements Callable<Integer>
{
    @Option(names = "--zk", required = true, description = "ZooKeeper connect string.")
    private String zkConnect;

    @Option(names = "--service", defaultValue = "demo", description = "Service name (default: ${DEFAULT-VALUE}).")
    private String service;

    @Option(names = "--shard", defaultValue = "0", description = "Shard name (default: ${DEFAULT-VALUE}).")
    private String shard;

    @Option(names = "--node", required = true, description = "This node's name.")
    private String node;

    @Option(names = "--endpoint", defaultValue = "127.0.0.1:0",
        description = "Endpoint published when primary (default: ${DEFAULT-VALUE}).")
    private String endpoint;

    @Option(names = "--session-timeout-ms", defaultValue = "" + CoordinatorClients.DEFAULT_SESSION_TIMEOUT_MS,
        description = "ZooKeeper session timeout (default: ${DEFAULT-VALUE}).")
    private int sessionTimeoutMs;

    @Option(names = "--emit-interval-ms", defaultValue = "0",
        description = "When > 0, check the fencing gate this often and print EMIT while it allows acting.")
    private long emitIntervalMs;

    private final PrintStream out = System.out;
    private final CountDownLatch stopped = new CountDownLatch(1);

    /**
     * @param args command-line arguments; {@code --help} lists them.
     */
    public static void main(final String[] args)
    {
        System.exit(new CommandLine(new CandidateMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception
    {
        final CuratorFramework client = CoordinatorClients.newClient(
            zkConnect, sessionTimeoutMs, Credentials.fromEnvironment());
        client.start();
        if (!client.blockUntilConnected(30, TimeUnit.SECONDS))
        {
            println("FAILED reason=no-connection");
            client.close();
            return 1;
        }
        final MemberInfo initial = new MemberInfo(node, MemberInfo.ROLE_CANDIDATE, 0, endpoint, 0, 0);
        final MemberRegistration member = MemberRegistration.create(
            client, service, shard, initial, MemberRegistration.DEFAULT_MIN_WRITE_INTERVAL_MS);
        final PrimaryElection election = PrimaryElection.create(client, service, shard, node, endpoint,
            new PrintingListener(member, initial));
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
        {
            election.close();
            member.close();
            client.close();
            println("CLOSED");
            stopped.countDown();
        }, "candidate-shutdown"));
        member.start();
        election.start();
        println("READY session=0x" + Long.toHexString(client.getZookeeperClient().getZooKeeper().getSessionId())
            + " pid=" + ProcessHandle.current().pid());
        if (emitIntervalMs > 0)
        {
            emitWhilePrimary(election);
        }
        stopped.await();
        return 0;
    }

    /**
     * Stands in for a service's output stage: before each "emission" it asks the fencing gate. The time is read
     * before the check, so a line's time never postdates the check that allowed it.
     */
    private void emitWhilePrimary(final PrimaryElection election)
    {
        final Thread emitter = new Thread(() ->
        {
            try
            {
                while (stopped.getCount() > 0)
                {
                    final long nowMs = System.currentTimeMillis();
                    final long epoch = election.fencedEpoch();
                    if (epoch != PrimaryElection.NO_EPOCH)
                    {
                        out.println("EMIT epoch=" + epoch + " t=" + nowMs);
                        out.flush();
                    }
                    Thread.sleep(emitIntervalMs);
                }
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }, "candidate-emitter");
        emitter.setDaemon(true);
        emitter.start();
    }

    private void println(final String event)
    {
        out.println(event + " t=" + System.currentTimeMillis());
        out.flush();
    }

    /**
     * Prints every election event and mirrors the role into the member znode.
     */
    private final class PrintingListener implements PrimaryListener
    {
        private final MemberRegistration member;
        private MemberInfo info;

        private PrintingListener(final MemberRegistration member, final MemberInfo initial)
        {
            this.member = member;
            this.info = initial;
        }

        @Override
        public void onPrimary(final long epoch)
        {
            println("PRIMARY epoch=" + epoch);
            info = info.withRole(MemberInfo.ROLE_PRIMARY, epoch);
            member.publish(info);
        }

        @Override
        public void onFollower(final PrimaryInfo primaryOrNull)
        {
            println("FOLLOWER primary=" + (primaryOrNull == null ? "none" : primaryOrNull.node())
                + " epoch=" + (primaryOrNull == null ? 0 : primaryOrNull.epoch()));
            info = info.withRole(MemberInfo.ROLE_STANDBY,
                Math.max(info.epoch(), primaryOrNull == null ? 0 : primaryOrNull.epoch()));
            member.publish(info);
        }

        @Override
        public void onNotPrimary(final String reason)
        {
            println("NOT_PRIMARY reason=" + reason.replace(' ', '_'));
            info = info.withRole(MemberInfo.ROLE_CANDIDATE, info.epoch());
            member.publish(info);
        }
    }
}
