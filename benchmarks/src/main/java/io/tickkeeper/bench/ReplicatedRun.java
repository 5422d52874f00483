package io.tickkeeper.bench;

import java.nio.file.Path;

import io.tickkeeper.matching.InstrumentSpec;
import io.tickkeeper.matching.MatchingEngine;
import io.tickkeeper.matching.service.MatchingCommandAdapter;
import io.tickkeeper.matching.service.MatchingEventEncoder;
import io.tickkeeper.runtime.replication.ReplicatedLatencyProbe;
import io.tickkeeper.runtime.session.DeduplicatingHandler;
import io.tickkeeper.runtime.session.SessionTable;
import org.HdrHistogram.Histogram;

/**
 * Replicated latency: the matching state machine (engine + session table, as a service runs it) on a primary and a
 * standby, each with its own Aeron media driver, replicating over UDP loopback; open loop from each command's planned
 * send time to the primary's first output for it, which leaves only after the standby acknowledged the command.
 */
final class ReplicatedRun
{
    /** UDP port of the primary; the standby uses the next one. */
    static final int BASE_PORT = 26_400;

    private ReplicatedRun()
    {
    }

    /**
     * Sends the pre-fill and then the measured commands at {@code ratePerSecond}, and records the measured commands'
     * latencies (nanoseconds) into {@code latencyNs}.
     */
    static void latency(
        final EncodedCommands prefill, final EncodedCommands measured, final Path workDirectory,
        final long ratePerSecond, final Histogram latencyNs)
    {
        PipelineRun.deleteRecursively(workDirectory);
        try
        {
            final long[] latencies = ReplicatedLatencyProbe.measure(
                workDirectory, BASE_PORT,
                () ->
                {
                    final MatchingEventEncoder events = new MatchingEventEncoder();
                    final MatchingEngine engine = new MatchingEngine(
                        new InstrumentSpec[]{ExchangeLikeWorkload.instrument()}, events);
                    return new DeduplicatingHandler(new MatchingCommandAdapter(engine, events), new SessionTable());
                },
                (buffer, index) ->
                {
                    final EncodedCommands source = index < prefill.size() ? prefill : measured;
                    final int i = (int)(index < prefill.size() ? index : index - prefill.size());
                    final int length = source.length(i);
                    buffer.putBytes(0, source.buffer(), source.offset(i), length);
                    return length;
                },
                prefill.size(), measured.size(), Math.max(1, Math.round(1e9 / ratePerSecond)));
            for (final long value : latencies)
            {
                if (value >= 0)
                {
                    latencyNs.recordValue(value);
                }
            }
        }
        finally
        {
            PipelineRun.deleteRecursively(workDirectory);
        }
    }
}
