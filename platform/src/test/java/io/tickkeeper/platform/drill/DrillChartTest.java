package io.tickkeeper.platform.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class DrillChartTest
{
    private static final List<Failover> KILLS = List.of(
        new Failover("feed", "feed1", "feed2", 4100, 4100),
        new Failover("risk", "risk2", "risk1", 4300, 5200),
        new Failover("gateway", "gw1", "/127.0.0.1:9882", 900, 1400));

    @Test
    void shouldWriteWellFormedSvgWithTwoBarsPerKillAndOnePerPercentile() throws Exception
    {
        final Document svg = parse(DrillChart.svg("A <drill> & co", KILLS, latency()));

        assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
        final List<String> tooltips = tooltips(svg);
        assertThat(tooltips).filteredOn(t -> t.contains("successor after")).hasSize(KILLS.size());
        assertThat(tooltips).filteredOn(t -> t.contains("serving after")).hasSize(KILLS.size());
        assertThat(tooltips).filteredOn(t -> t.endsWith(" µs")).hasSize(DrillChart.PERCENTILES.size());
        assertThat(tooltips).contains("risk risk2: serving after 5200 ms", "max: 2000 µs");
        assertThat(texts(svg)).contains("A <drill> & co", "p99.9", "gateway gw1");
    }

    @Test
    void shouldDrawTheLongestFailoverAsTheTallestBarWithinThePanel() throws Exception
    {
        final Document svg = parse(DrillChart.svg("t", KILLS, latency()));

        double tallest = 0;
        String tallestTip = "";
        final NodeList rects = svg.getElementsByTagName("rect");
        for (int i = 0; i < rects.getLength(); i++)
        {
            final Element rect = (Element)rects.item(i);
            final NodeList titles = rect.getElementsByTagName("title");
            if (titles.getLength() == 1 && titles.item(0).getTextContent().contains(" ms"))
            {
                final double height = Double.parseDouble(rect.getAttribute("height"));
                assertThat(height).isBetween(0.0, 280.0);
                if (height > tallest)
                {
                    tallest = height;
                    tallestTip = titles.item(0).getTextContent();
                }
            }
        }
        assertThat(tallestTip).isEqualTo("risk risk2: serving after 5200 ms");
    }

    @Test
    void shouldDrawEmptyPanelsWithoutKillsOrOrders() throws Exception
    {
        final Document svg = parse(DrillChart.svg("nothing", List.of(), new Histogram(3)));

        assertThat(tooltips(svg)).filteredOn(t -> t.endsWith(" µs")).allMatch(t -> t.endsWith(": 0 µs"));
        assertThat(tooltips(svg)).noneMatch(t -> t.contains(" ms"));
    }

    @Test
    void shouldRoundScalesUpToOneTwoOrFiveTimesAPowerOfTen()
    {
        assertThat(DrillChart.niceCeiling(1)).isEqualTo(1);
        assertThat(DrillChart.niceCeiling(3)).isEqualTo(5);
        assertThat(DrillChart.niceCeiling(5200)).isEqualTo(10_000);
        assertThat(DrillChart.niceCeiling(2400)).isEqualTo(2500);
        assertThat(DrillChart.niceCeiling(101)).isEqualTo(200);
    }

    @Test
    void shouldEscapeXmlSpecialCharacters()
    {
        assertThat(DrillChart.escape("a<b>&\"c'")).isEqualTo("a&lt;b&gt;&amp;&quot;c&apos;");
    }

    private static Histogram latency()
    {
        final Histogram histogram = new Histogram(3);
        for (int i = 1; i <= 1_000; i++)
        {
            histogram.recordValue(i);
        }
        histogram.recordValue(2_000);
        return histogram;
    }

    private static Document parse(final String svg) throws Exception
    {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
            .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> tooltips(final Document svg)
    {
        final List<String> tips = new ArrayList<>();
        final NodeList titles = svg.getElementsByTagName("title");
        for (int i = 0; i < titles.getLength(); i++)
        {
            tips.add(titles.item(i).getTextContent());
        }
        return tips;
    }

    private static List<String> texts(final Document svg)
    {
        final List<String> texts = new ArrayList<>();
        final NodeList nodes = svg.getElementsByTagName("text");
        for (int i = 0; i < nodes.getLength(); i++)
        {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }
}
