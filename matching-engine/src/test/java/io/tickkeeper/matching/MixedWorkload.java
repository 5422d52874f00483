package io.tickkeeper.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A seeded stream of commands of every kind, generated up front into primitive arrays so that replaying it
 * allocates nothing: new orders of every type and STP mode, cancels, replaces (moves that may cross, quantity
 * cuts that keep priority, quantity raises), invalid commands of each rejection family, reference-price moves
 * and end of day, over two instruments and a few accounts (so self-trade prevention happens often).
 *
 * <p>While generating, a live {@link MatchingEngine} is the model of which orders are open, so that most cancels
 * and replaces name a real open order; the engine is deterministic, so a replay on a fresh engine sees the same.
 */
final class MixedWorkload
{
    static final byte NEW = 0;
    static final byte CANCEL = 1;
    static final byte REPLACE = 2;
    static final byte SET_REFERENCE = 3;
    static final byte END_OF_DAY = 4;

    static final int[] INSTRUMENT_IDS = {7, 11};

    private static final Side[] SIDES = Side.values();
    private static final OrderType[] TYPES = OrderType.values();
    private static final StpMode[] STP_MODES = StpMode.values();
    private static final long CENTER_PRICE = 100_000L;
    private static final int ACCOUNTS = 6;
    private static final int TARGET_OPEN_ORDERS = 1_200;

    final byte[] kinds;
    final int[] instrumentIds;
    final int[] accountIds;
    final long[] clientOrderIds;
    final long[] orderIds;
    final byte[] sides;
    final byte[] types;
    final byte[] stpModes;
    final long[] prices;
    final long[] quantities;
    final long[] timestampsNs;

    private MixedWorkload(final int count)
    {
        kinds = new byte[count];
        instrumentIds = new int[count];
        accountIds = new int[count];
        clientOrderIds = new long[count];
        orderIds = new long[count];
        sides = new byte[count];
        types = new byte[count];
        stpModes = new byte[count];
        prices = new long[count];
        quantities = new long[count];
        timestampsNs = new long[count];
    }

    /** @return the two instruments the workload trades: tick 5, lot 10, band 5%. */
    static InstrumentSpec[] instruments()
    {
        return new InstrumentSpec[]{
            new InstrumentSpec(INSTRUMENT_IDS[1], 5, 10, 10, 100_000, 500, CENTER_PRICE),
            new InstrumentSpec(INSTRUMENT_IDS[0], 5, 10, 10, 100_000, 500, CENTER_PRICE)};
    }

    /** Generates {@code count} commands from a seed. */
    static MixedWorkload generate(final long seed, final int count)
    {
        final MixedWorkload workload = new MixedWorkload(count);
        new Generator(workload, new SplittableRandom(seed)).run();
        return workload;
    }

    int size()
    {
        return kinds.length;
    }

    /** Applies commands {@code from} (inclusive) to {@code to} (exclusive); allocates nothing. */
    void replay(final OrderMatcher matcher, final int from, final int to)
    {
        for (int i = from; i < to; i++)
        {
            switch (kinds[i])
            {
                case NEW -> matcher.newOrder(
                    timestampsNs[i], instrumentIds[i], accountIds[i], clientOrderIds[i], SIDES[sides[i]],
                    TYPES[types[i]], prices[i], quantities[i], STP_MODES[stpModes[i]]);
                case CANCEL -> matcher.cancel(timestampsNs[i], instrumentIds[i], accountIds[i], orderIds[i]);
                case REPLACE -> matcher.replace(
                    timestampsNs[i], instrumentIds[i], accountIds[i], orderIds[i], prices[i], quantities[i]);
                case SET_REFERENCE -> matcher.setReferencePrice(timestampsNs[i], instrumentIds[i], prices[i]);
                case END_OF_DAY -> matcher.endOfDay(timestampsNs[i]);
                default -> throw new IllegalStateException("unknown command kind " + kinds[i]);
            }
        }
    }

    /** Fills the arrays while tracking open orders through the events of a model engine. */
    private static final class Generator implements MatchingEventListener
    {
        private final MixedWorkload workload;
        private final SplittableRandom random;
        private final MatchingEngine model;
        private final List<OpenOrder> open = new ArrayList<>();
        private final Map<Long, Integer> openIndexById = new HashMap<>();
        private final long[] midPrices = {CENTER_PRICE, CENTER_PRICE};
        private final long[] nextClientOrderIds = new long[ACCOUNTS + 1];
        private OpenOrder pending;

