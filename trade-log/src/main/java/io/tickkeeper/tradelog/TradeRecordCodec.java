package io.tickkeeper.tradelog;

import net.openhft.chronicle.bytes.Bytes;
import org.agrona.concurrent.UnsafeBuffer;

import io.tickkeeper.protocol.sbe.MessageHeaderDecoder;
import io.tickkeeper.protocol.sbe.MessageHeaderEncoder;
import io.tickkeeper.protocol.sbe.TradeLogRecordDecoder;
import io.tickkeeper.protocol.sbe.TradeLogRecordEncoder;

/**
 * The adapter between a {@link TradeRecord} and the bytes of one trade-log excerpt: an SBE message header followed
 * by a {@code TradeLogRecord} (template 621). Not thread-safe: one per reader or writer.
 */
final class TradeRecordCodec
{
    /** Length of one excerpt: header plus the fixed-length body. */
    static final int LENGTH = MessageHeaderEncoder.ENCODED_LENGTH + TradeLogRecordEncoder.BLOCK_LENGTH;

    private final byte[] scratch = new byte[LENGTH];
    private final UnsafeBuffer buffer = new UnsafeBuffer(scratch);
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final TradeLogRecordEncoder encoder = new TradeLogRecordEncoder();
    private final TradeLogRecordDecoder decoder = new TradeLogRecordDecoder();

    /**
     * Writes a record as one excerpt's bytes.
     *
     * @param record the record.
     * @param bytes  the excerpt's bytes, positioned where the record starts.
     */
    void encode(final TradeRecord record, final Bytes<?> bytes)
    {
        encoder.wrapAndApplyHeader(buffer, 0, headerEncoder)
            .writerToken(record.writerToken())
            .tradeId(record.tradeId())
            .matchingEpoch(record.matchingEpoch())
            .matchingSequence(record.matchingSequence())
            .timestampNs(record.timestampNs())
            .price(record.price())
            .quantity(record.quantity())
            .buyOrderId(record.buyOrderId())
            .sellOrderId(record.sellOrderId())
            .instrumentId(record.instrumentId())
            .buyAccountId(record.buyAccountId())
            .sellAccountId(record.sellAccountId())
            .aggressorSide(record.aggressorSide());
        bytes.write(scratch, 0, LENGTH);
    }

    /**
     * Reads one excerpt's bytes into a record.
     *
     * @param bytes the excerpt's bytes.
     * @param index the excerpt's queue index, for the error message.
     * @param into  the record to fill.
     * @throws IllegalStateException when the excerpt is not a trade-log record.
     */
    void decode(final Bytes<?> bytes, final long index, final TradeRecord into)
    {
        final long remaining = bytes.readRemaining();
        if (remaining < LENGTH)
        {
            throw new IllegalStateException("trade log excerpt at index " + Long.toHexString(index) + " has " +
                remaining + " bytes, a record needs " + LENGTH);
        }
        bytes.read(scratch, 0, LENGTH);
        headerDecoder.wrap(buffer, 0);
        if (headerDecoder.templateId() != TradeLogRecordDecoder.TEMPLATE_ID ||
            headerDecoder.schemaId() != TradeLogRecordDecoder.SCHEMA_ID)
        {
            throw new IllegalStateException("trade log excerpt at index " + Long.toHexString(index) +
                " is template " + headerDecoder.templateId() + " of schema " + headerDecoder.schemaId() +
                ", not a TradeLogRecord");
        }
        decoder.wrapAndApplyHeader(buffer, 0, headerDecoder);
        into.set(
            decoder.writerToken(),
            decoder.tradeId(),
            decoder.matchingEpoch(),
            decoder.matchingSequence(),
            decoder.timestampNs(),
            decoder.price(),
            decoder.quantity(),
            decoder.buyOrderId(),
            decoder.sellOrderId(),
            decoder.instrumentId(),
            decoder.buyAccountId(),
            decoder.sellAccountId(),
            decoder.aggressorSide());
    }
}
