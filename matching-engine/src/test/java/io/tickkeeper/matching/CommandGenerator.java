package io.tickkeeper.matching;

import java.util.SplittableRandom;

/**
 * Makes a seeded random stream of matcher commands for the differential test. It looks at the reference book
 * (never at the implementation under test) to aim commands at real open orders, real best prices, real band
 * edges and real client order ids, so that fills, self-trade prevention, priority changes and every reject code
 * happen often. The same regime and seed always give the same commands.
 */
final class CommandGenerator
{
    private static final int[] UNKNOWN_INSTRUMENTS = {0, 2, -1, 1_000_000};
    private static final OrderType[] RESTING_TYPES = {OrderType.LIMIT_GTC, OrderType.LIMIT_DAY, OrderType.POST_ONLY};
    private static final StpMode[] STP_MODES = StpMode.values();
    private static final long CLIENT_ORDER_ID_POOL = 64;

    /**
     * The character of one differential run.
     *
     * @param name                     what the run is about, for the report.
     * @param seed                     the seed of the command stream.
     * @param commands                 how many commands to make.
     * @param accounts                 accounts 1..accounts place orders: few make self trades common.
     * @param maxOpenOrders            above this many open orders, new passive orders turn into cancels.
     * @param passiveWeight            weight of new orders meant to rest.
     * @param aggressiveWeight         weight of market, IOC, FOK and crossing limit orders.
     * @param cancelWeight             weight of cancels (own, foreign, unknown).
     * @param replaceWeight            weight of replaces (reduce, increase, price moves, foreign, unknown).
     * @param invalidWeight            weight of new orders with one or two deliberate faults.
     * @param referenceWeight          weight of reference price moves (some invalid).
     * @param endOfDayEvery            on average one end of day per this many commands.
     * @param passiveSpreadPercent     how far passive prices spread, as a percentage of the band.
     * @param extremeReferencePrices   whether the reference may jump to MAX_PRICE or to tiny prices.
     */
    record Regime(
        String name, long seed, int commands, int accounts, int maxOpenOrders,
        int passiveWeight, int aggressiveWeight, int cancelWeight, int replaceWeight, int invalidWeight,
        int referenceWeight, int endOfDayEvery, int passiveSpreadPercent, boolean extremeReferencePrices)
    {
    }

    private final Regime regime;
    private final InstrumentSpec[] instruments;
    private final ReferenceMatcher reference;
    private final SplittableRandom random;
    private final int totalWeight;
    private long timestampNs = 1_000_000_000L;
    private long nextClientOrderId = 1_000_000;
    private long commandCount;

    CommandGenerator(final Regime regime, final InstrumentSpec[] instruments, final ReferenceMatcher reference)
    {
        this.regime = regime;
        this.instruments = instruments.clone();
        this.reference = reference;
        this.random = new SplittableRandom(regime.seed());
        this.totalWeight = regime.passiveWeight() + regime.aggressiveWeight() + regime.cancelWeight()
            + regime.replaceWeight() + regime.invalidWeight() + regime.referenceWeight();
    }

    /** @return the next command, aimed at the reference's current state. */
    MatcherCommand next()
    {
        commandCount++;
        timestampNs += random.nextInt(3) == 0 ? 0 : random.nextInt(1, 1_000);
        if (random.nextInt(regime.endOfDayEvery()) == 0)
        {
            return new MatcherCommand.EndOfDay(timestampNs);
        }
        final int roll = random.nextInt(totalWeight);
        int threshold = regime.passiveWeight();
        if (roll < threshold)
        {
            return reference.openOrderCount() >= regime.maxOpenOrders() ? cancel() : command(passiveDraft());
        }
        threshold += regime.aggressiveWeight();
        if (roll < threshold)
        {
            return command(aggressiveDraft());
        }
        threshold += regime.cancelWeight();
        if (roll < threshold)
        {
            return cancel();
        }
        threshold += regime.replaceWeight();
        if (roll < threshold)
        {
            return replace();
        }
        threshold += regime.invalidWeight();
        if (roll < threshold)
        {
            return invalidOrder();
        }
        return referenceMove();
    }

