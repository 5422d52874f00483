package io.tickkeeper.platform.drill;

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

import io.tickkeeper.platform.PlatformSettings;

/**
 * The end-to-end test of the trading flow on real processes: the whole platform (ZooKeeper x3, matching, risk, feed
 * and strategy pairs, two FIX gateways), a QuickFIX/J client trading over FIX, and one round of the quick drill — the
 * primary of the feed, strategy, risk and matching services and the client's gateway SIGKILLed in turn. Every order
 * acknowledged over FIX must still be known (OrderStatusRequest), nothing filled twice, both nodes of each replicated
 * service must hold the same journal and state.
 */
@Tag("system")
class PlatformDrillSystemTest
{
    @Test
    @Timeout(value = 12, unit = TimeUnit.MINUTES)
    void shouldTradeOverFixAndLoseNothingAcknowledgedWhenEveryPrimaryAndAGatewayIsKilled() throws Exception
    {
        final Path base = Path.of("target", "platform-drill").toAbsolutePath();
        final PlatformSettings settings = PlatformSettings.builder(base.resolve("work"))
            .zkClientPortBase(28_381)
            .servicePortBase(28_500)
            .build();
        final ByteArrayOutputStream progress = new ByteArrayOutputStream();
        final DrillVerdict verdict;
        final PlatformDrill drill;
        try (PrintStream out = new PrintStream(progress, true, StandardCharsets.UTF_8))
        {
            drill = new PlatformDrill(settings, base.resolve("results"), 100, 1, out);
            verdict = drill.run();
            out.println(verdict.line());
        }
        finally
        {
            Files.createDirectories(base);
            Files.writeString(base.resolve("progress.log"), progress.toString(StandardCharsets.UTF_8));
        }

        assertThat(verdict.kills()).isEqualTo(5);
        assertThat(verdict.acked()).as("orders acknowledged over FIX").isGreaterThan(500);
        assertThat(verdict.lostAcked()).as("lost_acked").isZero();
        assertThat(verdict.duplicateFills()).as("duplicate_fills").isZero();
        assertThat(verdict.stateHashMismatch()).as("state_hash_mismatch").isZero();
        assertThat(verdict.staleEpochAccepted()).as("stale_epoch_accepted").isZero();
        assertThat(verdict.failoverMsMax()).as("every failover measured").isPositive();
        assertThat(drill.acceptedUnanswered()).as("accepted orders never acknowledged nor rejected").isZero();
    }
}
