package io.tickkeeper.strategy.bots;

import io.tickkeeper.strategy.StrategyParameters;

/** Parameter checks shared by the bots. */
final class Checks
{
    private Checks()
    {
    }

    static void positive(final StrategyParameters parameters, final String key, final long value)
    {
        if (value <= 0)
        {
            throw new IllegalArgumentException("parameter " + key + " of " + parameters + " must be positive: " +
                value);
        }
    }
}