    private Draft passiveDraft()
    {
        final Draft draft = draft(RESTING_TYPES[random.nextInt(RESTING_TYPES.length)]);
        final long tick = draft.spec.tickSize();
        final int roll = random.nextInt(100);
        if (roll < 3)
        {
            draft.price = draft.side == Side.BUY ? lowerBandEdge(draft.spec) : upperBandEdge(draft.spec);
        }
        else if (roll < 5)
        {
            draft.price = draft.side == Side.BUY ? upperBandEdge(draft.spec) : lowerBandEdge(draft.spec);
        }
        else
        {
            final long spreadTicks = Math.max(1, bandTicks(draft.spec) * regime.passiveSpreadPercent() / 100);
            final long ticksAway = random.nextLong(random.nextLong(spreadTicks) + 1);
            draft.price = draft.side == Side.BUY ? center(draft.spec) - ticksAway * tick
                : center(draft.spec) + ticksAway * tick;
        }
        draft.quantity = quantity(draft.spec);
        return draft;
    }

    private Draft aggressiveDraft()
    {
        final int roll = random.nextInt(100);
        final OrderType type;
        if (roll < 20)
        {
            type = OrderType.MARKET;
        }
        else if (roll < 45)
        {
            type = OrderType.IOC;
        }
        else if (roll < 72)
        {
            type = OrderType.FOK;
        }
        else if (roll < 88)
        {
            type = OrderType.LIMIT_GTC;
        }
        else if (roll < 95)
        {
            type = OrderType.LIMIT_DAY;
        }
        else
        {
            type = OrderType.POST_ONLY;
        }
        final Draft draft = draft(type);
        draft.quantity = quantity(draft.spec);
        if (type == OrderType.MARKET)
        {
            draft.price = 0;
            return draft;
        }
        final BookView book = reference.book(draft.instrumentId);
        final long opposite = draft.side == Side.BUY ? book.bestAsk() : book.bestBid();
        final long tick = draft.spec.tickSize();
        final long base = opposite == BookView.NO_PRICE ? center(draft.spec) : opposite;
        final long through = tick * (random.nextInt(8) == 0 ? -1 : random.nextInt(4));
        draft.price = draft.side == Side.BUY ? base + through : base - through;
        if (type == OrderType.FOK && opposite != BookView.NO_PRICE && random.nextBoolean())
        {
            final long atBest = book.quantityAt(draft.side.opposite(), opposite);
            draft.quantity = atBest + draft.spec.lotSize() * random.nextInt(-1, 2);
        }
        return draft;
    }

    private MatcherCommand invalidOrder()
    {
        final Draft draft = random.nextBoolean() ? passiveDraft() : aggressiveDraft();
        breakRule(draft);
        if (random.nextInt(4) == 0)
        {
            breakRule(draft);
        }
        return command(draft);
    }

