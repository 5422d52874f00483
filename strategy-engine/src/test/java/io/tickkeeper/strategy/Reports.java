package io.tickkeeper.strategy;

import io.tickkeeper.protocol.sbe.ExecType;
import io.tickkeeper.protocol.sbe.OrdStatus;
import io.tickkeeper.protocol.sbe.OrderType;
import io.tickkeeper.protocol.sbe.RiskRejectReason;

/** Builds the risk manager's answers to recorded commands, as a real risk manager would send them. */
public final class Reports
{
    private long execId;

    /** @return the acknowledgement (New) of a new order. */
    public ExecutionReport ack(final RecordingSink.Command order, final long timestampNs)
    {
        return new ExecutionReport()
            .set(timestampNs, order.accountId(), order.clOrdId(), "", ExecType.NEW, OrdStatus.NEW,
                order.instrumentId(), order.side(), order.type())
            .quantities(order.price(), order.quantity(), 0, 0, 0, order.quantity())
            .ids(1, ++execId, RiskRejectReason.NONE);
    }

    /** @return a fill of a new order, {@code cumBefore} already filled. */
    public ExecutionReport fill(
        final RecordingSink.Command order, final long quantity, final long cumBefore, final long timestampNs)
    {
        final long cum = cumBefore + quantity;
        final boolean full = cum == order.quantity();
        return new ExecutionReport()
            .set(timestampNs, order.accountId(), order.clOrdId(), "", full ? ExecType.FILL : ExecType.PARTIAL_FILL,
                full ? OrdStatus.FILLED : OrdStatus.PARTIALLY_FILLED, order.instrumentId(), order.side(),
                order.type())
            .quantities(order.price(), order.quantity(), order.price(), quantity, cum, order.quantity() - cum)
            .ids(1, ++execId, RiskRejectReason.NONE);
    }

    /** @return the confirmation of a replace of {@code order} (the new order's side and type). */
    public ExecutionReport replaced(
        final RecordingSink.Command replace, final RecordingSink.Command order, final long timestampNs)
    {
        return new ExecutionReport()
            .set(timestampNs, replace.accountId(), replace.clOrdId(), replace.origClOrdId(), ExecType.REPLACED,
                OrdStatus.NEW, replace.instrumentId(), order.side(), order.type())
            .quantities(replace.price(), replace.quantity(), 0, 0, 0, replace.quantity())
            .ids(1, ++execId, RiskRejectReason.NONE);
    }

    /** @return the confirmation of a cancel. */
    public ExecutionReport cancelled(
        final RecordingSink.Command cancel, final RecordingSink.Command order, final long timestampNs)
    {
        return new ExecutionReport()
            .set(timestampNs, cancel.accountId(), cancel.clOrdId(), cancel.origClOrdId(), ExecType.CANCELED,
                OrdStatus.CANCELED, cancel.instrumentId(), order.side(), order.type() == null ?
                    OrderType.LIMIT_DAY : order.type())
            .quantities(order.price(), order.quantity(), 0, 0, 0, 0)
            .ids(1, ++execId, RiskRejectReason.NONE);
    }
}
