package io.tickkeeper.matching.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The quick drill on real processes: a 3-server ZooKeeper ensemble and a pair of matching-engine JVMs; the primary is
 * SIGKILLed five times and frozen once under a crossing flow. Nothing acknowledged may be lost or applied twice.
 */
@Tag("system")
class DrillSystemTest
{
    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void shouldLoseNothingAcknowledgedAndApplyNothingTwiceWhenThePrimaryIsKilledAgainAndAgain() throws Exception
    {
        final Path base = Path.of("target", "drill-system").toAbsolutePath();
        final DrillSettings settings = new DrillSettings(5, 2, 200, 25_200, 1_000, 1_000, base.resolve("work"),
            base.resolve("results"), "1,2,3,4");
        final ByteArrayOutputStream progress = new ByteArrayOutputStream();

        final DrillVerdict verdict;
        try (PrintStream out = new PrintStream(progress, true, StandardCharsets.UTF_8))
        {
            verdict = new Drill(settings, out).run();
        }
        finally
        {
            Files.createDirectories(base);
            Files.writeString(base.resolve("progress.log"), progress.toString(StandardCharsets.UTF_8));
        }

        assertThat(verdict.kills()).isEqualTo(5);
        assertThat(verdict.acked()).as("orders accepted under load").isGreaterThan(1_000);
        assertThat(verdict.lostAcked()).as("lost_acked").isZero();
        assertThat(verdict.duplicateFills()).as("duplicate_fills").isZero();
        assertThat(verdict.stateHashMismatch()).as("state_hash_mismatch").isZero();
        assertThat(verdict.staleEpochAccepted()).as("stale_epoch_accepted").isZero();
        assertThat(verdict.failoverMsMax()).as("every failover measured").isPositive();
        try (var reports = Files.list(base.resolve("results")))
        {
            assertThat(reports.filter(path -> path.getFileName().toString().startsWith("drill-"))).isNotEmpty();
        }
    }
}
