package io.tickkeeper.tradelog;

import java.util.ArrayList;
import java.util.List;

import org.agrona.collections.Int2ObjectHashMap;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.LongHashSet;

/**
 * Checks a trade log's invariants, record by record in log order: writer tokens never decrease, no fill
 * (instrument, tradeId) appears twice, and tradeIds increase within each instrument. Keeps counts for the summary.
 * Holds every (instrument, tradeId) seen: meant for offline checks (the drill, an operator), not a live path.
 */
public final class TradeLogVerifier
{
    /** How many violations are kept verbatim; the rest are only counted. */
    public static final int MAX_KEPT_VIOLATIONS = 20;

    private final Int2ObjectHashMap<LongHashSet> tradeIdsByInstrument = new Int2ObjectHashMap<>();
    private final Long2LongHashMap highestTradeIds = new Long2LongHashMap(0L);
    private final List<String> violations = new ArrayList<>();
    private final List<long[]> tokenRuns = new ArrayList<>();
    private long violationCount;
    private long records;
    private long newestToken;

    /**
     * @param record the next record of the log.
     * @param index  its queue index, for the violation message.
     */
    public void accept(final TradeRecord record, final long index)
    {
        records++;
        final long token = record.writerToken();
        if (token < newestToken)
        {
            violation("record " + records + " (index " + Long.toHexString(index) + ", tradeId " + record.tradeId() +
                ") has writer token " + token + " after token " + newestToken);
        }
        else if (token > newestToken || tokenRuns.isEmpty())
        {
            newestToken = token;
            tokenRuns.add(new long[] {token, 0L});
        }
        tokenRuns.get(tokenRuns.size() - 1)[1]++;

        final int instrumentId = record.instrumentId();
        final long tradeId = record.tradeId();
        LongHashSet seen = tradeIdsByInstrument.get(instrumentId);
        if (seen == null)
        {
            seen = new LongHashSet();
            tradeIdsByInstrument.put(instrumentId, seen);
        }
        if (!seen.add(tradeId))
        {
            violation("record " + records + " (index " + Long.toHexString(index) + ") repeats instrument " +
                instrumentId + " tradeId " + tradeId);
        }
        else if (tradeId <= highestTradeIds.get(instrumentId))
        {
            violation("record " + records + " (index " + Long.toHexString(index) + ") has instrument " +
                instrumentId + " tradeId " + tradeId + " after tradeId " + highestTradeIds.get(instrumentId));
        }
        if (tradeId > highestTradeIds.get(instrumentId))
        {
            highestTradeIds.put(instrumentId, tradeId);
        }
    }

    /** @return whether no violation was seen. */
    public boolean passed()
    {
        return violationCount == 0;
    }

    /** @return how many records were checked. */
    public long records()
    {
        return records;
    }

    /** @return how many violations were seen. */
    public long violationCount()
    {
        return violationCount;
    }

    /** @return the first {@value #MAX_KEPT_VIOLATIONS} violations, one line each. */
    public List<String> violations()
    {
        return List.copyOf(violations);
    }

    /** @return how many distinct instruments the log holds fills of. */
    public int instruments()
    {
        return tradeIdsByInstrument.size();
    }

    /**
     * @return the summary: records, instruments, the records of each run of one writer token, and the verdict,
     *         one line each.
     */
    public List<String> summary()
    {
        final List<String> lines = new ArrayList<>();
        lines.add("records " + records);
        lines.add("instruments " + instruments());
        for (final long[] run : tokenRuns)
        {
            lines.add("token " + run[0] + " records " + run[1]);
        }
        lines.add("violations " + violationCount);
        lines.addAll(violations);
        lines.add(passed() ? "VERIFIED" : "FAILED");
        return lines;
    }

    private void violation(final String text)
    {
        violationCount++;
        if (violations.size() < MAX_KEPT_VIOLATIONS)
        {
            violations.add(text);
        }
    }
}
