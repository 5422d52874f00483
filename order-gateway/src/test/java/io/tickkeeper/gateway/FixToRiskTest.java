package io.tickkeeper.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tickkeeper.protocol.sbe.BooleanType;
import io.tickkeeper.protocol.sbe.MessageHeaderDecoder;
import io.tickkeeper.protocol.sbe.OrderType;
import io.tickkeeper.protocol.sbe.RiskAccountSessionDecoder;
import io.tickkeeper.protocol.sbe.RiskCancelOrderDecoder;
import io.tickkeeper.protocol.sbe.RiskNewOrderDecoder;
import io.tickkeeper.protocol.sbe.RiskOrderStatusRequestDecoder;
import io.tickkeeper.protocol.sbe.RiskReplaceOrderDecoder;
import io.tickkeeper.protocol.sbe.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import quickfix.Message;
import quickfix.fix44.NewOrderSingle;
import quickfix.fix44.OrderCancelReplaceRequest;
import quickfix.fix44.OrderCancelRequest;
import quickfix.fix44.OrderStatusRequest;

final class FixToRiskTest
{
    private static final long NOW_NS = 1_732_550_400_123_456_789L;

    private final FixToRisk mapper = new FixToRisk(Symbols.firstN(8));
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();

    @Test
    void shouldEncodeALimitOrderWithEveryField()
    {
        assertEquals(FixReject.NONE, mapper.newOrder(order("abc-1", "TK3", "2", "10", "101.25", "2", null, null), 7,
            NOW_NS));
        final RiskNewOrderDecoder decoded = decodeNewOrder();
        assertEquals(10_125, decoded.price());
        assertEquals(10, decoded.quantity());
        assertEquals(3, decoded.instrumentId());
        assertEquals(7, decoded.accountId());
        assertEquals(Side.SELL, decoded.side());
        assertEquals(OrderType.LIMIT_DAY, decoded.orderType());
        assertEquals("abc-1", decoded.clOrdId());
        assertEquals(NOW_NS, decoded.frame().timestampNs());
        assertEquals(0, decoded.frame().clientSessionId());
        assertEquals(0, decoded.frame().clientSequence());
        assertEquals(MessageHeaderDecoder.ENCODED_LENGTH + RiskNewOrderDecoder.BLOCK_LENGTH, mapper.length());
    }

    @ParameterizedTest
    @CsvSource(value = {
        "2, NULL, NULL, LIMIT_DAY, 5000",
        "2, 0, NULL, LIMIT_DAY, 5000",
        "2, 1, NULL, LIMIT_GTC, 5000",
        "2, 3, NULL, IOC, 5000",
        "2, 4, NULL, FOK, 5000",
        "2, NULL, 6, POST_ONLY, 5000",
        "2, 1, 6, POST_ONLY, 5000",
        "1, NULL, NULL, MARKET, 0",
        "1, 0, NULL, MARKET, 0",
        "1, 3, NULL, MARKET, 0"}, nullValues = "NULL")
    void shouldMapOrdTypeTimeInForceAndExecInst(final String ordType, final String timeInForce, final String execInst,
        final OrderType expected, final long expectedPrice)
    {
        final String price = ordType.equals("1") ? null : "50";
        assertEquals(FixReject.NONE,
            mapper.newOrder(order("o", "TK1", "1", "3", price, ordType, timeInForce, execInst), 1, NOW_NS));
        final RiskNewOrderDecoder decoded = decodeNewOrder();
        assertEquals(expected, decoded.orderType());
        assertEquals(expectedPrice, decoded.price());
        assertEquals(Side.BUY, decoded.side());
    }