    private void breakRule(final Draft draft)
    {
        final InstrumentSpec spec = draft.spec;
        final long tick = spec.tickSize();
        final long lot = spec.lotSize();
        switch (random.nextInt(12))
        {
            case 0 -> draft.instrumentId = UNKNOWN_INSTRUMENTS[random.nextInt(UNKNOWN_INSTRUMENTS.length)];
            case 1 -> draft.quantity = 0;
            case 2 -> draft.quantity = random.nextInt(10) == 0 ? Long.MIN_VALUE : -lot * random.nextInt(1, 10);
            case 3 -> draft.quantity = lot == 1 ? 0 : draft.quantity + random.nextLong(1, lot);
            case 4 -> draft.quantity = spec.minQuantity() - lot * random.nextLong(1, spec.minQuantity() / lot + 1);
            case 5 -> draft.quantity = spec.maxQuantity() + lot * random.nextInt(1, 3);
            case 6 -> draft.price = invalidLimitPrice(tick);
            case 7 ->
            {
                draft.type = OrderType.MARKET;
                draft.price = random.nextBoolean() ? center(spec) : -random.nextLong(1, 100);
            }
            case 8 -> draft.price = tick == 1 ? 0 : draft.price + random.nextLong(1, tick);
            case 9 -> draft.price = random.nextBoolean()
                ? upperBandEdge(spec) + tick * random.nextInt(1, 4)
                : lowerBandEdge(spec) - tick * random.nextInt(1, 4);
            case 10 ->
            {
                final Target target = randomOpenOrder();
                if (target != null)
                {
                    draft.accountId = target.order().accountId();
                    draft.clientOrderId = target.order().clientOrderId();
                }
            }
            default ->
            {
                draft.type = OrderType.POST_ONLY;
                final BookView book = reference.book(spec.instrumentId());
                final long opposite = draft.side == Side.BUY ? book.bestAsk() : book.bestBid();
                if (opposite != BookView.NO_PRICE)
                {
                    final long through = tick * random.nextInt(3);
                    draft.price = draft.side == Side.BUY ? opposite + through : opposite - through;
                }
            }
        }
    }

    private long invalidLimitPrice(final long tick)
    {
        return switch (random.nextInt(5))
        {
            case 0 -> 0;
            case 1 -> -tick * random.nextInt(1, 1_000);
            case 2 -> (InstrumentSpec.MAX_PRICE / tick + 1) * tick;
            case 3 -> Long.MAX_VALUE;
            default -> Long.MIN_VALUE;
        };
    }

    private MatcherCommand cancel()
    {
        final Target target = randomOpenOrder();
        final int roll = random.nextInt(100);
        if (target == null || roll < 8)
        {
            return new MatcherCommand.Cancel(timestampNs, anyInstrument().instrumentId(), anyAccount(), guessOrderId());
        }
        return new MatcherCommand.Cancel(
            timestampNs, instrumentFor(target, roll), accountFor(target, roll), target.order().orderId());
    }

    private MatcherCommand replace()
    {
        final Target target = randomOpenOrder();
        final int lookupRoll = random.nextInt(100);
        if (target == null || lookupRoll < 5)
        {
            final InstrumentSpec spec = anyInstrument();
            return new MatcherCommand.Replace(
                timestampNs, spec.instrumentId(), anyAccount(), guessOrderId(), center(spec), quantity(spec));
        }
        final InstrumentSpec spec = target.spec();
        final ReferenceMatcher.OpenOrder order = target.order();
        final long tick = spec.tickSize();
        final long lot = spec.lotSize();
        final int awayFromSpread = order.side() == Side.BUY ? -1 : 1;
        long price = order.price();
        long quantity = order.openQuantity();
        final int roll = random.nextInt(100);
        if (roll < 20)
        {
            quantity -= lot * random.nextInt(1, 4);
        }
        else if (roll < 40)
        {
            quantity += lot * random.nextInt(1, 10);
        }
        else if (roll < 58)
        {
            price += awayFromSpread * tick * random.nextInt(-3, 10);
            quantity = random.nextBoolean() ? quantity : quantity(spec);
        }
        else if (roll < 74)
        {
            final BookView book = reference.book(spec.instrumentId());
            final long opposite = order.side() == Side.BUY ? book.bestAsk() : book.bestBid();
            if (opposite != BookView.NO_PRICE)
            {
                price = opposite - awayFromSpread * tick * random.nextInt(0, 3);
            }
            quantity = random.nextBoolean() ? quantity : quantity(spec);
        }
        else if (roll < 82)
        {
            price = random.nextBoolean() ? upperBandEdge(spec) + tick * random.nextInt(0, 2)
                : lowerBandEdge(spec) - tick * random.nextInt(0, 2);
        }
        else if (roll < 88)
        {
            quantity = switch (random.nextInt(4))
            {
                case 0 -> 0;
                case 1 -> -quantity;
                case 2 -> quantity + (lot == 1 ? spec.maxQuantity() : random.nextLong(1, lot));
                default -> spec.maxQuantity() + lot;
            };
        }
        else if (roll < 93)
        {
            price = tick == 1 ? invalidLimitPrice(tick) : price + random.nextLong(1, tick);
        }
        return new MatcherCommand.Replace(
            timestampNs, instrumentFor(target, lookupRoll), accountFor(target, lookupRoll), order.orderId(), price,
            quantity);
    }

