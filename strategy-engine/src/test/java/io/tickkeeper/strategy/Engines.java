package io.tickkeeper.strategy;

import java.util.List;
import java.util.Map;

/** Builds engines around one bot for tests. */
public final class Engines
{
    public static final int ACCOUNT = 9001;

    private Engines()
    {
    }

    /** @return an engine with one bot of the class, loaded by name from the classpath. */
    public static StrategyEngine oneBot(
        final Class<? extends Strategy> type, final Map<String, String> parameters, final RiskCommandSink sink)
    {
        final BotSpec spec = new BotSpec("b1", type.getName(), null, ACCOUNT, 7, parameters);
        return new StrategyEngine(List.of(spec), new StrategyLoader()::load, 8, 16, sink);
    }
}