    @ParameterizedTest
    @CsvSource(value = {
        "'', TK1, 1, 1, 10, 2, NULL, NULL, INVALID_CL_ORD_ID",
        "123456789012345678901234567890123, TK1, 1, 1, 10, 2, NULL, NULL, INVALID_CL_ORD_ID",
        "with space, TK1, 1, 1, 10, 2, NULL, NULL, INVALID_CL_ORD_ID",
        "caf\u00e9, TK1, 1, 1, 10, 2, NULL, NULL, INVALID_CL_ORD_ID",
        "o, TK9, 1, 1, 10, 2, NULL, NULL, UNKNOWN_SYMBOL",
        "o, TK0, 1, 1, 10, 2, NULL, NULL, UNKNOWN_SYMBOL",
        "o, TK01, 1, 1, 10, 2, NULL, NULL, UNKNOWN_SYMBOL",
        "o, TK, 1, 1, 10, 2, NULL, NULL, UNKNOWN_SYMBOL",
        "o, XYZ, 1, 1, 10, 2, NULL, NULL, UNKNOWN_SYMBOL",
        "o, TK1, 5, 1, 10, 2, NULL, NULL, UNSUPPORTED_SIDE",
        "o, TK1, 1, 0, 10, 2, NULL, NULL, INVALID_QUANTITY",
        "o, TK1, 1, -3, 10, 2, NULL, NULL, INVALID_QUANTITY",
        "o, TK1, 1, 1.5, 10, 2, NULL, NULL, INVALID_QUANTITY",
        "o, TK1, 1, 1, 10, 3, NULL, NULL, UNSUPPORTED_ORD_TYPE",
        "o, TK1, 1, 1, NULL, 2, NULL, NULL, MISSING_PRICE",
        "o, TK1, 1, 1, 10.125, 2, NULL, NULL, INVALID_PRICE",
        "o, TK1, 1, 1, 0, 2, NULL, NULL, INVALID_PRICE",
        "o, TK1, 1, 1, -1.00, 2, NULL, NULL, INVALID_PRICE",
        "o, TK1, 1, 1, 10, 1, NULL, NULL, PRICE_ON_MARKET_ORDER",
        "o, TK1, 1, 1, 10, 2, 2, NULL, UNSUPPORTED_TIME_IN_FORCE",
        "o, TK1, 1, 1, 10, 2, 6, NULL, UNSUPPORTED_TIME_IN_FORCE",
        "o, TK1, 1, 1, NULL, 1, 1, NULL, UNSUPPORTED_TIME_IN_FORCE",
        "o, TK1, 1, 1, NULL, 1, 4, NULL, UNSUPPORTED_TIME_IN_FORCE",
        "o, TK1, 1, 1, 10, 2, NULL, 1, UNSUPPORTED_EXEC_INST",
        "o, TK1, 1, 1, 10, 2, NULL, 6 1, UNSUPPORTED_EXEC_INST",
        "o, TK1, 1, 1, NULL, 1, NULL, 6, POST_ONLY_NOT_GTC_LIMIT",
        "o, TK1, 1, 1, 10, 2, 3, 6, POST_ONLY_NOT_GTC_LIMIT",
        "o, TK1, 1, 1, 10, 2, 0, 6, POST_ONLY_NOT_GTC_LIMIT"}, nullValues = "NULL")
    void shouldRefuseANewOrderTheRiskManagerCouldNotTake(final String clOrdId, final String symbol, final String side,
        final String quantity, final String price, final String ordType, final String timeInForce,
        final String execInst, final FixReject expected)
    {
        assertEquals(expected,
            mapper.newOrder(order(clOrdId, symbol, side, quantity, price, ordType, timeInForce, execInst), 1, NOW_NS));
        assertEquals(0, mapper.length());
    }

