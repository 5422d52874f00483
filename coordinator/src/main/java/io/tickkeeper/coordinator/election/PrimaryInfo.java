package io.tickkeeper.coordinator.election;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tickkeeper.coordinator.ZkPaths;

/**
 * The content of a shard's ephemeral {@code primary} znode: who the primary is, where it listens, and the
 * fencing epoch it holds. Stored as JSON, e.g. {@code {"node":"me-1","endpoint":"127.0.0.1:9001","epoch":7}}.
 *
 * @param node     the primary's node name.
 * @param endpoint where clients and the standby reach it ({@code host:port}, or any address the service uses).
 * @param epoch    the fencing epoch it bumped to on winning; every output it emits carries this epoch.
 */
public record PrimaryInfo(String node, String endpoint, long epoch)
{
    private static final ObjectMapper JSON = new ObjectMapper()
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /**
     * Checks the fields.
     */
    public PrimaryInfo
    {
        ZkPaths.checkName(node);
        if (endpoint == null || endpoint.isBlank())
        {
            throw new IllegalArgumentException("endpoint must be given");
        }
        if (epoch < 1)
        {
            throw new IllegalArgumentException("epoch must be positive: " + epoch);
        }
    }

    /** @return the JSON bytes stored in the primary znode. */
    public byte[] toJson()
    {
        try
        {
            return JSON.writeValueAsBytes(this);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * @param json the bytes of a primary znode.
     * @return the decoded value.
     * @throws IllegalArgumentException when the bytes are not a valid primary record.
     */
    public static PrimaryInfo fromJson(final byte[] json)
    {
        try
        {
            return JSON.readValue(json, PrimaryInfo.class);
        }
        catch (final IOException ex)
        {
            final String message = String.valueOf(ex.getMessage());
            final int newline = message.indexOf('\n');
            throw new IllegalArgumentException(
                "not a primary record: " + (newline < 0 ? message : message.substring(0, newline)), ex);
        }
    }
}
