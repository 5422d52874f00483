package io.tickkeeper.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import org.agrona.concurrent.SystemEpochNanoClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;
import quickfix.field.MsgType;
import quickfix.fix44.MarketDataRequest;
import quickfix.fix44.NewOrderSingle;
import quickfix.fix44.OrderCancelReplaceRequest;
import quickfix.fix44.OrderCancelRequest;
import quickfix.fix44.OrderStatusRequest;

/**
 * The FIX edge of the gateway over loopback: a real QuickFIX/J initiator against the real acceptor. The risk
 * manager behind it is {@link ScriptedRiskChannel}, a deterministic stand-in (the risk-manager module has no
 * pipeline yet), so this tests the FIX side only: logons, the mapping of requests and reports, rejects, the drop
 * copy and market data.
 */
@Timeout(60)
final class FixEdgeWithScriptedRiskTest
{
    @TempDir
    Path dataDir;

    private ScriptedRiskChannel risk;
    private FixGatewayApplication application;
    private FixGateway gateway;
    private int port;

    @BeforeEach
    void startGateway() throws Exception
    {
        port = freePort();
        risk = new ScriptedRiskChannel();
        application = new FixGatewayApplication(GatewayAccounts.defaults(), Symbols.firstN(8), risk,
            new SystemEpochNanoClock(), "G-test");
        gateway = new FixGateway(application, "127.0.0.1", port, FixGateway.DEFAULT_COMP_ID, dataDir);
        gateway.start();
    }

    @AfterEach
    void stopGateway() throws InterruptedException
    {
        gateway.close();
        risk.close();
    }

    @Test
    void shouldAcceptLogonAndAnnounceTheAccountToRisk() throws Exception
    {
        try (FixTestClient alpha = new FixTestClient("ALPHA1", port, "alpha", "alpha-demo"))
        {
            assertTrue(alpha.awaitLoggedOn(5_000));
            awaitAccountSessions(List.of("1:true:true"));
        }
        awaitAccountSessions(List.of("1:true:true", "1:false:true"));
    }

    @Test
    void shouldRefuseABadPasswordWithLogoutAndText() throws Exception
    {
        try (FixTestClient intruder = new FixTestClient("BAD1", port, "alpha", "wrong"))
        {
            final Message logout = intruder.next();
            assertEquals(MsgType.LOGOUT, FixTestClient.type(logout));
            assertEquals("unknown Username or wrong Password", logout.getString(58));
            assertFalse(intruder.loggedOn());
            assertTrue(risk.accountSessions().isEmpty());
        }
    }

    @Test
    void shouldRefuseASecondLogonOfTheSameUser() throws Exception
    {
        try (FixTestClient first = new FixTestClient("ALPHA2", port, "alpha", "alpha-demo");
            FixTestClient second = startAfter(first, "ALPHA3", "alpha", "alpha-demo"))
        {
            final Message logout = second.next();
            assertEquals(MsgType.LOGOUT, FixTestClient.type(logout));
            assertEquals("user alpha is already logged on", logout.getString(58));
            assertTrue(first.loggedOn());
        }
    }

    @Test
    void shouldAnswerNewOrderSingleWithPendingNewThenNew() throws Exception
    {
        try (FixTestClient alpha = loggedOn("ALPHA4", "alpha", "alpha-demo"))
        {
            alpha.send(limitOrder("ord-1", "TK3", '1', "101.25", 10));
            final Message pending = alpha.next();
            assertEquals(MsgType.EXECUTION_REPORT, FixTestClient.type(pending));
            assertEquals('A', pending.getChar(150));
            assertEquals('A', pending.getChar(39));
            assertEquals("ord-1", pending.getString(11));
            assertEquals("1000", pending.getString(17));
            assertEquals("1", pending.getString(37));
            assertEquals("TK3", pending.getString(55));
            assertEquals('1', pending.getChar(54));
            assertEquals(new BigDecimal("101.25"), pending.getDecimal(44));
            final Message accepted = alpha.next();
            assertEquals('0', accepted.getChar(150));
            assertEquals('0', accepted.getChar(39));
            assertEquals("1001", accepted.getString(17));
            assertEquals(0, accepted.getDecimal(151).compareTo(BigDecimal.TEN));
            assertEquals(0, accepted.getDecimal(14).signum());
        }
    }

