package io.tickkeeper.coordinator.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

import io.tickkeeper.coordinator.zk.EnsembleConfig;
import io.tickkeeper.coordinator.zk.ServerStatus;

/**
 * The results of one {@link CoordinationBench} run: HdrHistogram logs (nanoseconds), a readable summary and the
 * one-line result.
 */
final class BenchReport
{
    private static final double NS_PER_MS = 1e6;

    private final int sessionTimeoutMs;
    private final EnsembleConfig ensemble;
    private final int watchers;
    private final Histogram failover;
    private final Histogram handover;
    private final Histogram propagation;
    private final long unexpectedPrimaryChanges;
    private final List<ServerStatus> servers;
    private final Instant finishedAt = Instant.now();

    BenchReport(
        final int sessionTimeoutMs, final EnsembleConfig ensemble, final int watchers, final Histogram failover,
        final Histogram handover, final Histogram propagation, final long unexpectedPrimaryChanges,
        final List<ServerStatus> servers)
    {
        this.sessionTimeoutMs = sessionTimeoutMs;
        this.ensemble = ensemble;
        this.watchers = watchers;
        this.failover = failover;
        this.handover = handover;
        this.propagation = propagation;
        this.unexpectedPrimaryChanges = unexpectedPrimaryChanges;
        this.servers = servers;
    }

    void write(final Path dir) throws IOException
    {
        writeLog(dir.resolve("failover-sigkill.hlog"), "failover-sigkill", failover);
        writeLog(dir.resolve("handover-sigterm.hlog"), "handover-sigterm", handover);
        writeLog(dir.resolve("config-propagation.hlog"), "config-propagation", propagation);
        Files.writeString(dir.resolve("summary.txt"), summary() + lastLine() + System.lineSeparator(),
            StandardCharsets.UTF_8);
    }

    String summary()
    {
        final StringBuilder text = new StringBuilder(4096);
        text.append("bench-coordination summary, ").append(finishedAt).append('\n')
            .append("machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, load average ")
            .append(String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()))
            .append(" at the end (shared machine: other work runs alongside)\n")
            .append("ensemble: ").append(ensemble).append('\n')
            .append("session timeout of candidates and watchers: ").append(sessionTimeoutMs).append(" ms\n")
            .append("primary changes not caused by the benchmark (false failovers): ")
            .append(unexpectedPrimaryChanges).append('\n');
        for (final ServerStatus server : servers)
        {
            text.append(String.format(Locale.ROOT,
                "zk%d %s: avg latency %.1f ms, max latency %d ms, elections %d%n", server.id(),
                server.mode().name().toLowerCase(Locale.ROOT), server.avgLatencyMs(), server.maxLatencyMs(),
                server.elections()));
        }
        appendDistribution(text, "failover after SIGKILL (kill -> survivor published with a higher epoch)", failover);
        appendDistribution(text, "graceful hand-over after SIGTERM (term -> other published)", handover);
        appendDistribution(text, "config propagation (set -> last of " + watchers + " watchers applied)",
            propagation);
        return text.toString();
    }

    String lastLine()
    {
        return String.format(Locale.ROOT,
            "bench-coordination: session_timeout_ms=%d failover_ms_p50=%d failover_ms_max=%d "
                + "graceful_handover_ms_p50=%d config_propagation_ms_p50=%d config_propagation_ms_p99=%d runs=%d",
            sessionTimeoutMs, ms(failover.getValueAtPercentile(50)), ms(failover.getMaxValue()),
            ms(handover.getValueAtPercentile(50)), ms(propagation.getValueAtPercentile(50)),
            ms(propagation.getValueAtPercentile(99)), failover.getTotalCount());
    }

    private static void appendDistribution(final StringBuilder text, final String title, final Histogram histogram)
    {
        text.append('\n').append(title).append(": n=").append(histogram.getTotalCount())
            .append(String.format(Locale.ROOT, " min=%.2f p50=%.2f p90=%.2f p99=%.2f max=%.2f mean=%.2f ms%n",
                histogram.getMinValue() / NS_PER_MS, histogram.getValueAtPercentile(50) / NS_PER_MS,
                histogram.getValueAtPercentile(90) / NS_PER_MS, histogram.getValueAtPercentile(99) / NS_PER_MS,
                histogram.getMaxValue() / NS_PER_MS, histogram.getMean() / NS_PER_MS));
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8))
        {
            histogram.outputPercentileDistribution(stream, 5, NS_PER_MS);
        }
        text.append(bytes.toString(StandardCharsets.UTF_8));
    }

    private static void writeLog(final Path file, final String tag, final Histogram histogram) throws IOException
    {
        try (OutputStream stream = Files.newOutputStream(file))
        {
            final HistogramLogWriter writer = new HistogramLogWriter(stream);
            writer.outputComment("TickKeeper bench-coordination: " + tag + ", values in nanoseconds");
            writer.outputLogFormatVersion();
            writer.outputStartTime(System.currentTimeMillis());
            writer.outputLegend();
            final Histogram tagged = histogram.copy();
            tagged.setTag(tag);
            writer.outputIntervalHistogram(tagged);
            writer.close();
        }
    }

    private static long ms(final long nanos)
    {
        return Math.round(nanos / NS_PER_MS);
    }
}
