package io.tickkeeper.matching.service;

import io.tickkeeper.matching.MatchingEngine;
import io.tickkeeper.matching.MatchingSnapshotSink;
import io.tickkeeper.matching.OrderType;
import io.tickkeeper.matching.Side;
import io.tickkeeper.matching.StpMode;
import io.tickkeeper.protocol.sbe.MatchingEngineStateDecoder;
import io.tickkeeper.protocol.sbe.MatchingEngineStateEncoder;
import io.tickkeeper.protocol.sbe.MatchingInstrumentStateDecoder;
import io.tickkeeper.protocol.sbe.MatchingInstrumentStateEncoder;
import io.tickkeeper.protocol.sbe.MatchingRestingOrderDecoder;
import io.tickkeeper.protocol.sbe.MatchingRestingOrderEncoder;
import io.tickkeeper.protocol.sbe.MessageHeaderDecoder;
import io.tickkeeper.protocol.sbe.MessageHeaderEncoder;
import io.tickkeeper.runtime.StateSnapshotter;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Writes a {@link MatchingEngine}'s state into snapshot bytes and loads them back: the engine's canonical walk
 * ({@link MatchingEngine#snapshot}) becomes SBE snapshot records back to back (MatchingEngineState, then per
 * instrument MatchingInstrumentState and its MatchingRestingOrders in priority order); reading feeds the records,
 * in the same order, to {@link MatchingEngine#restorer()}, which only works on a freshly built engine.
 */
public final class MatchingSnapshotCodec implements StateSnapshotter
{
    private final MatchingEngine engine;
    private final RecordWriter writer = new RecordWriter();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final MatchingEngineStateDecoder engineState = new MatchingEngineStateDecoder();
    private final MatchingInstrumentStateDecoder instrumentState = new MatchingInstrumentStateDecoder();
    private final MatchingRestingOrderDecoder order = new MatchingRestingOrderDecoder();

    /** @param engine the engine whose state is written and into which a snapshot is loaded. */
    public MatchingSnapshotCodec(final MatchingEngine engine)
    {
        this.engine = engine;
    }

    @Override
    public int writeSnapshot(final MutableDirectBuffer buffer)
    {
        writer.start(buffer);
        engine.snapshot(writer);
        return writer.limit;
    }

    @Override
    public void readSnapshot(final DirectBuffer buffer, final int offset, final int length)
    {
        final MatchingSnapshotSink restorer = engine.restorer();
        final int end = offset + length;
        int at = offset;
        while (at < end)
        {
            if (end - at < MessageHeaderDecoder.ENCODED_LENGTH)
            {
                throw new IllegalArgumentException("snapshot ends inside a record header at byte " + (at - offset));
            }
            header.wrap(buffer, at);
            if (header.schemaId() != MessageHeaderDecoder.SCHEMA_ID)
            {
                throw new IllegalArgumentException("snapshot record of schema " + header.schemaId());
            }
            final int body = at + MessageHeaderDecoder.ENCODED_LENGTH;
            final int next = body + header.blockLength();
            if (next > end)
            {
                throw new IllegalArgumentException("snapshot ends inside a record at byte " + (at - offset));
            }
            switch (header.templateId())
            {
                case MatchingEngineStateDecoder.TEMPLATE_ID:
                    engineState.wrap(buffer, body, header.blockLength(), header.version());
                    restorer.onEngineState(engineState.nextOrderId());
                    break;
                case MatchingInstrumentStateDecoder.TEMPLATE_ID:
                    instrumentState.wrap(buffer, body, header.blockLength(), header.version());
                    restorer.onInstrumentState(instrumentState.instrumentId(), instrumentState.referencePrice());
                    break;
                case MatchingRestingOrderDecoder.TEMPLATE_ID:
                    order.wrap(buffer, body, header.blockLength(), header.version());
                    restorer.onOrder(
                        order.instrumentId(), order.orderId(), order.accountId(), order.clientOrderId(),
                        ProtocolEnums.side(order.side()), ProtocolEnums.orderType(order.orderType()),
                        ProtocolEnums.stpMode(order.stpMode()), order.price(), order.openQuantity(),
                        order.timestampNs());
                    break;
                default:
                    throw new IllegalArgumentException(
                        "not a matching snapshot record: template " + header.templateId());
            }
            at = next;
        }
    }

    /** Encodes the engine's walk into the buffer, record after record. */
    private static final class RecordWriter implements MatchingSnapshotSink
    {
        private final MessageHeaderEncoder header = new MessageHeaderEncoder();
        private final MatchingEngineStateEncoder engineState = new MatchingEngineStateEncoder();
        private final MatchingInstrumentStateEncoder instrumentState = new MatchingInstrumentStateEncoder();
        private final MatchingRestingOrderEncoder order = new MatchingRestingOrderEncoder();
        private MutableDirectBuffer buffer;
        private int limit;

        void start(final MutableDirectBuffer buffer)
        {
            this.buffer = buffer;
            limit = 0;
        }

        @Override
        public void onEngineState(final long nextOrderId)
        {
            engineState.wrapAndApplyHeader(buffer, limit, header).nextOrderId(nextOrderId);
            limit += MessageHeaderEncoder.ENCODED_LENGTH + engineState.encodedLength();
        }

        @Override
        public void onInstrumentState(final int instrumentId, final long referencePrice)
        {
            instrumentState.wrapAndApplyHeader(buffer, limit, header)
                .referencePrice(referencePrice)
                .instrumentId(instrumentId);
            limit += MessageHeaderEncoder.ENCODED_LENGTH + instrumentState.encodedLength();
        }

        @Override
        public void onOrder(
            final int instrumentId, final long orderId, final int accountId, final long clientOrderId,
            final Side side, final OrderType type, final StpMode stpMode, final long price, final long openQuantity,
            final long timestampNs)
        {
            order.wrapAndApplyHeader(buffer, limit, header)
                .orderId(orderId)
                .clientOrderId(clientOrderId)
                .price(price)
                .openQuantity(openQuantity)
                .timestampNs(timestampNs)
                .instrumentId(instrumentId)
                .accountId(accountId)
                .side(ProtocolEnums.wire(side))
                .orderType(ProtocolEnums.wire(type))
                .stpMode(ProtocolEnums.wire(stpMode));
            limit += MessageHeaderEncoder.ENCODED_LENGTH + order.encodedLength();
        }
    }
}
