package io.tickkeeper.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import io.tickkeeper.protocol.sbe.CancelRejectResponseTo;
import io.tickkeeper.protocol.sbe.ExecType;
import io.tickkeeper.protocol.sbe.MessageHeaderEncoder;
import io.tickkeeper.protocol.sbe.OrdStatus;
import io.tickkeeper.protocol.sbe.OrderType;
import io.tickkeeper.protocol.sbe.ResultCode;
import io.tickkeeper.protocol.sbe.RiskCancelRejectDecoder;
import io.tickkeeper.protocol.sbe.RiskCancelRejectEncoder;
import io.tickkeeper.protocol.sbe.RiskExecutionReportDecoder;
import io.tickkeeper.protocol.sbe.RiskExecutionReportEncoder;
import io.tickkeeper.protocol.sbe.RiskRejectReason;
import io.tickkeeper.protocol.sbe.Side;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import quickfix.FieldNotFound;
import quickfix.Message;

final class RiskToFixTest
{
    private static final long TIME_NS = 1_732_550_400_123_000_000L;

    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(512);
    private final RiskToFix mapper = new RiskToFix();

    @Test
    void shouldMapAPartialFillWithEveryTag() throws FieldNotFound
    {
        final RiskExecutionReportEncoder report = report(ExecType.PARTIAL_FILL, OrdStatus.PARTIALLY_FILLED);
        report.lastPrice(10_050).lastQuantity(3).cumQuantity(7).leavesQuantity(3).notionalFilled(70_200);
        final Message message = mapper.executionReport(decode());
        assertEquals("8", message.getHeader().getString(35));
        assertEquals("4242", message.getString(17));
        assertEquals("17", message.getString(37));
        assertEquals("c-2", message.getString(11));
        assertEquals("c-1", message.getString(41));
        assertEquals('F', message.getChar(150));
        assertEquals('1', message.getChar(39));
        assertEquals('2', message.getChar(54));
        assertEquals("TK5", message.getString(55));
        assertEquals('2', message.getChar(40));
        assertEquals('1', message.getChar(59));
        assertEquals(new BigDecimal("101.00"), message.getDecimal(44));
        assertEquals(0, message.getDecimal(38).compareTo(BigDecimal.TEN));
        assertEquals(new BigDecimal("100.50"), message.getDecimal(31));
        assertEquals(0, message.getDecimal(32).compareTo(BigDecimal.valueOf(3)));
        assertEquals(0, message.getDecimal(14).compareTo(BigDecimal.valueOf(7)));
        assertEquals(0, message.getDecimal(151).compareTo(BigDecimal.valueOf(3)));
        assertEquals(new BigDecimal("100.285714"), message.getDecimal(6));
        assertEquals(LocalDateTime.of(2024, 11, 25, 16, 0, 0, 123_000_000), message.getUtcTimeStamp(60));
        assertFalse(message.isSetField(103));
        assertFalse(message.isSetField(58));
    }

    @ParameterizedTest
    @CsvSource({
        "NEW, NEW, 0, 0", "PARTIAL_FILL, PARTIALLY_FILLED, F, 1", "FILL, FILLED, F, 2", "CANCELED, CANCELED, 4, 4",
        "REPLACED, NEW, 5, 0", "REJECTED, REJECTED, 8, 8", "EXPIRED, EXPIRED, C, C", "ORDER_STATUS, NEW, I, 0",
        "PENDING_NEW, PENDING_NEW, A, A"})
    void shouldMapExecTypeAndOrdStatus(final ExecType execType, final OrdStatus ordStatus, final char fixExecType,
        final char fixOrdStatus) throws FieldNotFound
    {
        report(execType, ordStatus);
        final Message message = mapper.executionReport(decode());
        assertEquals(fixExecType, message.getChar(150));
        assertEquals(fixOrdStatus, message.getChar(39));
        assertEquals(execType == ExecType.PARTIAL_FILL || execType == ExecType.FILL, message.isSetField(31));
        assertEquals(execType == ExecType.PARTIAL_FILL || execType == ExecType.FILL, message.isSetField(32));
    }

