package io.tickkeeper.gateway;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import io.tickkeeper.protocol.sbe.ExecType;
import io.tickkeeper.protocol.sbe.OrdStatus;
import io.tickkeeper.protocol.sbe.OrderType;
import io.tickkeeper.protocol.sbe.ResultCode;
import io.tickkeeper.protocol.sbe.RiskCancelRejectDecoder;
import io.tickkeeper.protocol.sbe.RiskExecutionReportDecoder;
import io.tickkeeper.protocol.sbe.RiskRejectReason;
import io.tickkeeper.protocol.sbe.Side;
import quickfix.Message;
import quickfix.UtcTimestampPrecision;
import quickfix.field.AvgPx;
import quickfix.field.ClOrdID;
import quickfix.field.CumQty;
import quickfix.field.CxlRejReason;
import quickfix.field.CxlRejResponseTo;
import quickfix.field.ExecID;
import quickfix.field.LastPx;
import quickfix.field.LastQty;
import quickfix.field.LeavesQty;
import quickfix.field.OrdRejReason;
import quickfix.field.OrderID;
import quickfix.field.OrderQty;
import quickfix.field.OrigClOrdID;
import quickfix.field.Price;
import quickfix.field.Symbol;
import quickfix.field.Text;
import quickfix.field.TransactTime;
import quickfix.fix44.ExecutionReport;
import quickfix.fix44.OrderCancelReject;

/**
 * The outbound codec boundary: the risk manager's RiskExecutionReport and RiskCancelReject (SBE) become FIX 4.4
 * ExecutionReport(8) and OrderCancelReject(9). Stateless: every field of the FIX message comes from the event.
 */
public final class RiskToFix
{
    /** OrderID(37) (and Symbol(55)) of a report about an order the risk manager does not know. */
    public static final String NO_ORDER_ID = "NONE";

    private static final char SIDE_BUY = '1';
    private static final char SIDE_SELL = '2';
    private static final String POST_ONLY_EXEC_INST = "6";

    /**
     * @param report a decoded RiskExecutionReport.
     * @return the ExecutionReport(8) for the account's session.
     */
    public ExecutionReport executionReport(final RiskExecutionReportDecoder report)
    {
        final ExecutionReport message = new ExecutionReport();
        final ExecType execType = report.execType();
        setOrderId(message, report.orderId());
        message.setString(ExecID.FIELD, Long.toString(report.execId()));
        message.setChar(quickfix.field.ExecType.FIELD, execType(execType));
        message.setChar(quickfix.field.OrdStatus.FIELD, ordStatus(report.ordStatus()));
        message.setString(ClOrdID.FIELD, report.clOrdId());
        final String origClOrdId = report.origClOrdId();
        if (!origClOrdId.isEmpty())
        {
            message.setString(OrigClOrdID.FIELD, origClOrdId);
        }
        message.setChar(quickfix.field.Side.FIELD, side(report.side()));
        message.setString(Symbol.FIELD,
            report.instrumentId() > 0 ? Symbols.symbol(report.instrumentId()) : NO_ORDER_ID);
        setOrderType(message, report.orderType(), report.price());
        message.setDecimal(OrderQty.FIELD, java.math.BigDecimal.valueOf(report.quantity()));
        if (execType == ExecType.PARTIAL_FILL || execType == ExecType.FILL)
        {
            message.setDecimal(LastPx.FIELD, Prices.fromCents(report.lastPrice()));
            message.setDecimal(LastQty.FIELD, java.math.BigDecimal.valueOf(report.lastQuantity()));
        }
        message.setDecimal(CumQty.FIELD, java.math.BigDecimal.valueOf(report.cumQuantity()));
        message.setDecimal(LeavesQty.FIELD, java.math.BigDecimal.valueOf(report.leavesQuantity()));
        message.setDecimal(AvgPx.FIELD, Prices.average(report.notionalFilled(), report.cumQuantity()));
        final RiskRejectReason reason = report.rejectReason();
        if (execType == ExecType.REJECTED || (reason != RiskRejectReason.NONE && reason != null))
        {
            message.setInt(OrdRejReason.FIELD, ordRejReason(reason, report.matchingResultCode()));
            message.setString(Text.FIELD, text(reason, report.matchingResultCode()));
        }
        setTransactTime(message, report.frame().timestampNs());
        return message;
    }

