package io.tickkeeper.gateway;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicLong;

import quickfix.FieldMap;
import quickfix.FieldNotFound;
import quickfix.UtcTimestampPrecision;
import quickfix.field.AvgPx;
import quickfix.field.ClOrdID;
import quickfix.field.CumQty;
import quickfix.field.CxlRejReason;
import quickfix.field.CxlRejResponseTo;
import quickfix.field.ExecID;
import quickfix.field.ExecType;
import quickfix.field.LeavesQty;
import quickfix.field.OrdRejReason;
import quickfix.field.OrdStatus;
import quickfix.field.OrderID;
import quickfix.field.OrderQty;
import quickfix.field.OrigClOrdID;
import quickfix.field.Side;
import quickfix.field.Symbol;
import quickfix.field.Text;
import quickfix.field.TransactTime;
import quickfix.fix44.ExecutionReport;
import quickfix.fix44.OrderCancelReject;

/**
 * The answers to requests the gateway refuses itself ({@link FixReject}): they never reached the risk manager, so
 * they carry OrderID {@code NONE} and an ExecID of the gateway's own, {@code <prefix>-<n>}, whose prefix names
 * the gateway and its start so that it never collides with the risk manager's numeric ExecIDs nor with an earlier
 * run's.
 */
public final class GatewayRejects
{
    private final String execIdPrefix;
    private final AtomicLong nextExecId = new AtomicLong(1);

    /** @param execIdPrefix starts every ExecID; must not be numeric, e.g. {@code G-gw1-1732550000000}. */
    public GatewayRejects(final String execIdPrefix)
    {
        if (execIdPrefix.isEmpty() || Character.isDigit(execIdPrefix.charAt(0)))
        {
            throw new IllegalArgumentException("execIdPrefix must start with a non-digit: " + execIdPrefix);
        }
        this.execIdPrefix = execIdPrefix;
    }

    /**
     * The refusal of a NewOrderSingle(D), or of an OrderStatusRequest(H) (then ExecType is I, Order Status).
     *
     * @param request the refused request.
     * @param reject  why.
     * @param status  true for an OrderStatusRequest.
     * @param now     the transaction time.
     * @return ExecutionReport(8) with OrdStatus 8 (Rejected).
     */
    public ExecutionReport rejectOrder(final FieldMap request, final FixReject reject, final boolean status,
        final LocalDateTime now)
    {
        final ExecutionReport message = new ExecutionReport();
        message.setString(OrderID.FIELD, RiskToFix.NO_ORDER_ID);
        message.setString(ExecID.FIELD, execIdPrefix + "-" + nextExecId.getAndIncrement());
        message.setChar(ExecType.FIELD, status ? ExecType.ORDER_STATUS : ExecType.REJECTED);
        message.setChar(OrdStatus.FIELD, OrdStatus.REJECTED);
        copy(request, message, ClOrdID.FIELD, "NONE");
        copy(request, message, Side.FIELD, "1");
        copy(request, message, Symbol.FIELD, "NONE");
        if (request.isSetField(OrderQty.FIELD))
        {
            copy(request, message, OrderQty.FIELD, "0");
        }
        message.setDecimal(LeavesQty.FIELD, BigDecimal.ZERO);
        message.setDecimal(CumQty.FIELD, BigDecimal.ZERO);
        message.setDecimal(AvgPx.FIELD, BigDecimal.ZERO);
        message.setInt(OrdRejReason.FIELD, reject.ordRejReason());
        message.setString(Text.FIELD, reject.text());
        message.setUtcTimeStamp(TransactTime.FIELD, now, UtcTimestampPrecision.MILLIS);
        return message;
    }

    /**
     * The refusal of an OrderCancelRequest(F) or OrderCancelReplaceRequest(G).
     *
     * @param request the refused request.
     * @param reject  why.
     * @param replace true for a replace request.
     * @param now     the transaction time.
     * @return OrderCancelReject(9) with OrdStatus 8 (Rejected) and CxlRejReason 99 (Other).
     */
    public OrderCancelReject rejectCancel(final FieldMap request, final FixReject reject, final boolean replace,
        final LocalDateTime now)
    {
        final OrderCancelReject message = new OrderCancelReject();
        message.setString(OrderID.FIELD, RiskToFix.NO_ORDER_ID);
        copy(request, message, ClOrdID.FIELD, "NONE");
        copy(request, message, OrigClOrdID.FIELD, "NONE");
        message.setChar(OrdStatus.FIELD, OrdStatus.REJECTED);
        message.setChar(CxlRejResponseTo.FIELD,
            replace ? CxlRejResponseTo.ORDER_CANCEL_REPLACE_REQUEST : CxlRejResponseTo.ORDER_CANCEL_REQUEST);
        message.setInt(CxlRejReason.FIELD, CxlRejReason.OTHER);
        message.setString(Text.FIELD, reject.text());
        message.setUtcTimeStamp(TransactTime.FIELD, now, UtcTimestampPrecision.MILLIS);
        return message;
    }

    private static void copy(final FieldMap from, final FieldMap to, final int tag, final String absent)
    {
        String value = absent;
        if (from.isSetField(tag))
        {
            try
            {
                value = from.getString(tag);
            }
            catch (final FieldNotFound ex)
            {
                value = absent;
            }
        }
        to.setString(tag, value);
    }
}
