package io.tickkeeper.platform.fix;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

class OrderReconciliationTest
{
    private static final long T0 = LocalDateTime.of(2026, 11, 25, 19, 18, 54).toInstant(ZoneOffset.UTC).toEpochMilli();

    @Test
    void shouldCountAnOrderOnceAndForgetOneThatWasNotSent()
    {
        final ExecutionLedger ledger = new ExecutionLedger();
        ledger.onSent("a", 1, 10, T0, 1);
        ledger.onSent("a", 1, 10, T0 + 5, 1);
        ledger.onSent("b", 2, 20, T0 + 1_000, 1);
        ledger.onNotSent("b");
        ledger.onSent("c", 3, 30, T0 + 2_000, 1);
        ledger.onExecutionReport("c", "E1", '0', 0, 40);
        ledger.onNotSent("c");

        assertThat(ledger.sent()).isEqualTo(2);
        assertThat(ledger.unanswered()).isEqualTo(1);
        assertThat(ledger.unansweredOrders()).containsExactly(new ExecutionLedger.Unanswered("a", T0 + 5, 0, false));
    }

    @Test
    void shouldSortUnansweredOrdersByWhatTheirStatusSays()
    {
        final ExecutionLedger ledger = new ExecutionLedger();
        ledger.onSent("unknown", 1, 0, T0, 1);
        ledger.onSent("accepted", 1, 0, T0 + 10, 1);
        ledger.onSent("filled-without-ack", 1, 0, T0 + 1_000, 1);
        ledger.onSent("silent", 1, 0, T0 + 1_020, 1);
        ledger.onSent("acked", 1, 0, T0 + 2_000, 1);
        ledger.onExecutionReport("acked", "E1", '0', 0, 1);
        ledger.onExecutionReport("filled-without-ack", "E2", '2', 1, 2);
        final Map<String, String> statuses = Map.of("unknown", "8/0", "accepted", "0/0", "filled-without-ack", "8/1");

        final OrderReconciliation.Result result =
            OrderReconciliation.classify(ledger.unansweredOrders(), statuses::get);

        assertThat(result.unanswered()).isEqualTo(4);
        assertThat(result.neverReached()).isEqualTo(1);
        assertThat(result.acceptedUnanswered()).isEqualTo(3);
        assertThat(result.noStatus()).isEqualTo(1);
        assertThat(result.neverReachedBySecond()).containsExactly(Map.entry("19:18:54", 1L));
        assertThat(result.acceptedBySecond()).containsExactly(Map.entry("19:18:54", 1L), Map.entry("19:18:55", 2L));
        assertThat(result.finding()).isEqualTo("unanswered orders (no acknowledgement, no rejection) 4: never reached "
            + "the platform (OrderStatusRequest: unknown order) 1 [sent at UTC 19:18:54 x1]; known to the platform, sent "
            + "on a session that ended before the acknowledgement (answered by status) 0; accepted but unanswered 3 "
            + "(of which no status answer 1) [sent at UTC 19:18:54 x1 19:18:55 x2]");
    }

    @Test
    void shouldExcuseOnlyOrdersWhoseSessionEndedBeforeTheirAcknowledgement()
    {
        final ExecutionLedger ledger = new ExecutionLedger();
        ledger.onSent("in-flight-at-kill", 1, 0, T0, 1);
        ledger.onSent("lost-at-kill", 1, 0, T0 + 1, 1);
        ledger.onDisconnected(1);
        ledger.onSent("on-the-new-session", 1, 0, T0 + 3_000, 2);
        final Map<String, String> statuses =
            Map.of("in-flight-at-kill", "0/0", "lost-at-kill", "8/0", "on-the-new-session", "0/0");

        final OrderReconciliation.Result result =
            OrderReconciliation.classify(ledger.unansweredOrders(), statuses::get);

        assertThat(result.unanswered()).isEqualTo(3);
        assertThat(result.neverReached()).isEqualTo(1);
        assertThat(result.answeredByStatus()).isEqualTo(1);
        assertThat(result.acceptedUnanswered()).isEqualTo(1);
        assertThat(result.acceptedBySecond()).containsExactly(Map.entry("19:18:57", 1L));
    }
}
