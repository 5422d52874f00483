package io.tickkeeper.platform.fix;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * What a FIX client does after a failover about the orders it sent that got no answer (neither an acknowledgement
 * nor a rejection): it asks OrderStatusRequest for each and sorts them by what the platform says.
 * <ul>
 *   <li>never reached the platform: the status says the order is unknown (OrdStatus REJECTED): it was lost with the
 *       gateway that died or on the wire before any engine took it, which the client may simply send again;</li>
 *   <li>answered by status after its session was lost: the platform knows the order, and the FIX session the
 *       client sent it on ended afterwards (its gateway was killed) before the acknowledgement came: the gateway
 *       keeps no messages to replay, so the acknowledgement went to the dead session; the status on the new session
 *       is how a FIX client learns it (the contract for a gateway kill);</li>
 *   <li>accepted but unanswered: the platform knows the order (any other status) yet never sent its
 *       acknowledgement on a session that stayed up, or did not answer the status request at all. The platform
 *       must never do this: every accepted order is acknowledged once.</li>
 * </ul>
 * The orders of each kind are also counted per second of wall-clock time they were sent in, to match them with the
 * kills and the services' logs.
 */
public final class OrderReconciliation
{
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final int STATUS_PER_SECOND = 1_000;
    private static final int SECONDS_LISTED = 20;

    private OrderReconciliation()
    {
    }

    /**
     * Asks the status of every unanswered order of the ledger and sorts them.
     *
     * @param client    a logged-on client.
     * @param ledger    its ledger.
     * @param timeoutMs how long to wait for the status answers.
     * @return the orders by kind.
     * @throws InterruptedException when interrupted.
     */
    public static Result reconcile(final FixTradingClient client, final ExecutionLedger ledger, final long timeoutMs)
        throws InterruptedException
    {
        final List<ExecutionLedger.Unanswered> unanswered = ledger.unansweredOrders();
        final long pauseNs = TimeUnit.SECONDS.toNanos(1) / STATUS_PER_SECOND;
        for (final ExecutionLedger.Unanswered order : unanswered)
        {
            while (!client.sendStatusRequest(order.clOrdId(), "TK1", true))
            {
                Thread.sleep(10);
            }
            Thread.sleep(0, (int)Math.min(999_999, pauseNs));
        }
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (unanswered.stream().anyMatch(order -> client.statusOf(order.clOrdId()) == null)
            && System.nanoTime() - deadline < 0)
        {
            Thread.sleep(50);
        }
        return classify(unanswered, client::statusOf);
    }

    /**
     * Sorts unanswered orders by their status.
     *
     * @param unanswered the orders without an acknowledgement or a rejection.
     * @param statusOf   an order's status reply ("OrdStatus/CumQty"), or null when none came.
     * @return the orders by kind.
     */
    static Result classify(
        final List<ExecutionLedger.Unanswered> unanswered, final Function<String, String> statusOf)
    {
        final Map<String, Long> neverReached = new TreeMap<>();
        final Map<String, Long> accepted = new TreeMap<>();
        long noStatus = 0;
        long answeredByStatus = 0;
        for (final ExecutionLedger.Unanswered order : unanswered)
        {
            final String status = statusOf.apply(order.clOrdId());
            final String second =
                order.sentMillis() == 0 ? "?" : SECOND.format(Instant.ofEpochMilli(order.sentMillis()));
            if (status == null)
            {
                noStatus++;
                accepted.merge(second, 1L, Long::sum);
            }
            else if (status.startsWith("8") && order.filled() == 0)
            {
                neverReached.merge(second, 1L, Long::sum);
            }
            else if (order.sessionLost())
            {
                answeredByStatus++;
            }
            else
            {
                accepted.merge(second, 1L, Long::sum);
            }
        }
        return new Result(unanswered.size(), total(neverReached), answeredByStatus, total(accepted), noStatus,
            neverReached, accepted);
    }

    private static long total(final Map<String, Long> bySecond)
    {
        return bySecond.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * The unanswered orders by kind.
     *
     * @param unanswered           orders without an acknowledgement or rejection.
     * @param neverReached         of those, orders the platform says it does not know.
     * @param answeredByStatus     of those, orders the platform knows that were sent on a FIX session that ended
     *                             before their acknowledgement came (their gateway died): answered by status.
     * @param acceptedUnanswered   of those, orders the platform knows (or did not answer about): must be 0.
     * @param noStatus             of the accepted ones, orders whose status request got no answer.
     * @param neverReachedBySecond never-reached orders per second (UTC) they were sent in.
     * @param acceptedBySecond     accepted-but-unanswered orders per second (UTC) they were sent in.
     */
    public record Result(long unanswered, long neverReached, long answeredByStatus, long acceptedUnanswered,
        long noStatus,
        Map<String, Long> neverReachedBySecond, Map<String, Long> acceptedBySecond)
    {
        /** @return one line for a drill's findings. */
        public String finding()
        {
            return "unanswered orders (no acknowledgement, no rejection) " + unanswered
                + ": never reached the platform (OrderStatusRequest: unknown order) " + neverReached
                + bySecond(neverReachedBySecond)
                + "; known to the platform, sent on a session that ended before the acknowledgement (answered by "
                + "status) " + answeredByStatus
                + "; accepted but unanswered " + acceptedUnanswered + " (of which no status answer " + noStatus + ")"
                + bySecond(acceptedBySecond);
        }

        private static String bySecond(final Map<String, Long> counts)
        {
            if (counts.isEmpty())
            {
                return "";
            }
            final StringBuilder text = new StringBuilder(" [sent at UTC");
            int listed = 0;
            for (final Map.Entry<String, Long> entry : counts.entrySet())
            {
                if (listed++ == SECONDS_LISTED)
                {
                    text.append(" ...");
                    break;
                }
                text.append(' ').append(entry.getKey()).append(" x").append(entry.getValue());
            }
            return text.append(']').toString();
        }
    }
}
