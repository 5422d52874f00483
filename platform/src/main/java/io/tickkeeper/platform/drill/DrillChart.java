package io.tickkeeper.platform.drill;

import java.util.List;
import java.util.Locale;

import org.HdrHistogram.Histogram;

/**
 * The picture of a drill as an SVG document, written with plain strings: on the left one pair of bars per kill
 * (kill to successor in place, kill to serving again, in ms), on the right the latency of the client's orders at
 * fixed percentiles (send to first answer, µs, from the HdrHistogram). Pure: the same inputs give the same bytes.
 */
public final class DrillChart
{
    /** The percentiles of the latency panel, in order. */
    public static final List<Double> PERCENTILES = List.of(50.0, 90.0, 99.0, 99.9, 99.99, 100.0);

    private static final int WIDTH = 960;
    private static final int HEIGHT = 420;
    private static final int TOP = 50;
    private static final int BOTTOM = 330;
    private static final int PANEL_WIDTH = 400;
    private static final int LEFT_X = 60;
    private static final int RIGHT_X = 540;
    private static final String ELECTED_COLOUR = "#8fb4d9";
    private static final String SERVING_COLOUR = "#1f5f9f";
    private static final String LATENCY_COLOUR = "#b5651d";

    private DrillChart()
    {
    }

    /**
     * @param title     the title line.
     * @param failovers the kills, in order.
     * @param latencyUs the orders' latency in µs (may be empty).
     * @return the SVG document.
     */
    public static String svg(final String title, final List<Failover> failovers, final Histogram latencyUs)
    {
        final StringBuilder svg = new StringBuilder(8_192);
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
            .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
            .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
            .append("\" font-family=\"sans-serif\" font-size=\"11\">\n")
            .append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        text(svg, WIDTH / 2, 20, "middle", 14, title);
        failoverPanel(svg, failovers);
        latencyPanel(svg, latencyUs);
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void failoverPanel(final StringBuilder svg, final List<Failover> failovers)
    {
        text(svg, LEFT_X + PANEL_WIDTH / 2, TOP - 12, "middle", 12, "Failover per kill (ms)");
        long max = 1;
        for (final Failover failover : failovers)
        {
            max = Math.max(max, Math.max(failover.electedMs(), failover.failoverMs()));
        }
        final long scale = niceCeiling(max);
        axes(svg, LEFT_X, scale, " ms");
        final int n = Math.max(1, failovers.size());
        final double slot = (double)PANEL_WIDTH / n;
        final double bar = Math.max(2, slot * 0.35);
        for (int i = 0; i < failovers.size(); i++)
        {
            final Failover failover = failovers.get(i);
            final double x = LEFT_X + i * slot + slot * 0.15;
            bar(svg, x, bar, failover.electedMs(), scale, ELECTED_COLOUR,
                failover.service() + " " + failover.victim() + ": successor after " + failover.electedMs() + " ms");
            bar(svg, x + bar, bar, failover.failoverMs(), scale, SERVING_COLOUR,
                failover.service() + " " + failover.victim() + ": serving after " + failover.failoverMs() + " ms");
            final double labelX = x + bar;
            svg.append("<text x=\"").append(fmt(labelX)).append("\" y=\"").append(BOTTOM + 12)
                .append("\" text-anchor=\"end\" transform=\"rotate(-40 ").append(fmt(labelX)).append(' ')
                .append(BOTTOM + 12).append(")\">").append(escape(failover.service() + " " + failover.victim()))
                .append("</text>\n");
        }
        legend(svg, LEFT_X, HEIGHT - 12, ELECTED_COLOUR, "successor in place");
        legend(svg, LEFT_X + 150, HEIGHT - 12, SERVING_COLOUR, "serving again");
    }

    private static void latencyPanel(final StringBuilder svg, final Histogram latencyUs)
    {
        text(svg, RIGHT_X + PANEL_WIDTH / 2, TOP - 12, "middle", 12,
            "Order latency, send to answer (µs), " + latencyUs.getTotalCount() + " orders");
        final long max = Math.max(1, latencyUs.getTotalCount() == 0 ? 1 : latencyUs.getMaxValue());
        final long scale = niceCeiling(max);
        axes(svg, RIGHT_X, scale, " µs");
        final double slot = (double)PANEL_WIDTH / PERCENTILES.size();
        for (int i = 0; i < PERCENTILES.size(); i++)
        {
            final double percentile = PERCENTILES.get(i);
            final long value = latencyUs.getTotalCount() == 0 ? 0 : latencyUs.getValueAtPercentile(percentile);
            final double x = RIGHT_X + i * slot + slot * 0.2;
            final String name = percentile == 100.0 ? "max" : "p" + trim(percentile);
            bar(svg, x, slot * 0.6, value, scale, LATENCY_COLOUR, name + ": " + value + " µs");
            text(svg, x + slot * 0.3, BOTTOM + 14, "middle", 11, name);
            text(svg, x + slot * 0.3, BOTTOM - height(value, scale) - 3, "middle", 9, Long.toString(value));
        }
    }

    private static void axes(final StringBuilder svg, final int x, final long scale, final String unit)
    {
        svg.append("<line x1=\"").append(x).append("\" y1=\"").append(TOP).append("\" x2=\"").append(x)
            .append("\" y2=\"").append(BOTTOM).append("\" stroke=\"black\"/>\n")
            .append("<line x1=\"").append(x).append("\" y1=\"").append(BOTTOM).append("\" x2=\"")
            .append(x + PANEL_WIDTH).append("\" y2=\"").append(BOTTOM).append("\" stroke=\"black\"/>\n");
        for (int tick = 0; tick <= 4; tick++)
        {
            final long value = scale * tick / 4;
            final double y = BOTTOM - height(value, scale);
            svg.append("<line x1=\"").append(x - 4).append("\" y1=\"").append(fmt(y)).append("\" x2=\"")
                .append(x + PANEL_WIDTH).append("\" y2=\"").append(fmt(y)).append("\" stroke=\"#dddddd\"/>\n");
            text(svg, x - 6, y + 4, "end", 10, value + (tick == 4 ? unit : ""));
        }
    }

    private static void bar(
        final StringBuilder svg, final double x, final double width, final long value, final long scale,
        final String colour, final String tooltip)
    {
        final double h = height(value, scale);
        svg.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(fmt(BOTTOM - h)).append("\" width=\"")
            .append(fmt(width)).append("\" height=\"").append(fmt(h)).append("\" fill=\"").append(colour)
            .append("\"><title>").append(escape(tooltip)).append("</title></rect>\n");
    }

    private static void legend(final StringBuilder svg, final int x, final int y, final String colour,
        final String label)
    {
        svg.append("<rect x=\"").append(x).append("\" y=\"").append(y - 9).append("\" width=\"10\" height=\"10\" fill=\"")
            .append(colour).append("\"/>\n");
        text(svg, x + 14, y, "start", 11, label);
    }

    private static void text(
        final StringBuilder svg, final double x, final double y, final String anchor, final int size,
        final String text)
    {
        svg.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y)).append("\" text-anchor=\"")
            .append(anchor).append("\" font-size=\"").append(size).append("\">").append(escape(text))
            .append("</text>\n");
    }

    private static double height(final long value, final long scale)
    {
        return (double)Math.max(0, Math.min(value, scale)) * (BOTTOM - TOP) / scale;
    }

    /**
     * @param value a positive value.
     * @return the smallest of 1, 2, 2.5 or 5 times a power of ten that is at least the value.
     */
    static long niceCeiling(final long value)
    {
        long power = 1;
        while (true)
        {
            for (final long step : new long[] {power, 2 * power, 5 * power / 2, 5 * power})
            {
                if (step >= value && step > 0)
                {
                    return step;
                }
            }
            power *= 10;
        }
    }

    /**
     * @param text any text.
     * @return the text with XML's special characters escaped.
     */
    static String escape(final String text)
    {
        final StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            switch (c)
            {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static String fmt(final double value)
    {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String trim(final double percentile)
    {
        final String text = String.format(Locale.ROOT, "%.2f", percentile);
        return text.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
