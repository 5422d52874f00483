package io.tickkeeper.runtime.replication;

import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;

import io.aeron.Publication;
import io.aeron.ReservedValueSupplier;
import io.aeron.logbuffer.Header;
import io.tickkeeper.protocol.sbe.CatchUpRequestEncoder;
import io.tickkeeper.protocol.sbe.InputFrameEncoder;
import io.tickkeeper.protocol.sbe.MessageHeaderDecoder;
import io.tickkeeper.protocol.sbe.MessageHeaderEncoder;
import io.tickkeeper.protocol.sbe.ReplicationAckEncoder;
import io.tickkeeper.protocol.sbe.TruncateEncoder;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The replication wire: stream ids, reading the epoch and sequence out of an input's frame, telling control
 * messages from inputs, and offering to a publication with a bounded, parking retry.
 * <p>
 * The sender's epoch: every frame a primary sends to a standby (inputs, live or from the journal, and Truncate)
 * carries the primary's own epoch in the Aeron data header's reserved value, beside the message, so inputs still
 * travel exactly as sequenced. The standby fences on it ({@link #senderEpoch(Header)}): it tells who sends, while
 * the epoch inside an input says when that input was sequenced, which for a catch-up from the journal may be an
 * epoch long past.
 */
final class ReplicationMessages
{
    /** Primary to standby: inputs, and Truncate. */
    static final int DATA_STREAM_ID = 3_001;
    /** Standby to primary: CatchUpRequest and ReplicationAck. */
    static final int CONTROL_STREAM_ID = 3_002;
    static final int HEADER_LENGTH = MessageHeaderEncoder.ENCODED_LENGTH;
    static final int MIN_INPUT_LENGTH = HEADER_LENGTH + InputFrameEncoder.ENCODED_LENGTH;

    private static final ByteOrder ORDER = InputFrameEncoder.BYTE_ORDER;
    private static final int EPOCH_OFFSET = HEADER_LENGTH + InputFrameEncoder.epochEncodingOffset();
    private static final int SEQUENCE_OFFSET = HEADER_LENGTH + InputFrameEncoder.sequenceEncodingOffset();
    private static final int TEMPLATE_ID_OFFSET = MessageHeaderDecoder.templateIdEncodingOffset();
    private static final int SCHEMA_ID_OFFSET = MessageHeaderDecoder.schemaIdEncodingOffset();
    private static final Pattern ENDPOINT = Pattern.compile("[A-Za-z0-9.\\-]+:\\d{1,5}");
    private static final long OFFER_PARK_NS = TimeUnit.MICROSECONDS.toNanos(50);

    private ReplicationMessages()
    {
    }

    static long epoch(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + EPOCH_OFFSET, ORDER);
    }

    static long sequence(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + SEQUENCE_OFFSET, ORDER);
    }

    /** @return the epoch of the primary that sent the frame (0 for a sender that put none). */
    static long senderEpoch(final Header header)
    {
        return header.reservedValue();
    }

    static int templateId(final DirectBuffer buffer, final int offset)
    {
        return buffer.getShort(offset + TEMPLATE_ID_OFFSET, ORDER) & 0xFFFF;
    }

    static boolean isOurSchema(final DirectBuffer buffer, final int offset, final int length)
    {
        return length >= HEADER_LENGTH &&
            (buffer.getShort(offset + SCHEMA_ID_OFFSET, ORDER) & 0xFFFF) == MessageHeaderEncoder.SCHEMA_ID;
    }

    static String channelOf(final String endpoint)
    {
        if (endpoint == null || !ENDPOINT.matcher(endpoint).matches())
        {
            throw new IllegalArgumentException("endpoint must be host:port: " + endpoint);
        }
        return "aeron:udp?endpoint=" + endpoint;
    }

    static int encodeAck(
        final MutableDirectBuffer buffer, final MessageHeaderEncoder header, final ReplicationAckEncoder ack,
        final long replicaSessionId, final long epoch, final long sequence)
    {
        ack.wrapAndApplyHeader(buffer, 0, header).replicaSessionId(replicaSessionId).epoch(epoch).sequence(sequence);
        return HEADER_LENGTH + ack.encodedLength();
    }

    static int encodeTruncate(
        final MutableDirectBuffer buffer, final long replicaSessionId, final long epoch, final long sequence)
    {
        final TruncateEncoder truncate = new TruncateEncoder();
        truncate.wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
            .replicaSessionId(replicaSessionId).epoch(epoch).sequence(sequence);
        return HEADER_LENGTH + truncate.encodedLength();
    }

    static int encodeCatchUpRequest(
        final MutableDirectBuffer buffer, final long replicaSessionId, final long lastEpoch, final long lastSequence,
        final long highestEpochSeen, final String replicaEndpoint)
    {
        final CatchUpRequestEncoder request = new CatchUpRequestEncoder();
        request.wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
            .replicaSessionId(replicaSessionId)
            .lastEpoch(lastEpoch)
            .lastSequence(lastSequence)
            .highestEpochSeen(highestEpochSeen)
            .replicaEndpoint(replicaEndpoint);
        return HEADER_LENGTH + request.encodedLength();
    }

    /**
     * Offers a message, retrying (parking between tries) while the publication is back-pressured or not yet
     * connected, until the deadline or until {@code stop} says so.
     *
     * @param senderEpoch supplies the sending primary's epoch into the frame's reserved value.
     * @return true when the message was taken.
     */
    static boolean offer(
        final Publication publication, final DirectBuffer buffer, final int offset, final int length,
        final ReservedValueSupplier senderEpoch, final long deadlineNs, final StopCondition stop)
    {
        while (true)
        {
            final long result = publication.offer(buffer, offset, length, senderEpoch);
            if (result > 0)
            {
                return true;
            }
            if (result == Publication.CLOSED || result == Publication.MAX_POSITION_EXCEEDED ||
                System.nanoTime() - deadlineNs > 0 || stop.shouldStop())
            {
                return false;
            }
            LockSupport.parkNanos(OFFER_PARK_NS);
        }
    }

    /** Tells a retry loop to give up early. */
    @FunctionalInterface
    interface StopCondition
    {
        boolean shouldStop();
    }
}
