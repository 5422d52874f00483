package io.tickkeeper.feed;

/**
 * The volatility regime of the whole synthetic market. It scales every instrument's volatility and jump rate and
 * switches between neighbouring regimes as a seeded continuous-time Markov chain ({@link PriceModel}). The code is
 * the {@code regime} field of {@code ReferencePriceTick}.
 */
public enum Regime
{
    /** Quiet market: half the configured volatility and jump rate. */
    CALM(0, 0.5, 0.5),
    /** The configured volatility and jump rate. */
    NORMAL(1, 1.0, 1.0),
    /** Stressed market: 2.5 times the volatility, 3 times the jump rate. */
    STRESSED(2, 2.5, 3.0);

    private static final Regime[] BY_CODE = {CALM, NORMAL, STRESSED};

    private final int code;
    private final double volatilityMultiplier;
    private final double jumpRateMultiplier;

    Regime(final int code, final double volatilityMultiplier, final double jumpRateMultiplier)
    {
        this.code = code;
        this.volatilityMultiplier = volatilityMultiplier;
        this.jumpRateMultiplier = jumpRateMultiplier;
    }

    /** @return the wire code (0 calm, 1 normal, 2 stressed). */
    public int code()
    {
        return code;
    }

    /** @return what the configured volatility is multiplied by in this regime. */
    public double volatilityMultiplier()
    {
        return volatilityMultiplier;
    }

    /** @return what the configured jump rate is multiplied by in this regime. */
    public double jumpRateMultiplier()
    {
        return jumpRateMultiplier;
    }

    /**
     * @param code a wire code.
     * @return its regime.
     * @throws IllegalArgumentException for an unknown code.
     */
    public static Regime fromCode(final int code)
    {
        if (code < 0 || code >= BY_CODE.length)
        {
            throw new IllegalArgumentException("unknown regime code: " + code);
        }
        return BY_CODE[code];
    }
}
