package io.tickkeeper.node.broadcast;

import java.nio.ByteOrder;

/**
 * The wire layout of a broadcast message: the publishing primary's epoch (int64, little-endian) followed by the
 * message itself (an SBE message, header first). Eight bytes keep an SBE message that starts on an 8-byte boundary
 * on one after the prefix, so its fields stay naturally aligned.
 */
public final class BroadcastFrame
{
    /** The Aeron stream id of every broadcast channel. */
    public static final int STREAM_ID = 5_001;

    /** Where the epoch sits in a frame. */
    public static final int EPOCH_OFFSET = 0;

    /** Length of the epoch prefix; the message starts here. */
    public static final int HEADER_LENGTH = Long.BYTES;

    /** Byte order of the epoch (the SBE schema's). */
    public static final ByteOrder BYTE_ORDER = ByteOrder.LITTLE_ENDIAN;

    private BroadcastFrame()
    {
    }
}
