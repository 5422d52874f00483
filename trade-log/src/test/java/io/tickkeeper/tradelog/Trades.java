package io.tickkeeper.tradelog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.tickkeeper.protocol.sbe.Side;

/**
 * Test fills, derived from the tradeId so a test can recompute every field, and the log read back.
 */
final class Trades
{
    private Trades()
    {
    }

    static TradeRecord fill(final long token, final long tradeId, final int instrumentId)
    {
        return new TradeRecord().set(token, tradeId, 1L, 10L + tradeId, 1_000L * tradeId, 10_000L + tradeId,
            1L + tradeId % 7, 2 * tradeId, 2 * tradeId + 1, instrumentId, 3, 4, tradeId % 2 == 0 ? Side.BUY : Side.SELL);
    }

    static TradeLogResult offer(final TradeLogWriter writer, final long tradeId, final int instrumentId)
    {
        final TradeRecord fill = fill(0L, tradeId, instrumentId);
        return writer.offer(fill.tradeId(), fill.matchingEpoch(), fill.matchingSequence(), fill.timestampNs(),
            fill.price(), fill.quantity(), fill.buyOrderId(), fill.sellOrderId(), fill.instrumentId(),
            fill.buyAccountId(), fill.sellAccountId(), fill.aggressorSide());
    }

    static List<String> readAll(final Path directory)
    {
        final List<String> lines = new ArrayList<>();
        final TradeRecord record = new TradeRecord();
        try (TradeLogReader reader = TradeLogReader.open(directory))
        {
            while (reader.next(record))
            {
                lines.add(record.toString());
            }
        }
        return lines;
    }

    static TradeLogVerifier verify(final Path directory)
    {
        final TradeLogVerifier verifier = new TradeLogVerifier();
        final TradeRecord record = new TradeRecord();
        try (TradeLogReader reader = TradeLogReader.open(directory))
        {
            while (reader.next(record))
            {
                verifier.accept(record, reader.index());
            }
        }
        return verifier;
    }
}
