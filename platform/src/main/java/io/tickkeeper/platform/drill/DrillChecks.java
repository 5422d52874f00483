package io.tickkeeper.platform.drill;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

import io.tickkeeper.node.ServicePipeline;
import io.tickkeeper.node.audit.NodeJournalAudit;
import io.tickkeeper.platform.fix.ExecutionLedger;
import io.tickkeeper.platform.fix.FixTradingClient;
import io.tickkeeper.runtime.EnginePipeline;
import io.tickkeeper.tradelog.TradeLogReader;
import io.tickkeeper.tradelog.TradeLogVerifier;
import io.tickkeeper.tradelog.TradeRecord;

/**
 * The invariant checks every drill makes after its kills, each adding what it found to the drill's findings: every
 * acknowledged order known to OrderStatusRequest, the trade log once per fill under rising tokens, and the two
 * journals of a replicated pair equal input by input with equal state hashes.
 */
public final class DrillChecks
{
    private static final long STATUS_TIMEOUT_MS = 60_000;
    private static final int STATUS_PER_SECOND = 1_000;

    private final List<String> findings = new ArrayList<>();

    /** @return what the checks found, in order. */
    public List<String> findings()
    {
        return List.copyOf(findings);
    }

    /**
     * Adds a finding of the drill's own.
     *
     * @param finding one line.
     */
    public void note(final String finding)
    {
        findings.add(finding);
    }

    /**
     * Waits up to 30 s until every order sent has an answer.
     *
     * @param ledger the client's ledger.
     * @throws InterruptedException when interrupted.
     */
    public static void awaitQuiet(final ExecutionLedger ledger) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (ledger.unanswered() > 0 && System.nanoTime() - deadline < 0)
        {
            Thread.sleep(50);
        }
    }

    /**
     * Asks for the status of every acknowledged order.
     *
     * @param client the client.
     * @param ledger its ledger.
     * @return acknowledged orders the platform said it does not know, or did not answer about.
     * @throws InterruptedException when interrupted.
     */
    public long lostAcknowledged(final FixTradingClient client, final ExecutionLedger ledger)
        throws InterruptedException
    {
        final List<String> acked = ledger.acknowledgedOrders();
        final long pauseNs = TimeUnit.SECONDS.toNanos(1) / STATUS_PER_SECOND;
        for (final String clOrdId : acked)
        {
            while (!client.sendStatusRequest(clOrdId, "TK1", true))
            {
                Thread.sleep(10);
            }
            Thread.sleep(0, (int)Math.min(999_999, pauseNs));
        }
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STATUS_TIMEOUT_MS);
        while (acked.stream().anyMatch(id -> client.statusOf(id) == null) && System.nanoTime() - deadline < 0)
        {
            Thread.sleep(50);
        }
        long unknown = 0;
        long unanswered = 0;
        for (final String clOrdId : acked)
        {
            final String status = client.statusOf(clOrdId);
            if (status == null)
            {
                unanswered++;
            }
            else if (status.startsWith("8"))
            {
                unknown++;
            }
        }
        findings.add("status check: " + acked.size() + " acknowledged orders asked for, " + unknown
            + " unknown, " + unanswered + " unanswered");
        findings.add("lost_acked: acknowledged orders whose OrderStatusRequest said unknown " + unknown
            + ", or got no answer " + unanswered);
        return unknown + unanswered;
    }

    /**
     * @param ledger the client's ledger.
     * @param client the client.
     * @return one line about the client's orders.
     */
    public static String clientSummary(final ExecutionLedger ledger, final FixTradingClient client)
    {
        return "client: sent " + ledger.sent() + ", acknowledged " + ledger.acknowledged()
            + ", rejected " + ledger.rejected() + ", unanswered " + ledger.unanswered() + ", fills "
            + ledger.fills() + " (qty " + ledger.filledQuantity() + "), duplicate acks "
            + ledger.duplicateAcks() + ", duplicate fills " + ledger.duplicateFills() + ", overfills "
            + ledger.overfills() + ", logons " + client.logons() + ", session rejects "
            + client.sessionRejects() + ", reports about unknown orders " + ledger.unknownReports();
    }

    /**
     * Reads the whole trade log.
     *
     * @param dir the trade log's directory.
     * @return records that break its rules (a fill twice, an older token after a newer one).
     */
    public long tradeLogViolations(final Path dir)
    {
        if (!Files.isDirectory(dir))
        {
            findings.add("trade log: none written");
            return 0;
        }
        final TradeLogVerifier verifier = new TradeLogVerifier();
        final TradeRecord record = new TradeRecord();
        try (TradeLogReader reader = TradeLogReader.open(dir))
        {
            while (reader.next(record))
            {
                verifier.accept(record, reader.index());
            }
        }
        findings.add("trade log: " + String.join("; ", verifier.summary()));
        return verifier.violationCount();
    }

    /**
     * Replays the journals of a pair and compares them.
     *
     * @param label     the pair's name in the findings.
     * @param nodes     the two nodes' names.
     * @param dataDirs  their data directories (journal and snapshots), stopped.
     * @param auditDir  where the replays write.
     * @param pipelines the service's pipeline, as its nodes build it.
     * @return {state hash mismatches, stale epoch inputs}.
     */
    public long[] auditPair(
        final String label, final List<String> nodes, final List<Path> dataDirs, final Path auditDir,
        final BiFunction<EnginePipeline.Context, Path, ServicePipeline> pipelines)
    {
        final List<NodeJournalAudit> audits = new ArrayList<>();
        for (int i = 0; i < 2; i++)
        {
            audits.add(NodeJournalAudit.of(label + "-" + nodes.get(i), pipelines, dataDirs.get(i),
                auditDir.resolve(label + "-" + nodes.get(i))));
        }
        final NodeJournalAudit a = audits.get(0);
        final NodeJournalAudit b = audits.get(1);
        // The nodes are stopped one after the other, so the one stopped last may have sequenced a few more inputs
        // alone (the strategy engine's timer and feed ticks go on until its primary stops). Their journals must agree
        // on every sequence both hold; the state hashes are compared when both hold the same inputs (with equal
        // inputs, replay determinism gives equal states at every common sequence: RiskDeterminismTest & co.).
        final boolean sameLength = a.lastSequence() == b.lastSequence();
        final long differentHash = sameLength && a.stateHash() != b.stateHash() ? 1 : 0;
        final long differentInputs = a.inputDifferences(b);
        final long stale = a.staleEpochInputs() + b.staleEpochInputs();
        for (final NodeJournalAudit audit : audits)
        {
            findings.add("journal of " + audit.node() + ": " + audit.inputs() + " inputs up to sequence "
                + audit.lastSequence() + ", highest epoch " + audit.highestEpoch() + ", state hash "
                + Long.toHexString(audit.stateHash()) + ", inputs after a higher epoch " + audit.staleEpochInputs());
        }
        findings.add(label + ": " + (sameLength ? "same journal length, state hashes "
            + (differentHash == 0 ? "equal" : "DIFFER") : "one node sequenced " + Math.abs(a.lastSequence()
            - b.lastSequence()) + " inputs more after the other stopped; hashes not comparable at different lengths")
            + ", inputs that differ between the nodes on their common sequences " + differentInputs);
        return new long[] {differentHash + differentInputs, stale};
    }
}
