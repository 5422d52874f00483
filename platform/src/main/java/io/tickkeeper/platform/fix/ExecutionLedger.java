package io.tickkeeper.platform.fix;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/**
 * What a FIX client was told about its orders, as a checker sees it: every order it sent (by ClOrdID, with the time
 * it was MEANT to be sent), the first acknowledgement of each (ExecType New), every fill by ExecID, and the
 * send-to-acknowledgement latency measured from the intended send time (an open-loop load, so a stall shows up as
 * latency of every order scheduled during it instead of vanishing: coordinated omission corrected).
 * <p>
 * It counts what the platform must never do: a second New for an order (duplicate acknowledgement), an ExecID
 * reported twice with a different meaning (duplicate fill), more filled than ordered (overfill). Thread-safe.
 */
public final class ExecutionLedger
{
    private static final long HIGHEST_LATENCY_US = TimeUnit.MINUTES.toMicros(10);

    private final Map<String, OrderRecord> orders = new HashMap<>();
    private final Map<String, String> fillsByExecId = new HashMap<>();
    private final Set<Long> lostConnections = new HashSet<>();
    private final List<Long> ackTimesNs = new ArrayList<>();
    private final Histogram ackLatencyUs = new Histogram(HIGHEST_LATENCY_US, 3);
    private long sent;
    private long acknowledged;
    private long rejected;
    private long duplicateAcks;
    private long duplicateFills;
    private long overfills;
    private long fills;
    private long filledQuantity;
    private long unknownReports;

    /**
     * Records an order the client sent.
     *
     * @param clOrdId    its ClOrdID.
     * @param quantity   its quantity.
     * @param intendedNs when the open-loop schedule meant to send it ({@link System#nanoTime()}).
     */
    public synchronized void onSent(final String clOrdId, final long quantity, final long intendedNs)
    {
        onSent(clOrdId, quantity, intendedNs, 0, 0);
    }

    /**
     * Records an order the client sent.
     *
     * @param clOrdId    its ClOrdID.
     * @param quantity   its quantity.
     * @param intendedNs when the open-loop schedule meant to send it ({@link System#nanoTime()}).
     * @param sentMillis when it was handed to the session (wall clock, to match it with the platform's logs).
     * @param connection which logon of the client the session was in (1 for the first; 0 when not tracked).
     */
    public synchronized void onSent(
        final String clOrdId, final long quantity, final long intendedNs, final long sentMillis,
        final long connection)
    {
        if (orders.put(clOrdId, new OrderRecord(quantity, intendedNs, sentMillis, connection)) == null)
        {
            sent++;
        }
    }

    /**
     * Records that a logon of the client ended (its gateway died or the link dropped): reports the platform sent on
     * that FIX session after this point never reached the client, which learns those orders' fate by
     * OrderStatusRequest on its next session.
     *
     * @param connection which logon ended.
     */
    public synchronized void onDisconnected(final long connection)
    {
        lostConnections.add(connection);
    }

    /**
     * Forgets an order {@link #onSent recorded} that the session then refused to send (it was not logged on any
     * more): it never left the client, and the client sends it again under the same ClOrdID.
     *
     * @param clOrdId its ClOrdID.
     */
    public synchronized void onNotSent(final String clOrdId)
    {
        final OrderRecord order = orders.get(clOrdId);
        if (order != null && order.ackNs == 0 && !order.rejected && order.filled == 0)
        {
            orders.remove(clOrdId);
            sent--;
        }
    }

    /**
     * Records an ExecutionReport.
     *
     * @param clOrdId   its ClOrdID (for a replaced order, the order's current id).
     * @param execId    its ExecID.
     * @param execType  its ExecType (150).
     * @param lastQty   its LastQty (0 when absent).
     * @param receiveNs when it arrived ({@link System#nanoTime()}).
     */
    public synchronized void onExecutionReport(
        final String clOrdId, final String execId, final char execType, final long lastQty, final long receiveNs)
    {
        final OrderRecord order = orders.get(clOrdId);
        if (order == null)
        {
            unknownReports++;
            return;
        }
        switch (execType)
        {
            case '0':
                if (order.ackNs != 0)
                {
                    duplicateAcks++;
                    return;
                }
                order.ackNs = receiveNs;
                acknowledged++;
                ackTimesNs.add(receiveNs);
                recordLatency(receiveNs - order.intendedNs);
                break;
            case '8':
                if (order.ackNs == 0 && !order.rejected)
                {
                    order.rejected = true;
                    rejected++;
                    recordLatency(receiveNs - order.intendedNs);
                }
                break;
            case 'F':
            case '1':
            case '2':
                onFill(order, clOrdId, execId, lastQty);
                break;
            default:
                break;
        }
    }