    @Test
    void shouldSendARiskRejectAsRejectedExecutionReport() throws Exception
    {
        try (FixTestClient alpha = loggedOn("ALPHA5", "alpha", "alpha-demo"))
        {
            alpha.send(limitOrder("big-1", "TK1", '2', "99", ScriptedRiskChannel.MAX_QUANTITY + 1));
            final Message rejected = alpha.next();
            assertEquals('8', rejected.getChar(150));
            assertEquals('8', rejected.getChar(39));
            assertEquals(3, rejected.getInt(103));
            assertEquals("MAX_ORDER_QUANTITY", rejected.getString(58));
        }
    }

    @Test
    void shouldCancelAndRejectTheCancelOfAnUnknownOrder() throws Exception
    {
        try (FixTestClient alpha = loggedOn("ALPHA6", "alpha", "alpha-demo"))
        {
            placeAndAwaitNew(alpha, "ord-c", "TK2");
            alpha.send(cancel("cxl-1", "ord-c", "TK2"));
            final Message canceled = alpha.next();
            assertEquals('4', canceled.getChar(150));
            assertEquals('4', canceled.getChar(39));
            assertEquals("cxl-1", canceled.getString(11));
            assertEquals("ord-c", canceled.getString(41));

            alpha.send(cancel("cxl-2", "no-such-order", "TK2"));
            final Message reject = alpha.next();
            assertEquals(MsgType.ORDER_CANCEL_REJECT, FixTestClient.type(reject));
            assertEquals('1', reject.getChar(434));
            assertEquals(1, reject.getInt(102));
            assertEquals("no-such-order", reject.getString(41));
            assertEquals("NONE", reject.getString(37));
        }
    }

    @Test
    void shouldReplaceAnOrder() throws Exception
    {
        try (FixTestClient alpha = loggedOn("ALPHA7", "alpha", "alpha-demo"))
        {
            placeAndAwaitNew(alpha, "ord-r", "TK4");
            alpha.send(replace("ord-r2", "ord-r", "TK4", "102.50", 20));
            final Message replaced = alpha.next();
            assertEquals('5', replaced.getChar(150));
            assertEquals("ord-r2", replaced.getString(11));
            assertEquals("ord-r", replaced.getString(41));
            assertEquals(new BigDecimal("102.50"), replaced.getDecimal(44));
            assertEquals(0, replaced.getDecimal(38).compareTo(BigDecimal.valueOf(20)));

            alpha.send(replace("ord-r3", "gone", "TK4", "102.50", 20));
            final Message reject = alpha.next();
            assertEquals(MsgType.ORDER_CANCEL_REJECT, FixTestClient.type(reject));
            assertEquals('2', reject.getChar(434));
        }
    }

    @Test
    void shouldAnswerOrderStatusRequest() throws Exception
    {
        try (FixTestClient alpha = loggedOn("ALPHA8", "alpha", "alpha-demo"))
        {
            placeAndAwaitNew(alpha, "ord-s", "TK5");
            final OrderStatusRequest status = new OrderStatusRequest();
            status.setString(11, "ord-s");
            status.setString(55, "TK5");
            status.setChar(54, '1');
            alpha.send(status);
            final Message report = alpha.next();
            assertEquals('I', report.getChar(150));
            assertEquals('0', report.getChar(39));
            assertEquals("ord-s", report.getString(11));
        }
    }

    @Test
    void shouldRejectMalformedMessagesAndKeepTheSessionUp() throws Exception
    {
        try (FixTestClient alpha = loggedOn("ALPHA9", "alpha", "alpha-demo"))
        {
            final NewOrderSingle missingSide = limitOrder("m-1", "TK1", '1', "10", 1);
            missingSide.removeField(54);
            alpha.send(missingSide);
            final Message missing = alpha.next();
            assertEquals(MsgType.REJECT, FixTestClient.type(missing));
            assertEquals(1, missing.getInt(373));
            assertEquals(54, missing.getInt(371));

            final NewOrderSingle wrongType = limitOrder("m-2", "TK1", '1', "10", 1);
            wrongType.setString(38, "ten");
            alpha.send(wrongType);
            final Message format = alpha.next();
            assertEquals(MsgType.REJECT, FixTestClient.type(format));
            assertEquals(6, format.getInt(373));
            assertEquals(38, format.getInt(371));

            alpha.send(limitOrder("m-3", "XYZ", '1', "10", 1));
            final Message unknownSymbol = alpha.next();
            assertEquals('8', unknownSymbol.getChar(150));
            assertEquals('8', unknownSymbol.getChar(39));
            assertEquals(1, unknownSymbol.getInt(103));
            assertEquals(FixReject.UNKNOWN_SYMBOL.text(), unknownSymbol.getString(58));

            alpha.send(limitOrder("m-4", "TK1", '1', "10.125", 1));
            final Message badPrice = alpha.next();
            assertEquals('8', badPrice.getChar(150));
            assertEquals(FixReject.INVALID_PRICE.text(), badPrice.getString(58));
            assertEquals("m-4", badPrice.getString(11));

            final Message unknownType = new Message();
            unknownType.getHeader().setString(35, "ZZ");
            alpha.send(unknownType);
            final Message invalidType = alpha.next();
            assertEquals(MsgType.REJECT, FixTestClient.type(invalidType));
            assertEquals(11, invalidType.getInt(373));

            final Message massStatus = new Message();
            massStatus.getHeader().setString(35, "AF");
            massStatus.setString(584, "ms-1");
            massStatus.setInt(585, 7);
            alpha.send(massStatus);
            final Message unsupported = alpha.next();
            assertEquals(MsgType.BUSINESS_MESSAGE_REJECT, FixTestClient.type(unsupported));
            assertEquals(3, unsupported.getInt(380));
            assertEquals("AF", unsupported.getString(372));

            assertTrue(alpha.loggedOn());
            placeAndAwaitNew(alpha, "after-bad", "TK1");
        }
    }

