package io.tickkeeper.coordinator.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one strict JSON mapper of live configuration: no trailing tokens, no duplicate fields, no unknown or missing
 * properties, no coercion between strings, numbers and booleans, no NaN; map entries written in key order so the
 * stored form of a value is canonical.
 */
final class ConfigJson
{
    static final ObjectMapper MAPPER = JsonMapper.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .build();

    private static final int SHOWN_CHARS = 60;

    private ConfigJson()
    {
    }

    /**
     * @param keyName  the key the text is meant for, for the message.
     * @param rawJson  the text as given.
     * @return the parsed tree, never a missing or null node.
     * @throws ConfigException {@link ConfigException.Reason#INVALID_VALUE} when the text is not one JSON value.
     */
    static JsonNode parse(final String keyName, final String rawJson)
    {
        final JsonNode node;
        try
        {
            node = MAPPER.readTree(rawJson);
        }
        catch (final JsonProcessingException ex)
        {
            throw invalid(keyName + ": not valid JSON (" + oneLine(ex) + ")", ex);
        }
        if (node == null || node.isMissingNode())
        {
            throw invalid(keyName + ": no value given", null);
        }
        if (node.isNull())
        {
            throw invalid(keyName + ": null is not a value", null);
        }
        return node;
    }

    /**
     * @param value a decoded value.
     * @return its canonical JSON text.
     */
    static String write(final Object value)
    {
        try
        {
            return MAPPER.writeValueAsString(value);
        }
        catch (final JsonProcessingException ex)
        {
            throw new IllegalStateException("cannot write " + value.getClass().getName() + " as JSON", ex);
        }
    }

    /**
     * @param node a JSON value.
     * @return its text, shortened for a one-line message.
     */
    static String shown(final JsonNode node)
    {
        final String text = node.toString();
        return text.length() <= SHOWN_CHARS ? text : text.substring(0, SHOWN_CHARS) + "...";
    }

    /**
     * @param ex a Jackson failure.
     * @return its message without the source location, on one line.
     */
    static String oneLine(final JsonProcessingException ex)
    {
        final String message = ex.getOriginalMessage() == null ? ex.getClass().getSimpleName() : ex.getOriginalMessage();
        final int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    static ConfigException invalid(final String message, final Throwable cause)
    {
        return new ConfigException(ConfigException.Reason.INVALID_VALUE, message, cause);
    }
}
