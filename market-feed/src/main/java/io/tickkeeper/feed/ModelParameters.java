package io.tickkeeper.feed;

/**
 * The parameters of the {@link PriceModel} in force for one step. The first four follow live configuration
 * ({@code feed.volatility}, {@code feed.drift}, {@code feed.jump-rate}, {@code feed.tick-rate-hz}); the others
 * shape the jumps and the regime chain and are fixed for a process.
 *
 * @param volatility            annualised volatility of the log price (0.3 = 30%), at least 0.
 * @param drift                 annualised drift of the price (0.05 = +5% a year).
 * @param jumpRatePerSecond     expected jumps per instrument per second in the NORMAL regime, at least 0.
 * @param tickRateHz            steps per second; one step publishes one tick per instrument; at least 1.
 * @param jumpMeanLog           mean of a jump's log return.
 * @param jumpStdDevLog         standard deviation of a jump's log return, at least 0.
 * @param calmToNormalPerSecond rate of leaving CALM for NORMAL, per second.
 * @param normalToCalmPerSecond rate of leaving NORMAL for CALM, per second.
 * @param normalToStressedPerSecond rate of leaving NORMAL for STRESSED, per second.
 * @param stressedToNormalPerSecond rate of leaving STRESSED for NORMAL, per second.
 */
public record ModelParameters(
    double volatility,
    double drift,
    double jumpRatePerSecond,
    long tickRateHz,
    double jumpMeanLog,
    double jumpStdDevLog,
    double calmToNormalPerSecond,
    double normalToCalmPerSecond,
    double normalToStressedPerSecond,
    double stressedToNormalPerSecond)
{
    /**
     * Seconds in the year that annualised figures refer to: 252 trading days of 6.5 hours, the usual convention
     * for annualised volatility. Simulation time runs through that year while the feed publishes.
     */
    public static final double SECONDS_PER_YEAR = 252.0 * 6.5 * 3600.0;

    /** The defaults: the live-config defaults, jumps of about ±2%, a regime change every minute or two. */
    public static final ModelParameters DEFAULTS = new ModelParameters(
        0.3, 0.0, 0.01, 100L, 0.0, 0.02, 1.0 / 60.0, 1.0 / 120.0, 1.0 / 120.0, 1.0 / 30.0);

    /** Checks every parameter once. */
    public ModelParameters
    {
        check(volatility >= 0.0 && Double.isFinite(volatility), "volatility must be finite and >= 0", volatility);
        check(Double.isFinite(drift), "drift must be finite", drift);
        check(jumpRatePerSecond >= 0.0 && Double.isFinite(jumpRatePerSecond),
            "jumpRatePerSecond must be finite and >= 0", jumpRatePerSecond);
        check(tickRateHz >= 1L, "tickRateHz must be at least 1", tickRateHz);
        check(Double.isFinite(jumpMeanLog), "jumpMeanLog must be finite", jumpMeanLog);
        check(jumpStdDevLog >= 0.0 && Double.isFinite(jumpStdDevLog), "jumpStdDevLog must be finite and >= 0",
            jumpStdDevLog);
        checkRate(calmToNormalPerSecond, "calmToNormalPerSecond");
        checkRate(normalToCalmPerSecond, "normalToCalmPerSecond");
        checkRate(normalToStressedPerSecond, "normalToStressedPerSecond");
        checkRate(stressedToNormalPerSecond, "stressedToNormalPerSecond");
    }

    /** @return the length of one step in simulation time, in nanoseconds (at least 1). */
    public long stepNs()
    {
        return Math.max(1L, 1_000_000_000L / tickRateHz);
    }

    /** @param value new volatility. @return a copy with it. */
    public ModelParameters withVolatility(final double value)
    {
        return new ModelParameters(value, drift, jumpRatePerSecond, tickRateHz, jumpMeanLog, jumpStdDevLog,
            calmToNormalPerSecond, normalToCalmPerSecond, normalToStressedPerSecond, stressedToNormalPerSecond);
    }

    /** @param value new drift. @return a copy with it. */
    public ModelParameters withDrift(final double value)
    {
        return new ModelParameters(volatility, value, jumpRatePerSecond, tickRateHz, jumpMeanLog, jumpStdDevLog,
            calmToNormalPerSecond, normalToCalmPerSecond, normalToStressedPerSecond, stressedToNormalPerSecond);
    }

    /** @param value new jump rate per second. @return a copy with it. */
    public ModelParameters withJumpRate(final double value)
    {
        return new ModelParameters(volatility, drift, value, tickRateHz, jumpMeanLog, jumpStdDevLog,
            calmToNormalPerSecond, normalToCalmPerSecond, normalToStressedPerSecond, stressedToNormalPerSecond);
    }

    /** @param value new tick rate. @return a copy with it. */
    public ModelParameters withTickRateHz(final long value)
    {
        return new ModelParameters(volatility, drift, jumpRatePerSecond, value, jumpMeanLog, jumpStdDevLog,
            calmToNormalPerSecond, normalToCalmPerSecond, normalToStressedPerSecond, stressedToNormalPerSecond);
    }

    /**
     * @param mean   mean of a jump's log return.
     * @param stdDev its standard deviation.
     * @return a copy with that jump size distribution.
     */
    public ModelParameters withJumpSize(final double mean, final double stdDev)
    {
        return new ModelParameters(volatility, drift, jumpRatePerSecond, tickRateHz, mean, stdDev,
            calmToNormalPerSecond, normalToCalmPerSecond, normalToStressedPerSecond, stressedToNormalPerSecond);
    }

    /**
     * @param calmToNormal     rate CALM → NORMAL per second.
     * @param normalToCalm     rate NORMAL → CALM per second.
     * @param normalToStressed rate NORMAL → STRESSED per second.
     * @param stressedToNormal rate STRESSED → NORMAL per second.
     * @return a copy with those regime switch rates.
     */
    public ModelParameters withRegimeRates(
        final double calmToNormal, final double normalToCalm, final double normalToStressed,
        final double stressedToNormal)
    {
        return new ModelParameters(volatility, drift, jumpRatePerSecond, tickRateHz, jumpMeanLog, jumpStdDevLog,
            calmToNormal, normalToCalm, normalToStressed, stressedToNormal);
    }

    private static void checkRate(final double rate, final String name)
    {
        check(rate >= 0.0 && Double.isFinite(rate), name + " must be finite and >= 0", rate);
    }

    private static void check(final boolean ok, final String message, final double value)
    {
        if (!ok)
        {
            throw new IllegalArgumentException(message + ": " + value);
        }
    }
}