    @Test
    void shouldSendFillsToTheAccountAndEveryReportToTheDropCopy() throws Exception
    {
        try (FixTestClient dropCopy = loggedOn("DROP1", "dropcopy", "dropcopy-demo");
            FixTestClient alpha = loggedOn("ALPHA10", "alpha", "alpha-demo");
            FixTestClient bravo = loggedOn("BRAVO1", "bravo", "bravo-demo"))
        {
            awaitAccountSessions(List.of("1:true:true", "2:true:false"));
            placeAndAwaitNew(alpha, "ord-f", "TK6");
            risk.fill(1, "ord-f", 10_050, 4);
            final Message fill = alpha.next();
            assertEquals('F', fill.getChar(150));
            assertEquals('1', fill.getChar(39));
            assertEquals(new BigDecimal("100.50"), fill.getDecimal(31));
            assertEquals(0, fill.getDecimal(32).compareTo(BigDecimal.valueOf(4)));
            assertEquals(0, fill.getDecimal(14).compareTo(BigDecimal.valueOf(4)));
            assertEquals(0, fill.getDecimal(151).compareTo(BigDecimal.valueOf(6)));
            assertEquals(0, fill.getDecimal(6).compareTo(new BigDecimal("100.5")));

            assertEquals('A', dropCopy.next().getChar(150));
            assertEquals('0', dropCopy.next().getChar(150));
            final Message copy = dropCopy.next();
            assertEquals('F', copy.getChar(150));
            assertEquals(fill.getString(17), copy.getString(17));
            assertNull(bravo.poll(200), "bravo sees no report of alpha's order");

            alpha.send(limitOrder("ord-g", "TK99", '1', "10", 1));
            final Message gatewayReject = alpha.next();
            assertEquals('8', gatewayReject.getChar(150));
            final Message rejectCopy = dropCopy.next();
            assertEquals('8', rejectCopy.getChar(150));
            assertEquals(gatewayReject.getString(17), rejectCopy.getString(17));

            dropCopy.send(limitOrder("dc-1", "TK1", '1', "10", 1));
            final Message refused = dropCopy.next();
            assertEquals(MsgType.BUSINESS_MESSAGE_REJECT, FixTestClient.type(refused));
            assertEquals(6, refused.getInt(380));
        }
    }

