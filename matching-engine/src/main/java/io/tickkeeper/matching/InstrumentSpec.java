package io.tickkeeper.matching;

/**
 * Static definition of one instrument. Prices and quantities are fixed-point longs in the instrument's own
 * units (for example price in 1/10,000 of a currency unit); the engine never uses floating point.
 *
 * @param instrumentId         the instrument id, unique in a shard.
 * @param tickSize             a price must be a positive multiple of this.
 * @param lotSize              a quantity must be a positive multiple of this.
 * @param minQuantity          smallest quantity an order may have (inclusive).
 * @param maxQuantity          largest quantity an order may have (inclusive).
 * @param bandBasisPoints      a limit price may be at most this many basis points (1/10,000) of the reference
 *                             price away from the reference price; the edge itself is allowed.
 * @param initialReferencePrice the reference price until a set-reference-price command changes it.
 */
public record InstrumentSpec(
    int instrumentId,
    long tickSize,
    long lotSize,
    long minQuantity,
    long maxQuantity,
    long bandBasisPoints,
    long initialReferencePrice)
{
    /** Checks every field once, so the hot path can trust them. */
    public InstrumentSpec
    {
        if (tickSize <= 0)
        {
            throw new IllegalArgumentException("tickSize must be positive: " + tickSize);
        }
        if (lotSize <= 0)
        {
            throw new IllegalArgumentException("lotSize must be positive: " + lotSize);
        }
        if (minQuantity <= 0 || minQuantity % lotSize != 0)
        {
            throw new IllegalArgumentException("minQuantity must be a positive multiple of lotSize: " + minQuantity);
        }
        if (maxQuantity < minQuantity || maxQuantity % lotSize != 0)
        {
            throw new IllegalArgumentException(
                "maxQuantity must be a multiple of lotSize and >= minQuantity: " + maxQuantity);
        }
        if (bandBasisPoints <= 0 || bandBasisPoints > 10_000)
        {
            throw new IllegalArgumentException("bandBasisPoints must be in 1..10000: " + bandBasisPoints);
        }
        if (initialReferencePrice <= 0 || initialReferencePrice % tickSize != 0)
        {
            throw new IllegalArgumentException(
                "initialReferencePrice must be a positive multiple of tickSize: " + initialReferencePrice);
        }
        if (initialReferencePrice > MAX_PRICE)
        {
            throw new IllegalArgumentException("initialReferencePrice must be <= " + MAX_PRICE);
        }
    }

    /** Largest price the engine accepts, so that band arithmetic (price * 10,000) cannot overflow. */
    public static final long MAX_PRICE = Long.MAX_VALUE / 20_000L;
}
