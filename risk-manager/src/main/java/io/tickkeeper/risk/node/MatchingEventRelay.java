package io.tickkeeper.risk.node;

import io.tickkeeper.coordinator.election.PrimaryInfo;
import io.tickkeeper.node.client.ServiceAnswer;
import io.tickkeeper.node.client.ServiceClientListener;
import io.tickkeeper.protocol.sbe.CommandRefusedDecoder;
import io.tickkeeper.protocol.sbe.EventFrameDecoder;
import io.tickkeeper.protocol.sbe.MatchingReportKind;
import io.tickkeeper.protocol.sbe.MessageHeaderDecoder;
import io.tickkeeper.protocol.sbe.OrderAcceptedDecoder;
import io.tickkeeper.protocol.sbe.OrderCancelledDecoder;
import io.tickkeeper.protocol.sbe.OrderExpiredDecoder;
import io.tickkeeper.protocol.sbe.OrderRejectedDecoder;
import io.tickkeeper.protocol.sbe.OrderReplacedDecoder;
import io.tickkeeper.protocol.sbe.Side;
import io.tickkeeper.protocol.sbe.TradeDecoder;
import io.tickkeeper.risk.service.RiskCommandEncoder;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The adapter between one matching shard's {@code ServiceClient} (the risk session of that shard) and the risk
 * primary's inputs: every event the shard sends to the session (OrderAccepted, OrderRejected, Trade,
 * OrderCancelled, OrderReplaced, OrderExpired, CommandRefused) becomes a RiskMatchingReport input of the shard:
 * the event frame's epoch and sequence, its client sequence as {@code matchingClientSequence} (every event of a
 * forwarded command carries the command's), and {@code eventIndex}, the event's position among the events of its
 * matching input (counted here: the events of one input arrive together and in order; a repeated answer, which
 * is the first event of its input, arrives alone and gets 0). Runs on the client's thread; while the term is over
 * nothing is published.
 */
