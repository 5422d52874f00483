package io.tickkeeper.strategy;

import java.nio.charset.StandardCharsets;

import org.agrona.DirectBuffer;

/** Reads back, in the same order, the values a {@link StateWriter} wrote; refuses to read past the end. */
public final class StateReader
{
    private DirectBuffer buffer;
    private int position;
    private int limit;

    /**
     * Starts reading.
     *
     * @param buffer holds the values.
     * @param offset where they start.
     * @param length how many bytes there are.
     * @return this.
     */
    public StateReader wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        this.buffer = buffer;
        this.position = offset;
        this.limit = offset + length;
        return this;
    }

    /** @return where the next value is read from. */
    public int position()
    {
        return position;
    }

    /** @return how many bytes are left. */
    public int remaining()
    {
        return limit - position;
    }

    /** @return a long. */
    public long getLong()
    {
        need(Long.BYTES);
        final long value = buffer.getLong(position);
        position += Long.BYTES;
        return value;
    }

    /** @return an int. */
    public int getInt()
    {
        need(Integer.BYTES);
        final int value = buffer.getInt(position);
        position += Integer.BYTES;
        return value;
    }

    /** @return a double. */
    public double getDouble()
    {
        return Double.longBitsToDouble(getLong());
    }

    /** @return a boolean. */
    public boolean getBoolean()
    {
        need(1);
        final byte value = buffer.getByte(position);
        position += 1;
        return value != 0;
    }

    /** @return a string. */
    public String getString()
    {
        final int length = getInt();
        if (length < 0)
        {
            throw new IllegalArgumentException("state has a string of negative length " + length);
        }
        need(length);
        final byte[] bytes = new byte[length];
        buffer.getBytes(position, bytes);
        position += length;
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private void need(final int bytes)
    {
        if (limit - position < bytes)
        {
            throw new IllegalArgumentException("state ends at byte " + limit + ", needed " + bytes + " more at " +
                position);
        }
    }
}
