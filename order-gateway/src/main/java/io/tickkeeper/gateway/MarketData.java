package io.tickkeeper.gateway;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import quickfix.FieldNotFound;
import quickfix.Group;
import quickfix.Message;
import quickfix.SessionID;
import quickfix.field.MDEntryPx;
import quickfix.field.MDEntrySize;
import quickfix.field.MDEntryType;
import quickfix.field.MDReqID;
import quickfix.field.MDReqRejReason;
import quickfix.field.MDUpdateAction;
import quickfix.field.NoMDEntries;
import quickfix.field.NoMDEntryTypes;
import quickfix.field.NoRelatedSym;
import quickfix.field.SubscriptionRequestType;
import quickfix.field.Symbol;
import quickfix.field.Text;
import quickfix.fix44.MarketDataIncrementalRefresh;
import quickfix.fix44.MarketDataRequest;
import quickfix.fix44.MarketDataRequestReject;
import quickfix.fix44.MarketDataSnapshotFullRefresh;

/**
 * Market data of the gateway: the last reference price (MDEntryType 3, Index Value) and the last public trade
 * (MDEntryType 2, Trade) of every instrument, a MarketDataSnapshotFullRefresh(W) per symbol for a
 * MarketDataRequest(V), and a MarketDataIncrementalRefresh(X) to every subscriber when either changes. There is no
 * book: bid and offer entries are not sent. Thread-safe: requests come from the FIX thread, prices and trades
 * from the feed and risk threads.
 */
public final class MarketData
{
    /** Sends a FIX message to a session. */
    @FunctionalInterface
    public interface Sender
    {
        /**
         * @param message   the message.
         * @param sessionId the session.
         */
        void send(Message message, SessionID sessionId);
    }

    private static final char TRADE = MDEntryType.TRADE;
    private static final char INDEX = MDEntryType.INDEX_VALUE;

    private final Symbols symbols;
    private final Sender sender;
    private final long[] referencePrice;
    private final long[] lastTradePrice;
    private final long[] lastTradeQuantity;
    private final Map<SessionID, Map<String, Subscription>> subscriptions = new LinkedHashMap<>();

    /**
     * @param symbols the instruments.
     * @param sender  sends the refreshes.
     */
    public MarketData(final Symbols symbols, final Sender sender)
    {
        this.symbols = symbols;
        this.sender = sender;
        final int size = symbols.instrumentIdAt(symbols.count() - 1) + 1;
        this.referencePrice = new long[size];
        this.lastTradePrice = new long[size];
        this.lastTradeQuantity = new long[size];
    }

    /**
     * Answers a MarketDataRequest(V): a snapshot (W) per symbol, or a MarketDataRequestReject(Y); subscribes for
     * incremental refreshes when SubscriptionRequestType is 1 and unsubscribes when it is 2.
     *
     * @param request   the request, validated by the data dictionary.
     * @param sessionId the session it came on.
     * @throws FieldNotFound never for a validated request.
     */
    public synchronized void onRequest(final MarketDataRequest request, final SessionID sessionId) throws FieldNotFound
    {
        final String mdReqId = request.getString(MDReqID.FIELD);
        final char type = request.getChar(SubscriptionRequestType.FIELD);
        final Map<String, Subscription> ofSession = subscriptions.computeIfAbsent(sessionId, k -> new LinkedHashMap<>());
        if (type == SubscriptionRequestType.DISABLE_PREVIOUS_SNAPSHOT_UPDATE_REQUEST)
        {
            if (ofSession.remove(mdReqId) == null)
            {
                reject(sessionId, mdReqId, MDReqRejReason.UNKNOWN_SYMBOL, "no subscription " + mdReqId);
            }
            return;
        }
        if (type != SubscriptionRequestType.SNAPSHOT
            && type != SubscriptionRequestType.SNAPSHOT_UPDATES)
        {
            reject(sessionId, mdReqId, MDReqRejReason.UNSUPPORTED_SUBSCRIPTIONREQUESTTYPE, "unsupported 263");
            return;
        }
        if (ofSession.containsKey(mdReqId))
        {
            reject(sessionId, mdReqId, MDReqRejReason.DUPLICATE_MDREQID, "duplicate MDReqID " + mdReqId);
            return;
        }
        boolean trades = false;
        boolean index = false;
        final int typeCount = request.getInt(NoMDEntryTypes.FIELD);
        final Group entryType = new MarketDataRequest.NoMDEntryTypes();
        for (int i = 1; i <= typeCount; i++)
        {
            request.getGroup(i, entryType);
            final char value = entryType.getChar(MDEntryType.FIELD);
            trades |= value == TRADE;
            index |= value == INDEX;
        }
        if (!trades && !index)
        {
            reject(sessionId, mdReqId, MDReqRejReason.UNSUPPORTED_MDENTRYTYPE,
                "only MDEntryType 2 (trade) and 3 (index value: reference price)");
            return;
        }
        final int symbolCount = request.getInt(NoRelatedSym.FIELD);
        final int[] instrumentIds = new int[symbolCount];
        final Group related = new MarketDataRequest.NoRelatedSym();
        for (int i = 1; i <= symbolCount; i++)
        {
            request.getGroup(i, related);
            final String symbol = related.getString(Symbol.FIELD);
            instrumentIds[i - 1] = symbols.instrumentId(symbol);
            if (instrumentIds[i - 1] == Symbols.UNKNOWN)
            {
                reject(sessionId, mdReqId, MDReqRejReason.UNKNOWN_SYMBOL, "unknown symbol " + symbol);
                return;
            }
        }
        for (final int instrumentId : instrumentIds)
        {
            sender.send(snapshot(mdReqId, instrumentId, trades, index), sessionId);
        }
        if (type == SubscriptionRequestType.SNAPSHOT_UPDATES)
        {
            ofSession.put(mdReqId, new Subscription(mdReqId, instrumentIds, trades, index));
        }
    }

