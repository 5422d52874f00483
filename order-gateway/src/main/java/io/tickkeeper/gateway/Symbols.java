package io.tickkeeper.gateway;

import java.util.Arrays;

/**
 * The instruments the gateway accepts and their FIX symbols: {@code Symbol(55)} is {@code TK<id>}
 * ({@code TK1} ... {@code TK8} by default).
 */
public final class Symbols
{
    /** Prefix of every symbol. */
    public static final String PREFIX = "TK";
    /** Returned by {@link #instrumentId(String)} for a symbol the gateway does not know. */
    public static final int UNKNOWN = 0;

    private final int[] instrumentIds;

    private Symbols(final int[] instrumentIds)
    {
        this.instrumentIds = instrumentIds;
    }

    /**
     * @param count how many instruments there are; their ids are 1..count.
     * @return the symbols of instruments 1..count.
     */
    public static Symbols firstN(final int count)
    {
        if (count < 1)
        {
            throw new IllegalArgumentException("count must be at least 1: " + count);
        }
        final int[] ids = new int[count];
        for (int i = 0; i < count; i++)
        {
            ids[i] = i + 1;
        }
        return new Symbols(ids);
    }

    /**
     * @param symbol a FIX symbol.
     * @return its instrument id, or {@link #UNKNOWN}.
     */
    public int instrumentId(final String symbol)
    {
        if (symbol == null || symbol.length() <= PREFIX.length() || symbol.length() > PREFIX.length() + 9
            || !symbol.startsWith(PREFIX))
        {
            return UNKNOWN;
        }
        int id = 0;
        for (int i = PREFIX.length(); i < symbol.length(); i++)
        {
            final char c = symbol.charAt(i);
            if (c < '0' || c > '9' || (id == 0 && c == '0'))
            {
                return UNKNOWN;
            }
            id = id * 10 + (c - '0');
        }
        return Arrays.binarySearch(instrumentIds, id) >= 0 ? id : UNKNOWN;
    }

    /**
     * @param instrumentId an instrument id.
     * @return its FIX symbol.
     */
    public static String symbol(final int instrumentId)
    {
        return PREFIX + instrumentId;
    }

    /** @return how many instruments there are. */
    public int count()
    {
        return instrumentIds.length;
    }

    /**
     * @param index 0..{@link #count()}-1.
     * @return the instrument id at that index, ascending.
     */
    public int instrumentIdAt(final int index)
    {
        return instrumentIds[index];
    }
}
