package io.tickkeeper.risk;

import java.util.ArrayList;
import java.util.List;

import io.tickkeeper.matching.CancelReason;
import io.tickkeeper.matching.InstrumentSpec;
import io.tickkeeper.matching.MatchingEngine;
import io.tickkeeper.matching.MatchingEventListener;
import io.tickkeeper.matching.ResultCode;
import io.tickkeeper.matching.StpMode;
import io.tickkeeper.protocol.sbe.MatchingReportKind;
import io.tickkeeper.protocol.sbe.Side;

/**
 * The real matching engine, one per shard, behind a risk engine: applies the risk engine's forwards (once per
 * client sequence, like matching's session table) and turns the events into the reports the risk primary
 * would sequence, numbered by (matching sequence, event index).
 */
final class MatchingSim
{
    /** One matching event about the risk manager's orders, as a RiskMatchingReport carries it. */
    record Report(MatchingReportKind kind, int shard, long matchingSequence, int eventIndex, long clientSequence,
        long orderId, long clientOrderId, int instrumentId, int accountId, Side side, long price, long quantity,
        long makerOrderId, int makerAccountId, int resultCode)
    {
        void applyTo(final RiskEngine engine, final long timestampNs)
        {
            engine.matchingReport(timestampNs, kind, shard, 1, matchingSequence, eventIndex, clientSequence, orderId,
                clientOrderId, instrumentId, accountId, side, price, quantity, makerOrderId, makerAccountId,
                resultCode);
        }
    }

    private final Shard[] shards;

    MatchingSim(final RiskConfig config)
    {
        shards = new Shard[config.shardCount()];
        for (int shard = 0; shard < shards.length; shard++)
        {
            final int[] ids = config.instruments(shard);
            final InstrumentSpec[] specs = new InstrumentSpec[ids.length];
            for (int i = 0; i < ids.length; i++)
            {
                specs[i] = new InstrumentSpec(ids[i], 1, 1, 1, 1_000_000, 10_000, 10_000);
            }
            shards[shard] = new Shard(shard, specs);
        }
    }

    /**
     * Applies a forward to its shard; a forward whose client sequence the shard already applied is answered with
     * nothing new (matching answers it from its session table, which the risk engine already saw).
     */
    List<Report> apply(final Recorder.Forward forward)
    {
        final Shard shard = shards[forward.shard()];
        if (forward.clientSequence() <= shard.lastApplied)
        {
            return List.of();
        }
        shard.lastApplied = forward.clientSequence();
        shard.sequence++;
        shard.reports.clear();
        shard.clientSequence = forward.clientSequence();
        final long ts = forward.timestampNs();
        switch (forward.kind())
        {
            case ForwardedCommand.NEW_ORDER -> shard.engine.newOrder(ts, forward.instrumentId(), forward.accountId(),
                forward.orderId(), io.tickkeeper.matching.Side.valueOf(forward.side().name()),
                io.tickkeeper.matching.OrderType.valueOf(forward.orderType().name()), forward.price(),
                forward.quantity(), StpMode.NONE);
            case ForwardedCommand.CANCEL -> shard.engine.cancel(ts, forward.instrumentId(), forward.accountId(),
                forward.orderId());
            case ForwardedCommand.REPLACE -> shard.engine.replace(ts, forward.instrumentId(), forward.accountId(),
                forward.orderId(), forward.price(), forward.quantity());
            case ForwardedCommand.REFERENCE_PRICE -> shard.engine.setReferencePrice(ts, forward.instrumentId(),
                forward.price());
            default -> throw new IllegalArgumentException("forward kind " + forward.kind());
        }
        return new ArrayList<>(shard.reports);
    }

    /** End of day on every shard: expires DAY orders; the reports answer no forward. */
    List<Report> endOfDay(final long timestampNs)
    {
        final List<Report> all = new ArrayList<>();
        for (final Shard shard : shards)
        {
            shard.sequence++;
            shard.reports.clear();
            shard.clientSequence = 0;
            shard.engine.endOfDay(timestampNs);
            all.addAll(shard.reports);
        }
        return all;
    }

    private static final class Shard implements MatchingEventListener
    {
        final int index;
        final MatchingEngine engine;
        final List<Report> reports = new ArrayList<>();
        long lastApplied;
        long sequence;
        long clientSequence;

        Shard(final int index, final InstrumentSpec[] specs)
        {
            this.index = index;
            this.engine = new MatchingEngine(specs, this);
        }

        private void add(
            final MatchingReportKind kind, final long orderId, final long clientOrderId, final int instrumentId,
            final int accountId, final Side side, final long price, final long quantity, final long makerOrderId,
            final int makerAccountId, final int resultCode)
        {
            reports.add(new Report(kind, index, sequence, reports.size(), clientSequence, orderId, clientOrderId,
                instrumentId, accountId, side, price, quantity, makerOrderId, makerAccountId, resultCode));
        }

        @Override
        public void onAccepted(
            final long timestampNs, final int instrumentId, final long orderId, final int accountId,
            final long clientOrderId, final io.tickkeeper.matching.Side side,
            final io.tickkeeper.matching.OrderType type, final long price, final long quantity)
        {
            add(MatchingReportKind.ACCEPTED, orderId, clientOrderId, instrumentId, accountId,
                Side.valueOf(side.name()), price, quantity, 0, 0, 0);
        }

        @Override
        public void onRejected(
            final long timestampNs, final int instrumentId, final long orderId, final int accountId,
            final long clientOrderId, final ResultCode code)
        {
            add(MatchingReportKind.REJECTED, orderId, clientOrderId, instrumentId, accountId, Side.BUY, 0, 0, 0, 0,
                code.code());
        }

        @Override
        public void onTrade(
            final long timestampNs, final int instrumentId, final long price, final long quantity,
            final long takerOrderId, final int takerAccountId, final io.tickkeeper.matching.Side takerSide,
            final long takerLeavesQuantity, final long makerOrderId, final int makerAccountId,
            final long makerLeavesQuantity)
        {
            add(MatchingReportKind.TRADE, takerOrderId, 0, instrumentId, takerAccountId,
                Side.valueOf(takerSide.name()), price, quantity, makerOrderId, makerAccountId, 0);
        }

        @Override
        public void onCancelled(
            final long timestampNs, final int instrumentId, final long orderId, final int accountId,
            final long quantity, final CancelReason reason)
        {
            add(MatchingReportKind.CANCELLED, orderId, 0, instrumentId, accountId, Side.BUY, 0, quantity, 0, 0, 0);
        }

        @Override
        public void onReplaced(
            final long timestampNs, final int instrumentId, final long orderId, final int accountId, final long price,
            final long quantity, final boolean keptPriority)
        {
            add(MatchingReportKind.REPLACED, orderId, 0, instrumentId, accountId, Side.BUY, price, quantity, 0, 0,
                0);
        }

        @Override
        public void onExpired(
            final long timestampNs, final int instrumentId, final long orderId, final int accountId,
            final long quantity)
        {
            add(MatchingReportKind.EXPIRED, orderId, 0, instrumentId, accountId, Side.BUY, 0, quantity, 0, 0, 0);
        }
    }
}
