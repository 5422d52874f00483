package io.tickkeeper.strategy.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import io.tickkeeper.strategy.BotSpec;

/**
 * Reads the bots of the strategy engine from a properties file ({@code config/strategies.properties}):
 * <pre>
 *   bots = mm1, mom1                                   # the bots, in order
 *   bot.mm1.class = io.tickkeeper.strategy.bots.MarketMaker
 *   bot.mm1.jar = /opt/strategies/acme.jar             # optional: load the class from this jar
 *   bot.mm1.account = 9001
 *   bot.mm1.seed = 42                                  # optional, default 1
 *   bot.mm1.param.spread = 10                          # any number of parameters
 * </pre>
 * Relative jar paths are resolved against the file's directory. Every mistake is an
 * {@link IllegalArgumentException} naming the file and the key.
 */
public final class StrategiesConfig
{
    private StrategiesConfig()
    {
    }

    /**
     * @param file the properties file.
     * @return the bots, in the order of {@code bots}.
     * @throws IOException              when the file cannot be read.
     * @throws IllegalArgumentException when it is not a valid configuration.
     */
    public static List<BotSpec> load(final Path file) throws IOException
    {
        final Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8))
        {
            properties.load(reader);
        }
        final Path base = file.toAbsolutePath().getParent();
        return parse(properties, base, file.toString());
    }

    /**
     * @param properties the settings.
     * @param base       the directory relative jar paths are resolved against.
     * @param source     names the settings in messages.
     * @return the bots.
     * @throws IllegalArgumentException when the settings are not a valid configuration.
     */
    public static List<BotSpec> parse(final Properties properties, final Path base, final String source)
    {
        final String botList = properties.getProperty("bots", "").trim();
        final List<BotSpec> bots = new ArrayList<>();
        if (botList.isEmpty())
        {
            return bots;
        }
        for (final String rawName : botList.split(","))
        {
            final String name = rawName.trim();
            final String prefix = "bot." + name + ".";
            final String className = required(properties, prefix + "class", source);
            final String jar = properties.getProperty(prefix + "jar", "").trim();
            final int account = (int)number(properties, prefix + "account", null, source);
            final long seed = number(properties, prefix + "seed", 1L, source);
            final Map<String, String> parameters = new TreeMap<>();
            final String parameterPrefix = prefix + "param.";
            for (final String key : properties.stringPropertyNames())
            {
                if (key.startsWith(parameterPrefix) && key.length() > parameterPrefix.length())
                {
                    parameters.put(key.substring(parameterPrefix.length()), properties.getProperty(key).trim());
                }
            }
            try
            {
                bots.add(new BotSpec(name, className, jar.isEmpty() ? null : base.resolve(jar), account, seed,
                    parameters));
            }
            catch (final IllegalArgumentException ex)
            {
                throw new IllegalArgumentException(source + ": " + ex.getMessage(), ex);
            }
        }
        return bots;
    }

    private static String required(final Properties properties, final String key, final String source)
    {
        final String value = properties.getProperty(key, "").trim();
        if (value.isEmpty())
        {
            throw new IllegalArgumentException(source + ": " + key + " is missing");
        }
        return value;
    }

    private static long number(
        final Properties properties, final String key, final Long defaultValue, final String source)
    {
        final String value = properties.getProperty(key, "").trim();
        if (value.isEmpty())
        {
            if (defaultValue == null)
            {
                throw new IllegalArgumentException(source + ": " + key + " is missing");
            }
            return defaultValue;
        }
        try
        {
            return Long.parseLong(value);
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException(source + ": " + key + " must be an integer, got '" + value + "'", ex);
        }
    }
}
