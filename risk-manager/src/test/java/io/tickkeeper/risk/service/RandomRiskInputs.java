package io.tickkeeper.risk.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.tickkeeper.protocol.sbe.MatchingReportKind;
import io.tickkeeper.protocol.sbe.OrderType;
import io.tickkeeper.protocol.sbe.RiskLimitKind;
import io.tickkeeper.protocol.sbe.Side;
import io.tickkeeper.risk.RiskConfig;
import org.agrona.MutableDirectBuffer;

/**
 * A seeded stream of encoded risk inputs for the pipeline: client orders, cancels and status requests of three
 * sessions (each numbering its commands from 1), resends of earlier commands, feed ticks, limit changes, log-ons,
 * primary starts, and matching reports that acknowledge, fill and cancel the orders the engine accepted (the
 * report's ids follow the engine's counters; a report about an order that does not exist is ignored by the engine).
 */
final class RandomRiskInputs
{
    static final RiskConfig CONFIG = new RiskConfig(new int[]{1, 2, 3, 4}).ordersPerSecond(50);
    private static final int SESSIONS = 3;

    private final Random random;
    private final RiskCommandEncoder encoder = new RiskCommandEncoder();
    private final long[] clientSequences = new long[SESSIONS];
    private final List<byte[]> sent = new ArrayList<>();
    private final List<String> clOrdIds = new ArrayList<>();
    private final long[] references = {0, 10_000, 20_000, 5_000, 40_000};
    private long now = 1_760_000_000_000_000_000L;
    private long feedSequence;
    private long matchingSequence;
    private long acknowledged;
    private int names;

    RandomRiskInputs(final long seed)
    {
        random = new Random(seed);
    }

    /** Encodes the next input at offset 0. @return its length. */
    int next(final MutableDirectBuffer buffer)
    {
        now += random.nextInt(20_000_000);
        final int roll = random.nextInt(100);
        if (roll < 15 || feedSequence < 4)
        {
            final int instrument = 1 + (int)(feedSequence % 4);
            references[instrument] += references[instrument] * (random.nextInt(101) - 50) / 10_000;
            return encoder.referencePrice(buffer, 0, now, instrument, references[instrument], 1, ++feedSequence);
        }
        if (roll < 50)
        {
            final int session = random.nextInt(SESSIONS);
            final int instrument = 1 + random.nextInt(4);
            final String id = "s" + session + "-" + names++;
            clOrdIds.add(session + ":" + id);
            final OrderType type = random.nextInt(10) == 0 ? OrderType.MARKET : OrderType.LIMIT_GTC;
            final long price = type == OrderType.MARKET ? 0 :
                references[instrument] + references[instrument] * (random.nextInt(601) - 300) / 10_000;
            return remember(buffer, encoder.newOrder(buffer, 0, session(session), ++clientSequences[session], now,
                instrument, account(session), id, random.nextBoolean() ? Side.BUY : Side.SELL, type, price,
                1 + random.nextInt(200)));
        }
        if (roll < 60 && !clOrdIds.isEmpty())
        {
            final String[] target = clOrdIds.get(random.nextInt(clOrdIds.size())).split(":");
            final int session = Integer.parseInt(target[0]);
            return remember(buffer, encoder.cancel(buffer, 0, session(session), ++clientSequences[session], now,
                1 + random.nextInt(4), account(session), "x" + names++, target[1]));
        }
        if (roll < 65 && !clOrdIds.isEmpty())
        {
            final String[] target = clOrdIds.get(random.nextInt(clOrdIds.size())).split(":");
            final int session = Integer.parseInt(target[0]);
            return remember(buffer, encoder.orderStatus(buffer, 0, session(session), ++clientSequences[session], now,
                account(session), target[1]));
        }
        if (roll < 70 && !sent.isEmpty())
        {
            final byte[] again = sent.get(random.nextInt(sent.size()));
            buffer.putBytes(0, again);
            return again.length;
        }
        if (roll < 95)
        {
            return report(buffer);
        }
        if (roll < 97)
        {
            return encoder.limitUpdate(buffer, 0, now, RiskLimitKind.MAX_ORDER_QUANTITY, 0, 100 + random.nextInt(200));
        }
        if (roll < 98)
        {
            return encoder.primaryStarted(buffer, 0, now);
        }
        final int session = random.nextInt(SESSIONS);
        return remember(buffer, encoder.accountSession(buffer, 0, session(session), ++clientSequences[session], now,
            account(session), random.nextBoolean(), random.nextBoolean()));
    }

    private int report(final MutableDirectBuffer buffer)
    {
        final int kind = random.nextInt(10);
        if (kind < 4 || acknowledged < 2)
        {
            acknowledged++;
            return encoder.matchingReport(buffer, 0, now, MatchingReportKind.ACCEPTED, 0, 1, ++matchingSequence, 0,
                0, 10_000 + acknowledged, acknowledged, 1, 1, Side.BUY, 0, 0, 0, 0, 0, 0, 0);
        }
        final long some = 10_000 + 1 + random.nextInt((int)acknowledged);
        final long other = 10_000 + 1 + random.nextInt((int)acknowledged);
        if (kind < 8)
        {
            return encoder.matchingReport(buffer, 0, now, MatchingReportKind.TRADE, 0, 1, ++matchingSequence, 0, 0,
                some, 0, 1, 1, random.nextBoolean() ? Side.BUY : Side.SELL, references[1], 1 + random.nextInt(50), 0,
                other, 2, 0, 0);
        }
        return encoder.matchingReport(buffer, 0, now, MatchingReportKind.CANCELLED, 0, 1, ++matchingSequence, 0, 0,
            some, 0, 1, 1, Side.BUY, 0, 10, 0, 0, 0, 0, 0);
    }

    private int remember(final MutableDirectBuffer buffer, final int length)
    {
        final byte[] bytes = new byte[length];
        buffer.getBytes(0, bytes);
        sent.add(bytes);
        return length;
    }

    private static long session(final int index)
    {
        return 11 + index;
    }

    private static int account(final int index)
    {
        return 1 + index;
    }
}
