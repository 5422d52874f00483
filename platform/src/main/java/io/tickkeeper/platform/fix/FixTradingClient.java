package io.tickkeeper.platform.fix;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import quickfix.Application;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.Group;
import quickfix.Log;
import quickfix.Message;
import quickfix.MemoryStoreFactory;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionNotFound;
import quickfix.SessionSettings;
import quickfix.SocketInitiator;
import quickfix.field.ClOrdID;
import quickfix.field.CumQty;
import quickfix.field.ExecID;
import quickfix.field.ExecType;
import quickfix.field.LastQty;
import quickfix.field.MDEntryPx;
import quickfix.field.MDEntryType;
import quickfix.field.MDReqID;
import quickfix.field.MarketDepth;
import quickfix.field.MsgType;
import quickfix.field.NoMDEntries;
import quickfix.field.OrdStatus;
import quickfix.field.OrdType;
import quickfix.field.OrderQty;
import quickfix.field.OrigClOrdID;
import quickfix.field.Password;
import quickfix.field.Price;
import quickfix.field.Side;
import quickfix.field.SubscriptionRequestType;
import quickfix.field.Symbol;
import quickfix.field.TimeInForce;
import quickfix.field.TransactTime;
import quickfix.field.Username;
import quickfix.fix44.MarketDataRequest;
import quickfix.fix44.NewOrderSingle;
import quickfix.fix44.OrderCancelRequest;
import quickfix.fix44.OrderStatusRequest;

/**
 * A trading team's FIX 4.4 client, as the drill, the end-to-end benchmark and the end-to-end test use it: a
 * QuickFIX/J initiator that logs on with Username/Password, fails over between the gateways it is given (QuickFIX/J
 * tries them in turn, with a sequence reset at every logon), sends orders, cancels and status requests, subscribes
 * to market data for the reference prices, and reports every ExecutionReport to an {@link ExecutionLedger}.
 * It keeps no FIX message log (a benchmark must not measure one); session errors go to stderr.
 */
public final class FixTradingClient implements AutoCloseable
{
    private final SessionID sessionId;
    private final SocketInitiator initiator;
    private final ExecutionLedger ledger;
    private final String username;
    private final String password;
    private final Map<String, Long> referencePrices = new ConcurrentHashMap<>();
    private final Map<String, String> statusReplies = new ConcurrentHashMap<>();
    private final AtomicLong logons = new AtomicLong();
    private final AtomicLong sessionRejects = new AtomicLong();
    private final AtomicLong businessRejects = new AtomicLong();
    private final AtomicLong cancelRejects = new AtomicLong();
    private volatile boolean loggedOn;

    /**
     * @param senderCompId the client's SenderCompID.
     * @param targetCompId the gateways' CompID.
     * @param gateways     "host:port" of every gateway, tried in this order.
     * @param username     Username (553).
     * @param password     Password (554).
     * @param ledger       where execution reports go.
     */
    public FixTradingClient(
        final String senderCompId,
        final String targetCompId,
        final List<String> gateways,
        final String username,
        final String password,
        final ExecutionLedger ledger)
    {
        if (gateways.isEmpty())
        {
            throw new IllegalArgumentException("no gateway given");
        }
        this.sessionId = new SessionID("FIX.4.4", senderCompId, targetCompId);
        this.ledger = ledger;
        this.username = username;
        this.password = password;
        final SessionSettings settings = new SessionSettings();
        settings.setString(sessionId, "ConnectionType", "initiator");
        settings.setString(sessionId, "StartTime", "00:00:00");
        settings.setString(sessionId, "EndTime", "00:00:00");
        settings.setString(sessionId, "HeartBtInt", "30");
        settings.setString(sessionId, "ReconnectInterval", "1");
        settings.setString(sessionId, "ResetOnLogon", "Y");
        settings.setString(sessionId, "UseDataDictionary", "Y");
        settings.setString(sessionId, "DataDictionary", "FIX44.xml");
        settings.setString(sessionId, "SocketTcpNoDelay", "Y");
        for (int i = 0; i < gateways.size(); i++)
        {
            final String gateway = gateways.get(i);
            final int colon = gateway.lastIndexOf(':');
            if (colon <= 0)
            {
                throw new IllegalArgumentException("gateway must be host:port: " + gateway);
            }
            final String suffix = i == 0 ? "" : Integer.toString(i);
            settings.setString(sessionId, "SocketConnectHost" + suffix, gateway.substring(0, colon));
            settings.setString(sessionId, "SocketConnectPort" + suffix, gateway.substring(colon + 1));
        }
        try
        {
            initiator = new SocketInitiator(new ClientApplication(), new MemoryStoreFactory(), settings,
                session -> new ErrorsOnlyLog(session), new DefaultMessageFactory());
        }
        catch (final ConfigError ex)
        {
            throw new IllegalArgumentException("bad FIX session settings: " + ex.getMessage(), ex);
        }
    }

