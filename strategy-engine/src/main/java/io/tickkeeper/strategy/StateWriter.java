package io.tickkeeper.strategy;

import java.nio.charset.StandardCharsets;

import org.agrona.MutableDirectBuffer;

/**
 * Appends values to a snapshot, little-endian, one after another; {@link StateReader} reads them back in the same
 * order. The buffer must be expandable (it grows as written).
 */
public final class StateWriter
{
    private MutableDirectBuffer buffer;
    private int position;

    /**
     * Starts writing.
     *
     * @param buffer   an expandable buffer.
     * @param position where to start.
     * @return this.
     */
    public StateWriter wrap(final MutableDirectBuffer buffer, final int position)
    {
        this.buffer = buffer;
        this.position = position;
        return this;
    }

    /** @return where the next value goes: the end of what was written. */
    public int position()
    {
        return position;
    }

    /** @param value a long. */
    public void putLong(final long value)
    {
        buffer.putLong(position, value);
        position += Long.BYTES;
    }

    /** @param value an int. */
    public void putInt(final int value)
    {
        buffer.putInt(position, value);
        position += Integer.BYTES;
    }

    /** @param value a double (its exact bits). */
    public void putDouble(final double value)
    {
        putLong(Double.doubleToRawLongBits(value));
    }

    /** @param value a boolean. */
    public void putBoolean(final boolean value)
    {
        buffer.putByte(position, (byte)(value ? 1 : 0));
        position += 1;
    }

    /** @param value a string (UTF-8, length first); not null. */
    public void putString(final String value)
    {
        final byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        putInt(bytes.length);
        buffer.putBytes(position, bytes);
        position += bytes.length;
    }
}
