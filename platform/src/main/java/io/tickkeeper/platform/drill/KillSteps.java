package io.tickkeeper.platform.drill;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.tickkeeper.platform.fix.ExecutionLedger;
import io.tickkeeper.platform.fix.FixTradingClient;

/**
 * The kills of a drill, against any {@link DrillCluster}: kill a node, time the successor taking over and the first
 * acknowledgement after it, start the node again and wait until it has rejoined. Records a {@link Failover} per
 * kill.
 */
public final class KillSteps
{
    private static final long SETTLE_MS = 1_000;

    private final DrillCluster cluster;
    private final ExecutionLedger ledger;
    private final PrintStream out;
    private final List<Failover> failovers = new ArrayList<>();

    /**
     * @param cluster the cluster.
     * @param ledger  the FIX client's ledger (acknowledgement times).
     * @param out     progress lines.
     */
    public KillSteps(final DrillCluster cluster, final ExecutionLedger ledger, final PrintStream out)
    {
        this.cluster = cluster;
        this.ledger = ledger;
        this.out = out;
    }

    /**
     * Kills the primary of a service.
     *
     * @param service     the service.
     * @param onOrderPath whether orders pass through it (then serving again means an acknowledgement afterwards).
     * @throws Exception when a step fails.
     */
    public void killPrimary(final String service, final boolean onOrderPath) throws Exception
    {
        final String victim = cluster.primary(service)
            .orElseThrow(() -> new IllegalStateException("no primary of " + service + " to kill"));
        killNode(service, victim, onOrderPath);
    }

    /**
     * Kills a node of a service; when it was the primary, waits for another.
     *
     * @param service     the service.
     * @param victim      the node.
     * @param onOrderPath whether serving again means an acknowledgement after the kill.
     * @throws Exception when a step fails.
     */
    public void killNode(final String service, final String victim, final boolean onOrderPath) throws Exception
    {
        final boolean wasPrimary = cluster.primary(service).filter(victim::equals).isPresent();
        final long killNs = System.nanoTime();
        cluster.kill(victim);
        if (wasPrimary)
        {
            cluster.await("a new " + service + " primary",
                () -> cluster.primary(service).filter(now -> !now.equals(victim)).isPresent());
        }
        final long electedNs = wasPrimary ? System.nanoTime() : killNs;
        long servingNs = electedNs;
        if (onOrderPath)
        {
            cluster.await("an acknowledgement after the " + service + " kill",
                () -> firstAckAfter(ledger.ackTimesNs(), electedNs).isPresent());
            servingNs = firstAckAfter(ledger.ackTimesNs(), electedNs).orElseThrow();
        }
        final String successor = wasPrimary ? cluster.primary(service).orElse("?") : "-";
        record(new Failover(service, victim, successor, ms(electedNs - killNs), ms(servingNs - killNs)));
        cluster.restart(victim);
        Thread.sleep(SETTLE_MS);
    }

    /**
     * Kills the gateway the FIX client is connected to; the client must log on to another and be acknowledged.
     *
     * @param client the client.
     * @param victim the gateway node it is connected to.
     * @throws Exception when a step fails.
     */
    public void killGateway(final FixTradingClient client, final String victim) throws Exception
    {
        final long logonsBefore = client.logons();
        final long killNs = System.nanoTime();
        cluster.kill(victim);
        cluster.await("the FIX client logged on to another gateway",
            () -> client.logons() > logonsBefore && client.loggedOn());
        final long loggedOnNs = System.nanoTime();
        cluster.await("an acknowledgement through the other gateway",
            () -> firstAckAfter(ledger.ackTimesNs(), loggedOnNs).isPresent());
        final long servingNs = firstAckAfter(ledger.ackTimesNs(), loggedOnNs).orElseThrow();
        record(new Failover("gateway", victim, client.connectedTo(), ms(loggedOnNs - killNs),
            ms(servingNs - killNs)));
        cluster.restart(victim);
        Thread.sleep(SETTLE_MS);
    }

    /** @return the kills so far, in order. */
    public List<Failover> failovers()
    {
        return List.copyOf(failovers);
    }

    /**
     * @param ackTimesNs acknowledgement times, in arrival order.
     * @param afterNs    a moment.
     * @return the first acknowledgement at or after the moment, if any.
     */
    static Optional<Long> firstAckAfter(final List<Long> ackTimesNs, final long afterNs)
    {
        for (int i = ackTimesNs.size() - 1; i >= 0; i--)
        {
            if (ackTimesNs.get(i) - afterNs < 0)
            {
                return i + 1 < ackTimesNs.size() ? Optional.of(ackTimesNs.get(i + 1)) : Optional.empty();
            }
        }
        return ackTimesNs.isEmpty() ? Optional.empty() : Optional.of(ackTimesNs.get(0));
    }

    private void record(final Failover failover)
    {
        failovers.add(failover);
        out.println("drill: " + failover.describe());
    }

    private static long ms(final long ns)
    {
        return TimeUnit.NANOSECONDS.toMillis(ns);
    }
}
