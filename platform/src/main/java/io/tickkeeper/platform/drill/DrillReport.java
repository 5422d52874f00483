package io.tickkeeper.platform.drill;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/**
 * The report of a drill: a Markdown file (the kills, failover and latency percentiles, the findings, the verdict
 * line) and beside it the picture ({@link DrillChart}), same name with {@code .svg}.
 */
public final class DrillReport
{
    private DrillReport()
    {
    }

    /**
     * @param failovers the kills.
     * @return the kill-to-serving times in a histogram (ms).
     */
    public static Histogram failoverMs(final List<Failover> failovers)
    {
        final Histogram histogram = new Histogram(TimeUnit.MINUTES.toMillis(10), 3);
        failovers.forEach(failover -> histogram.recordValue(Math.max(0, Math.min(failover.failoverMs(),
            TimeUnit.MINUTES.toMillis(10)))));
        return histogram;
    }

    /**
     * Writes the report and prints the findings and where the report is.
     *
     * @param file      the Markdown file (its folder is made); the SVG goes beside it.
     * @param title     the report's title.
     * @param preamble  lines under the title (what ran).
     * @param failovers the kills.
     * @param latencyUs the orders' latency.
     * @param findings  what the checks found.
     * @param verdict   the verdict.
     * @param out       where progress lines go.
     * @throws IOException when the files cannot be written.
     */
    public static void write(
        final Path file, final String title, final List<String> preamble, final List<Failover> failovers,
        final Histogram latencyUs, final List<String> findings, final DrillVerdict verdict, final PrintStream out)
        throws IOException
    {
        Files.createDirectories(file.toAbsolutePath().getParent());
        final String name = file.getFileName().toString();
        final Path svg = file.resolveSibling(name.replaceAll("\\.md$", "") + ".svg");
        Files.writeString(svg, DrillChart.svg(title, failovers, latencyUs), StandardCharsets.UTF_8);
        final Histogram failoverMs = failoverMs(failovers);
        final List<String> lines = new ArrayList<>();
        lines.add("# " + title);
        lines.add("");
        lines.addAll(preamble);
        lines.add("");
        lines.add("![failover per kill and order latency](" + svg.getFileName() + ")");
        lines.add("");
        lines.add("| # | service | killed | successor | successor ms | serving ms |");
        lines.add("|---|---|---|---|---|---|");
        for (int i = 0; i < failovers.size(); i++)
        {
            final Failover f = failovers.get(i);
            lines.add("| " + (i + 1) + " | " + f.service() + " | " + f.victim() + " | " + f.successor() + " | "
                + f.electedMs() + " | " + f.failoverMs() + " |");
        }
        lines.add("");
        lines.add("Failover (kill to serving again) ms: p50 " + failoverMs.getValueAtPercentile(50) + ", p90 "
            + failoverMs.getValueAtPercentile(90) + ", max " + failoverMs.getMaxValue() + ".");
        lines.add("");
        lines.add(latencyLine(latencyUs));
        lines.add("");
        lines.add("## Findings");
        findings.forEach(finding -> lines.add("- " + finding));
        lines.add("");
        lines.add("```");
        lines.add(verdict.line());
        lines.add("```");
        Files.write(file, lines, StandardCharsets.UTF_8);
        findings.forEach(finding -> out.println("drill: " + finding));
        out.println("drill: " + latencyLine(latencyUs));
        out.println("drill: report " + file + " (picture " + svg + ")");
    }

    /**
     * @param latencyUs the orders' latency.
     * @return the percentiles of the picture in one line.
     */
    static String latencyLine(final Histogram latencyUs)
    {
        final StringBuilder line = new StringBuilder("Order latency (send to first answer, open loop) µs over "
            + latencyUs.getTotalCount() + " orders:");
        for (final double percentile : DrillChart.PERCENTILES)
        {
            line.append(percentile == 100.0 ? " max " : " p" + percentile + " ")
                .append(latencyUs.getTotalCount() == 0 ? 0 : latencyUs.getValueAtPercentile(percentile));
        }
        return line.append('.').toString();
    }
}