    /**
     * @param reject a decoded RiskCancelReject.
     * @return the OrderCancelReject(9) for the account's session.
     */
    public OrderCancelReject cancelReject(final RiskCancelRejectDecoder reject)
    {
        final OrderCancelReject message = new OrderCancelReject();
        setOrderId(message, reject.orderId());
        message.setString(ClOrdID.FIELD, reject.clOrdId());
        message.setString(OrigClOrdID.FIELD, reject.origClOrdId());
        message.setChar(quickfix.field.OrdStatus.FIELD, ordStatus(reject.ordStatus()));
        message.setChar(CxlRejResponseTo.FIELD, reject.responseTo() == io.tickkeeper.protocol.sbe.CancelRejectResponseTo.REPLACE
            ? CxlRejResponseTo.ORDER_CANCEL_REPLACE_REQUEST : CxlRejResponseTo.ORDER_CANCEL_REQUEST);
        final RiskRejectReason reason = reject.reason();
        message.setInt(CxlRejReason.FIELD, cxlRejReason(reason));
        message.setString(Text.FIELD, text(reason, 0));
        setTransactTime(message, reject.frame().timestampNs());
        return message;
    }

    /**
     * @param execType the risk manager's exec type.
     * @return FIX ExecType(150); fills and partial fills are both F (Trade).
     */
    public static char execType(final ExecType execType)
    {
        switch (execType)
        {
            case NEW:
                return quickfix.field.ExecType.NEW;
            case PARTIAL_FILL:
            case FILL:
                return quickfix.field.ExecType.TRADE;
            case CANCELED:
                return quickfix.field.ExecType.CANCELED;
            case REPLACED:
                return quickfix.field.ExecType.REPLACED;
            case REJECTED:
                return quickfix.field.ExecType.REJECTED;
            case EXPIRED:
                return quickfix.field.ExecType.EXPIRED;
            case ORDER_STATUS:
                return quickfix.field.ExecType.ORDER_STATUS;
            case PENDING_NEW:
                return quickfix.field.ExecType.PENDING_NEW;
            case PENDING_CANCEL:
                return quickfix.field.ExecType.PENDING_CANCEL;
            case PENDING_REPLACE:
                return quickfix.field.ExecType.PENDING_REPLACE;
            default:
                throw new IllegalArgumentException("no FIX ExecType for " + execType);
        }
    }

    /**
     * @param ordStatus the risk manager's order status.
     * @return FIX OrdStatus(39).
     */
    public static char ordStatus(final OrdStatus ordStatus)
    {
        switch (ordStatus)
        {
            case NEW:
                return quickfix.field.OrdStatus.NEW;
            case PARTIALLY_FILLED:
                return quickfix.field.OrdStatus.PARTIALLY_FILLED;
            case FILLED:
                return quickfix.field.OrdStatus.FILLED;
            case CANCELED:
                return quickfix.field.OrdStatus.CANCELED;
            case REJECTED:
                return quickfix.field.OrdStatus.REJECTED;
            case EXPIRED:
                return quickfix.field.OrdStatus.EXPIRED;
            case PENDING_NEW:
                return quickfix.field.OrdStatus.PENDING_NEW;
            case PENDING_CANCEL:
                return quickfix.field.OrdStatus.PENDING_CANCEL;
            case PENDING_REPLACE:
                return quickfix.field.OrdStatus.PENDING_REPLACE;
            default:
                throw new IllegalArgumentException("no FIX OrdStatus for " + ordStatus);
        }
    }

    /**
     * @param reason             why the risk manager refused.
     * @param matchingResultCode the matching engine's code behind {@link RiskRejectReason#MATCHING_REJECT}.
     * @return FIX OrdRejReason(103).
     */
    public static int ordRejReason(final RiskRejectReason reason, final int matchingResultCode)
    {
        if (reason == null)
        {
            return OrdRejReason.OTHER;
        }
        switch (reason)
        {
            case UNKNOWN_INSTRUMENT:
                return OrdRejReason.UNKNOWN_SYMBOL;
            case MAX_ORDER_QUANTITY:
            case MAX_NOTIONAL:
            case POSITION_LIMIT:
            case DAILY_NOTIONAL:
            case TOO_MANY_OPEN_ORDERS:
                return OrdRejReason.ORDER_EXCEEDS_LIMIT;
            case INVALID_QUANTITY:
                return OrdRejReason.INCORRECT_QUANTITY;
            case UNKNOWN_ORDER:
                return OrdRejReason.UNKNOWN_ORDER;
            case DUPLICATE_CL_ORD_ID:
                return OrdRejReason.DUPLICATE_ORDER;
            case TOO_LATE_TO_CANCEL:
                return OrdRejReason.TOO_LATE_TO_ENTER;
            case MATCHING_REJECT:
                return matchingOrdRejReason(resultCode(matchingResultCode));
            default:
                return OrdRejReason.OTHER;
        }
    }