    private void onFill(final OrderRecord order, final String clOrdId, final String execId, final long lastQty)
    {
        final String meaning = clOrdId + '/' + lastQty;
        final String before = fillsByExecId.putIfAbsent(execId, meaning);
        if (before != null)
        {
            // The same ExecID again: a resend of the same fill is harmless only if the client de-duplicates it;
            // it must never mean another fill.
            duplicateFills++;
            return;
        }
        fills++;
        filledQuantity += lastQty;
        order.filled += lastQty;
        if (order.filled > order.quantity)
        {
            overfills++;
        }
    }

    private void recordLatency(final long latencyNs)
    {
        ackLatencyUs.recordValue(Math.min(HIGHEST_LATENCY_US, Math.max(0, TimeUnit.NANOSECONDS.toMicros(latencyNs))));
    }

    /** @return a copy of the send-to-answer latency histogram, in microseconds. */
    public synchronized Histogram ackLatencyUs()
    {
        return ackLatencyUs.copy();
    }

    /** @return the ClOrdIDs of every acknowledged order. */
    public synchronized List<String> acknowledgedOrders()
    {
        final List<String> acked = new ArrayList<>();
        orders.forEach((id, order) ->
        {
            if (order.ackNs != 0)
            {
                acked.add(id);
            }
        });
        return acked;
    }

    /** @return the orders sent that got neither an acknowledgement nor a rejection (yet), oldest first. */
    public synchronized List<Unanswered> unansweredOrders()
    {
        final List<Unanswered> unanswered = new ArrayList<>();
        orders.forEach((id, order) ->
        {
            if (order.ackNs == 0 && !order.rejected)
            {
                unanswered.add(new Unanswered(id, order.sentMillis, order.filled,
                    order.connection != 0 && lostConnections.contains(order.connection)));
            }
        });
        unanswered.sort(Comparator.comparingLong(Unanswered::sentMillis).thenComparing(Unanswered::clOrdId));
        return unanswered;
    }

    /** @return the arrival times of the acknowledgements, in order. */
    public synchronized List<Long> ackTimesNs()
    {
        return List.copyOf(ackTimesNs);
    }

    /** @return orders sent. */
    public synchronized long sent()
    {
        return sent;
    }

    /** @return orders acknowledged (ExecType New) once. */
    public synchronized long acknowledged()
    {
        return acknowledged;
    }

    /** @return orders rejected before any acknowledgement. */
    public synchronized long rejected()
    {
        return rejected;
    }

    /** @return orders sent that got neither an acknowledgement nor a rejection (yet). */
    public synchronized long unanswered()
    {
        return sent - acknowledged - rejected;
    }

    /** @return a second New for an order. */
    public synchronized long duplicateAcks()
    {
        return duplicateAcks;
    }

    /** @return fills whose ExecID had been reported before. */
    public synchronized long duplicateFills()
    {
        return duplicateFills;
    }

    /** @return orders filled beyond their quantity. */
    public synchronized long overfills()
    {
        return overfills;
    }

    /** @return distinct fills. */
    public synchronized long fills()
    {
        return fills;
    }

    /** @return the quantity of the distinct fills. */
    public synchronized long filledQuantity()
    {
        return filledQuantity;
    }

    /** @return reports about ClOrdIDs this client never sent. */
    public synchronized long unknownReports()
    {
        return unknownReports;
    }

    /**
     * An order without an acknowledgement or a rejection.
     *
     * @param clOrdId    its ClOrdID.
     * @param sentMillis when it was handed to the session (wall clock), 0 when not recorded.
     * @param filled     the quantity reported filled meanwhile (a fill without its acknowledgement).
     * @param sessionLost whether the FIX session it was sent on ended afterwards (its gateway died): its
     *                   acknowledgement may have gone to that session, so the client learns its fate by status.
     */
    public record Unanswered(String clOrdId, long sentMillis, long filled, boolean sessionLost)
    {
    }

    private static final class OrderRecord
    {
        final long quantity;
        final long intendedNs;
        final long sentMillis;
        final long connection;
        long ackNs;
        long filled;
        boolean rejected;

        OrderRecord(final long quantity, final long intendedNs, final long sentMillis, final long connection)
        {
            this.quantity = quantity;
            this.intendedNs = intendedNs;
            this.sentMillis = sentMillis;
            this.connection = connection;
        }
    }
}
