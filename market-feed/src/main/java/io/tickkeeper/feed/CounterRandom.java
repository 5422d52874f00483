package io.tickkeeper.feed;

/**
 * Counter-based randomness: every draw is a pure function of (seed, step, instrument, stream), a SplitMix64-style
 * hash, so a model that knows the step it is at draws exactly what any other copy of it would draw, without
 * carrying a generator's state.
 */
final class CounterRandom
{
    /** Draw for the regime chain (instrument 0). */
    static final int REGIME = 1;
    /** First uniform of the diffusion's normal. */
    static final int DIFFUSION_A = 2;
    /** Second uniform of the diffusion's normal. */
    static final int DIFFUSION_B = 3;
    /** Number of jumps in the step. */
    static final int JUMP_COUNT = 4;
    /** First uniform of the jump size's normal. */
    static final int JUMP_SIZE_A = 5;
    /** Second uniform of the jump size's normal. */
    static final int JUMP_SIZE_B = 6;
    /** The diffusion's trinomial move, or its unbiased rounding to the price tick. */
    static final int ROUNDING = 7;
    /** Initial price of an instrument (step 0). */
    static final int INITIAL_PRICE = 8;
    /** Unbiased rounding of a jump to the price tick. */
    static final int JUMP_ROUNDING = 9;

    private static final double TWO_PI = 2.0 * Math.PI;
    private static final double UNIT = 0x1.0p-53;

    private CounterRandom()
    {
    }

    /**
     * @return a uniform double in the open interval (0, 1).
     */
    static double uniform(final long seed, final long step, final int instrument, final int stream)
    {
        return ((bits(seed, step, instrument, stream) >>> 11) + 0.5) * UNIT;
    }

    /**
     * A standard normal by Box-Muller from two uniforms of the given streams.
     */
    static double normal(final long seed, final long step, final int instrument, final int streamA, final int streamB)
    {
        final double u1 = uniform(seed, step, instrument, streamA);
        final double u2 = uniform(seed, step, instrument, streamB);
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(TWO_PI * u2);
    }

    /**
     * A Poisson count by inversion of its distribution function.
     *
     * @param mean the expected count (small: the jump rate times a step).
     */
    static int poisson(final long seed, final long step, final int instrument, final int stream, final double mean)
    {
        if (mean <= 0.0)
        {
            return 0;
        }
        final double u = uniform(seed, step, instrument, stream);
        double probability = Math.exp(-mean);
        double cumulative = probability;
        int count = 0;
        while (u > cumulative && count < 1_000)
        {
            count++;
            probability *= mean / count;
            cumulative += probability;
        }
        return count;
    }

    /** @return 64 well-mixed bits for the counter. */
    static long bits(final long seed, final long step, final int instrument, final int stream)
    {
        long key = mix(seed ^ 0x9E3779B97F4A7C15L);
        key = mix(key ^ step);
        key = mix(key ^ (((long)instrument << 32) | (stream & 0xFFFF_FFFFL)));
        return key;
    }

    private static long mix(final long value)
    {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