    @Test
    void shouldEncodeACancel()
    {
        final OrderCancelRequest cancel = new OrderCancelRequest();
        cancel.setString(11, "cxl-1");
        cancel.setString(41, "ord-1");
        cancel.setString(55, "TK8");
        cancel.setChar(54, '1');
        assertEquals(FixReject.NONE, mapper.cancel(cancel, 4, NOW_NS));
        header.wrap(mapper.buffer(), 0);
        assertEquals(RiskCancelOrderDecoder.TEMPLATE_ID, header.templateId());
        final RiskCancelOrderDecoder decoded = new RiskCancelOrderDecoder().wrap(mapper.buffer(),
            MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
        assertEquals(8, decoded.instrumentId());
        assertEquals(4, decoded.accountId());
        assertEquals("cxl-1", decoded.clOrdId());
        assertEquals("ord-1", decoded.origClOrdId());
        assertEquals(NOW_NS, decoded.frame().timestampNs());
    }

    @ParameterizedTest
    @CsvSource({
        "'', ord-1, TK1, INVALID_CL_ORD_ID",
        "cxl-1, '', TK1, INVALID_ORIG_CL_ORD_ID",
        "cxl-1, bad orig, TK1, INVALID_ORIG_CL_ORD_ID",
        "cxl-1, ord-1, TK12, UNKNOWN_SYMBOL"})
    void shouldRefuseACancel(final String clOrdId, final String origClOrdId, final String symbol,
        final FixReject expected)
    {
        final OrderCancelRequest cancel = new OrderCancelRequest();
        cancel.setString(11, clOrdId);
        cancel.setString(41, origClOrdId);
        cancel.setString(55, symbol);
        assertEquals(expected, mapper.cancel(cancel, 4, NOW_NS));
        assertEquals(0, mapper.length());
    }

    @Test
    void shouldEncodeAReplaceWithTheNewTotalQuantity()
    {
        assertEquals(FixReject.NONE, mapper.replace(replace("r-2", "r-1", "TK2", "2", "99.9", "15"), 3, NOW_NS));
        header.wrap(mapper.buffer(), 0);
        assertEquals(RiskReplaceOrderDecoder.TEMPLATE_ID, header.templateId());
        final RiskReplaceOrderDecoder decoded = new RiskReplaceOrderDecoder().wrap(mapper.buffer(),
            MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
        assertEquals(9_990, decoded.newPrice());
        assertEquals(15, decoded.newQuantity());
        assertEquals(2, decoded.instrumentId());
        assertEquals(3, decoded.accountId());
        assertEquals("r-2", decoded.clOrdId());
        assertEquals("r-1", decoded.origClOrdId());
    }

    @ParameterizedTest
    @CsvSource(value = {
        "'', r-1, TK2, 2, 10, 5, INVALID_CL_ORD_ID",
        "r-2, '', TK2, 2, 10, 5, INVALID_ORIG_CL_ORD_ID",
        "r-2, r-1, TK99, 2, 10, 5, UNKNOWN_SYMBOL",
        "r-2, r-1, TK2, 1, 10, 5, UNSUPPORTED_ORD_TYPE",
        "r-2, r-1, TK2, 2, NULL, 5, MISSING_PRICE",
        "r-2, r-1, TK2, 2, 10.001, 5, INVALID_PRICE",
        "r-2, r-1, TK2, 2, 10, 0, INVALID_QUANTITY",
        "r-2, r-1, TK2, 2, 10, 2.5, INVALID_QUANTITY"}, nullValues = "NULL")
    void shouldRefuseAReplace(final String clOrdId, final String origClOrdId, final String symbol,
        final String ordType, final String price, final String quantity, final FixReject expected)
    {
        assertEquals(expected, mapper.replace(replace(clOrdId, origClOrdId, symbol, ordType, price, quantity), 3,
            NOW_NS));
        assertEquals(0, mapper.length());
    }

    @Test
    void shouldEncodeAnOrderStatusRequest()
    {
        final OrderStatusRequest status = new OrderStatusRequest();
        status.setString(11, "s-1");
        status.setString(55, "TK1");
        status.setChar(54, '1');
        assertEquals(FixReject.NONE, mapper.orderStatus(status, 5, NOW_NS));
        header.wrap(mapper.buffer(), 0);
        assertEquals(RiskOrderStatusRequestDecoder.TEMPLATE_ID, header.templateId());
        final RiskOrderStatusRequestDecoder decoded = new RiskOrderStatusRequestDecoder().wrap(mapper.buffer(),
            MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
        assertEquals(5, decoded.accountId());
        assertEquals("s-1", decoded.clOrdId());
        status.setString(55, "TK9");
        assertEquals(FixReject.UNKNOWN_SYMBOL, mapper.orderStatus(status, 5, NOW_NS));
        status.setString(55, "TK1");
        status.setString(11, "x".repeat(33));
        assertEquals(FixReject.INVALID_CL_ORD_ID, mapper.orderStatus(status, 5, NOW_NS));
    }

    @Test
    void shouldEncodeAnAccountSession()
    {
        mapper.accountSession(6, false, true, NOW_NS);
        header.wrap(mapper.buffer(), 0);
        assertEquals(RiskAccountSessionDecoder.TEMPLATE_ID, header.templateId());
        final RiskAccountSessionDecoder decoded = new RiskAccountSessionDecoder().wrap(mapper.buffer(),
            MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
        assertEquals(6, decoded.accountId());
        assertEquals(BooleanType.FALSE, decoded.connected());
        assertEquals(BooleanType.TRUE, decoded.cancelOnDisconnect());
        assertEquals(NOW_NS, decoded.frame().timestampNs());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "ABC-123_x.y/z", "~!@#$%^&*()", "12345678901234567890123456789012"})
    void shouldAcceptPrintableClOrdIds(final String clOrdId)
    {
        assertTrue(FixToRisk.validClOrdId(clOrdId));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "a b", "tab\t", "del\u007f", "123456789012345678901234567890123"})
    void shouldRefuseOtherClOrdIds(final String clOrdId)
    {
        assertFalse(FixToRisk.validClOrdId(clOrdId));
    }

    private RiskNewOrderDecoder decodeNewOrder()
    {
        header.wrap(mapper.buffer(), 0);
        assertEquals(RiskNewOrderDecoder.TEMPLATE_ID, header.templateId());
        return new RiskNewOrderDecoder().wrap(mapper.buffer(), MessageHeaderDecoder.ENCODED_LENGTH,
            header.blockLength(), header.version());
    }

    private static Message order(final String clOrdId, final String symbol, final String side, final String quantity,
        final String price, final String ordType, final String timeInForce, final String execInst)
    {
        final NewOrderSingle order = new NewOrderSingle();
        order.setString(11, clOrdId);
        order.setString(55, symbol);
        order.setString(54, side);
        order.setString(38, quantity);
        order.setString(40, ordType);
        if (price != null)
        {
            order.setString(44, price);
        }
        if (timeInForce != null)
        {
            order.setString(59, timeInForce);
        }
        if (execInst != null)
        {
            order.setString(18, execInst);
        }
        return order;
    }

    private static Message replace(final String clOrdId, final String origClOrdId, final String symbol,
        final String ordType, final String price, final String quantity)
    {
        final OrderCancelReplaceRequest replace = new OrderCancelReplaceRequest();
        replace.setString(11, clOrdId);
        replace.setString(41, origClOrdId);
        replace.setString(55, symbol);
        replace.setChar(54, '1');
        replace.setString(40, ordType);
        replace.setString(38, quantity);
        if (price != null)
        {
            replace.setString(44, price);
        }
        return replace;
    }
}
