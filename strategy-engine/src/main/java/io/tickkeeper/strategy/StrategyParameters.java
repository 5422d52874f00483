package io.tickkeeper.strategy;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A strategy's live parameters: string keys to string values, first from {@code config/strategies.properties}, then
 * changed at run time through ZooKeeper ({@code /tickkeeper/config/strategy/<bot>/<key>}) as sequenced inputs.
 * Typed getters parse on each call and name the key and the bot in their error.
 */
public final class StrategyParameters
{
    private final String bot;
    private final TreeMap<String, String> values;

    /**
     * @param bot    the bot the parameters belong to, for messages.
     * @param values the values; copied.
     */
    public StrategyParameters(final String bot, final Map<String, String> values)
    {
        this.bot = bot;
        this.values = new TreeMap<>(values);
    }

    /**
     * @param key a key.
     * @return its value, or null.
     */
    public String get(final String key)
    {
        return values.get(key);
    }

    /**
     * @param key          a key.
     * @param defaultValue the value when the key has none.
     * @return the value as a long.
     * @throws IllegalArgumentException when the value is not an integer.
     */
    public long getLong(final String key, final long defaultValue)
    {
        final String raw = values.get(key);
        if (raw == null)
        {
            return defaultValue;
        }
        try
        {
            return Long.parseLong(raw.trim());
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException(describe(key, raw, "an integer"), ex);
        }
    }

    /**
     * @param key          a key.
     * @param defaultValue the value when the key has none.
     * @return the value as an int.
     * @throws IllegalArgumentException when the value is not a 32-bit integer.
     */
    public int getInt(final String key, final int defaultValue)
    {
        final long value = getLong(key, defaultValue);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE)
        {
            throw new IllegalArgumentException(describe(key, values.get(key), "a 32-bit integer"));
        }
        return (int)value;
    }

    /**
     * @param key          a key.
     * @param defaultValue the value when the key has none.
     * @return the value as a finite double.
     * @throws IllegalArgumentException when the value is not a finite number.
     */
    public double getDouble(final String key, final double defaultValue)
    {
        final String raw = values.get(key);
        if (raw == null)
        {
            return defaultValue;
        }
        try
        {
            final double value = Double.parseDouble(raw.trim());
            if (!Double.isFinite(value))
            {
                throw new IllegalArgumentException(describe(key, raw, "a finite number"));
            }
            return value;
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException(describe(key, raw, "a number"), ex);
        }
    }

    /**
     * @param key          a key.
     * @param defaultValue the value when the key has none.
     * @return the value as a boolean.
     * @throws IllegalArgumentException when the value is neither {@code true} nor {@code false}.
     */
    public boolean getBoolean(final String key, final boolean defaultValue)
    {
        final String raw = values.get(key);
        if (raw == null)
        {
            return defaultValue;
        }
        final String trimmed = raw.trim();
        if ("true".equals(trimmed) || "false".equals(trimmed))
        {
            return Boolean.parseBoolean(trimmed);
        }
        throw new IllegalArgumentException(describe(key, raw, "true or false"));
    }

    /** @return every key and value, sorted by key; read-only. */
    public SortedMap<String, String> asMap()
    {
        return Collections.unmodifiableSortedMap(values);
    }

    /**
     * Sets or removes one value.
     *
     * @param key   the key.
     * @param value the new value, or null to remove it.
     * @return the previous value, or null.
     */
    String put(final String key, final String value)
    {
        return value == null ? values.remove(key) : values.put(key, value);
    }

    void replaceAll(final Map<String, String> newValues)
    {
        values.clear();
        values.putAll(newValues);
    }

    private String describe(final String key, final String raw, final String expected)
    {
        return "parameter " + key + " of bot " + bot + " must be " + expected + ", got '" + raw + "'";
    }

    @Override
    public String toString()
    {
        return bot + values;
    }
}
