package io.tickkeeper.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import io.tickkeeper.matching.BookView;
import io.tickkeeper.matching.CancelReason;
import io.tickkeeper.matching.InstrumentSpec;
import io.tickkeeper.matching.MatchingEngine;
import io.tickkeeper.matching.MatchingEventListener;
import io.tickkeeper.matching.OrderType;
import io.tickkeeper.matching.ResultCode;
import io.tickkeeper.matching.Side;
import io.tickkeeper.matching.StpMode;

/**
 * The benchmark workload: the shape of exchange-core's published single-symbol throughput test, generated up front
 * with a fixed seed so that generation is never timed. docs/benchmarks.md documents it.
 *
 * <ul>
 *   <li>one instrument, 1,000 accounts, about 1,000 resting orders spread over about 750 price levels;</li>
 *   <li>9% GTC limit orders, 3% IOC orders, 6% cancels, 82% moves (a replace that changes a resting order's
 *       price, keeping its quantity);</li>
 *   <li>about 6% of commands trade: IOCs cross the spread and a small share of moves cross it.</li>
 * </ul>
 * A live engine is used as the model while generating, so every cancel and move names an order that is really open
 * at that point; replaying the batch on a fresh engine gives exactly the same results because the engine is
 * deterministic.
 */
public final class ExchangeLikeWorkload
{
    /** The instrument every command trades. */
    public static final int INSTRUMENT_ID = 1;
    /** Price the book is centred on (the reference price). */
    public static final long CENTER_PRICE = 1_000_000L;
    /** Distance in ticks from the centre to the outermost resting price on each side. */
    public static final int PRICE_RANGE_TICKS = 900;
    /** Resting orders the generator steers the book towards. */
    public static final int TARGET_RESTING_ORDERS = 1_000;
    /** Accounts placing orders. */
    public static final int ACCOUNTS = 1_000;

    private static final long TICK = 1L;
    private static final int CROSSING_MOVE_PER_MILLE = 37;
    private static final int CROSSING_CANDIDATES = 3;

    private ExchangeLikeWorkload()
    {
    }

    /** @return the instrument definition the workload is made for. */
    public static InstrumentSpec instrument()
    {
        return new InstrumentSpec(INSTRUMENT_ID, TICK, 1L, 1L, 1_000_000L, 5_000L, CENTER_PRICE);
    }

    /**
     * Generates the workload.
     *
     * @param seed     random seed; the same seed gives the same commands.
     * @param commands how many measured commands to generate (after the pre-fill).
     * @return the pre-fill (building the initial book) and the measured commands.
     */
    public static Workload generate(final long seed, final int commands)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final OpenOrderModel model = new OpenOrderModel();
        final MatchingEngine engine = new MatchingEngine(new InstrumentSpec[]{instrument()}, model);
        final long[] nextClientOrderId = {1};

        final CommandBatch prefill = new CommandBatch(INSTRUMENT_ID, TARGET_RESTING_ORDERS);
        while (prefill.size() < TARGET_RESTING_ORDERS)
        {
            addGtc(random, prefill, nextClientOrderId[0]++);
            prefill.applyTo(engine, prefill.size() - 1, 0);
        }

