package io.tickkeeper.matching;

/**
 * The one way a matching state is folded into a 64-bit hash, shared by every implementation so that two
 * implementations (or a primary and its standby) in the same state give the same number.
 * The walk order is fixed in docs/matching.md ("State hash").
 */
public final class StateHash
{
    private static final long SEED = 0x9E3779B97F4A7C15L;

    private long hash = SEED;

    /** Starts a new hash. */
    public StateHash reset()
    {
        hash = SEED;
        return this;
    }

    /** Folds one value into the hash. */
    public StateHash add(final long value)
    {
        hash = mix(hash * 31 + value);
        return this;
    }

    /** Folds one open order, field by field, in the canonical order. */
    public StateHash addOrder(
        final long orderId, final int accountId, final long clientOrderId, final Side side, final OrderType type,
        final StpMode stpMode, final long price, final long leavesQuantity, final long timestampNs)
    {
        return add(orderId).add(accountId).add(clientOrderId).add(side.ordinal()).add(type.ordinal())
            .add(stpMode.ordinal()).add(price).add(leavesQuantity).add(timestampNs);
    }

    /** @return the hash of everything added since the last reset. */
    public long value()
    {
        return hash;
    }

    private static long mix(final long value)
    {
        long z = value;
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }
}
