package io.tickkeeper.gateway;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

import io.tickkeeper.node.broadcast.BroadcastListener;
import io.tickkeeper.protocol.sbe.MessageHeaderDecoder;
import io.tickkeeper.protocol.sbe.RiskCancelRejectDecoder;
import io.tickkeeper.protocol.sbe.RiskExecutionReportDecoder;
import io.tickkeeper.protocol.sbe.RiskTradeDecoder;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.EpochNanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import quickfix.Application;
import quickfix.FieldNotFound;
import quickfix.IncorrectTagValue;
import quickfix.Message;
import quickfix.RejectLogon;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionNotFound;
import quickfix.UnsupportedMessageType;
import quickfix.field.BusinessRejectReason;
import quickfix.field.MsgSeqNum;
import quickfix.field.MsgType;
import quickfix.field.Password;
import quickfix.field.RefMsgType;
import quickfix.field.RefSeqNum;
import quickfix.field.Text;
import quickfix.field.Username;
import quickfix.fix44.BusinessMessageReject;
import quickfix.fix44.MarketDataRequest;
import quickfix.fix44.MessageCracker;
import quickfix.fix44.NewOrderSingle;
import quickfix.fix44.OrderCancelReplaceRequest;
import quickfix.fix44.OrderCancelRequest;
import quickfix.fix44.OrderStatusRequest;

/**
 * The FIX 4.4 side of the gateway; it only routes. A logon is checked against the {@link GatewayAccounts} (a bad
 * one is refused with a Logout and a Text) and announced to the risk manager as RiskAccountSession; requests go
 * through {@link FixToRisk} to the {@link RiskChannel} or are refused by {@link GatewayRejects}; risk events come
 * back through {@link RiskToFix} to the FIX session of the event's account. Drop-copy sessions and the public
 * trades of {@link MarketData} are fed by the gateway's own risk session or by the risk primary's broadcast
 * ({@link PublicEvents}, {@link #broadcastListener()}); reference prices come from the feed. The gateway keeps no
 * order state: only which FIX session each logged-on account uses.
 * <p>
 * Threads: QuickFIX/J calls in on its own threads, the risk channel and the feed on theirs; encoding a command
 * and handing it to the channel is serialised on this object. A client's bytes never stop the gateway or its
 * session: malformed messages are rejected by QuickFIX/J's FIX44 dictionary (Reject), unsupported message types
 * by the cracker (BusinessMessageReject), and the rest answered here.
 */
