package io.tickkeeper.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;

import io.tickkeeper.node.broadcast.BroadcastListener;
import io.tickkeeper.protocol.sbe.ExecType;
import io.tickkeeper.protocol.sbe.MessageHeaderEncoder;
import io.tickkeeper.protocol.sbe.OrdStatus;
import io.tickkeeper.protocol.sbe.OrderType;
import io.tickkeeper.protocol.sbe.RiskExecutionReportEncoder;
import io.tickkeeper.protocol.sbe.RiskRejectReason;
import io.tickkeeper.protocol.sbe.RiskTradeEncoder;
import io.tickkeeper.protocol.sbe.Side;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Group;
import quickfix.Message;
import quickfix.field.MsgType;
import quickfix.fix44.MarketDataRequest;

/**
 * A gateway that takes its drop copies and public trades from the risk primary's broadcast
 * ({@link PublicEvents#BROADCAST}), over loopback FIX. The broadcast is fed straight into the gateway's
 * {@link FixGatewayApplication#broadcastListener()}, as engine-node's BroadcastSubscriber would after its epoch check:
 * the drop copy sees the reports of an account logged on through another gateway, each ExecID once, and market data
 * prints the broadcast trades, not the ones the gateway's own risk session happens to see.
 */
@Timeout(60)
final class DropCopyFromBroadcastTest
{
    private static final long EPOCH = 4;
    private static final int BRAVO_ACCOUNT = 2;

    @TempDir
    Path dataDir;

    private ScriptedRiskChannel risk;
    private FixGatewayApplication application;
    private BroadcastListener broadcast;
    private FixGateway gateway;
    private int port;

