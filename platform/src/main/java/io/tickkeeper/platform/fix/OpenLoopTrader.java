package io.tickkeeper.platform.fix;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop order flow over FIX: order k is due at {@code start + k / rate}, whatever happened to order k-1, so a
 * stall of the platform is measured as latency of every order due during it (coordinated omission corrected) instead
 * of slowing the client down. Orders come in pairs on one symbol: a resting day buy at the reference price, then an
 * IOC sell at the same price that trades with it, so the books stay flat however long the flow runs, and every pair
 * makes two acknowledgements and a trade. While the FIX session is down (a gateway failover) the due orders wait and
 * go out as soon as it is back, still timed from when they were due.
 */
public final class OpenLoopTrader
{
    private static final long DEFAULT_PRICE_CENTS = 10_000;

    private final FixTradingClient client;
    private final List<String> symbols;
    private final String idPrefix;
    private volatile boolean running = true;
    private long next;
    private long pairPrice;

    /**
     * @param client   a started client.
     * @param symbols  the symbols to trade, in turn.
     * @param idPrefix prefix of the ClOrdIDs (unique per run).
     */
    public OpenLoopTrader(final FixTradingClient client, final List<String> symbols, final String idPrefix)
    {
        if (symbols.isEmpty())
        {
            throw new IllegalArgumentException("no symbols");
        }
        this.client = client;
        this.symbols = List.copyOf(symbols);
        this.idPrefix = idPrefix;
    }

    /**
     * Runs the flow on the calling thread.
     *
     * @param ordersPerSecond the rate.
     * @param durationNs      how long to send.
     * @return orders sent.
     */
    public long run(final double ordersPerSecond, final long durationNs)
    {
        final long periodNs = Math.max(1, (long)(TimeUnit.SECONDS.toNanos(1) / ordersPerSecond));
        final long start = System.nanoTime();
        final long end = start + durationNs;
        long sent = 0;
        for (long k = 0; running; k++)
        {
            final long due = start + k * periodNs;
            if (due - end >= 0)
            {
                break;
            }
            long now = System.nanoTime();
            if (due - now > 0)
            {
                LockSupport.parkNanos(due - now);
            }
            while (running && !sendOne(k, due))
            {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                now = System.nanoTime();
                if (now - end >= 0 && !client.loggedOn())
                {
                    return sent;
                }
            }
            sent++;
        }
        return sent;
    }

    /** Stops {@link #run} after the order it is sending. */
    public void stop()
    {
        running = false;
    }

    private boolean sendOne(final long k, final long dueNs)
    {
        final long pair = k >> 1;
        final String symbol = symbols.get((int)(pair % symbols.size()));
        final boolean buy = (k & 1) == 0;
        if (buy)
        {
            final long reference = client.referencePrice(symbol);
            pairPrice = reference > 0 ? reference : DEFAULT_PRICE_CENTS;
        }
        final long price = pairPrice;
        final String clOrdId = idPrefix + '-' + next;
        final boolean sent = client.sendLimitOrder(clOrdId, symbol, buy, 1 + (pair % 5), price,
            buy ? '0' : '3', dueNs);
        if (sent)
        {
            next++;
        }
        return sent;
    }
}