public final class FixGatewayApplication extends MessageCracker implements Application, RiskEventListener,
    ReferencePriceListener
{
    private static final Logger LOG = LoggerFactory.getLogger(FixGatewayApplication.class);

    private final GatewayAccounts accounts;
    private final RiskChannel risk;
    private final EpochNanoClock clock;
    private final FixToRisk fixToRisk;
    private final RiskToFix riskToFix = new RiskToFix();
    private final GatewayRejects rejects;
    private final MarketData marketData;
    private final PublicEvents publicEvents;
    private final RiskBroadcastListener broadcastListener;
    private final Map<SessionID, GatewayAccount> loggedOn = new ConcurrentHashMap<>();
    private final Map<Integer, SessionID> sessionOfAccount = new ConcurrentHashMap<>();
    private final Set<SessionID> dropCopies = new CopyOnWriteArraySet<>();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final RiskExecutionReportDecoder executionReport = new RiskExecutionReportDecoder();
    private final RiskCancelRejectDecoder cancelReject = new RiskCancelRejectDecoder();
    private final RiskTradeDecoder trade = new RiskTradeDecoder();

    /**
     * A gateway whose drop copies and public trades come from its own risk session ({@link PublicEvents#OWN_SESSION}).
     *
     * @param accounts     the logons accepted.
     * @param symbols      the instruments accepted.
     * @param risk         the path to the risk manager; {@link #start()} starts it.
     * @param clock        stamps commands and rejects (the edge of the system: wall-clock time).
     * @param execIdPrefix starts the ExecIDs of the gateway's own rejects ({@link GatewayRejects}).
     */
    public FixGatewayApplication(final GatewayAccounts accounts, final Symbols symbols, final RiskChannel risk,
        final EpochNanoClock clock, final String execIdPrefix)
    {
        this(accounts, symbols, risk, clock, execIdPrefix, PublicEvents.OWN_SESSION);
    }

    /**
     * @param accounts     the logons accepted.
     * @param symbols      the instruments accepted.
     * @param risk         the path to the risk manager; {@link #start()} starts it.
     * @param clock        stamps commands and rejects (the edge of the system: wall-clock time).
     * @param execIdPrefix starts the ExecIDs of the gateway's own rejects ({@link GatewayRejects}).
     * @param publicEvents where drop-copy reports and public trades come from; with
     *                     {@link PublicEvents#BROADCAST}, hand {@link #broadcastListener()} to the subscriber.
     */
    public FixGatewayApplication(final GatewayAccounts accounts, final Symbols symbols, final RiskChannel risk,
        final EpochNanoClock clock, final String execIdPrefix, final PublicEvents publicEvents)
    {
        this.accounts = accounts;
        this.risk = risk;
        this.clock = clock;
        this.fixToRisk = new FixToRisk(symbols);
        this.rejects = new GatewayRejects(execIdPrefix);
        this.marketData = new MarketData(symbols, FixGatewayApplication::send);
        this.publicEvents = publicEvents;
        this.broadcastListener = new RiskBroadcastListener(marketData, this::sendToDropCopies);
    }

    /** Starts the risk channel's delivery of events to this application. Call once, before accepting logons. */
    public void start()
    {
        risk.start(this);
    }

    /**
     * @return the listener of the risk primary's broadcast (public trades, every account's execution reports), for
     *         a {@code BroadcastSubscriber}; only a gateway built with {@link PublicEvents#BROADCAST} needs it.
     */
    public BroadcastListener broadcastListener()
    {
        return broadcastListener;
    }

    /** @return where this gateway's drop copies and public trades come from. */
    public PublicEvents publicEvents()
    {
        return publicEvents;
    }

    /** @return the market data of this gateway. */
    public MarketData marketData()
    {
        return marketData;
    }

    /**
     * @param accountId an account.
     * @return the FIX session the account is logged on with here, or null.
     */
    public SessionID sessionOf(final int accountId)
    {
        return sessionOfAccount.get(accountId);
    }

    @Override
    public void onCreate(final SessionID sessionId)
    {
        LOG.debug("session created: {}", sessionId);
    }

    @Override
    public void fromAdmin(final Message message, final SessionID sessionId) throws RejectLogon
    {
        if (!isLogon(message))
        {
            return;
        }
        final GatewayAccount account = accounts.authenticate(optional(message, Username.FIELD),
            optional(message, Password.FIELD));
        if (account == null)
        {
            LOG.warn("{}: logon refused: bad Username/Password", sessionId);
            throw new RejectLogon("unknown Username or wrong Password");
        }
        final GatewayAccount previous = loggedOn.putIfAbsent(sessionId, account);
        if (previous != null && !previous.equals(account))
        {
            throw new RejectLogon("this SenderCompID is logged on as another user");
        }
        if (!account.dropCopy())
        {
            final SessionID other = sessionOfAccount.putIfAbsent(account.accountId(), sessionId);
            if (other != null && !other.equals(sessionId))
            {
                if (previous == null)
                {
                    loggedOn.remove(sessionId);
                }
                throw new RejectLogon("user " + account.username() + " is already logged on");
            }
        }
    }

    @Override
    public void onLogon(final SessionID sessionId)
    {
        final GatewayAccount account = loggedOn.get(sessionId);
        if (account == null)
        {
            return;
        }
        LOG.info("{}: logged on as {}", sessionId, account);
        if (account.dropCopy())
        {
            dropCopies.add(sessionId);
            return;
        }
        sendAccountSession(account, true);
    }

    @Override
    public void onLogout(final SessionID sessionId)
    {
        marketData.onLogout(sessionId);
        final GatewayAccount account = loggedOn.remove(sessionId);
        if (account == null)
        {
            return;
        }
        LOG.info("{}: logged out ({})", sessionId, account);
        if (account.dropCopy())
        {
            dropCopies.remove(sessionId);
            return;
        }
        sessionOfAccount.remove(account.accountId(), sessionId);
        sendAccountSession(account, false);
    }

    @Override
    public void toAdmin(final Message message, final SessionID sessionId)
    {
    }

    @Override
    public void toApp(final Message message, final SessionID sessionId)
    {
    }

    @Override
    public void fromApp(final Message message, final SessionID sessionId)
        throws FieldNotFound, IncorrectTagValue, UnsupportedMessageType
    {
        final GatewayAccount account = loggedOn.get(sessionId);
        if (account == null || account.dropCopy())
        {
            businessReject(message, sessionId, BusinessRejectReason.NOT_AUTHORIZED,
                account == null ? "not logged on" : "a drop-copy session sends no requests");
            return;
        }
        crack(message, sessionId);
    }

    @Override
    public void onMessage(final NewOrderSingle message, final SessionID sessionId)
    {
        final FixReject reject = forward(message, sessionId, Kind.NEW_ORDER);
        if (reject != FixReject.NONE)
        {
            final Message report = rejects.rejectOrder(message, reject, false, now());
            sendToDropCopies(report);
            send(report, sessionId);
        }
    }

    @Override
    public void onMessage(final OrderCancelRequest message, final SessionID sessionId)
    {
        final FixReject reject = forward(message, sessionId, Kind.CANCEL);
        if (reject != FixReject.NONE)
        {
            send(rejects.rejectCancel(message, reject, false, now()), sessionId);
        }
    }

    @Override
    public void onMessage(final OrderCancelReplaceRequest message, final SessionID sessionId)
    {
        final FixReject reject = forward(message, sessionId, Kind.REPLACE);
        if (reject != FixReject.NONE)
        {
            send(rejects.rejectCancel(message, reject, true, now()), sessionId);
        }
    }

    @Override
    public void onMessage(final OrderStatusRequest message, final SessionID sessionId)
    {
        final FixReject reject = forward(message, sessionId, Kind.STATUS);
        if (reject != FixReject.NONE)
        {
            send(rejects.rejectOrder(message, reject, true, now()), sessionId);
        }
    }

    @Override
    public void onMessage(final MarketDataRequest message, final SessionID sessionId) throws FieldNotFound
    {
        marketData.onRequest(message, sessionId);
    }

    @Override
    public void onRiskEvent(final DirectBuffer buffer, final int offset, final int length)
    {
        try
        {
            header.wrap(buffer, offset);
            final int bodyOffset = offset + MessageHeaderDecoder.ENCODED_LENGTH;
            switch (header.templateId())
            {
                case RiskExecutionReportDecoder.TEMPLATE_ID:
                    executionReport.wrap(buffer, bodyOffset, header.blockLength(), header.version());
                    onExecutionReport();
                    break;
                case RiskCancelRejectDecoder.TEMPLATE_ID:
                    cancelReject.wrap(buffer, bodyOffset, header.blockLength(), header.version());
                    final SessionID target = sessionOfAccount.get(cancelReject.accountId());
                    if (target != null)
                    {
                        send(riskToFix.cancelReject(cancelReject), target);
                    }
                    break;
                case RiskTradeDecoder.TEMPLATE_ID:
                    if (publicEvents == PublicEvents.OWN_SESSION)
                    {
                        trade.wrap(buffer, bodyOffset, header.blockLength(), header.version());
                        marketData.onTrade(trade.instrumentId(), trade.price(), trade.quantity());
                    }
                    break;
                default:
                    break;
            }
        }
        catch (final RuntimeException ex)
        {
            LOG.error("risk event (template {}) not delivered", header.templateId(), ex);
        }
    }

    @Override
    public void onReferencePrice(final int instrumentId, final long price, final long timestampNs)
    {
        marketData.onReferencePrice(instrumentId, price);
    }

    private void onExecutionReport()
    {
        final SessionID target = sessionOfAccount.get(executionReport.accountId());
        if (target != null)
        {
            send(riskToFix.executionReport(executionReport), target);
        }
        if (publicEvents == PublicEvents.OWN_SESSION && !dropCopies.isEmpty())
        {
            sendToDropCopies(riskToFix.executionReport(executionReport));
        }
    }

    /** Sends a copy of the report to every drop-copy session (the report itself may go elsewhere too). */
    private void sendToDropCopies(final Message report)
    {
        for (final SessionID dropCopy : dropCopies)
        {
            send((Message)report.clone(), dropCopy);
        }
    }

    private synchronized FixReject forward(final Message message, final SessionID sessionId, final Kind kind)
    {
        final GatewayAccount account = loggedOn.get(sessionId);
        final long nowNs = clock.nanoTime();
        final FixReject reject;
        switch (kind)
        {
            case NEW_ORDER:
                reject = fixToRisk.newOrder(message, account.accountId(), nowNs);
                break;
            case CANCEL:
                reject = fixToRisk.cancel(message, account.accountId(), nowNs);
                break;
            case REPLACE:
                reject = fixToRisk.replace(message, account.accountId(), nowNs);
                break;
            case STATUS:
            default:
                reject = fixToRisk.orderStatus(message, account.accountId(), nowNs);
                break;
        }
        if (reject == FixReject.NONE)
        {
            risk.send(fixToRisk.buffer(), 0, fixToRisk.length());
        }
        return reject;
    }

    private synchronized void sendAccountSession(final GatewayAccount account, final boolean connected)
    {
        fixToRisk.accountSession(account.accountId(), connected, account.cancelOnDisconnect(), clock.nanoTime());
        risk.send(fixToRisk.buffer(), 0, fixToRisk.length());
    }

    private void businessReject(final Message message, final SessionID sessionId, final int reason,
        final String text) throws FieldNotFound
    {
        final BusinessMessageReject reject = new BusinessMessageReject();
        reject.setInt(RefSeqNum.FIELD, message.getHeader().getInt(MsgSeqNum.FIELD));
        reject.setString(RefMsgType.FIELD, message.getHeader().getString(MsgType.FIELD));
        reject.setInt(BusinessRejectReason.FIELD, reason);
        reject.setString(Text.FIELD, text);
        send(reject, sessionId);
    }

    private LocalDateTime now()
    {
        return LocalDateTime.ofInstant(Instant.ofEpochSecond(0, clock.nanoTime()), ZoneOffset.UTC);
    }

    private static boolean isLogon(final Message message)
    {
        return MsgType.LOGON.equals(optional(message.getHeader(), MsgType.FIELD));
    }

    private static String optional(final quickfix.FieldMap map, final int tag)
    {
        try
        {
            return map.isSetField(tag) ? map.getString(tag) : null;
        }
        catch (final FieldNotFound ex)
        {
            return null;
        }
    }

    private static void send(final Message message, final SessionID sessionId)
    {
        try
        {
            Session.sendToTarget(message, sessionId);
        }
        catch (final SessionNotFound ex)
        {
            LOG.warn("{}: session gone, {} not sent", sessionId, ex.getMessage());
        }
    }

    /** Which request {@link #forward} encodes. */
    private enum Kind
    {
        NEW_ORDER, CANCEL, REPLACE, STATUS
    }
}