    private MatcherCommand referenceMove()
    {
        final InstrumentSpec spec = anyInstrument();
        final long tick = spec.tickSize();
        final long base = spec.initialReferencePrice();
        final BookView book = reference.book(spec.instrumentId());
        final long current = book.referencePrice();
        final int roll = random.nextInt(100);
        final long price;
        if (roll < 50)
        {
            final long step = tick * random.nextLong(1, bandTicks(spec) / 3 + 2);
            final long walked = random.nextBoolean() ? current + step : current - step;
            price = Math.max(base / 2, Math.min(base * 2, walked));
        }
        else if (roll < 60)
        {
            price = base;
        }
        else if (roll < 70 && book.bestBid() != BookView.NO_PRICE && book.bestAsk() != BookView.NO_PRICE)
        {
            price = book.bestBid() / 2 + book.bestAsk() / 2;
        }
        else if (roll < 75)
        {
            price = current + 1;
        }
        else if (roll < 85)
        {
            price = switch (random.nextInt(4))
            {
                case 0 -> 0;
                case 1 -> -current;
                case 2 -> InstrumentSpec.MAX_PRICE + 1;
                default -> Long.MIN_VALUE;
            };
        }
        else if (roll < 90)
        {
            return new MatcherCommand.SetReferencePrice(
                timestampNs, UNKNOWN_INSTRUMENTS[random.nextInt(UNKNOWN_INSTRUMENTS.length)], base);
        }
        else if (regime.extremeReferencePrices())
        {
            price = random.nextBoolean() ? InstrumentSpec.MAX_PRICE - random.nextLong(tick * 3)
                : random.nextLong(1, tick * 3 + 1);
        }
        else
        {
            price = base + tick * random.nextLong(-bandTicks(spec), bandTicks(spec) + 1);
        }
        return new MatcherCommand.SetReferencePrice(timestampNs, spec.instrumentId(), price);
    }

    private Draft draft(final OrderType type)
    {
        final Draft draft = new Draft();
        draft.spec = anyInstrument();
        draft.instrumentId = draft.spec.instrumentId();
        draft.side = random.nextBoolean() ? Side.BUY : Side.SELL;
        draft.type = type;
        draft.stpMode = random.nextInt(5) < 2 ? StpMode.DEFAULT : STP_MODES[random.nextInt(STP_MODES.length)];
        draft.accountId = anyAccount();
        final int roll = random.nextInt(100);
        if (roll < 2)
        {
            final Target target = randomOpenOrder();
            draft.clientOrderId = target == null ? nextClientOrderId++ : target.order().clientOrderId();
            draft.accountId = target == null ? draft.accountId : target.order().accountId();
        }
        else if (roll < 10)
        {
            draft.clientOrderId = random.nextLong(1, CLIENT_ORDER_ID_POOL + 1);
        }
        else
        {
            draft.clientOrderId = nextClientOrderId++;
        }
        return draft;
    }

    private MatcherCommand command(final Draft draft)
    {
        return new MatcherCommand.NewOrder(timestampNs, draft.instrumentId, draft.accountId, draft.clientOrderId,
            draft.side, draft.type, draft.price, draft.quantity, draft.stpMode);
    }

