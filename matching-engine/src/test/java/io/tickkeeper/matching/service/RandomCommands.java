package io.tickkeeper.matching.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import io.tickkeeper.matching.CancelReason;
import io.tickkeeper.matching.InstrumentSpec;
import io.tickkeeper.matching.MatchingEngine;
import io.tickkeeper.matching.MatchingEventListener;
import io.tickkeeper.matching.OrderType;
import io.tickkeeper.matching.ResultCode;
import io.tickkeeper.matching.Side;
import io.tickkeeper.matching.StpMode;
import org.agrona.MutableDirectBuffer;

/**
 * A seeded stream of encoded matching commands over three instruments: orders of every type near the reference
 * price (so books build up and trade), cancels and replaces mostly aimed at orders that are really open (some
 * at unknown ids or another account's orders), reference price moves, and an end of day now and then. To aim,
 * it applies each command to a shadow engine of its own and tracks the open orders from its events; so only
 * the seed decides the stream.
 */
final class RandomCommands
{
    static final InstrumentSpec[] INSTRUMENTS = {
        new InstrumentSpec(1, 100, 10, 10, 10_000, 500, 1_000_000),
        new InstrumentSpec(2, 5, 1, 1, 5_000, 1_000, 20_000),
        new InstrumentSpec(7, 1_000, 100, 100, 100_000, 300, 5_000_000)};

    private static final OrderType[] TYPES = OrderType.values();
    private static final StpMode[] STP_MODES = StpMode.values();
    private static final int ACCOUNTS = 6;

    private final SplittableRandom random;
    private final MatchingCommandEncoder encoder = new MatchingCommandEncoder();
    private final OpenOrders open = new OpenOrders();
    private final MatchingEngine shadow = new MatchingEngine(INSTRUMENTS, open);
    private final long[] referencePrices = new long[INSTRUMENTS.length];
    private long timestampNs = 1_000_000_000L;
    private long clientSequence;

    RandomCommands(final long seed)
    {
        random = new SplittableRandom(seed);
        for (int i = 0; i < INSTRUMENTS.length; i++)
        {
            referencePrices[i] = INSTRUMENTS[i].initialReferencePrice();
        }
    }

    /** Encodes the next command at offset 0 and returns its length. */
    int next(final MutableDirectBuffer buffer)
    {
        timestampNs += 1 + random.nextInt(1_000);
        clientSequence++;
        int index = random.nextInt(INSTRUMENTS.length);
        int accountId = 1 + random.nextInt(ACCOUNTS);
        final int roll = random.nextInt(1_000);
        if (roll < 2)
        {
            shadow.endOfDay(timestampNs);
            return encoder.endOfDay(buffer, 0, accountId, clientSequence, timestampNs);
        }
        if (roll < 60)
        {
            final InstrumentSpec spec = INSTRUMENTS[index];
            final long move = referencePrices[index] / 100 * (random.nextInt(3) - 1);
            referencePrices[index] = roundToTick(spec, referencePrices[index] + move);
            shadow.setReferencePrice(timestampNs, spec.instrumentId(), referencePrices[index]);
            return encoder.setReferencePrice(
                buffer, 0, accountId, clientSequence, timestampNs, spec.instrumentId(), referencePrices[index]);
        }
        if (roll < 400)
        {
            long orderId = 1 + random.nextInt(50_000);
            if (open.size() > 0 && random.nextInt(10) < 8)
            {
                final long[] target = open.get(random.nextInt(open.size()));
                orderId = target[0];
                index = (int)target[1];
                accountId = random.nextInt(10) < 9 ? (int)target[2] : accountId;
            }
            final InstrumentSpec spec = INSTRUMENTS[index];
            if (roll < 250)
            {
                shadow.cancel(timestampNs, spec.instrumentId(), accountId, orderId);
                return encoder.cancel(
                    buffer, 0, accountId, clientSequence, timestampNs, spec.instrumentId(), accountId, orderId);
            }
            final long price = price(spec, index);
            final long quantity = quantity(spec);
            shadow.replace(timestampNs, spec.instrumentId(), accountId, orderId, price, quantity);
            return encoder.replace(buffer, 0, accountId, clientSequence, timestampNs, spec.instrumentId(), accountId,
                orderId, price, quantity);
        }
        final InstrumentSpec spec = INSTRUMENTS[index];
        final OrderType type = TYPES[random.nextInt(TYPES.length)];
        final long price = type == OrderType.MARKET ? 0 : price(spec, index);
        final long clientOrderId = random.nextInt(400);
        final Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        final long quantity = quantity(spec);
        final StpMode stpMode = STP_MODES[random.nextInt(STP_MODES.length)];
        open.instrumentIndex = index;
        shadow.newOrder(
            timestampNs, spec.instrumentId(), accountId, clientOrderId, side, type, price, quantity, stpMode);
        return encoder.newOrder(buffer, 0, accountId, clientSequence, timestampNs, spec.instrumentId(), accountId,
            clientOrderId, side, type, price, quantity, stpMode);
    }

    private long price(final InstrumentSpec spec, final int index)
    {
        final long reference = referencePrices[index];
        final long spread = reference * (spec.bandBasisPoints() + 50) / 10_000;
        return roundToTick(spec, reference - spread + random.nextLong(2 * spread + 1));
    }

    private long quantity(final InstrumentSpec spec)
    {
        return spec.lotSize() * (1 + random.nextInt(30));
    }

    private static long roundToTick(final InstrumentSpec spec, final long price)
    {
        return Math.max(spec.tickSize(), price / spec.tickSize() * spec.tickSize());
    }

    /** The shadow engine's open orders as {orderId, instrument index, accountId}, from its events. */
    private static final class OpenOrders implements MatchingEventListener
    {
        private final List<long[]> orders = new ArrayList<>();
        private final Map<Long, Integer> positionById = new HashMap<>();
        private int instrumentIndex;

        int size()
        {
            return orders.size();
        }

        long[] get(final int position)
        {
            return orders.get(position);
        }

        @Override
        public void onAccepted(
            final long timestampNs, final int instrumentId, final long orderId, final int accountId,
            final long clientOrderId, final Side side, final OrderType type, final long price, final long quantity)
        {
            positionById.put(orderId, orders.size());
            orders.add(new long[]{orderId, instrumentIndex, accountId});
        }

        @Override
        public void onRejected(
            final long timestampNs, final int instrumentId, final long orderId, final int accountId,
            final long clientOrderId, final ResultCode code)
        {
        }

        @Override
        public void onTrade(
            final long timestampNs, final int instrumentId, final long price, final long quantity,
            final long takerOrderId, final int takerAccountId, final Side takerSide, final long takerLeavesQuantity,
            final long makerOrderId, final int makerAccountId, final long makerLeavesQuantity)
        {
            if (takerLeavesQuantity == 0)
            {
                remove(takerOrderId);
            }
            if (makerLeavesQuantity == 0)
            {
                remove(makerOrderId);
            }
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
            final long timestampNs, final int instrumentId, final long orderId, final int accountId, final long price,
            final long quantity, final boolean keptPriority)
        {
        }

        @Override
        public void onExpired(
            final long timestampNs, final int instrumentId, final long orderId, final int accountId,
            final long quantity)
        {
            remove(orderId);
        }

        private void remove(final long orderId)
        {
            final Integer position = positionById.remove(orderId);
            if (position == null)
            {
                return;
            }
            final long[] last = orders.remove(orders.size() - 1);
            if (position < orders.size())
            {
                orders.set(position, last);
                positionById.put(last[0], position);
            }
        }
    }
}