        Generator(final MixedWorkload workload, final SplittableRandom random)
        {
            this.workload = workload;
            this.random = random;
            this.model = new MatchingEngine(instruments(), this);
        }

        void run()
        {
            for (int i = 0; i < workload.size(); i++)
            {
                workload.timestampsNs[i] = 1_000_000L + i * 1_000L;
                workload.kinds[i] = NEW;
                workload.stpModes[i] = (byte)StpMode.DEFAULT.ordinal();
                pending = null;
                generate(i);
                workload.replay(model, i, i + 1);
                if (pending != null)
                {
                    add(pending);
                }
            }
        }

        private void generate(final int i)
        {
            final int instrumentIndex = random.nextInt(2);
            workload.instrumentIds[i] = INSTRUMENT_IDS[instrumentIndex];
            final int roll = random.nextInt(10_000);
            final boolean crowded = open.size() > TARGET_OPEN_ORDERS;
            if (roll < 3_500 && !open.isEmpty())
            {
                replace(i, pick());
            }
            else if (roll < 5_000 && !open.isEmpty() || crowded && roll < 6_500 && !open.isEmpty())
            {
                cancel(i, pick());
            }
            else if (roll < 9_300)
            {
                newOrder(i, instrumentIndex);
            }
            else if (roll < 9_650)
            {
                invalid(i, instrumentIndex);
            }
            else if (roll < 9_990)
            {
                moveReference(i, instrumentIndex);
            }
            else
            {
                workload.kinds[i] = END_OF_DAY;
            }
        }

        private void newOrder(final int i, final int instrumentIndex)
        {
            final int typeRoll = random.nextInt(100);
            final OrderType type;
            if (typeRoll < 45)
            {
                type = OrderType.LIMIT_GTC;
            }
            else if (typeRoll < 70)
            {
                type = OrderType.LIMIT_DAY;
            }
            else if (typeRoll < 80)
            {
                type = OrderType.IOC;
            }
            else if (typeRoll < 87)
            {
                type = OrderType.FOK;
            }
            else if (typeRoll < 91)
            {
                type = OrderType.MARKET;
            }
            else
            {
                type = OrderType.POST_ONLY;
            }
            final Side side = SIDES[random.nextInt(2)];
            final int accountId = 1 + random.nextInt(ACCOUNTS);
            final boolean aggressive = type == OrderType.IOC || type == OrderType.FOK || random.nextInt(10) == 0;
            workload.kinds[i] = NEW;
            workload.accountIds[i] = accountId;
            workload.clientOrderIds[i] = ++nextClientOrderIds[accountId];
            workload.sides[i] = (byte)side.ordinal();
            workload.types[i] = (byte)type.ordinal();
            workload.stpModes[i] = (byte)STP_MODES[random.nextInt(STP_MODES.length)].ordinal();
            workload.prices[i] = type == OrderType.MARKET ? 0 : price(instrumentIndex, side, aggressive);
            workload.quantities[i] = 10L * (1 + random.nextInt(30));
            pending = new OpenOrder(workload.instrumentIds[i], 0, accountId, side, type.rests(), workload.prices[i]);
        }

        private void replace(final int i, final OpenOrder order)
        {
            workload.kinds[i] = REPLACE;
            workload.instrumentIds[i] = order.instrumentId;
            workload.accountIds[i] = order.accountId;
            workload.orderIds[i] = order.orderId;
            final int instrumentIndex = order.instrumentId == INSTRUMENT_IDS[0] ? 0 : 1;
            final int roll = random.nextInt(10);
            workload.quantities[i] = 10L * (1 + random.nextInt(30));
            if (roll == 0)
            {
                workload.prices[i] = random.nextBoolean() ? -1 : order.price + 2;
            }
            else if (roll == 2)
            {
                workload.prices[i] = order.price;
                workload.quantities[i] = 10;
            }
            else
            {
                workload.prices[i] = price(instrumentIndex, order.side, roll == 1);
            }
        }

        private void cancel(final int i, final OpenOrder order)
        {
            workload.kinds[i] = CANCEL;
            workload.instrumentIds[i] = order.instrumentId;
            workload.orderIds[i] = order.orderId;
            final int roll = random.nextInt(20);
            workload.accountIds[i] = roll == 0 ? order.accountId + 1 : order.accountId;
            if (roll == 1)
            {
                workload.instrumentIds[i] = 999;
            }
        }

