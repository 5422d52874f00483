package io.tickkeeper.node;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.tickkeeper.protocol.sbe.CancelReason;
import io.tickkeeper.protocol.sbe.EndOfDayDecoder;
import io.tickkeeper.protocol.sbe.EndOfDayEncoder;
import io.tickkeeper.protocol.sbe.InputFrameDecoder;
import io.tickkeeper.protocol.sbe.MessageHeaderDecoder;
import io.tickkeeper.protocol.sbe.MessageHeaderEncoder;
import io.tickkeeper.protocol.sbe.OrderAcceptedEncoder;
import io.tickkeeper.protocol.sbe.OrderCancelledDecoder;
import io.tickkeeper.protocol.sbe.OrderCancelledEncoder;
import io.tickkeeper.protocol.sbe.OrderType;
import io.tickkeeper.protocol.sbe.SetReferencePriceDecoder;
import io.tickkeeper.protocol.sbe.Side;
import io.tickkeeper.runtime.EnginePipeline;
import io.tickkeeper.runtime.InputHandler;
import io.tickkeeper.runtime.OutputSink;
import io.tickkeeper.runtime.PipelineState;
import io.tickkeeper.runtime.StateSnapshotter;
import io.tickkeeper.runtime.session.SessionTable;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A small replicated service for the node's tests. Its state is a count of inputs and a sum of prices:
 * <ul>
 *   <li>a client's SetReferencePrice adds its price and is answered with an OrderAccepted whose orderId is the new
 *       count; for instrument {@value #FORWARDED_INSTRUMENT} it also emits an OrderCancelled, which the service's
 *       output router consumes (standing for a command forwarded to another service);</li>
 *   <li>an EndOfDay with session 0 is the service's own marker, published from {@link #onPrimary}: it counts too
 *       and is answered to nobody.</li>
 * </ul>
 */
final class CountingService implements ReplicatedService
{
    static final int FORWARDED_INSTRUMENT = 7;

    final List<Long> primaryEpochs = new CopyOnWriteArrayList<>();
    final List<Long> markerSequences = new CopyOnWriteArrayList<>();
    final List<Long> routedOrderIds = new CopyOnWriteArrayList<>();
    volatile int notPrimaryCalls;
    /** A client sequence the pipeline refuses the first time it comes (0: none). */
    volatile long refuseOnce;
    volatile Counter lastState;

    volatile InputPublisher inputs;

    private final MessageHeaderDecoder checkHeader = new MessageHeaderDecoder();
    private final OrderCancelledDecoder routedDecoder = new OrderCancelledDecoder();
    private final MessageHeaderDecoder routedHeader = new MessageHeaderDecoder();

    @Override
    public String name()
    {
        return "counting";
    }

    @Override
    public ServicePipeline newPipeline(final EnginePipeline.Context runtime, final Path snapshotDirectory)
    {
        final Counter counter = new Counter();
        lastState = counter;
        return new RefusingOnce(new SessionPipeline(runtime, snapshotDirectory, counter, counter, counter::stateHash,
            new SessionTable(64, 256, 16)));
    }

    @Override
    public void checkCommand(final DirectBuffer buffer, final int offset, final int length)
    {
        final MessageHeaderDecoder header = checkHeader.wrap(buffer, offset);
        if (header.schemaId() != SetReferencePriceDecoder.SCHEMA_ID
            || header.templateId() != SetReferencePriceDecoder.TEMPLATE_ID
            || length < MessageHeaderDecoder.ENCODED_LENGTH + SetReferencePriceDecoder.BLOCK_LENGTH)
        {
            throw new IllegalArgumentException("not a SetReferencePrice");
        }
    }

    @Override
    public boolean routeOutput(final long sequence, final DirectBuffer buffer, final int offset, final int length)
    {
        routedHeader.wrap(buffer, offset);
        if (routedHeader.templateId() != OrderCancelledDecoder.TEMPLATE_ID)
        {
            return false;
        }
        routedOrderIds.add(routedDecoder.wrapAndApplyHeader(buffer, offset, routedHeader).orderId());
        return true;
    }

    @Override
    public void onPrimary(final long epoch, final InputPublisher inputs)
    {
        primaryEpochs.add(epoch);
        this.inputs = inputs;
        final UnsafeBuffer marker = new UnsafeBuffer(new byte[64]);
        final EndOfDayEncoder encoder = new EndOfDayEncoder().wrapAndApplyHeader(marker, 0, new MessageHeaderEncoder());
        encoder.frame().epoch(0).sequence(0).clientSessionId(0).clientSequence(0).timestampNs(epoch);
        markerSequences.add(inputs.publish(marker, 0, MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength()));
    }

    @Override
    public void onNotPrimary()
    {
        notPrimaryCalls++;
    }

    /**
     * The pipeline, which refuses (IllegalStateException, as a service holding client commands back while its
     * primary hook runs) the client command whose client sequence is {@link #refuseOnce} the first time it comes.
     */
    private final class RefusingOnce implements ServicePipeline
    {
        private final ServicePipeline pipeline;

        RefusingOnce(final ServicePipeline pipeline)
        {
            this.pipeline = pipeline;
        }

        @Override
        public long start()
        {
            return pipeline.start();
        }

        @Override
        public long publish(final DirectBuffer buffer, final int offset, final int length)
        {
            final long clientSequence = buffer.getLong(MessageHeaderDecoder.ENCODED_LENGTH
                + InputFrameDecoder.clientSequenceEncodingOffset() + offset, MessageHeaderDecoder.BYTE_ORDER);
            if (clientSequence != 0 && clientSequence == refuseOnce)
            {
                refuseOnce = 0;
                throw new IllegalStateException("client command " + clientSequence + " held back once");
            }
            return pipeline.publish(buffer, offset, length);
        }

        @Override
        public void requestSnapshot()
        {
            pipeline.requestSnapshot();
        }

        @Override
        public long lastSnapshotSequence()
        {
            return pipeline.lastSnapshotSequence();
        }

        @Override
        public long outputSequence()
        {
            return pipeline.outputSequence();
        }

        @Override
        public PipelineState state()
        {
            return pipeline.state();
        }

        @Override
        public long stateHash()
        {
            return pipeline.stateHash();
        }

        @Override
        public EnginePipeline runtime()
        {
            return pipeline.runtime();
        }

        @Override
        public void close()
        {
            pipeline.close();
        }
    }

    /** The state and logic of one incarnation: a count of inputs and a sum of prices. */
    static final class Counter implements InputHandler, StateSnapshotter
    {
        private final MessageHeaderDecoder header = new MessageHeaderDecoder();
        private final SetReferencePriceDecoder price = new SetReferencePriceDecoder();
        private final MessageHeaderEncoder headerOut = new MessageHeaderEncoder();
        private final OrderAcceptedEncoder accepted = new OrderAcceptedEncoder();
        private final OrderCancelledEncoder cancelled = new OrderCancelledEncoder();
        private long count;
        private long sum;

        @Override
        public void onInput(
            final long sequence, final DirectBuffer buffer, final int offset, final int length, final OutputSink out)
        {
            header.wrap(buffer, offset);
            count++;
            if (header.templateId() == EndOfDayDecoder.TEMPLATE_ID)
            {
                return;
            }
            price.wrapAndApplyHeader(buffer, offset, header);
            sum += price.referencePrice();
            final long epoch = price.frame().epoch();
            final long session = price.frame().clientSessionId();
            final long clientSequence = price.frame().clientSequence();
            final long timestampNs = price.frame().timestampNs();
            int at = out.claim(MessageHeaderEncoder.ENCODED_LENGTH + OrderAcceptedEncoder.BLOCK_LENGTH);
            accepted.wrapAndApplyHeader(out.buffer(), at, headerOut).frame()
                .epoch(epoch).sequence(sequence).clientSessionId(session).clientSequence(clientSequence)
                .timestampNs(timestampNs);
            accepted.orderId(count).clientOrderId(clientSequence).price(price.referencePrice()).quantity(1)
                .instrumentId(price.instrumentId()).accountId(0).side(Side.BUY).orderType(OrderType.LIMIT_GTC);
            out.commit(MessageHeaderEncoder.ENCODED_LENGTH + accepted.encodedLength());
            if (price.instrumentId() == FORWARDED_INSTRUMENT)
            {
                at = out.claim(MessageHeaderEncoder.ENCODED_LENGTH + OrderCancelledEncoder.BLOCK_LENGTH);
                cancelled.wrapAndApplyHeader(out.buffer(), at, headerOut).frame()
                    .epoch(epoch).sequence(sequence).clientSessionId(session).clientSequence(clientSequence)
                    .timestampNs(timestampNs);
                cancelled.orderId(count).quantity(1).instrumentId(price.instrumentId()).accountId(0)
                    .reason(CancelReason.USER);
                out.commit(MessageHeaderEncoder.ENCODED_LENGTH + cancelled.encodedLength());
            }
        }

        @Override
        public int writeSnapshot(final MutableDirectBuffer buffer)
        {
            buffer.putLong(0, count);
            buffer.putLong(Long.BYTES, sum);
            return 2 * Long.BYTES;
        }

        @Override
        public void readSnapshot(final DirectBuffer buffer, final int offset, final int length)
        {
            count = buffer.getLong(offset);
            sum = buffer.getLong(offset + Long.BYTES);
        }

        long count()
        {
            return count;
        }

        long sum()
        {
            return sum;
        }

        long stateHash()
        {
            return count * 31 + sum;
        }
    }
}
