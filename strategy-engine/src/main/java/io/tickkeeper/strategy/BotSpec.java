package io.tickkeeper.strategy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One bot of the strategy engine as configured: its name, the strategy class that runs it (from the engine's own
 * classpath, or from a jar), the account it trades for, the seed of its random numbers and its parameters.
 */
public final class BotSpec
{
    /** The longest bot name: its ClOrdIDs ({@code S<name>-<counter>}) must fit FIX's 32 characters. */
    public static final int MAX_NAME_LENGTH = 12;

    private final String name;
    private final String strategyClass;
    private final Path jar;
    private final int accountId;
    private final long seed;
    private final Map<String, String> parameters;

    /**
     * @param name          1-12 letters, digits or '_'.
     * @param strategyClass the fully qualified name of a {@link Strategy} with a public no-argument constructor.
     * @param jar           the jar holding the class, or null for the engine's classpath.
     * @param accountId     the account, positive.
     * @param seed          the seed of {@link StrategyContext#random()}.
     * @param parameters    the configured parameters; copied.
     * @throws IllegalArgumentException when a value is invalid.
     */
    public BotSpec(
        final String name, final String strategyClass, final Path jar, final int accountId, final long seed,
        final Map<String, String> parameters)
    {
        if (name == null || !name.matches("[A-Za-z0-9_]{1," + MAX_NAME_LENGTH + "}"))
        {
            throw new IllegalArgumentException(
                "bot name must be 1-" + MAX_NAME_LENGTH + " letters, digits or '_': " + name);
        }
        if (strategyClass == null || strategyClass.isBlank())
        {
            throw new IllegalArgumentException("bot " + name + " needs a strategy class");
        }
        if (accountId <= 0)
        {
            throw new IllegalArgumentException("bot " + name + " needs a positive account id: " + accountId);
        }
        this.name = name;
        this.strategyClass = strategyClass.trim();
        this.jar = jar;
        this.accountId = accountId;
        this.seed = seed;
        this.parameters = Map.copyOf(new TreeMap<>(Objects.requireNonNull(parameters, "parameters")));
    }

    /** @return the bot's name. */
    public String name()
    {
        return name;
    }

    /** @return the strategy's class name. */
    public String strategyClass()
    {
        return strategyClass;
    }

    /** @return the jar holding it, or null. */
    public Path jar()
    {
        return jar;
    }

    /** @return the account. */
    public int accountId()
    {
        return accountId;
    }

    /** @return the seed. */
    public long seed()
    {
        return seed;
    }

    /** @return the configured parameters (read-only). */
    public Map<String, String> parameters()
    {
        return parameters;
    }

    @Override
    public String toString()
    {
        return name + "(" + strategyClass + (jar == null ? "" : " from " + jar) + ", account " + accountId + ")";
    }
}
