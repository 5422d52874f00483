package io.tickkeeper.risk;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import io.tickkeeper.protocol.sbe.OrderType;
import io.tickkeeper.protocol.sbe.Side;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/** The primitives of the risk snapshot: little-endian fields written and read in sequence, ASCII strings. */
final class SnapshotFormat
{
    static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private SnapshotFormat()
    {
    }

    static Side side(final int value)
    {
        final Side side = Side.get((short)value);
        if (side == Side.NULL_VAL)
        {
            throw new IllegalArgumentException("no side " + value);
        }
        return side;
    }

    static OrderType orderType(final int value)
    {
        final OrderType type = OrderType.get((short)value);
        if (type == OrderType.NULL_VAL)
        {
            throw new IllegalArgumentException("no order type " + value);
        }
        return type;
    }

    /** Writes fields one after the other into an expandable buffer. */
    static final class Writer
    {
        private final MutableDirectBuffer buffer;
        private int position;

        Writer(final MutableDirectBuffer buffer, final int offset)
        {
            this.buffer = buffer;
            this.position = offset;
        }

        int position()
        {
            return position;
        }

        Writer putLong(final long value)
        {
            buffer.putLong(position, value, ORDER);
            position += Long.BYTES;
            return this;
        }

        Writer putInt(final int value)
        {
            buffer.putInt(position, value, ORDER);
            position += Integer.BYTES;
            return this;
        }

        Writer putBoolean(final boolean value)
        {
            buffer.putByte(position, value ? (byte)1 : (byte)0);
            position++;
            return this;
        }

        Writer putString(final String value)
        {
            final int length = value.length();
            putInt(length);
            for (int i = 0; i < length; i++)
            {
                buffer.putByte(position + i, (byte)value.charAt(i));
            }
            position += length;
            return this;
        }
    }

    /** Reads fields one after the other, refusing to read past the end. */
    static final class Reader
    {
        private final DirectBuffer buffer;
        private final int end;
        private int position;

        Reader(final DirectBuffer buffer, final int offset, final int length)
        {
            this.buffer = buffer;
            this.position = offset;
            this.end = offset + length;
        }

        int remaining()
        {
            return end - position;
        }

        long getLong()
        {
            need(Long.BYTES);
            final long value = buffer.getLong(position, ORDER);
            position += Long.BYTES;
            return value;
        }

        int getInt()
        {
            need(Integer.BYTES);
            final int value = buffer.getInt(position, ORDER);
            position += Integer.BYTES;
            return value;
        }

        boolean getBoolean()
        {
            need(1);
            return buffer.getByte(position++) != 0;
        }

        String getString()
        {
            final int length = getInt();
            if (length < 0)
            {
                throw new IllegalArgumentException("risk snapshot string of length " + length);
            }
            need(length);
            final byte[] bytes = new byte[length];
            buffer.getBytes(position, bytes);
            position += length;
            return new String(bytes, StandardCharsets.US_ASCII);
        }

        private void need(final int bytes)
        {
            if (end - position < bytes)
            {
                throw new IllegalArgumentException("risk snapshot ends early");
            }
        }
    }
}
