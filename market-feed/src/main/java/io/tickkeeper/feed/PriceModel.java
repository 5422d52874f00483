package io.tickkeeper.feed;

import java.util.Arrays;

/**
 * Synthetic reference prices for instruments {@code 1..N}: per instrument a geometric Brownian motion with drift
 * and volatility, plus Poisson jumps with normally distributed log sizes, all scaled by a market-wide
 * {@link Regime} that switches as a seeded Markov chain.
 * <p>
 * The model advances one feed message at a time: message {@code s} (from 1) is instrument
 * {@code (s - 1) % N + 1} of step {@code (s - 1) / N + 1}. The first message of a step advances simulation time by
 * one step ({@link ModelParameters#stepNs()}) and draws the regime switch. Every random draw is counter-based
 * ({@link CounterRandom}: a pure function of the seed, the step and the instrument), so the message after
 * {@code s} depends only on the seed, the parameters in force and the state carried by the messages themselves
 * (sequence, simulation time, regime, each instrument's last price). A standby that {@link #mirror mirrors} the
 * published messages therefore continues exactly as the publisher would have.
 * <p>
 * Prices are fixed-point longs with 2 decimals (10000 = 100.00), on a tick of 1, never below 1. The diffusion of
 * one step is exact in its first two moments on that grid: while its standard deviation is below a tick it is a
 * trinomial move of -1, 0 or +1 tick with the mean and variance of the GBM step; above a tick it is the
 * log-normal GBM step rounded up or down at random with the probabilities that keep its expectation (unbiased
 * rounding). Jumps multiply the price and are rounded the same unbiased way.
 * <p>
 * Not thread-safe; owned by one thread.
 */
public final class PriceModel
{
    /** The largest price the model produces (10^13.00), far from overflow. */
    public static final long MAX_PRICE = 1_000_000_000_000_000L;

    private static final double NANOS_PER_SECOND = 1_000_000_000.0;

    private final long seed;
    private final long[] prices;
    private long sequence;
    private long timestampNs;
    private Regime regime = Regime.NORMAL;

    /**
     * A fresh model: sequence 0, NORMAL regime, each instrument at a seeded price in [50.00, 149.99].
     *
     * @param seed        the seed of every draw.
     * @param instruments the number of instruments, at least 1.
     * @param startTimeNs simulation time before the first step.
     */
    public PriceModel(final long seed, final int instruments, final long startTimeNs)
    {
        if (instruments < 1)
        {
            throw new IllegalArgumentException("instruments must be at least 1: " + instruments);
        }
        this.seed = seed;
        this.prices = new long[instruments];
        this.timestampNs = startTimeNs;
        for (int i = 0; i < instruments; i++)
        {
            prices[i] = 5_000L + Math.floorMod(CounterRandom.bits(seed, 0L, i + 1, CounterRandom.INITIAL_PRICE),
                10_000L);
        }
    }

    /**
     * Produces the next message: advances the state by one instrument's tick.
     *
     * @param parameters the parameters in force.
     * @param tick       filled with the message (no allocation).
     */
    public void next(final ModelParameters parameters, final MutableTick tick)
    {
        final long next = sequence + 1L;
        final int count = prices.length;
        final long step = (next - 1L) / count + 1L;
        final int instrument = (int)((next - 1L) % count) + 1;
        final long stepNs = parameters.stepNs();
        final double dtSeconds = stepNs / NANOS_PER_SECOND;
        if (instrument == 1)
        {
            timestampNs += stepNs;
            regime = switchRegime(regime, parameters, step, dtSeconds);
        }
        final int index = instrument - 1;
        prices[index] = move(prices[index], parameters, step, instrument, dtSeconds);
        sequence = next;
        tick.set(next, instrument, prices[index], regime, timestampNs);
    }

    /**
     * Takes the state carried by a published message. Which messages count is the {@link FeedSubscriber}'s
     * decision (it drops stale tokens and duplicates); a message a newer publisher sent at a lower sequence than
     * this state replaces it.
     *
     * @param messageSequence the message's sequence.
     * @param instrumentId    its instrument, in 1..N.
     * @param price           its price, at least 1.
     * @param messageRegime   its regime.
     * @param messageTimeNs   its simulation time.
     */
    public void mirror(
        final long messageSequence, final int instrumentId, final long price, final Regime messageRegime,
        final long messageTimeNs)
    {
        if (instrumentId < 1 || instrumentId > prices.length)
        {
            throw new IllegalArgumentException("instrumentId must be in 1.." + prices.length + ": " + instrumentId);
        }
        if (price < 1L)
        {
            throw new IllegalArgumentException("price must be at least 1: " + price);
        }
        if (messageSequence < 1L)
        {
            throw new IllegalArgumentException("sequence must be at least 1: " + messageSequence);
        }
        sequence = messageSequence;
        prices[instrumentId - 1] = price;
        regime = messageRegime;
        timestampNs = messageTimeNs;
    }

    /**
     * Takes a whole state (a checkpoint) when it is ahead of this one.
     *
     * @param checkpointSequence the last sequence the state covers.
     * @param checkpointTimeNs   its simulation time.
     * @param checkpointRegime   its regime.
     * @param checkpointPrices   each instrument's price, N of them.
     * @return whether the state was taken.
     */
    public boolean restore(
        final long checkpointSequence, final long checkpointTimeNs, final Regime checkpointRegime,
        final long[] checkpointPrices)
    {
        if (checkpointPrices.length != prices.length)
        {
            throw new IllegalArgumentException("the checkpoint has " + checkpointPrices.length
                + " instruments, the model " + prices.length);
        }
        if (checkpointSequence <= sequence)
        {
            return false;
        }
        System.arraycopy(checkpointPrices, 0, prices, 0, prices.length);
        sequence = checkpointSequence;
        timestampNs = checkpointTimeNs;
        regime = checkpointRegime;
        return true;
    }

