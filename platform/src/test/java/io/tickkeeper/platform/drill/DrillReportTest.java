package io.tickkeeper.platform.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DrillReportTest
{
    @TempDir
    Path dir;

    @Test
    void shouldWriteTheMarkdownAndThePictureBesideIt() throws Exception
    {
        final List<Failover> kills = List.of(new Failover("matching/1", "b1", "b2", 4000, 4500),
            new Failover("zookeeper", "zk2", "-", 0, 300));
        final Histogram latency = new Histogram(3);
        latency.recordValue(800);
        final DrillVerdict verdict = new DrillVerdict(2, 10, 0, 0, 0, 0, 300, 4500);
        final ByteArrayOutputStream printed = new ByteArrayOutputStream();

        DrillReport.write(dir.resolve("sub/drill-x.md"), "Title", List.of("what ran"), kills, latency,
            List.of("a finding"), verdict, new PrintStream(printed, true, StandardCharsets.UTF_8));

        final String markdown = Files.readString(dir.resolve("sub/drill-x.md"));
        assertThat(markdown).startsWith("# Title\n\nwhat ran\n")
            .contains("![failover per kill and order latency](drill-x.svg)")
            .contains("| 1 | matching/1 | b1 | b2 | 4000 | 4500 |")
            .contains("| 2 | zookeeper | zk2 | - | 0 | 300 |")
            .contains("- a finding")
            .contains("p50 300, p90 4503, max 4503")
            .endsWith(verdict.line() + "\n```\n");
        assertThat(Files.readString(dir.resolve("sub/drill-x.svg"))).contains("<svg").contains("b1");
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("drill: a finding")
            .contains("drill: report " + dir.resolve("sub/drill-x.md"));
    }

    @Test
    void shouldPrintTheVerdictLineInItsStableForm()
    {
        final DrillVerdict verdict = new DrillVerdict(8, 1234, 0, 1, 0, 0, 4100, 9000);

        assertThat(verdict.line()).isEqualTo("drill: kills=8 acked=1234 lost_acked=0 duplicate_fills=1 "
            + "state_hash_mismatch=0 stale_epoch_accepted=0 failover_ms_p50=4100 failover_ms_max=9000");
        assertThat(verdict.passed()).isFalse();
        assertThat(new DrillVerdict(8, 1234, 0, 0, 0, 0, 4100, 9000).passed()).isTrue();
    }
}
