package io.tickkeeper.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.tickkeeper.protocol.sbe.InputFrameEncoder;
import io.tickkeeper.protocol.sbe.MatchingReportKind;
import io.tickkeeper.protocol.sbe.MessageHeaderDecoder;
import io.tickkeeper.protocol.sbe.MessageHeaderEncoder;
import io.tickkeeper.protocol.sbe.NewOrderDecoder;
import io.tickkeeper.protocol.sbe.RiskMatchingReportEncoder;
import io.tickkeeper.protocol.sbe.RiskReferencePriceEncoder;
import io.tickkeeper.risk.RiskConfig;
import io.tickkeeper.risk.RiskEngine;
import io.tickkeeper.risk.service.RiskCommandAdapter;
import io.tickkeeper.risk.service.RiskEventEncoder;
import io.tickkeeper.runtime.OutputSink;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A {@link RiskChannel} that runs the risk manager's real engine in process: every command goes through
 * {@link RiskCommandAdapter} into {@link RiskEngine}, and the events its {@link RiskEventEncoder} writes come back
 * to the gateway on a thread of their own. There is no sequencer, journal or replication; the matching engine is
 * played by accepting every forwarded new order at once (so an accepted order reaches ExecType 0).
 */
final class RiskEngineChannel implements RiskChannel
{
    private static final long SESSION_ID = 4_242;
    private static final long TIME_NS = 1_732_550_400_000_000_000L;

    private final ExecutorService events = Executors.newSingleThreadExecutor(r -> new Thread(r, "risk-engine"));
    private final RiskEventEncoder encoder = new RiskEventEncoder();
    private final RiskCommandAdapter adapter;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final MessageHeaderEncoder headerOut = new MessageHeaderEncoder();
    private final NewOrderDecoder forwarded = new NewOrderDecoder();
    private final ExpandableArrayBuffer input = new ExpandableArrayBuffer(256);
    private volatile RiskEventListener listener;
    private long sequence;
    private long clientSequence;
    private long matchingSequence;

    RiskEngineChannel(final int instruments)
    {
        final int[] ids = new int[instruments];
        for (int i = 0; i < instruments; i++)
        {
            ids[i] = i + 1;
        }
        final RiskEngine engine = new RiskEngine(new RiskConfig(ids), encoder);
        adapter = new RiskCommandAdapter(engine, encoder);
    }

    @Override
    public void start(final RiskEventListener listener)
    {
        this.listener = listener;
    }

    @Override
    public long sessionId()
    {
        return SESSION_ID;
    }

    @Override
    public synchronized void send(final MutableDirectBuffer buffer, final int offset, final int length)
    {
        final int frame = offset + MessageHeaderEncoder.ENCODED_LENGTH;
        new InputFrameEncoder().wrap(buffer, frame).clientSessionId(SESSION_ID).clientSequence(++clientSequence);
        apply(buffer, offset, length);
    }

    /**
     * Sequences a reference price from the feed, as the risk primary does.
     *
     * @param instrumentId the instrument.
     * @param price        the price in cents.
     */
    synchronized void referencePrice(final int instrumentId, final long price)
    {
        final RiskReferencePriceEncoder tick = new RiskReferencePriceEncoder().wrapAndApplyHeader(input, 0, headerOut);
        tick.frame().clientSessionId(0).clientSequence(0).timestampNs(TIME_NS);
        tick.price(price).feedSequence(++matchingSequence).feedToken(1).instrumentId(instrumentId);
        apply(input, 0, MessageHeaderEncoder.ENCODED_LENGTH + tick.encodedLength());
    }

    void close() throws InterruptedException
    {
        events.shutdown();
        events.awaitTermination(5, TimeUnit.SECONDS);
    }

    private void apply(final MutableDirectBuffer buffer, final int offset, final int length)
    {
        final InputFrameEncoder frame = new InputFrameEncoder().wrap(buffer, offset + MessageHeaderEncoder.ENCODED_LENGTH);
        frame.epoch(1).sequence(++sequence);
        final Outputs outputs = new Outputs();
        adapter.onInput(sequence, buffer, offset, length, outputs);
        for (final byte[] output : outputs.committed)
        {
            final UnsafeBuffer event = new UnsafeBuffer(output);
            header.wrap(event, 0);
            if (header.templateId() == NewOrderDecoder.TEMPLATE_ID)
            {
                forwarded.wrap(event, MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
                accept(forwarded);
            }
            else if (header.templateId() > 500)
            {
                events.execute(() -> listener.onRiskEvent(event, 0, output.length));
            }
        }
    }

    private void accept(final NewOrderDecoder order)
    {
        final ExpandableArrayBuffer reportBuffer = new ExpandableArrayBuffer(256);
        final RiskMatchingReportEncoder report = new RiskMatchingReportEncoder()
            .wrapAndApplyHeader(reportBuffer, 0, headerOut);
        report.frame().clientSessionId(0).clientSequence(0).timestampNs(TIME_NS);
        report.matchingEpoch(1).matchingSequence(++matchingSequence)
            .matchingClientSequence(order.frame().clientSequence()).orderId(900 + matchingSequence)
            .clientOrderId(order.clientOrderId()).price(order.price()).quantity(order.quantity())
            .leavesQuantity(order.quantity()).makerOrderId(0).makerLeavesQuantity(0).eventIndex(0).shard(0)
            .instrumentId(order.instrumentId()).accountId(order.accountId()).makerAccountId(0).resultCode(0)
            .kind(MatchingReportKind.ACCEPTED).side(order.side());
        apply(reportBuffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + report.encodedLength());
    }

    /** The output area of one input: every committed output, copied. */
    private static final class Outputs implements OutputSink
    {
        private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(1024);
        private final List<byte[]> committed = new ArrayList<>();
        private int claimed;

        @Override
        public MutableDirectBuffer buffer()
        {
            return buffer;
        }

        @Override
        public int claim(final int maxLength)
        {
            buffer.checkLimit(claimed + maxLength);
            return claimed;
        }

        @Override
        public void commit(final int length)
        {
            final byte[] output = new byte[length];
            buffer.getBytes(claimed, output);
            committed.add(output);
            claimed += length;
        }
    }
}