    /**
     * Copies this state into another model of the same size and seed (no allocation).
     *
     * @param target the copy.
     */
    public void copyTo(final PriceModel target)
    {
        if (target.prices.length != prices.length || target.seed != seed)
        {
            throw new IllegalArgumentException("target must have the same seed and number of instruments");
        }
        System.arraycopy(prices, 0, target.prices, 0, prices.length);
        target.sequence = sequence;
        target.timestampNs = timestampNs;
        target.regime = regime;
    }

    /** @return the last sequence produced or mirrored (0 before any). */
    public long sequence()
    {
        return sequence;
    }

    /** @return the simulation time of the last message. */
    public long timestampNs()
    {
        return timestampNs;
    }

    /** @return the regime in force. */
    public Regime regime()
    {
        return regime;
    }

    /** @return the number of instruments. */
    public int instruments()
    {
        return prices.length;
    }

    /** @return the seed. */
    public long seed()
    {
        return seed;
    }

    /**
     * @param instrumentId in 1..N.
     * @return the instrument's last price.
     */
    public long price(final int instrumentId)
    {
        return prices[instrumentId - 1];
    }

    /** @return a copy of every instrument's last price, index 0 is instrument 1. */
    public long[] prices()
    {
        return prices.clone();
    }

    /** @return a hash of the whole state, equal for equal states. */
    public long stateHash()
    {
        long hash = 31L * Long.hashCode(seed) + sequence;
        hash = 31L * hash + timestampNs;
        hash = 31L * hash + regime.code();
        return 31L * hash + Arrays.hashCode(prices);
    }

    private Regime switchRegime(
        final Regime current, final ModelParameters parameters, final long step, final double dtSeconds)
    {
        final double toLower;
        final double toHigher;
        switch (current)
        {
            case CALM:
                toLower = 0.0;
                toHigher = parameters.calmToNormalPerSecond();
                break;
            case NORMAL:
                toLower = parameters.normalToCalmPerSecond();
                toHigher = parameters.normalToStressedPerSecond();
                break;
            default:
                toLower = parameters.stressedToNormalPerSecond();
                toHigher = 0.0;
                break;
        }
        final double leaving = toLower + toHigher;
        if (leaving <= 0.0)
        {
            return current;
        }
        final double probability = -Math.expm1(-leaving * dtSeconds);
        final double u = CounterRandom.uniform(seed, step, 0, CounterRandom.REGIME);
        if (u >= probability)
        {
            return current;
        }
        final boolean lower = u < probability * (toLower / leaving);
        return Regime.fromCode(current.code() + (lower ? -1 : 1));
    }

    private long move(
        final long price, final ModelParameters parameters, final long step, final int instrument,
        final double dtSeconds)
    {
        final double dtYears = dtSeconds / ModelParameters.SECONDS_PER_YEAR;
        final double sigma = parameters.volatility() * regime.volatilityMultiplier();
        final double growth = Math.exp(parameters.drift() * dtYears);
        final double meanTicks = price * (growth - 1.0);
        final double varianceTicks = (double)price * price * growth * growth * Math.expm1(sigma * sigma * dtYears);
        final double secondMoment = varianceTicks + meanTicks * meanTicks;
        final double up = 0.5 * (secondMoment + meanTicks);
        final double down = 0.5 * (secondMoment - meanTicks);
        final double u = CounterRandom.uniform(seed, step, instrument, CounterRandom.ROUNDING);
        long moved;
        if (secondMoment <= 1.0 && up >= 0.0 && down >= 0.0)
        {
            moved = price + (u < up ? 1L : (u > 1.0 - down ? -1L : 0L));
        }
        else if (secondMoment <= 1.0)
        {
            moved = price + (long)Math.floor(meanTicks + u);
        }
        else
        {
            final double z = CounterRandom.normal(seed, step, instrument, CounterRandom.DIFFUSION_A,
                CounterRandom.DIFFUSION_B);
            final double logReturn = (parameters.drift() - 0.5 * sigma * sigma) * dtYears
                + sigma * Math.sqrt(dtYears) * z;
            moved = roundUnbiased(price * Math.exp(logReturn), u);
        }
        moved = Math.max(1L, moved);
        final int jumps = CounterRandom.poisson(seed, step, instrument, CounterRandom.JUMP_COUNT,
            parameters.jumpRatePerSecond() * regime.jumpRateMultiplier() * dtSeconds);
        if (jumps > 0)
        {
            final double size = CounterRandom.normal(seed, step, instrument, CounterRandom.JUMP_SIZE_A,
                CounterRandom.JUMP_SIZE_B);
            final double jumpLog = jumps * parameters.jumpMeanLog()
                + Math.sqrt(jumps) * parameters.jumpStdDevLog() * size;
            moved = roundUnbiased(moved * Math.exp(jumpLog),
                CounterRandom.uniform(seed, step, instrument, CounterRandom.JUMP_ROUNDING));
        }
        return Math.max(1L, Math.min(MAX_PRICE, moved));
    }

    /** Rounds down or up with the probabilities that keep the expectation; saturates at MAX_PRICE. */
    private static long roundUnbiased(final double exact, final double u)
    {
        if (!(exact < MAX_PRICE))
        {
            return MAX_PRICE;
        }
        return (long)Math.floor(exact + u);
    }
}
