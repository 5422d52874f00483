package io.tickkeeper.matching.load;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import io.tickkeeper.matching.OrderType;
import io.tickkeeper.matching.Side;
import io.tickkeeper.matching.StpMode;
import io.tickkeeper.matching.client.MatchingClient;

/**
 * A steady, seeded flow of crossing limit orders through a {@link MatchingClient}, open loop at a fixed rate: on
 * each instrument in turn, buys priced a few ticks above the reference price alternate with sells a few ticks
 * below it, so most orders trade with what rests on the other side and the book stays small. Each order's client
 * order id is remembered by its client sequence, for the drill's checks.
 */
public final class CrossingFlow implements AutoCloseable
{
    private static final int MAX_TICKS_THROUGH = 3;
    private static final int MAX_QUANTITY = 10;

    private final MatchingClient client;
    private final int[] instrumentIds;
    private final long referencePrice;
    private final long tickSize;
    private final int accountId;
    private final long intervalNs;
    private final SplittableRandom random;
    private final Map<Long, Long> clientOrderIds = new ConcurrentHashMap<>();
    private final AtomicLong submitted = new AtomicLong();
    private final Thread thread;
    private volatile boolean running;
    private long nextClientOrderId = 1;
    private int turn;

    /**
     * @param client         a started client.
     * @param instrumentIds  the instruments to trade, in turn.
     * @param referencePrice the instruments' reference price.
     * @param tickSize       their tick size.
     * @param accountId      the account the orders belong to.
     * @param ratePerSecond  orders per second.
     * @param seed           seeds prices and quantities.
     */
    public CrossingFlow(final MatchingClient client, final int[] instrumentIds, final long referencePrice,
        final long tickSize, final int accountId, final int ratePerSecond, final long seed)
    {
        if (instrumentIds.length == 0 || ratePerSecond <= 0)
        {
            throw new IllegalArgumentException("at least one instrument and a positive rate are needed");
        }
        this.client = client;
        this.instrumentIds = instrumentIds.clone();
        this.referencePrice = referencePrice;
        this.tickSize = tickSize;
        this.accountId = accountId;
        this.intervalNs = TimeUnit.SECONDS.toNanos(1) / ratePerSecond;
        this.random = new SplittableRandom(seed);
        this.thread = new Thread(this::run, "crossing-flow-" + accountId);
        this.thread.setDaemon(true);
    }

    /** Starts submitting. */
    public void start()
    {
        running = true;
        thread.start();
    }

    /** @return how many orders were submitted. */
    public long submitted()
    {
        return submitted.get();
    }

    /**
     * @param clientSequence a submitted order's client sequence.
     * @return its client order id, or 0 when this flow did not submit it.
     */
    public long clientOrderId(final long clientSequence)
    {
        return clientOrderIds.getOrDefault(clientSequence, 0L);
    }

    /** Stops submitting and waits for the flow's thread. */
    @Override
    public void close()
    {
        running = false;
        try
        {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    private void run()
    {
        long nextNs = System.nanoTime();
        while (running)
        {
            final long waitNs = nextNs - System.nanoTime();
            if (waitNs > 0)
            {
                LockSupport.parkNanos(waitNs);
                continue;
            }
            submitOne();
            nextNs += intervalNs;
        }
    }

    private void submitOne()
    {
        final int instrumentId = instrumentIds[turn % instrumentIds.length];
        final Side side = (turn / instrumentIds.length) % 2 == 0 ? Side.BUY : Side.SELL;
        turn++;
        final long ticksThrough = random.nextInt(MAX_TICKS_THROUGH + 1);
        final long price = side == Side.BUY ? referencePrice + ticksThrough * tickSize
            : referencePrice - ticksThrough * tickSize;
        final long quantity = 1 + random.nextInt(MAX_QUANTITY);
        final long clientOrderId = nextClientOrderId++;
        final long clientSequence = client.submitNewOrder(instrumentId, accountId, clientOrderId, side,
            OrderType.LIMIT_GTC, price, quantity, StpMode.NONE);
        clientOrderIds.put(clientSequence, clientOrderId);
        submitted.incrementAndGet();
    }
}