        final CommandBatch measured = new CommandBatch(INSTRUMENT_ID, commands);
        final WorkloadStats stats = new WorkloadStats();
        while (measured.size() < commands)
        {
            final int roll = random.nextInt(100);
            final int open = model.openCount();
            if (open == 0 || (roll < 9 && open <= TARGET_RESTING_ORDERS * 21 / 20)
                || (roll >= 12 && roll < 18 && open < TARGET_RESTING_ORDERS * 19 / 20))
            {
                addGtc(random, measured, nextClientOrderId[0]++);
            }
            else if (roll < 12)
            {
                addIoc(random, engine.book(INSTRUMENT_ID), measured, nextClientOrderId[0]++);
            }
            else if (roll < 18)
            {
                final long orderId = model.randomOpenOrder(random);
                measured.addCancel(model.accountOf(orderId), orderId);
            }
            else
            {
                addMove(random, model, engine.book(INSTRUMENT_ID), measured);
            }
            model.beginCommand();
            measured.applyTo(engine, measured.size() - 1, measured.size());
            stats.record(measured.kind(measured.size() - 1), model, engine);
        }
        return new Workload(prefill, measured, stats);
    }

    private static void addGtc(final SplittableRandom random, final CommandBatch batch, final long clientOrderId)
    {
        final Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        final long distance = 1 + random.nextInt(PRICE_RANGE_TICKS);
        final long price = side == Side.BUY ? CENTER_PRICE - distance * TICK : CENTER_PRICE + distance * TICK;
        batch.addNewOrder(1 + random.nextInt(ACCOUNTS), clientOrderId, side, OrderType.LIMIT_GTC, price,
            1 + random.nextInt(400), StpMode.DEFAULT);
    }

    private static void addIoc(
        final SplittableRandom random, final BookView book, final CommandBatch batch, final long clientOrderId)
    {
        final Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        final long touch = side == Side.BUY ? book.bestAsk() : book.bestBid();
        final long base = touch == BookView.NO_PRICE ? CENTER_PRICE : touch;
        final long reach = random.nextInt(3);
        final long price = side == Side.BUY ? base + reach * TICK : base - reach * TICK;
        batch.addNewOrder(1 + random.nextInt(ACCOUNTS), clientOrderId, side, OrderType.IOC, price,
            1 + random.nextInt(100), StpMode.DEFAULT);
    }

    private static void addMove(
        final SplittableRandom random, final OpenOrderModel model, final BookView book, final CommandBatch batch)
    {
        final boolean crossing = random.nextInt(1_000) < CROSSING_MOVE_PER_MILLE;
        long orderId = model.randomOpenOrder(random);
        if (crossing)
        {
            for (int i = 1; i < CROSSING_CANDIDATES; i++)
            {
                final long candidate = model.randomOpenOrder(random);
                if (model.quantityOf(candidate) > model.quantityOf(orderId))
                {
                    orderId = candidate;
                }
            }
        }
        final Side side = model.sideOf(orderId);
        final long touch = side == Side.BUY ? book.bestAsk() : book.bestBid();
        long price;
        if (crossing && touch != BookView.NO_PRICE)
        {
            price = touch;
        }
        else
        {
            final long distance = 1 + random.nextInt(PRICE_RANGE_TICKS);
            price = side == Side.BUY ? CENTER_PRICE - distance * TICK : CENTER_PRICE + distance * TICK;
        }
        if (price == model.priceOf(orderId))
        {
            price += side == Side.BUY ? -TICK : TICK;
        }
        batch.addReplace(model.accountOf(orderId), orderId, price, model.quantityOf(orderId));
    }

    /** The generated commands and what they did while being generated. */
    public record Workload(CommandBatch prefill, CommandBatch measured, WorkloadStats stats)
    {
    }

    /** What the generated commands did, so the workload's shape can be printed and checked. */
    public static final class WorkloadStats
    {
        private long gtc;
        private long ioc;
        private long cancels;
        private long moves;
        private long tradingCommands;
        private long trades;
        private long rejects;
        private long restingOrdersSum;
        private long levelsSum;
        private long samples;

        void record(final byte kind, final OpenOrderModel model, final MatchingEngine engine)
        {
            switch (kind)
            {
                case CommandBatch.NEW_ORDER -> {
                    if (model.lastNewWasIoc)
                    {
                        ioc++;
                    }
                    else
                    {
                        gtc++;
                    }
                }
                case CommandBatch.CANCEL -> cancels++;
                default -> moves++;
            }
            if (model.tradesInCommand > 0)
            {
                tradingCommands++;
                trades += model.tradesInCommand;
            }
            rejects += model.rejectsInCommand;
            restingOrdersSum += model.openCount();
            levelsSum += engine.book(INSTRUMENT_ID).levelCount(Side.BUY) + engine.book(INSTRUMENT_ID)
                .levelCount(Side.SELL);
            samples++;
        }

        /** @return a one-line description of the mix, for the benchmark's report. */
        public String describe()
        {
            final double n = Math.max(1, samples);
            return String.format(
                "commands=%d gtc=%.1f%% ioc=%.1f%% cancel=%.1f%% move=%.1f%% trading_commands=%.1f%% "
                    + "trades=%d rejects=%d avg_resting_orders=%.0f avg_price_levels=%.0f",
                samples, 100 * gtc / n, 100 * ioc / n, 100 * cancels / n, 100 * moves / n,
                100 * tradingCommands / n, trades, rejects, restingOrdersSum / n, levelsSum / n);
        }

        /** @return how many generated commands were rejected by the engine (should be 0). */
        public long rejects()
        {
            return rejects;
        }
    }

    /** Follows the engine's events to know which orders are open, their side, price, quantity and owner. */
    static final class OpenOrderModel implements MatchingEventListener
    {
        private final List<Long> openIds = new ArrayList<>();
        private final Map<Long, Integer> indexById = new HashMap<>();
        private final Map<Long, long[]> detailsById = new HashMap<>();
        private int tradesInCommand;
        private int rejectsInCommand;
        private boolean lastNewWasIoc;

        void beginCommand()
        {
            tradesInCommand = 0;
            rejectsInCommand = 0;
        }

        int openCount()
        {
            return openIds.size();
        }

        long randomOpenOrder(final SplittableRandom random)
        {
            return openIds.get(random.nextInt(openIds.size()));
        }

        int accountOf(final long orderId)
        {
            return (int)detailsById.get(orderId)[0];
        }

        Side sideOf(final long orderId)
        {
            return Side.values()[(int)detailsById.get(orderId)[1]];
        }

        long priceOf(final long orderId)
        {
            return detailsById.get(orderId)[2];
        }

        long quantityOf(final long orderId)
        {
            return detailsById.get(orderId)[3];
        }

        @Override
        public void onAccepted(
            final long timestampNs, final int instrumentId, final long orderId, final int accountId,
            final long clientOrderId, final Side side, final OrderType type, final long price, final long quantity)
        {
            lastNewWasIoc = type == OrderType.IOC;
            if (type.rests())
            {
                indexById.put(orderId, openIds.size());
                openIds.add(orderId);
                detailsById.put(orderId, new long[]{accountId, side.ordinal(), price, quantity});
            }
        }

        @Override
        public void onRejected(
            final long timestampNs, final int instrumentId, final long orderId, final int accountId,
            final long clientOrderId, final ResultCode code)
        {
            rejectsInCommand++;
        }

        @Override
        public void onTrade(
            final long timestampNs, final int instrumentId, final long price, final long quantity,
            final long takerOrderId, final int takerAccountId, final Side takerSide, final long takerLeavesQuantity,
            final long makerOrderId, final int makerAccountId, final long makerLeavesQuantity)
        {
            tradesInCommand++;
            setQuantity(takerOrderId, takerLeavesQuantity);
            setQuantity(makerOrderId, makerLeavesQuantity);
        }

        @Override
        public void onCancelled(
            final long timestampNs, final int instrumentId, final long orderId, final int accountId,
            final long quantity, final CancelReason reason)
        {
            remove(orderId);
        }

        @Override
        public void onReplaced(
            final long timestampNs, final int instrumentId, final long orderId, final int accountId,
            final long price, final long quantity, final boolean keptPriority)
        {
            final long[] details = detailsById.get(orderId);
            details[2] = price;
            details[3] = quantity;
        }

        @Override
        public void onExpired(
            final long timestampNs, final int instrumentId, final long orderId, final int accountId,
            final long quantity)
        {
            remove(orderId);
        }

        private void setQuantity(final long orderId, final long leaves)
        {
            final long[] details = detailsById.get(orderId);
            if (details == null)
            {
                return;
            }
            if (leaves == 0)
            {
                remove(orderId);
            }
            else
            {
                details[3] = leaves;
            }
        }

        private void remove(final long orderId)
        {
            final Integer index = indexById.remove(orderId);
            if (index == null)
            {
                return;
            }
            final int last = openIds.size() - 1;
            final long lastId = openIds.get(last);
            openIds.set(index, lastId);
            openIds.remove(last);
            if (lastId != orderId)
            {
                indexById.put(lastId, index);
            }
            detailsById.remove(orderId);
        }
    }
}