final class MatchingEventRelay implements ServiceClientListener
{
    private final int shard;
    private final TermInputs inputs;
    private final EpochNanoClock clock;
    private final RiskCommandEncoder encoder = new RiskCommandEncoder();
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[RiskCommandEncoder.MAX_LENGTH]);
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final EventFrameDecoder frame = new EventFrameDecoder();
    private final OrderAcceptedDecoder accepted = new OrderAcceptedDecoder();
    private final OrderRejectedDecoder rejected = new OrderRejectedDecoder();
    private final TradeDecoder trade = new TradeDecoder();
    private final OrderCancelledDecoder cancelled = new OrderCancelledDecoder();
    private final OrderReplacedDecoder replaced = new OrderReplacedDecoder();
    private final OrderExpiredDecoder expired = new OrderExpiredDecoder();
    private final CommandRefusedDecoder refused = new CommandRefusedDecoder();
    private long lastSequence = -1;
    private int nextIndex;
    private long reports;

    MatchingEventRelay(final int shard, final TermInputs inputs, final EpochNanoClock clock)
    {
        this.shard = shard;
        this.inputs = inputs;
        this.clock = clock;
    }

    @Override
    public void onAnswer(final ServiceAnswer answer, final DirectBuffer event, final int offset, final int length)
    {
        relay(event, offset, length);
    }

    @Override
    public void onEvent(
        final int templateId, final long epoch, final DirectBuffer event, final int offset, final int length)
    {
        relay(event, offset, length);
    }

    @Override
    public void onPrimaryChanged(final PrimaryInfo primary)
    {
        lastSequence = -1;
    }

    /** @return how many reports this relay sequenced. */
    long reports()
    {
        return reports;
    }

    private void relay(final DirectBuffer event, final int offset, final int length)
    {
        header.wrap(event, offset);
        final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        final int blockLength = header.blockLength();
        final int version = header.version();
        frame.wrap(event, body);
        final long sequence = frame.sequence();
        final int index;
        if (sequence != lastSequence)
        {
            lastSequence = sequence;
            nextIndex = 0;
        }
        index = nextIndex++;
        final long epoch = frame.epoch();
        final long clientSequence = Math.max(0, frame.clientSequence());
        final long now = clock.nanoTime();
        final int encoded;
        switch (header.templateId())
        {
            case OrderAcceptedDecoder.TEMPLATE_ID ->
            {
                accepted.wrap(event, body, blockLength, version);
                encoded = encoder.matchingReport(buffer, 0, now, MatchingReportKind.ACCEPTED, shard, epoch, sequence,
                    index, clientSequence, accepted.orderId(), accepted.clientOrderId(), accepted.instrumentId(),
                    accepted.accountId(), accepted.side(), accepted.price(), accepted.quantity(), 0, 0, 0, 0, 0);
            }
            case OrderRejectedDecoder.TEMPLATE_ID ->
            {
                rejected.wrap(event, body, blockLength, version);
                encoded = encoder.matchingReport(buffer, 0, now, MatchingReportKind.REJECTED, shard, epoch, sequence,
                    index, clientSequence, rejected.orderId(), rejected.clientOrderId(), rejected.instrumentId(),
                    rejected.accountId(), Side.BUY, 0, 0, 0, 0, 0, 0, rejected.resultCodeRaw());
            }
            case TradeDecoder.TEMPLATE_ID ->
            {
                trade.wrap(event, body, blockLength, version);
                encoded = encoder.matchingReport(buffer, 0, now, MatchingReportKind.TRADE, shard, epoch, sequence,
                    index, clientSequence, trade.takerOrderId(), 0, trade.instrumentId(), trade.takerAccountId(),
                    trade.takerSide(), trade.price(), trade.quantity(), trade.takerLeavesQuantity(),
                    trade.makerOrderId(), trade.makerAccountId(), trade.makerLeavesQuantity(), 0);
            }
            case OrderCancelledDecoder.TEMPLATE_ID ->
            {
                cancelled.wrap(event, body, blockLength, version);
                encoded = encoder.matchingReport(buffer, 0, now, MatchingReportKind.CANCELLED, shard, epoch,
                    sequence, index, clientSequence, cancelled.orderId(), 0, cancelled.instrumentId(),
                    cancelled.accountId(), Side.BUY, 0, cancelled.quantity(), 0, 0, 0, 0, 0);
            }
            case OrderReplacedDecoder.TEMPLATE_ID ->
            {
                replaced.wrap(event, body, blockLength, version);
                encoded = encoder.matchingReport(buffer, 0, now, MatchingReportKind.REPLACED, shard, epoch, sequence,
                    index, clientSequence, replaced.orderId(), 0, replaced.instrumentId(), replaced.accountId(),
                    Side.BUY, replaced.price(), replaced.quantity(), 0, 0, 0, 0, 0);
            }
            case OrderExpiredDecoder.TEMPLATE_ID ->
            {
                expired.wrap(event, body, blockLength, version);
                encoded = encoder.matchingReport(buffer, 0, now, MatchingReportKind.EXPIRED, shard, epoch, sequence,
                    index, clientSequence, expired.orderId(), 0, expired.instrumentId(), expired.accountId(),
                    Side.BUY, 0, expired.quantity(), 0, 0, 0, 0, 0);
            }
            case CommandRefusedDecoder.TEMPLATE_ID ->
            {
                refused.wrap(event, body, blockLength, version);
                encoded = encoder.matchingReport(buffer, 0, now, MatchingReportKind.REFUSED, shard, epoch, sequence,
                    index, clientSequence, 0, 0, 0, 0, Side.BUY, 0, 0, 0, 0, 0, 0, 0);
            }
            default ->
            {
                return;
            }
        }
        if (inputs.publish(buffer, 0, encoded))
        {
            reports++;
        }
    }
}