        private void invalid(final int i, final int instrumentIndex)
        {
            newOrder(i, instrumentIndex);
            pending = null;
            switch (random.nextInt(6))
            {
                case 0 -> workload.quantities[i] = 15;
                case 1 -> workload.quantities[i] = 1_000_000;
                case 2 -> workload.prices[i] = midPrices[instrumentIndex] + 3;
                case 3 -> workload.prices[i] = midPrices[instrumentIndex] * 2;
                case 4 -> workload.instrumentIds[i] = 999;
                default -> workload.clientOrderIds[i] = nextClientOrderIds[workload.accountIds[i]] - 1;
            }
            workload.types[i] = (byte)OrderType.LIMIT_GTC.ordinal();
            if (workload.prices[i] == 0)
            {
                workload.prices[i] = midPrices[instrumentIndex];
            }
        }

        private void moveReference(final int i, final int instrumentIndex)
        {
            final long step = 5L * (random.nextInt(41) - 20);
            final long mid = Math.max(CENTER_PRICE / 2, Math.min(CENTER_PRICE * 2, midPrices[instrumentIndex] + step));
            midPrices[instrumentIndex] = mid;
            workload.kinds[i] = SET_REFERENCE;
            workload.prices[i] = random.nextInt(50) == 0 ? 0 : mid;
        }

        private long price(final int instrumentIndex, final Side side, final boolean aggressive)
        {
            final long mid = midPrices[instrumentIndex];
            final long ticks = aggressive ? random.nextInt(8) - 2 : 1 + random.nextInt(400);
            final long price = side == Side.BUY ? mid - 5L * ticks : mid + 5L * ticks;
            return Math.max(5, price);
        }

        private OpenOrder pick()
        {
            return open.get(random.nextInt(open.size()));
        }

        private void add(final OpenOrder order)
        {
            openIndexById.put(order.orderId, open.size());
            open.add(order);
        }

        private void remove(final long orderId)
        {
            final Integer index = openIndexById.remove(orderId);
            if (index != null)
            {
                final OpenOrder last = open.remove(open.size() - 1);
                if (index < open.size())
                {
                    open.set(index, last);
                    openIndexById.put(last.orderId, index);
                }
            }
        }

        @Override
        public void onAccepted(
            final long timestampNs, final int instrumentId, final long orderId, final int accountId,
            final long clientOrderId, final Side side, final OrderType type, final long price, final long quantity)
        {
            if (pending != null && pending.rests)
            {
                pending = new OpenOrder(instrumentId, orderId, accountId, side, true, price);
            }
            else
            {
                pending = null;
            }
        }

        @Override
        public void onRejected(
            final long timestampNs, final int instrumentId, final long orderId, final int accountId,
            final long clientOrderId, final ResultCode code)
        {
            pending = null;
        }

        @Override
        public void onReplaced(
            final long timestampNs, final int instrumentId, final long orderId, final int accountId, final long price,
            final long quantity, final boolean keptPriority)
        {
            final Integer index = openIndexById.get(orderId);
            if (index != null)
            {
                open.get(index).price = price;
            }
        }

        @Override
        public void onTrade(
            final long timestampNs, final int instrumentId, final long price, final long quantity,
            final long takerOrderId, final int takerAccountId, final Side takerSide, final long takerLeavesQuantity,
            final long makerOrderId, final int makerAccountId, final long makerLeavesQuantity)
        {
            if (makerLeavesQuantity == 0)
            {
                remove(makerOrderId);
            }
            if (takerLeavesQuantity == 0)
            {
                takerGone(takerOrderId);
            }
        }

        @Override
        public void onCancelled(
            final long timestampNs, final int instrumentId, final long orderId, final int accountId,
            final long quantity, final CancelReason reason)
        {
            takerGone(orderId);
        }

        @Override
        public void onExpired(
            final long timestampNs, final int instrumentId, final long orderId, final int accountId,
            final long quantity)
        {
            takerGone(orderId);
        }

        private void takerGone(final long orderId)
        {
            if (pending != null && pending.orderId == orderId)
            {
                pending = null;
            }
            remove(orderId);
        }
    }

    private static final class OpenOrder
    {
        final int instrumentId;
        final long orderId;
        final int accountId;
        final Side side;
        final boolean rests;
        long price;

        OpenOrder(
            final int instrumentId, final long orderId, final int accountId, final Side side, final boolean rests,
            final long price)
        {
            this.instrumentId = instrumentId;
            this.orderId = orderId;
            this.accountId = accountId;
            this.side = side;
            this.rests = rests;
            this.price = price;
        }
    }
}
