package io.tickkeeper.matching;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Counts what a differential run exercised: events by kind (reject code, cancel reason, kept priority, accepted
 * order type, self trades) and commands by kind (new orders by STP mode), so a run can show and assert it.
 */
final class EventCoverage
{
    static final String TRADE = "event Trade";
    static final String SELF_TRADE = "event Trade within one account";
    static final String EXPIRED = "event Expired";

    private final Map<String, Long> counts = new TreeMap<>();

    static String acceptedKey(final OrderType type)
    {
        return "event Accepted " + type;
    }

    static String rejectedKey(final ResultCode code)
    {
        return "event Rejected " + code;
    }

    static String cancelledKey(final CancelReason reason)
    {
        return "event Cancelled " + reason;
    }

    static String replacedKey(final boolean keptPriority)
    {
        return keptPriority ? "event Replaced keeping priority" : "event Replaced losing priority";
    }

    static String stpKey(final StpMode stpMode)
    {
        return "command NewOrder " + stpMode;
    }

    /** Counts every event of one command. */
    void count(final List<MatchingEvent> events)
    {
        for (final MatchingEvent event : events)
        {
            add(key(event));
        }
    }

    /** Counts one command by its kind, and a new order also by its STP mode. */
    void count(final MatcherCommand command)
    {
        add("command " + command.getClass().getSimpleName());
        if (command instanceof MatcherCommand.NewOrder newOrder)
        {
            add(stpKey(newOrder.stpMode()));
        }
    }

    /** Adds another tally into this one. */
    void addAll(final EventCoverage other)
    {
        other.counts.forEach((key, count) -> counts.merge(key, count, Long::sum));
    }

    /** @return how often one key was counted. */
    long count(final String key)
    {
        return counts.getOrDefault(key, 0L);
    }

    /** @return every key that was counted at least once. */
    Set<String> keys()
    {
        return counts.keySet();
    }

    @Override
    public String toString()
    {
        final StringBuilder text = new StringBuilder();
        counts.forEach((key, count) -> text.append(String.format("  %-48s %,12d%n", key, count)));
        return text.toString();
    }

    private void add(final String key)
    {
        counts.merge(key, 1L, Long::sum);
    }

    private static String key(final MatchingEvent event)
    {
        if (event instanceof MatchingEvent.Accepted accepted)
        {
            return acceptedKey(accepted.type());
        }
        if (event instanceof MatchingEvent.Rejected rejected)
        {
            return rejectedKey(rejected.code());
        }
        if (event instanceof MatchingEvent.Trade trade)
        {
            return trade.takerAccountId() == trade.makerAccountId() ? SELF_TRADE : TRADE;
        }
        if (event instanceof MatchingEvent.Cancelled cancelled)
        {
            return cancelledKey(cancelled.reason());
        }
        if (event instanceof MatchingEvent.Replaced replaced)
        {
            return replacedKey(replaced.keptPriority());
        }
        return EXPIRED;
    }
}
