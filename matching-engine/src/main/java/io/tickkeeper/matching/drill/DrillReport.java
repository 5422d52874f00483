package io.tickkeeper.matching.drill;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.HdrHistogram.Histogram;

/**
 * Writes the drill's markdown report: settings, every injected fault with its failover and rejoin times, the
 * distributions of failover time and order-to-acknowledgement latency, what each check found, and the verdict.
 */
final class DrillReport
{
    private static final double[] PERCENTILES = {50, 90, 99, 99.9, 100};

    private final StringBuilder text = new StringBuilder(8_192);

    /**
     * @param title    the report's heading.
     * @param settings one line per setting.
     */
    DrillReport(final String title, final List<String> settings)
    {
        text.append("# ").append(title).append("\n\n## Settings\n");
        settings.forEach(line -> text.append("- ").append(line).append('\n'));
        text.append('\n');
    }

    DrillReport failovers(final List<Failover> failovers)
    {
        text.append("## Faults\n")
            .append("| # | fault | victim | old epoch | new primary | new epoch | elected ms | failover ms ")
            .append("| rejoin ms |\n")
            .append("|---|---|---|---|---|---|---|---|---|\n");
        for (final Failover failover : failovers)
        {
            text.append("| ").append(failover.number())
                .append(" | ").append(failover.fault())
                .append(" | ").append(failover.victim())
                .append(" | ").append(failover.oldEpoch())
                .append(" | ").append(failover.newPrimary())
                .append(" | ").append(failover.newEpoch())
                .append(" | ").append(failover.electedMs())
                .append(" | ").append(failover.failoverMs())
                .append(" | ").append(failover.rejoinMs() < 0 ? "-" : Long.toString(failover.rejoinMs()))
                .append(" |\n");
        }
        text.append('\n');
        return this;
    }

    /**
     * @param title     the distribution's name.
     * @param unit      what the histogram counts in.
     * @param histogram the values.
     * @return this report.
     */
    DrillReport distribution(final String title, final String unit, final Histogram histogram)
    {
        text.append("## ").append(title).append(" (").append(unit).append(")\n");
        if (histogram.getTotalCount() == 0)
        {
            text.append("no values\n\n");
            return this;
        }
        text.append("count ").append(histogram.getTotalCount()).append(", mean ")
            .append(String.format(Locale.ROOT, "%.1f", histogram.getMean())).append("\n\n| percentile | ")
            .append(unit).append(" |\n|---|---|\n");
        for (final double percentile : PERCENTILES)
        {
            text.append("| ").append(percentile == 100 ? "max" : "p" + format(percentile)).append(" | ")
                .append(histogram.getValueAtPercentile(percentile)).append(" |\n");
        }
        text.append('\n');
        return this;
    }

    /**
     * @param lines what the checks found, one finding per line.
     * @return this report.
     */
    DrillReport checks(final List<String> lines)
    {
        text.append("## Checks\n");
        lines.forEach(line -> text.append("- ").append(line).append('\n'));
        text.append('\n');
        return this;
    }

    DrillReport verdict(final DrillVerdict verdict)
    {
        text.append("## Verdict\n").append(verdict.passed() ? "PASSED" : "FAILED")
            .append(": the four safety counters are ").append(verdict.passed() ? "all 0" : "not all 0")
            .append(".\n\n```\n").append(verdict.line()).append("\n```\n");
        return this;
    }

    /** @return the markdown written so far. */
    String markdown()
    {
        return text.toString();
    }

    /**
     * @param file where to write the report (its directory is created).
     * @throws IOException when it cannot be written.
     */
    void writeTo(final Path file) throws IOException
    {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, markdown(), StandardCharsets.UTF_8);
    }

    private static String format(final double percentile)
    {
        return percentile == Math.rint(percentile) ? Long.toString((long)percentile) : Double.toString(percentile);
    }
}