    @ParameterizedTest
    @CsvSource({
        "UNKNOWN_INSTRUMENT, 0, 1, UNKNOWN_INSTRUMENT",
        "MAX_ORDER_QUANTITY, 0, 3, MAX_ORDER_QUANTITY",
        "MAX_NOTIONAL, 0, 3, MAX_NOTIONAL",
        "POSITION_LIMIT, 0, 3, POSITION_LIMIT",
        "DAILY_NOTIONAL, 0, 3, DAILY_NOTIONAL",
        "TOO_MANY_OPEN_ORDERS, 0, 3, TOO_MANY_OPEN_ORDERS",
        "INVALID_QUANTITY, 0, 13, INVALID_QUANTITY",
        "UNKNOWN_ORDER, 0, 5, UNKNOWN_ORDER",
        "DUPLICATE_CL_ORD_ID, 0, 6, DUPLICATE_CL_ORD_ID",
        "TOO_LATE_TO_CANCEL, 0, 4, TOO_LATE_TO_CANCEL",
        "PRICE_BAND, 0, 99, PRICE_BAND",
        "ORDER_RATE, 0, 99, ORDER_RATE",
        "ACCOUNT_KILLED, 0, 99, ACCOUNT_KILLED",
        "GLOBAL_KILL, 0, 99, GLOBAL_KILL",
        "NO_REFERENCE_PRICE, 0, 99, NO_REFERENCE_PRICE",
        "INVALID_PRICE, 0, 99, INVALID_PRICE",
        "ORDER_PENDING, 0, 99, ORDER_PENDING",
        "MATCHING_REJECT, 101, 1, MATCHING_REJECT: UNKNOWN_INSTRUMENT",
        "MATCHING_REJECT, 103, 13, MATCHING_REJECT: QUANTITY_OFF_LOT",
        "MATCHING_REJECT, 203, 6, MATCHING_REJECT: DUPLICATE_CLIENT_ORDER_ID",
        "MATCHING_REJECT, 301, 99, MATCHING_REJECT: POST_ONLY_WOULD_CROSS",
        "MATCHING_REJECT, 999, 99, MATCHING_REJECT: 999"})
    void shouldMapRejectReasons(final RiskRejectReason reason, final int matchingCode, final int ordRejReason,
        final String text) throws FieldNotFound
    {
        report(ExecType.REJECTED, OrdStatus.REJECTED).rejectReason(reason).matchingResultCode(matchingCode)
            .orderId(0).leavesQuantity(0);
        final Message message = mapper.executionReport(decode());
        assertEquals('8', message.getChar(150));
        assertEquals(ordRejReason, message.getInt(103));
        assertEquals(text, message.getString(58));
        assertEquals(RiskToFix.NO_ORDER_ID, message.getString(37));
    }

    @ParameterizedTest
    @CsvSource({
        "LIMIT_GTC, 2, 1, true, false", "LIMIT_DAY, 2, 0, true, false", "MARKET, 1, 3, false, false",
        "IOC, 2, 3, true, false", "FOK, 2, 4, true, false", "POST_ONLY, 2, 1, true, true"})
    void shouldMapOrderTypes(final OrderType orderType, final char ordType, final char timeInForce,
        final boolean priced, final boolean postOnly) throws FieldNotFound
    {
        report(ExecType.NEW, OrdStatus.NEW).orderType(orderType).price(orderType == OrderType.MARKET ? 0 : 10_100);
        final Message message = mapper.executionReport(decode());
        assertEquals(ordType, message.getChar(40));
        assertEquals(timeInForce, message.getChar(59));
        assertEquals(priced, message.isSetField(44));
        assertEquals(postOnly, message.isSetField(18));
        if (postOnly)
        {
            assertEquals("6", message.getString(18));
        }
    }

    @Test
    void shouldLeaveOutAnEmptyOrigClOrdIdNameNoSymbolAndReportZeroAvgPxWithoutFills() throws FieldNotFound
    {
        report(ExecType.NEW, OrdStatus.NEW).origClOrdId("").side(Side.BUY).instrumentId(0);
        final Message message = mapper.executionReport(decode());
        assertFalse(message.isSetField(41));
        assertEquals("NONE", message.getString(55));
        assertEquals('1', message.getChar(54));
        assertEquals(0, message.getDecimal(6).signum());
    }

