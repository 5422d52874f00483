package io.tickkeeper.matching.node;

import java.util.ArrayList;
import java.util.List;

import io.tickkeeper.matching.InstrumentSpec;

/**
 * The instruments of a shard, written on the command line as a comma-separated list. Each entry is an instrument
 * id, which takes the default specification ({@link #DEFAULT_TICK_SIZE}, ...), or all seven fields
 * {@code id:tickSize:lotSize:minQuantity:maxQuantity:bandBasisPoints:referencePrice}.
 */
public final class Instruments
{
    /** The default shard: four instruments. */
    public static final String DEFAULT = "1,2,3,4";
    /** Tick size of an instrument given by id only. */
    public static final long DEFAULT_TICK_SIZE = 1;
    /** Lot size of an instrument given by id only. */
    public static final long DEFAULT_LOT_SIZE = 1;
    /** Smallest quantity of an instrument given by id only. */
    public static final long DEFAULT_MIN_QUANTITY = 1;
    /** Largest quantity of an instrument given by id only. */
    public static final long DEFAULT_MAX_QUANTITY = 1_000_000;
    /** Price band of an instrument given by id only: 20% either side of the reference price. */
    public static final long DEFAULT_BAND_BASIS_POINTS = 2_000;
    /** Reference price of an instrument given by id only. */
    public static final long DEFAULT_REFERENCE_PRICE = 10_000;

    private Instruments()
    {
    }

    /**
     * @param list the command-line value.
     * @return the instruments it names, in order.
     * @throws IllegalArgumentException when an entry is malformed, a value out of range, or an id repeated.
     */
    public static InstrumentSpec[] parse(final String list)
    {
        final List<InstrumentSpec> specs = new ArrayList<>();
        for (final String raw : list.split(","))
        {
            final String entry = raw.trim();
            if (entry.isEmpty())
            {
                continue;
            }
            final InstrumentSpec spec = parseEntry(entry);
            if (specs.stream().anyMatch(other -> other.instrumentId() == spec.instrumentId()))
            {
                throw new IllegalArgumentException("instrument " + spec.instrumentId() + " is listed twice");
            }
            specs.add(spec);
        }
        if (specs.isEmpty())
        {
            throw new IllegalArgumentException("no instruments given");
        }
        return specs.toArray(new InstrumentSpec[0]);
    }

    private static InstrumentSpec parseEntry(final String entry)
    {
        final String[] fields = entry.split(":");
        try
        {
            if (fields.length == 1)
            {
                return new InstrumentSpec(Integer.parseInt(fields[0]), DEFAULT_TICK_SIZE, DEFAULT_LOT_SIZE,
                    DEFAULT_MIN_QUANTITY, DEFAULT_MAX_QUANTITY, DEFAULT_BAND_BASIS_POINTS, DEFAULT_REFERENCE_PRICE);
            }
            if (fields.length == 7)
            {
                return new InstrumentSpec(Integer.parseInt(fields[0]), Long.parseLong(fields[1]),
                    Long.parseLong(fields[2]), Long.parseLong(fields[3]), Long.parseLong(fields[4]),
                    Long.parseLong(fields[5]), Long.parseLong(fields[6]));
            }
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException("instrument '" + entry + "' holds a value that is not a number", ex);
        }
        throw new IllegalArgumentException("instrument '" + entry
            + "' must be an id or id:tickSize:lotSize:minQuantity:maxQuantity:bandBasisPoints:referencePrice");
    }
}