    /** Starts connecting (and reconnecting) in the background. */
    public void start()
    {
        try
        {
            initiator.start();
        }
        catch (final ConfigError ex)
        {
            throw new IllegalStateException("cannot start the FIX initiator: " + ex.getMessage(), ex);
        }
    }

    /**
     * @param timeoutMs how long to wait.
     * @return whether the session is logged on.
     */
    public boolean awaitLogon(final long timeoutMs) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (!loggedOn && System.nanoTime() - deadline < 0)
        {
            Thread.sleep(10);
        }
        return loggedOn;
    }

    /** @return whether the session is logged on now. */
    public boolean loggedOn()
    {
        return loggedOn;
    }

    /**
     * @return the remote address of the gateway the session is connected to (QuickFIX/J's form, e.g.
     *     {@code /127.0.0.1:7181}), or "" when it is not connected.
     */
    public String connectedTo()
    {
        final Session session = Session.lookupSession(sessionId);
        final String remote = session == null || !loggedOn ? null : session.getRemoteAddress();
        return remote == null ? "" : remote;
    }

    /** @return logons so far (a failover to the other gateway is one more). */
    public long logons()
    {
        return logons.get();
    }

    /**
     * Sends a limit order.
     *
     * @param clOrdId     its ClOrdID.
     * @param symbol      FIX Symbol, e.g. TK1.
     * @param buy         buy or sell.
     * @param quantity    quantity.
     * @param priceCents  limit price in cents.
     * @param timeInForce FIX TimeInForce (0 day, 1 GTC, 3 IOC, 4 FOK).
     * @param intendedNs  when the schedule meant to send it.
     * @return whether it was handed to a logged-on session.
     */
    public boolean sendLimitOrder(
        final String clOrdId,
        final String symbol,
        final boolean buy,
        final long quantity,
        final long priceCents,
        final char timeInForce,
        final long intendedNs)
    {
        final NewOrderSingle order = new NewOrderSingle(new ClOrdID(clOrdId), new Side(buy ? Side.BUY : Side.SELL),
            new TransactTime(LocalDateTime.now(ZoneOffset.UTC)), new OrdType(OrdType.LIMIT));
        order.set(new Symbol(symbol));
        order.set(new OrderQty(quantity));
        order.set(new Price(priceCents / 100.0));
        order.set(new TimeInForce(timeInForce));
        if (!loggedOn)
        {
            return false;
        }
        ledger.onSent(clOrdId, quantity, intendedNs, System.currentTimeMillis(), logons.get());
        if (send(order))
        {
            return true;
        }
        ledger.onNotSent(clOrdId);
        return false;
    }

    /**
     * Asks to cancel an order.
     *
     * @return whether it was handed to a logged-on session.
     */
    public boolean sendCancel(final String clOrdId, final String origClOrdId, final String symbol, final boolean buy)
    {
        final OrderCancelRequest cancel = new OrderCancelRequest(new OrigClOrdID(origClOrdId), new ClOrdID(clOrdId),
            new Side(buy ? Side.BUY : Side.SELL), new TransactTime(LocalDateTime.now(ZoneOffset.UTC)));
        cancel.set(new Symbol(symbol));
        return loggedOn && send(cancel);
    }

    /**
     * Asks for an order's status; the answer lands in {@link #statusOf(String)}.
     *
     * @return whether it was handed to a logged-on session.
     */
    public boolean sendStatusRequest(final String clOrdId, final String symbol, final boolean buy)
    {
        final OrderStatusRequest request = new OrderStatusRequest(new ClOrdID(clOrdId),
            new Side(buy ? Side.BUY : Side.SELL));
        request.set(new Symbol(symbol));
        statusReplies.remove(clOrdId);
        return loggedOn && send(request);
    }

    /**
     * @return the last status reply for the order as "OrdStatus/CumQty", or null.
     */
    public String statusOf(final String clOrdId)
    {
        return statusReplies.get(clOrdId);
    }

    /**
     * Subscribes to snapshot + updates for the symbols.
     *
     * @return whether it was handed to a logged-on session.
     */
    public boolean subscribeMarketData(final List<String> symbols)
    {
        final MarketDataRequest request = new MarketDataRequest(new MDReqID("md-" + System.nanoTime()),
            new SubscriptionRequestType(SubscriptionRequestType.SNAPSHOT_UPDATES), new MarketDepth(1));
        for (final char type : new char[] {MDEntryType.TRADE, MDEntryType.INDEX_VALUE})
        {
            final MarketDataRequest.NoMDEntryTypes entry = new MarketDataRequest.NoMDEntryTypes();
            entry.set(new MDEntryType(type));
            request.addGroup(entry);
        }
        for (final String symbol : symbols)
        {
            final MarketDataRequest.NoRelatedSym related = new MarketDataRequest.NoRelatedSym();
            related.set(new Symbol(symbol));
            request.addGroup(related);
        }
        return loggedOn && send(request);
    }

    /**
     * @return the last price the market data gave for the symbol (cents), or 0.
     */
    public long referencePrice(final String symbol)
    {
        return referencePrices.getOrDefault(symbol, 0L);
    }

    /** @return session-level rejects received (MsgType 3). */
    public long sessionRejects()
    {
        return sessionRejects.get();
    }

    /** @return business message rejects received (MsgType j). */
    public long businessRejects()
    {
        return businessRejects.get();
    }

    /** @return order cancel rejects received (MsgType 9). */
    public long cancelRejects()
    {
        return cancelRejects.get();
    }

    @Override
    public void close()
    {
        initiator.stop(true);
    }

    private boolean send(final Message message)
    {
        try
        {
            return Session.sendToTarget(message, sessionId);
        }
        catch (final SessionNotFound ex)
        {
            return false;
        }
    }

    private void onMarketData(final Message message) throws FieldNotFound
    {
        final String topSymbol = message.isSetField(Symbol.FIELD) ? message.getString(Symbol.FIELD) : null;
        for (final Group entry : message.getGroups(NoMDEntries.FIELD))
        {
            final String symbol = entry.isSetField(Symbol.FIELD) ? entry.getString(Symbol.FIELD) : topSymbol;
            if (symbol != null && entry.isSetField(MDEntryPx.FIELD))
            {
                referencePrices.put(symbol, Math.round(entry.getDouble(MDEntryPx.FIELD) * 100.0));
            }
        }
    }

    /** Keeps no message log (a benchmark must not measure one); session errors go to stderr. */
    private static final class ErrorsOnlyLog implements Log
    {
        private final SessionID session;

        ErrorsOnlyLog(final SessionID session)
        {
            this.session = session;
        }

        @Override
        public void clear()
        {
        }

        @Override
        public void onIncoming(final String message)
        {
        }

        @Override
        public void onOutgoing(final String message)
        {
        }

        @Override
        public void onEvent(final String text)
        {
        }

        @Override
        public void onErrorEvent(final String text)
        {
            System.err.println("FIX " + session + ": " + text);
        }
    }

    private final class ClientApplication implements Application
    {
        @Override
        public void onCreate(final SessionID session)
        {
        }

        @Override
        public void onLogon(final SessionID session)
        {
            logons.incrementAndGet();
            loggedOn = true;
        }

        @Override
        public void onLogout(final SessionID session)
        {
            if (loggedOn)
            {
                ledger.onDisconnected(logons.get());
            }
            loggedOn = false;
        }

        @Override
        public void toAdmin(final Message message, final SessionID session)
        {
            try
            {
                if (MsgType.LOGON.equals(message.getHeader().getString(MsgType.FIELD)))
                {
                    message.setString(Username.FIELD, username);
                    message.setString(Password.FIELD, password);
                }
            }
            catch (final FieldNotFound ex)
            {
                throw new IllegalStateException("an outgoing admin message without MsgType", ex);
            }
        }

        @Override
        public void fromAdmin(final Message message, final SessionID session) throws FieldNotFound
        {
            if (MsgType.REJECT.equals(message.getHeader().getString(MsgType.FIELD)))
            {
                sessionRejects.incrementAndGet();
            }
        }

        @Override
        public void toApp(final Message message, final SessionID session)
        {
        }

        @Override
        public void fromApp(final Message message, final SessionID session) throws FieldNotFound
        {
            final long receivedNs = System.nanoTime();
            final String type = message.getHeader().getString(MsgType.FIELD);
            switch (type)
            {
                case MsgType.EXECUTION_REPORT:
                {
                    final char execType = message.getChar(ExecType.FIELD);
                    final String clOrdId = message.getString(ClOrdID.FIELD);
                    if (execType == ExecType.ORDER_STATUS)
                    {
                        statusReplies.put(clOrdId, message.getChar(OrdStatus.FIELD) + "/" +
                            (long)message.getDouble(CumQty.FIELD));
                        return;
                    }
                    final long lastQty = message.isSetField(LastQty.FIELD) ? (long)message.getDouble(LastQty.FIELD) : 0;
                    ledger.onExecutionReport(clOrdId, message.getString(ExecID.FIELD), execType, lastQty, receivedNs);
                    break;
                }
                case MsgType.ORDER_CANCEL_REJECT:
                    cancelRejects.incrementAndGet();
                    break;
                case MsgType.BUSINESS_MESSAGE_REJECT:
                    businessRejects.incrementAndGet();
                    break;
                case MsgType.MARKET_DATA_SNAPSHOT_FULL_REFRESH:
                case MsgType.MARKET_DATA_INCREMENTAL_REFRESH:
                    onMarketData(message);
                    break;
                default:
                    break;
            }
        }
    }
}