    private long quantity(final InstrumentSpec spec)
    {
        final long lot = spec.lotSize();
        final long min = spec.minQuantity();
        final int roll = random.nextInt(100);
        final long lots;
        if (roll < 70)
        {
            lots = random.nextInt(10);
        }
        else if (roll < 97)
        {
            lots = random.nextInt(60);
        }
        else
        {
            lots = random.nextLong((spec.maxQuantity() - min) / lot + 1);
        }
        return Math.min(spec.maxQuantity(), min + lots * lot);
    }

    private Target randomOpenOrder()
    {
        final int first = random.nextInt(instruments.length);
        for (int i = 0; i < instruments.length; i++)
        {
            final InstrumentSpec spec = instruments[(first + i) % instruments.length];
            final int count = reference.openOrderCount(spec.instrumentId());
            if (count > 0)
            {
                return new Target(spec, reference.openOrder(spec.instrumentId(), random.nextInt(count)));
            }
        }
        return null;
    }

    /** Mostly the target's own instrument; sometimes another known one, rarely an unknown one. */
    private int instrumentFor(final Target target, final int roll)
    {
        if (roll >= 8 && roll < 12)
        {
            final int index = random.nextInt(instruments.length);
            return instruments[index].instrumentId() == target.spec().instrumentId()
                ? instruments[(index + 1) % instruments.length].instrumentId() : instruments[index].instrumentId();
        }
        if (roll >= 12 && roll < 14)
        {
            return UNKNOWN_INSTRUMENTS[random.nextInt(UNKNOWN_INSTRUMENTS.length)];
        }
        return target.spec().instrumentId();
    }

    /** Mostly the owner; sometimes another account. */
    private int accountFor(final Target target, final int roll)
    {
        final int owner = target.order().accountId();
        if (roll >= 14 && roll < 22)
        {
            return regime.accounts() == 1 ? owner + 1 : owner % regime.accounts() + 1;
        }
        return owner;
    }

    private long guessOrderId()
    {
        return switch (random.nextInt(4))
        {
            case 0 -> 0;
            case 1 -> -random.nextLong(1, 1_000);
            case 2 -> commandCount + random.nextLong(1, 1_000);
            default -> random.nextLong(1, commandCount + 2);
        };
    }

    private InstrumentSpec anyInstrument()
    {
        return instruments[random.nextInt(instruments.length)];
    }

    private int anyAccount()
    {
        return 1 + random.nextInt(regime.accounts());
    }

    /** The reference price floored to the tick, at least one tick. */
    private long center(final InstrumentSpec spec)
    {
        final long reference = this.reference.book(spec.instrumentId()).referencePrice();
        final long floored = reference - reference % spec.tickSize();
        return Math.max(spec.tickSize(), floored);
    }

    private long bandDistance(final InstrumentSpec spec)
    {
        return spec.bandBasisPoints() * reference.book(spec.instrumentId()).referencePrice() / 10_000;
    }

    private long bandTicks(final InstrumentSpec spec)
    {
        return Math.max(1, bandDistance(spec) / spec.tickSize());
    }

    /** The highest price on the tick that the band allows. */
    private long upperBandEdge(final InstrumentSpec spec)
    {
        final long highest = reference.book(spec.instrumentId()).referencePrice() + bandDistance(spec);
        return highest - Math.floorMod(highest, spec.tickSize());
    }

    /** The lowest price on the tick that the band allows. */
    private long lowerBandEdge(final InstrumentSpec spec)
    {
        final long lowest = reference.book(spec.instrumentId()).referencePrice() - bandDistance(spec);
        final long remainder = Math.floorMod(lowest, spec.tickSize());
        return remainder == 0 ? lowest : lowest - remainder + spec.tickSize();
    }

    /** An open order of the reference with the instrument it rests in. */
    private record Target(InstrumentSpec spec, ReferenceMatcher.OpenOrder order)
    {
    }

    /** A new order being put together before it becomes a command. */
    private static final class Draft
    {
        private InstrumentSpec spec;
        private int instrumentId;
        private int accountId;
        private long clientOrderId;
        private Side side;
        private OrderType type;
        private long price;
        private long quantity;
        private StpMode stpMode;
    }
}
