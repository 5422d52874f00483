package io.tickkeeper.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class PriceModelTest
{
    private static final int INSTRUMENTS = 8;

    /** One tick as a comparable value. */
    private record Tick(long sequence, int instrumentId, long price, Regime regime, long timestampNs)
    {
        static Tick of(final MutableTick tick)
        {
            return new Tick(tick.sequence(), tick.instrumentId(), tick.price(), tick.regime(), tick.timestampNs());
        }
    }

    private static final ModelParameters LIVELY = ModelParameters.DEFAULTS
        .withVolatility(1.5).withJumpRate(0.5).withRegimeRates(0.5, 0.5, 0.5, 0.5);

    @Test
    void shouldProduceTheSamePathForTheSameSeed()
    {
        final List<Tick> first = run(new PriceModel(42L, INSTRUMENTS, 0L), LIVELY, 20_000);
        final List<Tick> second = run(new PriceModel(42L, INSTRUMENTS, 0L), LIVELY, 20_000);
        final List<Tick> otherSeed = run(new PriceModel(43L, INSTRUMENTS, 0L), LIVELY, 20_000);

        assertThat(second).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
        assertThat(first.get(0).sequence()).isEqualTo(1L);
        assertThat(first.get(first.size() - 1).sequence()).isEqualTo(20_000L);
        assertThat(first.stream().map(Tick::price).distinct().count()).isGreaterThan(500L);
    }

    @Test
    void shouldContinueExactlyAfterMirroringThePublishedStream()
    {
        final PriceModel publisher = new PriceModel(7L, INSTRUMENTS, 1_000L);
        final PriceModel standby = new PriceModel(7L, INSTRUMENTS, 999_999L);
        final MutableTick tick = new MutableTick();
        for (int i = 0; i < 5_003; i++)
        {
            publisher.next(LIVELY, tick);
            standby.mirror(tick.sequence(), tick.instrumentId(), tick.price(), tick.regime(), tick.timestampNs());
        }

        assertThat(standby.stateHash()).isEqualTo(publisher.stateHash());
        assertThat(run(standby, LIVELY, 3_000)).isEqualTo(run(publisher, LIVELY, 3_000));
    }

    @Test
    void shouldContinueExactlyAfterMirroringOnlyTheLastStep()
    {
        final PriceModel uninterrupted = new PriceModel(11L, INSTRUMENTS, 0L);
        final List<Tick> history = run(uninterrupted, LIVELY, 4_005);
        final PriceModel lateJoiner = new PriceModel(11L, INSTRUMENTS, 0L);
        for (final Tick tick : history.subList(history.size() - INSTRUMENTS, history.size()))
        {
            lateJoiner.mirror(tick.sequence(), tick.instrumentId(), tick.price(), tick.regime(), tick.timestampNs());
        }

        assertThat(run(lateJoiner, LIVELY, 2_000)).isEqualTo(run(uninterrupted, LIVELY, 2_000));
    }

    @Test
    void shouldContinueExactlyFromARestoredCheckpoint()
    {
        final PriceModel holder = new PriceModel(5L, INSTRUMENTS, 0L);
        run(holder, LIVELY, 1_234);
        final FeedCheckpoint checkpoint = FeedCheckpoint.decode(FeedCheckpoint.of(3L, holder).encode());
        final PriceModel successor = new PriceModel(5L, INSTRUMENTS, 0L);

        assertThat(successor.restore(checkpoint.sequence(), checkpoint.timestampNs(), checkpoint.regime(),
            checkpoint.prices())).isTrue();
        assertThat(successor.restore(1L, 0L, Regime.CALM, checkpoint.prices())).isFalse();
        assertThat(checkpoint.token()).isEqualTo(3L);
        assertThat(run(successor, LIVELY, 1_000)).isEqualTo(run(holder, LIVELY, 1_000));
    }

    @Test
    void shouldKeepPricesPositiveWholeTicksUnderViolentParameters()
    {
        final ModelParameters violent = ModelParameters.DEFAULTS.withVolatility(5.0).withDrift(-1.0)
            .withJumpRate(10.0).withJumpSize(-0.5, 0.5).withTickRateHz(1L);
        final List<Tick> ticks = run(new PriceModel(3L, 2, 0L), violent, 20_000);

        assertThat(ticks).allSatisfy(tick -> assertThat(tick.price()).isBetween(1L, PriceModel.MAX_PRICE));
        assertThat(ticks.stream().mapToLong(Tick::price).min().orElseThrow()).isEqualTo(1L);
    }

    @Test
    void shouldAdvanceSimulationTimeByOneStepOfTheTickRateInForce()
    {
        final PriceModel model = new PriceModel(1L, 2, 5_000L);
        final MutableTick tick = new MutableTick();
        model.next(ModelParameters.DEFAULTS.withTickRateHz(10L), tick);
        assertThat(tick.timestampNs()).isEqualTo(5_000L + 100_000_000L);
        model.next(ModelParameters.DEFAULTS.withTickRateHz(10L), tick);
        assertThat(tick.timestampNs()).isEqualTo(5_000L + 100_000_000L);
        model.next(ModelParameters.DEFAULTS.withTickRateHz(1_000L), tick);
        assertThat(tick.timestampNs()).isEqualTo(5_000L + 101_000_000L);
    }

    @Test
    void shouldSwitchRegimesBetweenNeighboursAndScaleTheMoves()
    {
        final ModelParameters switching = ModelParameters.DEFAULTS.withVolatility(2.0).withJumpRate(0.0)
            .withRegimeRates(1.0, 1.0, 1.0, 1.0);
        final PriceModel model = new PriceModel(99L, 1, 0L);
        final MutableTick tick = new MutableTick();
        final long[] steps = new long[3];
        final double[] squaredReturns = new double[3];
        int switches = 0;
        Regime previousRegime = model.regime();
        long previousPrice = model.price(1);
        for (int i = 0; i < 200_000; i++)
        {
            model.next(switching, tick);
            if (tick.regime() != previousRegime)
            {
                assertThat(Math.abs(tick.regime().code() - previousRegime.code())).isEqualTo(1);
                switches++;
            }
            final double logReturn = Math.log((double)tick.price() / previousPrice);
            steps[tick.regime().code()]++;
            squaredReturns[tick.regime().code()] += logReturn * logReturn;
            previousRegime = tick.regime();
            previousPrice = tick.price();
        }

        // 2000 simulated seconds; a third of the time in each regime, leaving at 1/s (2/s from NORMAL): 4/3 switches a
        // second, about 2670 in all.
        assertThat(switches).isBetween(2_400, 2_950);
        for (final long inRegime : steps)
        {
            assertThat(inRegime).isGreaterThan(30_000L);
        }
        final double calmVariance = squaredReturns[Regime.CALM.code()] / steps[Regime.CALM.code()];
        final double normalVariance = squaredReturns[Regime.NORMAL.code()] / steps[Regime.NORMAL.code()];
        final double stressedVariance = squaredReturns[Regime.STRESSED.code()] / steps[Regime.STRESSED.code()];
        // Volatility multipliers 0.5 : 1 : 2.5, so variances 0.25 : 1 : 6.25.
        assertThat(normalVariance / calmVariance).isBetween(3.0, 5.0);
        assertThat(stressedVariance / normalVariance).isBetween(5.0, 7.5);
    }

    @Test
    void shouldJumpAtThePoissonRate()
    {
        final ModelParameters jumpsOnly = ModelParameters.DEFAULTS.withVolatility(0.0).withJumpRate(2.0)
            .withJumpSize(0.0, 0.05).withRegimeRates(0.0, 0.0, 0.0, 0.0);
        final int steps = 100_000;

        final int jumps = countMoves(jumpsOnly, steps);

        // 1000 simulated seconds at 2 jumps a second: 2000 expected, standard deviation about 45.
        assertThat(jumps).isBetween(1_820, 2_180);
        assertThat(countMoves(jumpsOnly.withJumpRate(0.0), steps)).isZero();
    }

    @Test
    void shouldScaleTheMovesWithTheVolatilityFromTheNextStep()
    {
        final ModelParameters still = ModelParameters.DEFAULTS.withVolatility(0.0).withJumpRate(0.0)
            .withRegimeRates(0.0, 0.0, 0.0, 0.0);
        final PriceModel model = new PriceModel(17L, 1, 0L);
        final long start = model.price(1);
        run(model, still, 1_000);
        assertThat(model.price(1)).isEqualTo(start);

        final double lowVolatility = realisedStdDev(model, still.withVolatility(0.5), 20_000);
        final double highVolatility = realisedStdDev(model, still.withVolatility(2.0), 20_000);

        assertThat(highVolatility / lowVolatility).isBetween(3.5, 4.5);
        final long beforeChange = model.price(1);
        run(model, still, 100);
        assertThat(model.price(1)).isEqualTo(beforeChange);
        final MutableTick tick = new MutableTick();
        model.next(still.withVolatility(3.0), tick);
        assertThat(tick.price()).isNotEqualTo(beforeChange);
    }

    private static int countMoves(final ModelParameters parameters, final int steps)
    {
        final PriceModel model = new PriceModel(21L, 1, 0L);
        final MutableTick tick = new MutableTick();
        long previous = model.price(1);
        int moves = 0;
        for (int i = 0; i < steps; i++)
        {
            model.next(parameters, tick);
            if (tick.price() != previous)
            {
                moves++;
            }
            previous = tick.price();
        }
        return moves;
    }

    private static double realisedStdDev(final PriceModel model, final ModelParameters parameters, final int steps)
    {
        final MutableTick tick = new MutableTick();
        long previous = model.price(1);
        double sum = 0.0;
        double sumOfSquares = 0.0;
        for (int i = 0; i < steps; i++)
        {
            model.next(parameters, tick);
            final double logReturn = Math.log((double)tick.price() / previous);
            sum += logReturn;
            sumOfSquares += logReturn * logReturn;
            previous = tick.price();
        }
        final double mean = sum / steps;
        return Math.sqrt(sumOfSquares / steps - mean * mean);
    }

    private static List<Tick> run(final PriceModel model, final ModelParameters parameters, final int messages)
    {
        final MutableTick tick = new MutableTick();
        final List<Tick> ticks = new ArrayList<>(messages);
        for (int i = 0; i < messages; i++)
        {
            model.next(parameters, tick);
            ticks.add(Tick.of(tick));
        }
        return ticks;
    }
}
