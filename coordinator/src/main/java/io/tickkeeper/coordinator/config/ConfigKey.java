package io.tickkeeper.coordinator.config;

import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.tickkeeper.coordinator.ZkPaths;

/**
 * One live configuration key: its name (also its znode name under {@link ZkPaths#CONFIG}), Java type, default,
 * validation and documentation. A value is JSON text; {@link #decode(String)} turns it into a checked {@code T} or
 * refuses it with a message that names the key and the rule it breaks.
 *
 * @param <T> the type of the value.
 */
public final class ConfigKey<T>
{
    /** Turns a parsed JSON value into a {@code T}, or throws a {@link ConfigException} naming the key. */
    @FunctionalInterface
    interface Decoder<T>
    {
        T decode(String keyName, JsonNode node);
    }

    private final String name;
    private final Class<T> type;
    private final String typeName;
    private final String range;
    private final T defaultValue;
    private final Decoder<T> decoder;
    private final ConfigValidator<T> validator;
    private final String doc;

    private ConfigKey(
        final String name,
        final Class<T> type,
        final String typeName,
        final String range,
        final T defaultValue,
        final Decoder<T> decoder,
        final ConfigValidator<T> validator,
        final String doc)
    {
        this.name = ZkPaths.checkName(name);
        this.type = type;
        this.typeName = typeName;
        this.range = range;
        this.defaultValue = defaultValue;
        this.decoder = decoder;
        this.validator = validator;
        this.doc = doc;
        if (doc == null || doc.isBlank())
        {
            throw new IllegalArgumentException("config key " + name + " needs a doc string");
        }
        final Optional<String> problem = validator.problem(defaultValue);
        if (problem.isPresent())
        {
            throw new IllegalArgumentException("default of " + name + " fails its own validation: " + problem.get());
        }
    }

    /**
     * @param name         the key name.
     * @param defaultValue the value in force while none is stored.
     * @param min          smallest allowed value, inclusive.
     * @param max          largest allowed value, inclusive.
     * @param doc          what the key means, with its unit.
     * @return an integer key (a JSON integer that fits a {@code long}).
     */
    public static ConfigKey<Long> ofLong(
        final String name, final long defaultValue, final long min, final long max, final String doc)
    {
        if (min > max)
        {
            throw new IllegalArgumentException(name + ": min " + min + " > max " + max);
        }
        return new ConfigKey<>(name, Long.class, "integer", "[" + min + ", " + max + "]", defaultValue,
            ConfigKey::decodeLong,
            value -> value < min || value > max ?
                Optional.of("must be between " + min + " and " + max + ", got " + value) : Optional.empty(),
            doc);
    }

    /**
     * @param name         the key name.
     * @param defaultValue the value in force while none is stored.
     * @param min          smallest allowed value, inclusive.
     * @param max          largest allowed value, inclusive.
     * @param doc          what the key means, with its unit.
     * @return a number key (any finite JSON number).
     */
    public static ConfigKey<Double> ofDouble(
        final String name, final double defaultValue, final double min, final double max, final String doc)
    {
        if (!(min <= max))
        {
            throw new IllegalArgumentException(name + ": min " + min + " > max " + max);
        }
        return new ConfigKey<>(name, Double.class, "number", "[" + min + ", " + max + "]", defaultValue,
            ConfigKey::decodeDouble,
            value -> value < min || value > max ?
                Optional.of("must be between " + min + " and " + max + ", got " + value) : Optional.empty(),
            doc);
    }

    /**
     * @param name         the key name.
     * @param defaultValue the value in force while none is stored.
     * @param doc          what {@code true} means.
     * @return a boolean key (JSON {@code true} or {@code false}, nothing else).
     */
    public static ConfigKey<Boolean> ofBoolean(final String name, final boolean defaultValue, final String doc)
    {
        return new ConfigKey<>(name, Boolean.class, "boolean", "true or false", defaultValue,
            ConfigKey::decodeBoolean, value -> Optional.empty(), doc);
    }

    /**
     * @param name         the key name.
     * @param type         a record (or other Jackson-mappable class) the JSON object maps to, strictly.
     * @param defaultValue the value in force while none is stored.
     * @param range        the rules of {@code validator}, in words, for the documentation.
     * @param validator    the rules a mapped value must meet.
     * @param doc          what the key means.
     * @param <T>          the value type.
     * @return an object key.
     */
    public static <T> ConfigKey<T> ofObject(
        final String name,
        final Class<T> type,
        final T defaultValue,
        final String range,
        final ConfigValidator<T> validator,
        final String doc)
    {
        return new ConfigKey<>(name, type, "object", range, defaultValue,
            (keyName, node) -> decodeObject(keyName, node, type), validator, doc);
    }

    /**
     * Parses and validates a value.
     *
     * @param rawJson the value as JSON text.
     * @return the checked value.
     * @throws ConfigException {@link ConfigException.Reason#INVALID_VALUE} with a one-line message naming this key.
     */
    public T decode(final String rawJson)
    {
        final T value = decoder.decode(name, ConfigJson.parse(name, rawJson));
        final Optional<String> problem = validator.problem(value);
        if (problem.isPresent())
        {
            throw ConfigJson.invalid(name + " " + problem.get(), null);
        }
        return value;
    }

    /**
     * @param value a value of this key.
     * @return its canonical JSON text, the form that is stored.
     */
    public String encode(final T value)
    {
        return ConfigJson.write(type.cast(value));
    }

    /** @return the key name, also its znode name. */
    public String name()
    {
        return name;
    }

    /** @return the Java type of the value. */
    public Class<T> type()
    {
        return type;
    }

    /** @return the JSON type in words: integer, number, boolean or object. */
    public String typeName()
    {
        return typeName;
    }

    /** @return the allowed values in words, for documentation and help. */
    public String range()
    {
        return range;
    }

    /** @return the value in force while none is stored. */
    public T defaultValue()
    {
        return defaultValue;
    }

    /** @return what the key means. */
    public String doc()
    {
        return doc;
    }

    @Override
    public String toString()
    {
        return name;
    }

    private static Long decodeLong(final String keyName, final JsonNode node)
    {
        if (!node.isIntegralNumber() || !node.canConvertToLong())
        {
            throw ConfigJson.invalid(keyName + " must be an integer, got " + ConfigJson.shown(node), null);
        }
        return node.longValue();
    }

    private static Double decodeDouble(final String keyName, final JsonNode node)
    {
        if (!node.isNumber() || !Double.isFinite(node.doubleValue()))
        {
            throw ConfigJson.invalid(keyName + " must be a finite number, got " + ConfigJson.shown(node), null);
        }
        return node.doubleValue();
    }

    private static Boolean decodeBoolean(final String keyName, final JsonNode node)
    {
        if (!node.isBoolean())
        {
            throw ConfigJson.invalid(keyName + " must be true or false, got " + ConfigJson.shown(node), null);
        }
        return node.booleanValue();
    }

    private static <T> T decodeObject(final String keyName, final JsonNode node, final Class<T> type)
    {
        if (!node.isObject())
        {
            throw ConfigJson.invalid(keyName + " must be a JSON object, got " + ConfigJson.shown(node), null);
        }
        try
        {
            return ConfigJson.MAPPER.treeToValue(node, type);
        }
        catch (final JsonProcessingException ex)
        {
            throw ConfigJson.invalid(keyName + ": " + ConfigJson.oneLine(ex), ex);
        }
    }
}
