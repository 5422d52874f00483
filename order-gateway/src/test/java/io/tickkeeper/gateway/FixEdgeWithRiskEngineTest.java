package io.tickkeeper.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.LocalDateTime;

import org.agrona.concurrent.SystemEpochNanoClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;
import quickfix.field.MsgType;
import quickfix.fix44.OrderCancelRequest;
import quickfix.fix44.OrderStatusRequest;

/**
 * The FIX edge in front of the risk manager's real engine ({@link RiskEngineChannel}: RiskCommandAdapter,
 * RiskEngine and RiskEventEncoder in process; matching accepts every order at once): checks that what the gateway
 * encodes is what the risk manager decodes and that its reports map to valid FIX.
 */
@Timeout(60)
final class FixEdgeWithRiskEngineTest
{
    @TempDir
    Path dataDir;

    private RiskEngineChannel risk;
    private FixGateway gateway;
    private int port;

    @BeforeEach
    void startGateway() throws Exception
    {
        try (ServerSocket socket = new ServerSocket(0))
        {
            port = socket.getLocalPort();
        }
        risk = new RiskEngineChannel(8);
        risk.referencePrice(3, 10_000);
        final FixGatewayApplication application = new FixGatewayApplication(GatewayAccounts.defaults(),
            Symbols.firstN(8), risk, new SystemEpochNanoClock(), "G-engine");
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
    void shouldCarryAnOrderThroughTheRiskEngineAndReportItsStatus() throws Exception
    {
        try (FixTestClient alpha = loggedOn("ENGINE1"))
        {
            alpha.send(FixEdgeWithScriptedRiskTest.limitOrder("e-1", "TK3", '1', "100.00", 10));
            final Message pending = alpha.next();
            assertEquals(MsgType.EXECUTION_REPORT, FixTestClient.type(pending));
            assertEquals('A', pending.getChar(150));
            assertEquals("e-1", pending.getString(11));
            assertEquals("TK3", pending.getString(55));
            assertTrue(pending.getString(17).chars().allMatch(Character::isDigit), "a risk ExecID");
            final Message accepted = alpha.next();
            assertEquals('0', accepted.getChar(150));
            assertEquals('0', accepted.getChar(39));
            assertEquals(pending.getString(37), accepted.getString(37));

            final OrderStatusRequest status = new OrderStatusRequest();
            status.setString(11, "e-1");
            status.setString(55, "TK3");
            status.setChar(54, '1');
            alpha.send(status);
            final Message report = alpha.next();
            assertEquals('I', report.getChar(150));
            assertEquals('0', report.getChar(39));
            assertEquals(10, report.getDecimal(151).intValueExact());

            status.setString(11, "nobody");
            alpha.send(status);
            final Message unknown = alpha.next();
            assertEquals('I', unknown.getChar(150));
            assertEquals('8', unknown.getChar(39));
            assertEquals("UNKNOWN_ORDER", unknown.getString(58));
            assertEquals("NONE", unknown.getString(55));
        }
    }

    @Test
    void shouldMapTheRiskEnginesRejects() throws Exception
    {
        try (FixTestClient alpha = loggedOn("ENGINE2"))
        {
            alpha.send(FixEdgeWithScriptedRiskTest.limitOrder("e-2", "TK5", '1', "100.00", 10));
            final Message noPrice = alpha.next();
            assertEquals('8', noPrice.getChar(150));
            assertEquals('8', noPrice.getChar(39));
            assertEquals("NO_REFERENCE_PRICE", noPrice.getString(58));
            assertEquals(99, noPrice.getInt(103));

            final OrderCancelRequest cancel = new OrderCancelRequest();
            cancel.setString(11, "e-3");
            cancel.setString(41, "never-sent");
            cancel.setString(55, "TK3");
            cancel.setChar(54, '1');
            cancel.setUtcTimeStamp(60, LocalDateTime.of(2026, 11, 25, 12, 0));
            alpha.send(cancel);
            final Message reject = alpha.next();
            assertEquals(MsgType.ORDER_CANCEL_REJECT, FixTestClient.type(reject));
            assertEquals(1, reject.getInt(102));
            assertEquals('1', reject.getChar(434));
            assertEquals("never-sent", reject.getString(41));
        }
    }

    private FixTestClient loggedOn(final String compId) throws Exception
    {
        final FixTestClient client = new FixTestClient(compId, port, "alpha", "alpha-demo");
        if (!client.awaitLoggedOn(5_000))
        {
            client.close();
            throw new AssertionError(compId + " did not log on");
        }
        return client;
    }
}