    @ParameterizedTest
    @CsvSource({
        "CANCEL, UNKNOWN_ORDER, 1, 1", "REPLACE, UNKNOWN_ORDER, 2, 1", "CANCEL, TOO_LATE_TO_CANCEL, 1, 0",
        "REPLACE, ORDER_PENDING, 2, 3", "CANCEL, DUPLICATE_CL_ORD_ID, 1, 6", "REPLACE, PRICE_BAND, 2, 99",
        "REPLACE, MAX_NOTIONAL, 2, 99"})
    void shouldMapACancelReject(final CancelRejectResponseTo responseTo, final RiskRejectReason reason,
        final char fixResponseTo, final int cxlRejReason) throws FieldNotFound
    {
        final RiskCancelRejectEncoder reject = new RiskCancelRejectEncoder()
            .wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder());
        reject.frame().epoch(2).sequence(9).clientSessionId(5).clientSequence(3).timestampNs(TIME_NS);
        reject.orderId(reason == RiskRejectReason.UNKNOWN_ORDER ? 0 : 55).instrumentId(2).accountId(1)
            .reason(reason).ordStatus(reason == RiskRejectReason.UNKNOWN_ORDER ? OrdStatus.REJECTED : OrdStatus.NEW)
            .responseTo(responseTo).clOrdId("x-2").origClOrdId("x-1");
        final RiskCancelRejectDecoder decoded = new RiskCancelRejectDecoder().wrap(buffer,
            MessageHeaderEncoder.ENCODED_LENGTH, RiskCancelRejectEncoder.BLOCK_LENGTH, 0);
        final Message message = mapper.cancelReject(decoded);
        assertEquals("9", message.getHeader().getString(35));
        assertEquals(reason == RiskRejectReason.UNKNOWN_ORDER ? "NONE" : "55", message.getString(37));
        assertEquals("x-2", message.getString(11));
        assertEquals("x-1", message.getString(41));
        assertEquals(reason == RiskRejectReason.UNKNOWN_ORDER ? '8' : '0', message.getChar(39));
        assertEquals(fixResponseTo, message.getChar(434));
        assertEquals(cxlRejReason, message.getInt(102));
        assertEquals(reason.name(), message.getString(58));
    }

    private RiskExecutionReportEncoder report(final ExecType execType, final OrdStatus ordStatus)
    {
        final RiskExecutionReportEncoder report = new RiskExecutionReportEncoder()
            .wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder());
        report.frame().epoch(3).sequence(100).clientSessionId(77).clientSequence(12).timestampNs(TIME_NS);
        report.execId(4242).orderId(17).price(10_100).quantity(10).lastPrice(0).lastQuantity(0).cumQuantity(0)
            .leavesQuantity(10).notionalFilled(0).instrumentId(5).accountId(1).rejectReason(RiskRejectReason.NONE)
            .matchingResultCode(0).side(Side.SELL).orderType(OrderType.LIMIT_GTC).execType(execType)
            .ordStatus(ordStatus).clOrdId("c-2").origClOrdId("c-1");
        return report;
    }

    private RiskExecutionReportDecoder decode()
    {
        return new RiskExecutionReportDecoder().wrap(buffer, MessageHeaderEncoder.ENCODED_LENGTH,
            RiskExecutionReportEncoder.BLOCK_LENGTH, 0);
    }

    @Test
    void shouldMapEveryExecTypeAndOrdStatusTheRiskManagerSends()
    {
        for (final ExecType execType : ExecType.values())
        {
            if (execType != ExecType.NULL_VAL)
            {
                RiskToFix.execType(execType);
            }
        }
        for (final OrdStatus ordStatus : OrdStatus.values())
        {
            if (ordStatus != OrdStatus.NULL_VAL)
            {
                RiskToFix.ordStatus(ordStatus);
            }
        }
        assertEquals(quickfix.field.ExecType.PENDING_CANCEL, RiskToFix.execType(ExecType.PENDING_CANCEL));
        assertEquals(quickfix.field.ExecType.PENDING_REPLACE, RiskToFix.execType(ExecType.PENDING_REPLACE));
        assertEquals(quickfix.field.OrdStatus.PENDING_CANCEL, RiskToFix.ordStatus(OrdStatus.PENDING_CANCEL));
        assertEquals(quickfix.field.OrdStatus.PENDING_REPLACE, RiskToFix.ordStatus(OrdStatus.PENDING_REPLACE));
    }

    @Test
    void shouldNameEveryMatchingResultCodeInText()
    {
        for (final ResultCode code : ResultCode.values())
        {
            if (code != ResultCode.NULL_VAL)
            {
                assertEquals("MATCHING_REJECT: " + code.name(),
                    RiskToFix.text(RiskRejectReason.MATCHING_REJECT, code.value()));
            }
        }
    }
}
