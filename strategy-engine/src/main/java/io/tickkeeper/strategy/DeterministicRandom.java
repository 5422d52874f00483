package io.tickkeeper.strategy;

/**
 * Seeded random numbers whose whole state is one {@code long} (SplitMix64), so the engine snapshots it and the
 * primary, the standby and a replay draw the same numbers. Not for security.
 */
public final class DeterministicRandom
{
    private static final long GOLDEN_GAMMA = 0x9E37_79B9_7F4A_7C15L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private long state;

    /** @param seed the seed. */
    public DeterministicRandom(final long seed)
    {
        this.state = seed;
    }

    /** @return the next 64 random bits. */
    public long nextLong()
    {
        state += GOLDEN_GAMMA;
        long z = state;
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }

    /**
     * @param bound the upper bound, exclusive; positive.
     * @return a uniform number in [0, bound).
     */
    public long nextLong(final long bound)
    {
        if (bound <= 0)
        {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        final long limit = Long.MAX_VALUE - Long.MAX_VALUE % bound;
        long bits = nextLong() >>> 1;
        while (bits >= limit)
        {
            bits = nextLong() >>> 1;
        }
        return bits % bound;
    }

    /**
     * @param bound the upper bound, exclusive; positive.
     * @return a uniform number in [0, bound).
     */
    public int nextInt(final int bound)
    {
        return (int)nextLong(bound);
    }

    /** @return a uniform number in [0, 1). */
    public double nextDouble()
    {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }

    /** @return a random boolean. */
    public boolean nextBoolean()
    {
        return nextLong() < 0;
    }

    /** @return the whole state, for a snapshot. */
    public long state()
    {
        return state;
    }

    /** @param state a state from {@link #state()}. */
    public void state(final long state)
    {
        this.state = state;
    }
}