    @Test
    void shouldAnswerMarketDataRequestWithSnapshotThenIncrementalRefreshes() throws Exception
    {
        application.onReferencePrice(7, 12_345, 0);
        try (FixTestClient alpha = loggedOn("ALPHA11", "alpha", "alpha-demo"))
        {
            final MarketDataRequest request = new MarketDataRequest();
            request.setString(262, "md-1");
            request.setChar(263, '1');
            request.setInt(264, 1);
            final MarketDataRequest.NoMDEntryTypes index = new MarketDataRequest.NoMDEntryTypes();
            index.setChar(269, '3');
            request.addGroup(index);
            final MarketDataRequest.NoMDEntryTypes trade = new MarketDataRequest.NoMDEntryTypes();
            trade.setChar(269, '2');
            request.addGroup(trade);
            final MarketDataRequest.NoRelatedSym symbol = new MarketDataRequest.NoRelatedSym();
            symbol.setString(55, "TK7");
            request.addGroup(symbol);
            alpha.send(request);

            final Message snapshot = alpha.next();
            assertEquals(MsgType.MARKET_DATA_SNAPSHOT_FULL_REFRESH, FixTestClient.type(snapshot));
            assertEquals("TK7", snapshot.getString(55));
            assertEquals(1, snapshot.getInt(268));
            final quickfix.Group entry = snapshot.getGroup(1, 268);
            assertEquals('3', entry.getChar(269));
            assertEquals(new BigDecimal("123.45"), entry.getDecimal(270));

            application.onReferencePrice(7, 12_400, 1);
            final Message update = alpha.next();
            assertEquals(MsgType.MARKET_DATA_INCREMENTAL_REFRESH, FixTestClient.type(update));
            assertEquals("md-1", update.getString(262));
            final quickfix.Group changed = update.getGroup(1, 268);
            assertEquals('3', changed.getChar(269));
            assertEquals(new BigDecimal("124.00"), changed.getDecimal(270));

            placeAndAwaitNew(alpha, "ord-md", "TK7");
            risk.fill(1, "ord-md", 12_390, 3);
            assertEquals(MsgType.EXECUTION_REPORT, FixTestClient.type(alpha.next()));
            final Message traded = alpha.next();
            assertEquals(MsgType.MARKET_DATA_INCREMENTAL_REFRESH, FixTestClient.type(traded));
            final quickfix.Group print = traded.getGroup(1, 268);
            assertEquals('2', print.getChar(269));
            assertEquals(new BigDecimal("123.90"), print.getDecimal(270));
            assertEquals(0, print.getDecimal(271).compareTo(BigDecimal.valueOf(3)));
        }
    }

    private FixTestClient loggedOn(final String compId, final String user, final String password) throws Exception
    {
        final FixTestClient client = new FixTestClient(compId, port, user, password);
        if (!client.awaitLoggedOn(5_000))
        {
            client.close();
            throw new AssertionError(compId + " did not log on");
        }
        return client;
    }

    private FixTestClient startAfter(final FixTestClient first, final String compId, final String user,
        final String password) throws Exception
    {
        assertTrue(first.awaitLoggedOn(5_000));
        return new FixTestClient(compId, port, user, password);
    }

    private static void placeAndAwaitNew(final FixTestClient client, final String clOrdId, final String symbol)
        throws Exception
    {
        client.send(limitOrder(clOrdId, symbol, '1', "100", 10));
        assertEquals('A', client.next().getChar(150));
        final Message accepted = client.next();
        assertEquals('0', accepted.getChar(150));
        assertEquals(clOrdId, accepted.getString(11));
    }

    private void awaitAccountSessions(final List<String> expected) throws InterruptedException
    {
        final long deadline = System.currentTimeMillis() + 5_000;
        while (!risk.accountSessions().equals(expected) && System.currentTimeMillis() < deadline)
        {
            Thread.sleep(10);
        }
        assertEquals(expected, risk.accountSessions());
    }

    static NewOrderSingle limitOrder(final String clOrdId, final String symbol, final char side, final String price,
        final long quantity)
    {
        final NewOrderSingle order = new NewOrderSingle();
        order.setString(11, clOrdId);
        order.setString(55, symbol);
        order.setChar(54, side);
        order.setUtcTimeStamp(60, LocalDateTime.of(2026, 11, 25, 12, 0));
        order.setString(38, Long.toString(quantity));
        order.setChar(40, '2');
        order.setString(44, price);
        return order;
    }

    private static OrderCancelRequest cancel(final String clOrdId, final String origClOrdId, final String symbol)
    {
        final OrderCancelRequest cancel = new OrderCancelRequest();
        cancel.setString(11, clOrdId);
        cancel.setString(41, origClOrdId);
        cancel.setString(55, symbol);
        cancel.setChar(54, '1');
        cancel.setUtcTimeStamp(60, LocalDateTime.of(2026, 11, 25, 12, 0));
        return cancel;
    }

    private static OrderCancelReplaceRequest replace(final String clOrdId, final String origClOrdId,
        final String symbol, final String price, final long quantity)
    {
        final OrderCancelReplaceRequest replace = new OrderCancelReplaceRequest();
        replace.setString(11, clOrdId);
        replace.setString(41, origClOrdId);
        replace.setString(55, symbol);
        replace.setChar(54, '1');
        replace.setUtcTimeStamp(60, LocalDateTime.of(2026, 11, 25, 12, 0));
        replace.setString(38, Long.toString(quantity));
        replace.setChar(40, '2');
        replace.setString(44, price);
        return replace;
    }

    private static int freePort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0))
        {
            return socket.getLocalPort();
        }
    }
}