    /**
     * @param instrumentId the instrument.
     * @param price        its new reference price in cents.
     */
    public synchronized void onReferencePrice(final int instrumentId, final long price)
    {
        if (!known(instrumentId) || referencePrice[instrumentId] == price)
        {
            return;
        }
        referencePrice[instrumentId] = price;
        publish(instrumentId, INDEX, price, 0);
    }

    /**
     * @param instrumentId the instrument.
     * @param price        the trade's price in cents.
     * @param quantity     the trade's quantity.
     */
    public synchronized void onTrade(final int instrumentId, final long price, final long quantity)
    {
        if (!known(instrumentId))
        {
            return;
        }
        lastTradePrice[instrumentId] = price;
        lastTradeQuantity[instrumentId] = quantity;
        publish(instrumentId, TRADE, price, quantity);
    }

    /** @param sessionId a session that logged out: its subscriptions end. */
    public synchronized void onLogout(final SessionID sessionId)
    {
        subscriptions.remove(sessionId);
    }

    /** @return how many subscriptions are open, over every session. */
    public synchronized int subscriptionCount()
    {
        int count = 0;
        for (final Map<String, Subscription> ofSession : subscriptions.values())
        {
            count += ofSession.size();
        }
        return count;
    }

    private boolean known(final int instrumentId)
    {
        return instrumentId > 0 && instrumentId < referencePrice.length
            && symbols.instrumentId(Symbols.symbol(instrumentId)) == instrumentId;
    }

    private void publish(final int instrumentId, final char entryType, final long price, final long quantity)
    {
        for (final Map.Entry<SessionID, Map<String, Subscription>> ofSession : subscriptions.entrySet())
        {
            for (final Subscription subscription : ofSession.getValue().values())
            {
                if (subscription.wants(instrumentId, entryType))
                {
                    final MarketDataIncrementalRefresh refresh = new MarketDataIncrementalRefresh();
                    refresh.setString(MDReqID.FIELD, subscription.mdReqId);
                    final Group entry = new MarketDataIncrementalRefresh.NoMDEntries();
                    entry.setChar(MDUpdateAction.FIELD, MDUpdateAction.NEW);
                    entry.setChar(MDEntryType.FIELD, entryType);
                    entry.setString(Symbol.FIELD, Symbols.symbol(instrumentId));
                    entry.setDecimal(MDEntryPx.FIELD, Prices.fromCents(price));
                    if (entryType == TRADE)
                    {
                        entry.setDecimal(MDEntrySize.FIELD, BigDecimal.valueOf(quantity));
                    }
                    refresh.addGroup(entry);
                    sender.send(refresh, ofSession.getKey());
                }
            }
        }
    }

    private Message snapshot(final String mdReqId, final int instrumentId, final boolean trades, final boolean index)
    {
        final MarketDataSnapshotFullRefresh snapshot = new MarketDataSnapshotFullRefresh();
        snapshot.setString(MDReqID.FIELD, mdReqId);
        snapshot.setString(Symbol.FIELD, Symbols.symbol(instrumentId));
        final List<Group> entries = new ArrayList<>(2);
        if (index && referencePrice[instrumentId] > 0)
        {
            final Group entry = new MarketDataSnapshotFullRefresh.NoMDEntries();
            entry.setChar(MDEntryType.FIELD, INDEX);
            entry.setDecimal(MDEntryPx.FIELD, Prices.fromCents(referencePrice[instrumentId]));
            entries.add(entry);
        }
        if (trades && lastTradeQuantity[instrumentId] > 0)
        {
            final Group entry = new MarketDataSnapshotFullRefresh.NoMDEntries();
            entry.setChar(MDEntryType.FIELD, TRADE);
            entry.setDecimal(MDEntryPx.FIELD, Prices.fromCents(lastTradePrice[instrumentId]));
            entry.setDecimal(MDEntrySize.FIELD, BigDecimal.valueOf(lastTradeQuantity[instrumentId]));
            entries.add(entry);
        }
        for (final Group entry : entries)
        {
            snapshot.addGroup(entry);
        }
        snapshot.setInt(NoMDEntries.FIELD, entries.size());
        return snapshot;
    }

    private void reject(final SessionID sessionId, final String mdReqId, final char reason, final String text)
    {
        final MarketDataRequestReject reject = new MarketDataRequestReject();
        reject.setString(MDReqID.FIELD, mdReqId);
        reject.setChar(MDReqRejReason.FIELD, reason);
        reject.setString(Text.FIELD, text);
        sender.send(reject, sessionId);
    }

    /** One open MarketDataRequest with SubscriptionRequestType 1. */
    private static final class Subscription
    {
        private final String mdReqId;
        private final int[] instrumentIds;
        private final boolean trades;
        private final boolean index;

        Subscription(final String mdReqId, final int[] instrumentIds, final boolean trades, final boolean index)
        {
            this.mdReqId = mdReqId;
            this.instrumentIds = instrumentIds;
            this.trades = trades;
            this.index = index;
        }

        boolean wants(final int instrumentId, final char entryType)
        {
            if (entryType == TRADE ? !trades : !index)
            {
                return false;
            }
            for (final int id : instrumentIds)
            {
                if (id == instrumentId)
                {
                    return true;
                }
            }
            return false;
        }
    }
}