    @BeforeEach
    void startGateway() throws Exception
    {
        port = freePort();
        risk = new ScriptedRiskChannel();
        application = new FixGatewayApplication(GatewayAccounts.defaults(), Symbols.firstN(8), risk,
            new SystemEpochNanoClock(), "G-bc", PublicEvents.BROADCAST);
        broadcast = application.broadcastListener();
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
    void shouldCopyEveryAccountsReportsFromTheBroadcastToTheDropCopyEachExecIdOnce() throws Exception
    {
        try (FixTestClient dropCopy = loggedOn("BCDROP1", "dropcopy", "dropcopy-demo");
            FixTestClient alpha = loggedOn("BCALPHA1", "alpha", "alpha-demo"))
        {
            alpha.send(FixEdgeWithScriptedRiskTest.limitOrder("ord-1", "TK3", '1', "101.25", 10));
            final Message pending = alpha.next();
            final Message accepted = alpha.next();
            assertEquals('A', pending.getChar(150));
            assertEquals('0', accepted.getChar(150));
            assertNull(dropCopy.poll(300), "the gateway's own risk session feeds no drop copy");

            final List<byte[]> alphaReports = risk.published();
            assertEquals(2, alphaReports.size());
            for (final byte[] report : alphaReports)
            {
                deliver(report);
            }
            final Message pendingCopy = dropCopy.next();
            assertEquals(pending.getString(17), pendingCopy.getString(17));
            assertEquals("ord-1", pendingCopy.getString(11));
            assertEquals(accepted.getString(17), dropCopy.next().getString(17));

            deliver(bravoFill(5_000, "bravo-7"));
            final Message bravoCopy = dropCopy.next();
            assertEquals("5000", bravoCopy.getString(17));
            assertEquals("bravo-7", bravoCopy.getString(11));
            assertEquals('F', bravoCopy.getChar(150));
            assertEquals(new BigDecimal("99.50"), bravoCopy.getDecimal(31));
            assertNull(alpha.poll(200), "alpha sees no report of bravo's order");

            deliver(alphaReports.get(1));
            deliver(bravoFill(5_000, "bravo-7"));
            deliver(bravoFill(5_001, "bravo-8"));
            final Message next = dropCopy.next();
            assertEquals("5001", next.getString(17), "repeated ExecIDs are not copied again");
            assertNull(dropCopy.poll(200));

            alpha.send(FixEdgeWithScriptedRiskTest.limitOrder("ord-bad", "TK99", '1', "10", 1));
            final Message gatewayReject = alpha.next();
            assertEquals('8', gatewayReject.getChar(150));
            assertEquals(gatewayReject.getString(17), dropCopy.next().getString(17),
                "the gateway's own rejects still reach its drop copies");
        }
    }

    @Test
    void shouldPrintBroadcastTradesAsMarketDataAndIgnoreTheOwnSessionsTrades() throws Exception
    {
        try (FixTestClient alpha = loggedOn("BCALPHA2", "alpha", "alpha-demo"))
        {
            alpha.send(tradeSubscription("md-t", "TK6"));
            final Message snapshot = alpha.next();
            assertEquals(MsgType.MARKET_DATA_SNAPSHOT_FULL_REFRESH, FixTestClient.type(snapshot));
            assertEquals(0, snapshot.getInt(268));

            alpha.send(FixEdgeWithScriptedRiskTest.limitOrder("ord-t", "TK6", '1', "100", 10));
            assertEquals('A', alpha.next().getChar(150));
            assertEquals('0', alpha.next().getChar(150));
            risk.fill(1, "ord-t", 10_050, 4);
            assertEquals('F', alpha.next().getChar(150));
            assertNull(alpha.poll(300), "a trade on the own risk session is not printed in broadcast mode");

            deliver(trade(6, 10_050, 4));
            final Message print = alpha.next();
            assertEquals(MsgType.MARKET_DATA_INCREMENTAL_REFRESH, FixTestClient.type(print));
            final Group entry = print.getGroup(1, 268);
            assertEquals('2', entry.getChar(269));
            assertEquals("TK6", entry.getString(55));
            assertEquals(new BigDecimal("100.50"), entry.getDecimal(270));
            assertEquals(0, entry.getDecimal(271).compareTo(BigDecimal.valueOf(4)));
        }
    }

    private void deliver(final byte[] message)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[message.length + 16]);
        buffer.putBytes(8, message);
        broadcast.onMessage(EPOCH, buffer, 8, message.length);
    }

    /** A fill of bravo's order, as the risk primary broadcasts it; bravo trades through another gateway. */
    private static byte[] bravoFill(final long execId, final String clOrdId)
    {
        final UnsafeBuffer out = new UnsafeBuffer(new byte[512]);
        final RiskExecutionReportEncoder report =
            new RiskExecutionReportEncoder().wrapAndApplyHeader(out, 0, new MessageHeaderEncoder());
        report.frame().epoch(EPOCH).sequence(900).clientSessionId(88).clientSequence(12)
            .timestampNs(1_732_550_400_000_000_000L);
        report.execId(execId).orderId(41).price(9_950).quantity(5).lastPrice(9_950).lastQuantity(5)
            .cumQuantity(5).leavesQuantity(0).notionalFilled(9_950L * 5).instrumentId(2).accountId(BRAVO_ACCOUNT)
            .rejectReason(RiskRejectReason.NONE).matchingResultCode(0).side(Side.SELL)
            .orderType(OrderType.LIMIT_GTC).execType(ExecType.FILL).ordStatus(OrdStatus.FILLED).clOrdId(clOrdId)
            .origClOrdId("");
        return bytes(out, MessageHeaderEncoder.ENCODED_LENGTH + report.encodedLength());
    }

    private static byte[] trade(final int instrumentId, final long price, final long quantity)
    {
        final UnsafeBuffer out = new UnsafeBuffer(new byte[256]);
        final RiskTradeEncoder trade = new RiskTradeEncoder().wrapAndApplyHeader(out, 0, new MessageHeaderEncoder());
        trade.frame().epoch(EPOCH).sequence(901).clientSessionId(0).clientSequence(0).timestampNs(0);
        trade.tradeId(77).matchingEpoch(1).matchingSequence(300).price(price).quantity(quantity).buyOrderId(1)
            .sellOrderId(2).instrumentId(instrumentId).buyAccountId(1).sellAccountId(BRAVO_ACCOUNT)
            .aggressorSide(Side.SELL);
        return bytes(out, MessageHeaderEncoder.ENCODED_LENGTH + trade.encodedLength());
    }

    private static byte[] bytes(final UnsafeBuffer buffer, final int length)
    {
        final byte[] bytes = new byte[length];
        buffer.getBytes(0, bytes);
        return bytes;
    }

    private static MarketDataRequest tradeSubscription(final String mdReqId, final String symbol)
    {
        final MarketDataRequest request = new MarketDataRequest();
        request.setString(262, mdReqId);
        request.setChar(263, '1');
        request.setInt(264, 1);
        final MarketDataRequest.NoMDEntryTypes trade = new MarketDataRequest.NoMDEntryTypes();
        trade.setChar(269, '2');
        request.addGroup(trade);
        final MarketDataRequest.NoRelatedSym related = new MarketDataRequest.NoRelatedSym();
        related.setString(55, symbol);
        request.addGroup(related);
        return request;
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

    private static int freePort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0))
        {
            return socket.getLocalPort();
        }
    }
}
