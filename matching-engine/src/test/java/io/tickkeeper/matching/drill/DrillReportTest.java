package io.tickkeeper.matching.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class DrillReportTest
{
    @Test
    void shouldTabulateFaultsDistributionsAndTheVerdict()
    {
        final Histogram failoverMs = new Histogram(60_000, 3);
        failoverMs.recordValue(500);
        failoverMs.recordValue(700);
        final DrillVerdict verdict = new DrillVerdict(2, 100, 0, 0, 0, 0, 500, 700);

        final String markdown = new DrillReport("Drill", List.of("kills: 2"))
            .failovers(List.of(new Failover(1, "SIGKILL", "a", 1, "b", 2, 420, 500, 2_000),
                new Failover(2, "SIGSTOP", "b", 2, "a", 3, 610, 700, -1)))
            .distribution("Failover time", "ms", failoverMs)
            .distribution("Order to acknowledgement", "us", new Histogram(3))
            .checks(List.of("acknowledged orders: 100"))
            .verdict(verdict)
            .markdown();

        assertThat(markdown).contains("| 1 | SIGKILL | a | 1 | b | 2 | 420 | 500 | 2000 |")
            .contains("| 2 | SIGSTOP | b | 2 | a | 3 | 610 | 700 | - |")
            .contains("| p50 | 500 |")
            .contains("| max | 700 |")
            .contains("no values")
            .contains("PASSED")
            .endsWith("```\n" + verdict.line() + "\n```\n");
    }
}
