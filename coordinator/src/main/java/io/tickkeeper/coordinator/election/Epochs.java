package io.tickkeeper.coordinator.election;

import java.nio.charset.StandardCharsets;

/**
 * How a shard's epoch znode stores its fencing epoch: ASCII decimal, {@code 0} before the first primary.
 */
public final class Epochs
{
    private Epochs()
    {
    }

    /**
     * @param epoch an epoch.
     * @return its bytes in the epoch znode.
     */
    public static byte[] encode(final long epoch)
    {
        return Long.toString(epoch).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * @param data the epoch znode's bytes.
     * @return the epoch they hold (0 for empty).
     * @throws IllegalArgumentException when they hold no number.
     */
    public static long decode(final byte[] data)
    {
        if (data == null || data.length == 0)
        {
            return 0;
        }
        final String text = new String(data, StandardCharsets.US_ASCII).trim();
        try
        {
            return Long.parseLong(text);
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException("epoch znode holds no number: '" + text + "'", ex);
        }
    }
}