    /**
     * @param reason why the risk manager refused a cancel or replace.
     * @return FIX CxlRejReason(102).
     */
    public static int cxlRejReason(final RiskRejectReason reason)
    {
        if (reason == null)
        {
            return CxlRejReason.OTHER;
        }
        switch (reason)
        {
            case TOO_LATE_TO_CANCEL:
                return CxlRejReason.TOO_LATE_TO_CANCEL;
            case UNKNOWN_ORDER:
                return CxlRejReason.UNKNOWN_ORDER;
            case ORDER_PENDING:
                return CxlRejReason.ORDER_ALREADY_IN_PENDING_CANCEL_OR_PENDING_REPLACE_STATUS;
            case DUPLICATE_CL_ORD_ID:
                return CxlRejReason.DUPLICATE_CLORDID_RECEIVED;
            default:
                return CxlRejReason.OTHER;
        }
    }

    /**
     * @param reason             why the risk manager refused.
     * @param matchingResultCode the matching engine's code behind {@link RiskRejectReason#MATCHING_REJECT}.
     * @return Text(58): the reason's name, with the matching code's name for a matching reject.
     */
    public static String text(final RiskRejectReason reason, final int matchingResultCode)
    {
        if (reason == null || reason == RiskRejectReason.NULL_VAL)
        {
            return "rejected";
        }
        if (reason == RiskRejectReason.MATCHING_REJECT)
        {
            final ResultCode code = resultCode(matchingResultCode);
            return "MATCHING_REJECT: " + (code == null ? Integer.toString(matchingResultCode) : code.name());
        }
        return reason.name();
    }

    private static int matchingOrdRejReason(final ResultCode code)
    {
        if (code == null)
        {
            return OrdRejReason.OTHER;
        }
        switch (code)
        {
            case UNKNOWN_INSTRUMENT:
                return OrdRejReason.UNKNOWN_SYMBOL;
            case INVALID_QUANTITY:
            case QUANTITY_OFF_LOT:
            case QUANTITY_BELOW_MIN:
            case QUANTITY_ABOVE_MAX:
                return OrdRejReason.INCORRECT_QUANTITY;
            case UNKNOWN_ORDER:
            case NOT_ORDER_OWNER:
                return OrdRejReason.UNKNOWN_ORDER;
            case DUPLICATE_CLIENT_ORDER_ID:
                return OrdRejReason.DUPLICATE_ORDER;
            default:
                return OrdRejReason.OTHER;
        }
    }

    private static ResultCode resultCode(final int value)
    {
        for (final ResultCode code : ResultCode.values())
        {
            if (code != ResultCode.NULL_VAL && code.value() == value)
            {
                return code;
            }
        }
        return null;
    }

    private static void setOrderType(final Message message, final OrderType orderType, final long price)
    {
        final char ordType;
        final char timeInForce;
        switch (orderType)
        {
            case MARKET:
                ordType = quickfix.field.OrdType.MARKET;
                timeInForce = quickfix.field.TimeInForce.IMMEDIATE_OR_CANCEL;
                break;
            case LIMIT_DAY:
                ordType = quickfix.field.OrdType.LIMIT;
                timeInForce = quickfix.field.TimeInForce.DAY;
                break;
            case IOC:
                ordType = quickfix.field.OrdType.LIMIT;
                timeInForce = quickfix.field.TimeInForce.IMMEDIATE_OR_CANCEL;
                break;
            case FOK:
                ordType = quickfix.field.OrdType.LIMIT;
                timeInForce = quickfix.field.TimeInForce.FILL_OR_KILL;
                break;
            case POST_ONLY:
                ordType = quickfix.field.OrdType.LIMIT;
                timeInForce = quickfix.field.TimeInForce.GOOD_TILL_CANCEL;
                message.setString(quickfix.field.ExecInst.FIELD,
                    POST_ONLY_EXEC_INST);
                break;
            case LIMIT_GTC:
            default:
                ordType = quickfix.field.OrdType.LIMIT;
                timeInForce = quickfix.field.TimeInForce.GOOD_TILL_CANCEL;
                break;
        }
        message.setChar(quickfix.field.OrdType.FIELD, ordType);
        message.setChar(quickfix.field.TimeInForce.FIELD, timeInForce);
        if (orderType != OrderType.MARKET && price > 0)
        {
            message.setDecimal(Price.FIELD, Prices.fromCents(price));
        }
    }

    private static char side(final Side side)
    {
        return side == Side.SELL ? SIDE_SELL : SIDE_BUY;
    }

    /** OrderID(37): the risk manager's order id, {@link #NO_ORDER_ID} when it knows no order. */
    private static void setOrderId(final Message message, final long orderId)
    {
        message.setString(OrderID.FIELD, orderId == 0 ? NO_ORDER_ID : Long.toString(orderId));
    }

    /** TransactTime(60), in milliseconds, from the event's time in nanoseconds since the epoch. */
    private static void setTransactTime(final Message message, final long epochNs)
    {
        message.setUtcTimeStamp(TransactTime.FIELD,
            LocalDateTime.ofInstant(Instant.ofEpochSecond(0, epochNs), ZoneOffset.UTC), UtcTimestampPrecision.MILLIS);
    }
}
