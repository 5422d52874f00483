package io.tickkeeper.risk;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import io.tickkeeper.protocol.sbe.CancelRejectResponseTo;
import io.tickkeeper.protocol.sbe.ExecType;
import io.tickkeeper.protocol.sbe.MatchingReportKind;
import io.tickkeeper.protocol.sbe.OrdStatus;
import io.tickkeeper.protocol.sbe.OrderType;
import io.tickkeeper.protocol.sbe.RiskLimitKind;
import io.tickkeeper.protocol.sbe.RiskRejectReason;
import io.tickkeeper.protocol.sbe.Side;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The risk manager's business logic: a deterministic state machine over typed inputs (docs/risk.md). It runs the
 * pre-trade checks of a client's new order, keeps the account's orders, positions, throttle and daily notional,
 * forwards accepted orders, cancels and replaces to the instrument's matching shard (numbering them with the
 * shard's forward counter), turns the matching engine's reports into execution reports and public trades, and
 * follows the market feed's reference prices and the live limits. Time is only what the inputs carry. Every
 * output goes to the {@link RiskEventListener}; the first output of a client command is its answer.
 *
 * <p>The whole state is replicated: two engines fed the same inputs have the same {@link #stateHash()} and write
 * the same snapshot bytes ({@link #writeSnapshot}); a fresh engine loaded from a snapshot ({@link #loadSnapshot})
 * continues exactly like the engine that wrote it. Not thread-safe: one logic thread owns it.
 */
public final class RiskEngine
{
    /** The client session of the risk manager's forwards to matching shard 0; shard {@code s} uses this + s. */
    public static final long RISK_FORWARD_SESSION = 0x5249_534B_0000_0000L;
    /** A reference price move, in basis points, from the last one forwarded that is forwarded to matching. */
    public static final long REFERENCE_FORWARD_BPS = 50;
    /** Length of the new-order throttle's sliding window. */
    public static final long RATE_WINDOW_NS = 1_000_000_000L;
    /** Length of a trading day for the daily notional: a UTC day of the inputs' timestamps. */
    public static final long DAY_NS = 86_400_000_000_000L;

    private static final int SNAPSHOT_MAGIC = 0x5249_534B;
    private static final int SNAPSHOT_VERSION = 1;
    private static final long BPS = 10_000;

    private final RiskConfig config;
    private final RiskEventListener listener;
    private final ExecutionReport report = new ExecutionReport();
    private final Map<Integer, InstrumentState> instruments = new HashMap<>();
    private final InstrumentState[] instrumentsInIdOrder;
    private final ShardState[] shards;
    private final TreeMap<Integer, Account> accounts = new TreeMap<>();
    private final TreeMap<Long, Position> positions = new TreeMap<>();
    private final TreeMap<Long, RiskOrder> orders = new TreeMap<>();
    private final Map<String, RiskOrder> ordersByClOrdId = new HashMap<>();
    private final Map<Long, RiskOrder> ordersByMatchingId = new HashMap<>();
    private final ArrayDeque<RiskOrder> finished = new ArrayDeque<>();
    private final ExpandableArrayBuffer hashBuffer = new ExpandableArrayBuffer(4096);

    private long nextOrderId = 1;
    private long nextExecId = 1;
    private long finishedCount;
    private long maxOrderQuantity;
    private long maxNotional;
    private long priceBandBps;
    private long positionLimit;
    private long ordersPerSecond;
    private long dailyNotional;
    private boolean globalKill;

    /**
     * @param config   instruments, shards, initial limits and bounds; the same on every node.
     * @param listener where the outputs go.
     */
    public RiskEngine(final RiskConfig config, final RiskEventListener listener)
    {
        this.config = Objects.requireNonNull(config, "config");
        this.listener = Objects.requireNonNull(listener, "listener");
        shards = new ShardState[config.shardCount()];
        final List<InstrumentState> all = new ArrayList<>();
        for (int shard = 0; shard < shards.length; shard++)
        {
            shards[shard] = new ShardState(shard);
            for (final int id : config.instruments(shard))
            {
                final InstrumentState instrument = new InstrumentState(id, shard);
                instruments.put(id, instrument);
                all.add(instrument);
            }
        }
        all.sort(Comparator.comparingInt(i -> i.instrumentId));
        instrumentsInIdOrder = all.toArray(new InstrumentState[0]);
        maxOrderQuantity = config.maxOrderQuantity();
        maxNotional = config.maxNotional();
        priceBandBps = config.priceBandBps();
        positionLimit = config.positionLimit();
        ordersPerSecond = config.ordersPerSecond();
        dailyNotional = config.dailyNotional();
    }

    /**
     * @param shard a shard index.
     * @return the client session of the forwards to that shard.
     */
    public static long forwardSession(final int shard)
    {
        return RISK_FORWARD_SESSION + shard;
    }

    /**
     * The id of a public trade: unique and the same on every node and after any failover.
     *
     * @param shard            the matching shard (below {@link RiskConfig#MAX_SHARDS}).
     * @param matchingSequence the matching input that caused the trade (below 2^39).
     * @param eventIndex       the trade's position among that input's events (below 2^20).
     * @return {@code matchingSequence << 24 | eventIndex << 4 | shard}.
     */
    public static long tradeId(final int shard, final long matchingSequence, final int eventIndex)
    {
        return (matchingSequence << 24) | ((long)(eventIndex & 0xF_FFFF) << 4) | shard;
    }

    /**
     * A client's new order: the checks in the order of docs/risk.md; on a rejection an execution report REJECTED;
     * on acceptance an execution report PENDING_NEW (the answer), then the NewOrder forwarded to the shard.
     *
     * @param timestampNs  the input's time.
     * @param sessionId    the client session that sent it.
     * @param instrumentId the instrument.
     * @param accountId    the account.
     * @param clOrdId      the client's order id.
     * @param side         the side.
     * @param orderType    the order type.
     * @param price        the limit price; 0 for a market order.
     * @param quantity     the quantity.
     */
    public void newOrder(
        final long timestampNs, final long sessionId, final int instrumentId, final int accountId,
        final String clOrdId, final Side side, final OrderType orderType, final long price, final long quantity)
    {
        final InstrumentState instrument = instruments.get(instrumentId);
        final Account known = accounts.get(accountId);
        final boolean market = orderType == OrderType.MARKET;
        final RiskRejectReason reason = checkNewOrder(
            timestampNs, instrument, known, accountId, clOrdId, side, market, price, quantity);
        if (reason != RiskRejectReason.NONE)
        {
            startReport(sessionId, 0, instrumentId, accountId, side, orderType, price, quantity);
            report.execType = ExecType.REJECTED;
            report.ordStatus = OrdStatus.REJECTED;
            report.rejectReason = reason;
            report.clOrdId = clOrdId;
            listener.onExecutionReport(timestampNs, report);
            return;
        }

        final Account account = account(accountId);
        final RiskOrder order = new RiskOrder();
        order.orderId = nextOrderId++;
        order.originSessionId = sessionId;
        order.price = price;
        order.quantity = quantity;
        order.valuationPrice = market ? instrument.referencePrice : price;
        order.instrumentId = instrumentId;
        order.accountId = accountId;
        order.shard = instrument.shard;
        order.side = side;
        order.orderType = orderType;
        order.state = RiskOrderState.PENDING_NEW;
        order.clOrdId = clOrdId;
        orders.put(order.orderId, order);
        ordersByClOrdId.put(clOrdIdKey(accountId, clOrdId), order);
        addExposure(account, order, quantity);
        account.openOrders++;
        final long nowNs = Math.max(timestampNs, account.lastOrderTimestampNs);
        account.lastOrderTimestampNs = nowNs;
        account.recordOrder(nowNs);

        startOrderReport(sessionId, order, ExecType.PENDING_NEW);
        listener.onExecutionReport(timestampNs, report);
        forwardNewOrder(timestampNs, order);
    }

    /**
     * A client's cancel request for its order {@code origClOrdId}: a cancel reject, or an execution report
     * PENDING_CANCEL (the answer) and the CancelOrder forwarded; the outcome comes with matching's report.
     *
     * @param timestampNs  the input's time.
     * @param sessionId    the client session that sent it.
     * @param instrumentId the order's instrument.
     * @param accountId    the account.
     * @param clOrdId      the request's own id.
     * @param origClOrdId  the order's id.
     */
    public void cancel(
        final long timestampNs, final long sessionId, final int instrumentId, final int accountId,
        final String clOrdId, final String origClOrdId)
    {
        final RiskOrder order = ordersByClOrdId.get(clOrdIdKey(accountId, origClOrdId));
        final RiskRejectReason reason = checkAmend(order, instrumentId, accountId, clOrdId);
        if (reason != RiskRejectReason.NONE)
        {
            cancelReject(timestampNs, sessionId, order, instrumentId, accountId, reason,
                CancelRejectResponseTo.CANCEL, clOrdId, origClOrdId);
            return;
        }
        order.pending = PendingRequest.CANCEL;
        order.pendingClOrdId = clOrdId;
        startOrderReport(sessionId, order, ExecType.PENDING_CANCEL);
        report.clOrdId = clOrdId;
        report.origClOrdId = order.clOrdId;
        listener.onExecutionReport(timestampNs, report);
        order.pendingForwardSequence = forwardCancel(timestampNs, order);
    }

    /**
     * A client's replace request for its order {@code origClOrdId}: the quantity, price, notional, band and
     * position checks again, then a cancel reject, or an execution report PENDING_REPLACE (the answer) and the
     * ReplaceOrder forwarded with the new open quantity (new total minus filled).
     *
     * @param timestampNs  the input's time.
     * @param sessionId    the client session that sent it.
     * @param instrumentId the order's instrument.
     * @param accountId    the account.
     * @param clOrdId      the order's id once replaced.
     * @param origClOrdId  the order's current id.
     * @param newPrice     the new limit price.
     * @param newQuantity  the new total quantity.
     */
    public void replace(
        final long timestampNs, final long sessionId, final int instrumentId, final int accountId,
        final String clOrdId, final String origClOrdId, final long newPrice, final long newQuantity)
    {
        final RiskOrder order = ordersByClOrdId.get(clOrdIdKey(accountId, origClOrdId));
        RiskRejectReason reason = checkAmend(order, instrumentId, accountId, clOrdId);
        if (reason == RiskRejectReason.NONE)
        {
            reason = checkReplace(order, newPrice, newQuantity);
        }
        if (reason != RiskRejectReason.NONE)
        {
            cancelReject(timestampNs, sessionId, order, instrumentId, accountId, reason,
                CancelRejectResponseTo.REPLACE, clOrdId, origClOrdId);
            return;
        }
        order.pending = PendingRequest.REPLACE;
        order.pendingClOrdId = clOrdId;
        order.pendingPrice = newPrice;
        order.pendingQuantity = newQuantity;
        startOrderReport(sessionId, order, ExecType.PENDING_REPLACE);
        report.clOrdId = clOrdId;
        report.origClOrdId = order.clOrdId;
        listener.onExecutionReport(timestampNs, report);
        order.pendingForwardSequence = forwardReplace(timestampNs, order, newPrice, newQuantity - order.cumQuantity);
    }

    /**
     * A client's order status request: an execution report ORDER_STATUS with the order's state, or, for an order
     * the engine does not know, with OrdStatus REJECTED and reason UNKNOWN_ORDER.
     *
     * @param timestampNs the input's time.
     * @param sessionId   the client session that sent it.
     * @param accountId   the account.
     * @param clOrdId     the order's id.
     */
    public void orderStatus(final long timestampNs, final long sessionId, final int accountId, final String clOrdId)
    {
        final RiskOrder order = ordersByClOrdId.get(clOrdIdKey(accountId, clOrdId));
        if (order == null)
        {
            startReport(sessionId, 0, 0, accountId, Side.BUY, OrderType.LIMIT_GTC, 0, 0);
            report.execType = ExecType.ORDER_STATUS;
            report.ordStatus = OrdStatus.REJECTED;
            report.rejectReason = RiskRejectReason.UNKNOWN_ORDER;
            report.clOrdId = clOrdId;
            listener.onExecutionReport(timestampNs, report);
            return;
        }
        startOrderReport(sessionId, order, ExecType.ORDER_STATUS);
        listener.onExecutionReport(timestampNs, report);
    }

    /**
     * An account logged on or off through a client session; answered with an account session acknowledgement
     * first. On: later reports of the account's orders go to the
     * session. Off, from the session serving the account: the account has no session until the next log-on, and
     * with {@code cancelOnDisconnect} every open order of the account is cancelled (an order matching has not yet
     * accepted, or one with a replace in flight, is cancelled once matching answered).
     *
     * @param timestampNs        the input's time.
     * @param sessionId          the client session.
     * @param accountId          the account.
     * @param connected          logged on (true) or off.
     * @param cancelOnDisconnect on log-off, cancel the account's open orders.
     */
    public void accountSession(
        final long timestampNs, final long sessionId, final int accountId, final boolean connected,
        final boolean cancelOnDisconnect)
    {
        if (connected)
        {
            final Account account = account(accountId);
            account.sessionId = sessionId;
            listener.onAccountSessionAck(timestampNs, sessionId, accountId, account.openOrders, true, true);
            return;
        }
        final Account account = accounts.get(accountId);
        if (account == null || account.sessionId != sessionId)
        {
            listener.onAccountSessionAck(timestampNs, sessionId, accountId, account == null ? 0 : account.openOrders,
                false, false);
            return;
        }
        account.sessionId = 0;
        listener.onAccountSessionAck(timestampNs, sessionId, accountId, account.openOrders, false, false);
        if (cancelOnDisconnect)
        {
            for (final RiskOrder order : orders.values())
            {
                if (order.accountId == accountId && order.isOpen())
                {
                    systemCancel(timestampNs, order);
                }
            }
        }
    }

    /**
     * One matching-engine event about the risk manager's orders, as the risk primary sequenced it. Reports of a
     * shard apply once, in (matchingSequence, eventIndex) order: one that is not newer than the last applied is
     * ignored. A report answering forward {@code matchingClientSequence} marks every forward up to it answered.
     *
     * @param timestampNs            the input's time.
     * @param kind                   which event.
     * @param shard                  the shard it came from.
     * @param matchingEpoch          the matching epoch.
     * @param matchingSequence       the matching input that caused it.
     * @param eventIndex             its position among that input's events.
     * @param matchingClientSequence the forward it answers, 0 when it answers none of the risk manager's.
     * @param orderId                matching's order id (the taker's for a trade; 0 for a rejected new order).
     * @param clientOrderId          the risk order id, when the event has it.
     * @param instrumentId           the instrument.
     * @param accountId              the account (the taker's for a trade).
     * @param side                   the taker's side for a trade.
     * @param price                  the price.
     * @param quantity               the quantity (a trade's, a cancel's or an expiry's open quantity, a replace's
     *                               new open quantity).
     * @param makerOrderId           matching's maker order id for a trade.
     * @param makerAccountId         the maker's account for a trade.
     * @param resultCode             matching's ResultCode for a rejection.
     */
    public void matchingReport(
        final long timestampNs, final MatchingReportKind kind, final int shard, final long matchingEpoch,
        final long matchingSequence, final int eventIndex, final long matchingClientSequence, final long orderId,
        final long clientOrderId, final int instrumentId, final int accountId, final Side side, final long price,
        final long quantity, final long makerOrderId, final int makerAccountId, final int resultCode)
    {
        if (kind == MatchingReportKind.REFUSED || shard < 0 || shard >= shards.length)
        {
            return;
        }
        final ShardState state = shards[shard];
        if (!state.isNewReport(matchingSequence, eventIndex))
        {
            return;
        }
        state.lastReportSequence = matchingSequence;
        state.lastReportEventIndex = eventIndex;
        if (matchingClientSequence > 0)
        {
            state.answered(matchingClientSequence);
        }
        switch (kind)
        {
            case ACCEPTED -> onAccepted(timestampNs, shard, orderId, clientOrderId);
            case REJECTED -> onRejected(timestampNs, shard, matchingClientSequence, orderId, clientOrderId,
                resultCode);
            case TRADE -> onTrade(timestampNs, shard, matchingEpoch, matchingSequence, eventIndex, orderId,
                makerOrderId, instrumentId, accountId, makerAccountId, side, price, quantity);
            case CANCELLED -> onCancelled(timestampNs, shard, matchingClientSequence, orderId);
            case REPLACED -> onReplaced(timestampNs, shard, matchingClientSequence, orderId, quantity);
            case EXPIRED -> onExpired(timestampNs, shard, orderId);
            default -> throw new IllegalArgumentException("no matching report kind " + kind);
        }
    }

    /**
     * The market feed's reference price for an instrument; only a newer (feedToken, feedSequence) than the
     * instrument's last applies. It becomes the reference of the checks; when it moved at least
     * {@link #REFERENCE_FORWARD_BPS} from the last one forwarded (or none was), a SetReferencePrice is forwarded.
     *
     * @param timestampNs  the input's time.
     * @param instrumentId the instrument.
     * @param price        the reference price, positive.
     * @param feedToken    the feed publisher's fencing token.
     * @param feedSequence the feed's sequence.
     */
    public void referencePrice(
        final long timestampNs, final int instrumentId, final long price, final long feedToken,
        final long feedSequence)
    {
        final InstrumentState instrument = instruments.get(instrumentId);
        if (instrument == null || price <= 0)
        {
            return;
        }
        if (feedToken < instrument.feedToken ||
            (feedToken == instrument.feedToken && feedSequence <= instrument.feedSequence))
        {
            return;
        }
        instrument.feedToken = feedToken;
        instrument.feedSequence = feedSequence;
        instrument.referencePrice = price;
        final long forwarded = instrument.forwardedReferencePrice;
        if (forwarded == 0 || Math.abs(price - forwarded) * BPS >= REFERENCE_FORWARD_BPS * forwarded)
        {
            instrument.forwardedReferencePrice = price;
            final ForwardedCommand command = forward(instrument.shard, ForwardedCommand.REFERENCE_PRICE, timestampNs);
            command.instrumentId = instrumentId;
            command.price = price;
            emit(command, instrument.shard);
        }
    }

    /**
     * A live limit took a new value: a non-positive value of a numeric limit is ignored; a kill switch is on for
     * any value but 0; ACCOUNT_KILL names a positive account, or account 0 with value 0 to switch every account's
     * kill switch off (what a new primary sends before the accounts killed now, since it cannot know which switches
     * the replicated state holds on).
     *
     * @param timestampNs the input's time.
     * @param kind        which limit.
     * @param accountId   the account for ACCOUNT_KILL, else 0.
     * @param value       the value.
     */
    public void limitUpdate(final long timestampNs, final RiskLimitKind kind, final int accountId, final long value)
    {
        switch (kind)
        {
            case GLOBAL_KILL -> globalKill = value != 0;
            case ACCOUNT_KILL ->
            {
                if (accountId > 0)
                {
                    account(accountId).killed = value != 0;
                }
                else if (accountId == 0 && value == 0)
                {
                    for (final Account account : accounts.values())
                    {
                        account.killed = false;
                    }
                }
            }
            default ->
            {
                if (value > 0)
                {
                    setLimit(kind, value);
                }
            }
        }
    }

    /**
     * A node became the risk primary: every forward that no matching report has answered is emitted again, shard
     * by shard in forward order, with its original client sequence, for the new primary to send.
     *
     * @param timestampNs the input's time.
     */
    public void primaryStarted(final long timestampNs)
    {
        for (final ShardState shard : shards)
        {
            for (final ForwardedCommand command : shard.unanswered)
            {
                emit(command, shard.shard);
            }
        }
    }

    /**
     * @param accountId    the account.
     * @param instrumentId the instrument.
     * @return the account's net position in the instrument (bought minus sold).
     */
    public long netPosition(final int accountId, final int instrumentId)
    {
        final Position position = positions.get(positionKey(accountId, instrumentId));
        return position == null ? 0 : position.net;
    }

    /**
     * @param accountId the account.
     * @return how many open orders (pending new included) the account has.
     */
    public int openOrderCount(final int accountId)
    {
        final Account account = accounts.get(accountId);
        return account == null ? 0 : account.openOrders;
    }

    /**
     * @param shard a shard index.
     * @return the client sequence of the last command forwarded to the shard.
     */
    public long lastForwardSequence(final int shard)
    {
        return shards[shard].lastForwardSequence;
    }

    /**
     * @param shard a shard index.
     * @return how many forwards to the shard no report has answered.
     */
    public int unansweredForwards(final int shard)
    {
        return shards[shard].unanswered.size();
    }

    /** @return how many orders the engine knows (open and remembered finished ones). */
    public int knownOrders()
    {
        return orders.size();
    }

    /**
     * @return a hash of the whole state: the hash of the snapshot bytes, so it covers exactly what a snapshot
     *         carries.
     */
    public long stateHash()
    {
        final int length = writeSnapshot(hashBuffer, 0);
        long hash = 0x6A09_E667_F3BC_C908L ^ length;
        int at = 0;
        for (; at + Long.BYTES <= length; at += Long.BYTES)
        {
            hash = mix(hash ^ hashBuffer.getLong(at, SnapshotFormat.ORDER));
        }
        for (; at < length; at++)
        {
            hash = mix(hash ^ hashBuffer.getByte(at));
        }
        return hash;
    }

    /**
     * Writes the whole state, canonically (the same state gives the same bytes).
     *
     * @param buffer an expandable buffer.
     * @param offset where to start.
     * @return how many bytes were written.
     */
    public int writeSnapshot(final MutableDirectBuffer buffer, final int offset)
    {
        final SnapshotFormat.Writer out = new SnapshotFormat.Writer(buffer, offset);
        out.putInt(SNAPSHOT_MAGIC).putInt(SNAPSHOT_VERSION);
        out.putLong(nextOrderId).putLong(nextExecId).putLong(finishedCount);
        out.putLong(maxOrderQuantity).putLong(maxNotional).putLong(priceBandBps).putLong(positionLimit)
            .putLong(ordersPerSecond).putLong(dailyNotional).putBoolean(globalKill);
        out.putInt(instrumentsInIdOrder.length);
        for (final InstrumentState instrument : instrumentsInIdOrder)
        {
            out.putInt(instrument.instrumentId).putLong(instrument.referencePrice).putLong(instrument.feedToken)
                .putLong(instrument.feedSequence).putLong(instrument.forwardedReferencePrice);
        }
        out.putInt(shards.length);
        for (final ShardState shard : shards)
        {
            out.putLong(shard.lastForwardSequence).putLong(shard.answeredThrough).putLong(shard.lastReportSequence)
                .putInt(shard.lastReportEventIndex).putInt(shard.unanswered.size());
            for (final ForwardedCommand command : shard.unanswered)
            {
                out.putInt(command.kind).putLong(command.clientSequence).putLong(command.timestampNs)
                    .putLong(command.orderId).putLong(command.price).putLong(command.quantity)
                    .putInt(command.instrumentId).putInt(command.accountId).putInt(command.side.value())
                    .putInt(command.orderType.value());
            }
        }
        out.putInt(accounts.size());
        for (final Account account : accounts.values())
        {
            out.putInt(account.accountId).putLong(account.sessionId).putBoolean(account.killed)
                .putInt(account.openOrders).putLong(account.openNotional).putLong(account.day)
                .putLong(account.filledNotionalToday).putLong(account.lastOrderTimestampNs)
                .putInt(account.orderTimesCount);
            for (int i = 0; i < account.orderTimesCount; i++)
            {
                out.putLong(account.orderTime(i));
            }
        }
        out.putInt(positions.size());
        for (final Map.Entry<Long, Position> entry : positions.entrySet())
        {
            final Position position = entry.getValue();
            out.putLong(entry.getKey()).putLong(position.net).putLong(position.openBuys).putLong(position.openSells);
        }
        out.putInt(orders.size());
        for (final RiskOrder order : orders.values())
        {
            out.putLong(order.orderId).putLong(order.originSessionId).putLong(order.matchingOrderId)
                .putLong(order.price).putLong(order.quantity).putLong(order.cumQuantity).putLong(order.notionalFilled)
                .putLong(order.valuationPrice).putLong(order.pendingPrice).putLong(order.pendingQuantity)
                .putLong(order.pendingForwardSequence).putLong(order.finishedSequence)
                .putInt(order.instrumentId).putInt(order.accountId).putInt(order.shard)
                .putInt(order.side.value()).putInt(order.orderType.value()).putInt(order.state.ordinal())
                .putInt(order.pending.ordinal()).putBoolean(order.cancelWhenAnswered)
                .putString(order.clOrdId).putString(order.pendingClOrdId);
        }
        return out.position() - offset;
    }

    /**
     * Replaces the state of a freshly built engine (one that has applied no input) with a snapshot's.
     *
     * @param buffer holds the snapshot.
     * @param offset where it starts.
     * @param length how many bytes it has.
     * @throws IllegalArgumentException when the bytes are not a risk snapshot of this configuration.
     * @throws IllegalStateException    when the engine has applied an input.
     */
    public void loadSnapshot(final DirectBuffer buffer, final int offset, final int length)
    {
        if (nextOrderId != 1 || nextExecId != 1 || !accounts.isEmpty() || shards[0].lastForwardSequence != 0)
        {
            throw new IllegalStateException("a snapshot loads only into a fresh engine");
        }
        final SnapshotFormat.Reader in = new SnapshotFormat.Reader(buffer, offset, length);
        if (in.getInt() != SNAPSHOT_MAGIC || in.getInt() != SNAPSHOT_VERSION)
        {
            throw new IllegalArgumentException("not a risk snapshot (version " + SNAPSHOT_VERSION + ")");
        }
        nextOrderId = in.getLong();
        nextExecId = in.getLong();
        finishedCount = in.getLong();
        maxOrderQuantity = in.getLong();
        maxNotional = in.getLong();
        priceBandBps = in.getLong();
        positionLimit = in.getLong();
        ordersPerSecond = in.getLong();
        dailyNotional = in.getLong();
        globalKill = in.getBoolean();
        expectCount(in.getInt(), instrumentsInIdOrder.length, "instruments");
        for (final InstrumentState instrument : instrumentsInIdOrder)
        {
            expectCount(in.getInt(), instrument.instrumentId, "instrument id");
            instrument.referencePrice = in.getLong();
            instrument.feedToken = in.getLong();
            instrument.feedSequence = in.getLong();
            instrument.forwardedReferencePrice = in.getLong();
        }
        expectCount(in.getInt(), shards.length, "shards");
        for (final ShardState shard : shards)
        {
            shard.lastForwardSequence = in.getLong();
            shard.answeredThrough = in.getLong();
            shard.lastReportSequence = in.getLong();
            shard.lastReportEventIndex = in.getInt();
            final int count = in.getInt();
            for (int i = 0; i < count; i++)
            {
                final ForwardedCommand command = new ForwardedCommand();
                command.kind = in.getInt();
                command.clientSequence = in.getLong();
                command.timestampNs = in.getLong();
                command.orderId = in.getLong();
                command.price = in.getLong();
                command.quantity = in.getLong();
                command.instrumentId = in.getInt();
                command.accountId = in.getInt();
                command.side = SnapshotFormat.side(in.getInt());
                command.orderType = SnapshotFormat.orderType(in.getInt());
                shard.unanswered.addLast(command);
            }
        }
        final int accountCount = in.getInt();
        for (int i = 0; i < accountCount; i++)
        {
            final Account account = account(in.getInt());
            account.sessionId = in.getLong();
            account.killed = in.getBoolean();
            account.openOrders = in.getInt();
            account.openNotional = in.getLong();
            account.day = in.getLong();
            account.filledNotionalToday = in.getLong();
            account.lastOrderTimestampNs = in.getLong();
            final int times = in.getInt();
            for (int t = 0; t < times; t++)
            {
                account.recordOrder(in.getLong());
            }
        }
        final int positionCount = in.getInt();
        for (int i = 0; i < positionCount; i++)
        {
            final Position position = new Position();
            final long key = in.getLong();
            position.net = in.getLong();
            position.openBuys = in.getLong();
            position.openSells = in.getLong();
            positions.put(key, position);
        }
        final int orderCount = in.getInt();
        final List<RiskOrder> finishedOrders = new ArrayList<>();
        for (int i = 0; i < orderCount; i++)
        {
            final RiskOrder order = readOrder(in);
            orders.put(order.orderId, order);
            ordersByClOrdId.put(clOrdIdKey(order.accountId, order.clOrdId), order);
            if (order.matchingOrderId != 0)
            {
                ordersByMatchingId.put(matchingKey(order.shard, order.matchingOrderId), order);
            }
            if (order.state.isFinal())
            {
                finishedOrders.add(order);
            }
        }
        finishedOrders.sort(Comparator.comparingLong(o -> o.finishedSequence));
        finished.addAll(finishedOrders);
        if (in.remaining() != 0)
        {
            throw new IllegalArgumentException("risk snapshot has " + in.remaining() + " bytes after its end");
        }
    }

    private static RiskOrder readOrder(final SnapshotFormat.Reader in)
    {
        final RiskOrder order = new RiskOrder();
        order.orderId = in.getLong();
        order.originSessionId = in.getLong();
        order.matchingOrderId = in.getLong();
        order.price = in.getLong();
        order.quantity = in.getLong();
        order.cumQuantity = in.getLong();
        order.notionalFilled = in.getLong();
        order.valuationPrice = in.getLong();
        order.pendingPrice = in.getLong();
        order.pendingQuantity = in.getLong();
        order.pendingForwardSequence = in.getLong();
        order.finishedSequence = in.getLong();
        order.instrumentId = in.getInt();
        order.accountId = in.getInt();
        order.shard = in.getInt();
        order.side = SnapshotFormat.side(in.getInt());
        order.orderType = SnapshotFormat.orderType(in.getInt());
        order.state = RiskOrderState.fromOrdinal(in.getInt());
        order.pending = PendingRequest.fromOrdinal(in.getInt());
        order.cancelWhenAnswered = in.getBoolean();
        order.clOrdId = in.getString();
        order.pendingClOrdId = in.getString();
        return order;
    }

    private RiskRejectReason checkNewOrder(
        final long timestampNs, final InstrumentState instrument, final Account account, final int accountId,
        final String clOrdId, final Side side, final boolean market, final long price, final long quantity)
    {
        if (instrument == null)
        {
            return RiskRejectReason.UNKNOWN_INSTRUMENT;
        }
        if (quantity <= 0)
        {
            return RiskRejectReason.INVALID_QUANTITY;
        }
        if (market ? price != 0 : price <= 0)
        {
            return RiskRejectReason.INVALID_PRICE;
        }
        if (ordersByClOrdId.containsKey(clOrdIdKey(accountId, clOrdId)))
        {
            return RiskRejectReason.DUPLICATE_CL_ORD_ID;
        }
        if (globalKill)
        {
            return RiskRejectReason.GLOBAL_KILL;
        }
        if (account != null && account.killed)
        {
            return RiskRejectReason.ACCOUNT_KILLED;
        }
        final long reference = instrument.referencePrice;
        if (reference == 0)
        {
            return RiskRejectReason.NO_REFERENCE_PRICE;
        }
        if (quantity > maxOrderQuantity)
        {
            return RiskRejectReason.MAX_ORDER_QUANTITY;
        }
        final long notional = notional(market ? reference : price, quantity);
        if (notional > maxNotional)
        {
            return RiskRejectReason.MAX_NOTIONAL;
        }
        if (!market && outsideBand(price, reference))
        {
            return RiskRejectReason.PRICE_BAND;
        }
        if (breachesPosition(positions.get(positionKey(accountId, instrument.instrumentId)), side, 0, quantity))
        {
            return RiskRejectReason.POSITION_LIMIT;
        }
        if (account != null &&
            account.ordersInWindow(Math.max(timestampNs, account.lastOrderTimestampNs), RATE_WINDOW_NS) >=
            ordersPerSecond)
        {
            return RiskRejectReason.ORDER_RATE;
        }
        final long filledToday = account == null || day(timestampNs) > account.day ? 0 : account.filledNotionalToday;
        final long openNotional = account == null ? 0 : account.openNotional;
        if (add(add(filledToday, openNotional), notional) > dailyNotional)
        {
            return RiskRejectReason.DAILY_NOTIONAL;
        }
        if (account != null && account.openOrders >= config.maxOpenOrdersPerAccount())
        {
            return RiskRejectReason.TOO_MANY_OPEN_ORDERS;
        }
        return RiskRejectReason.NONE;
    }

    private RiskRejectReason checkAmend(
        final RiskOrder order, final int instrumentId, final int accountId, final String clOrdId)
    {
        if (order == null || order.instrumentId != instrumentId)
        {
            return RiskRejectReason.UNKNOWN_ORDER;
        }
        if (order.state.isFinal())
        {
            return RiskRejectReason.TOO_LATE_TO_CANCEL;
        }
        if (order.state == RiskOrderState.PENDING_NEW || order.pending != PendingRequest.NONE)
        {
            return RiskRejectReason.ORDER_PENDING;
        }
        return ordersByClOrdId.containsKey(clOrdIdKey(accountId, clOrdId)) ?
            RiskRejectReason.DUPLICATE_CL_ORD_ID : RiskRejectReason.NONE;
    }

    private RiskRejectReason checkReplace(final RiskOrder order, final long newPrice, final long newQuantity)
    {
        if (newQuantity <= order.cumQuantity)
        {
            return RiskRejectReason.INVALID_QUANTITY;
        }
        if (newPrice <= 0 || order.orderType == OrderType.MARKET)
        {
            return RiskRejectReason.INVALID_PRICE;
        }
        if (newQuantity > maxOrderQuantity)
        {
            return RiskRejectReason.MAX_ORDER_QUANTITY;
        }
        if (notional(newPrice, newQuantity) > maxNotional)
        {
            return RiskRejectReason.MAX_NOTIONAL;
        }
        final long reference = instruments.get(order.instrumentId).referencePrice;
        if (reference == 0)
        {
            return RiskRejectReason.NO_REFERENCE_PRICE;
        }
        if (outsideBand(newPrice, reference))
        {
            return RiskRejectReason.PRICE_BAND;
        }
        final Position position = positions.get(positionKey(order.accountId, order.instrumentId));
        if (breachesPosition(position, order.side, order.leavesQuantity(), newQuantity - order.cumQuantity))
        {
            return RiskRejectReason.POSITION_LIMIT;
        }
        return RiskRejectReason.NONE;
    }

    private boolean outsideBand(final long price, final long reference)
    {
        final long distance = Math.abs(price - reference);
        return Math.multiplyHigh(distance, BPS) != 0 || distance * BPS > notional(priceBandBps, reference);
    }

    private boolean breachesPosition(final Position position, final Side side, final long removed, final long added)
    {
        final long net = position == null ? 0 : position.net;
        if (side == Side.BUY)
        {
            final long buys = position == null ? 0 : position.openBuys;
            return Math.abs(add(net, buys - removed + added)) > positionLimit;
        }
        final long sells = position == null ? 0 : position.openSells;
        return Math.abs(add(net, -(sells - removed + added))) > positionLimit;
    }

    private void setLimit(final RiskLimitKind kind, final long value)
    {
        switch (kind)
        {
            case MAX_ORDER_QUANTITY -> maxOrderQuantity = value;
            case MAX_NOTIONAL -> maxNotional = value;
            case PRICE_BAND_BPS -> priceBandBps = value;
            case POSITION_LIMIT -> positionLimit = value;
            case ORDERS_PER_SECOND -> ordersPerSecond = value;
            case DAILY_NOTIONAL -> dailyNotional = value;
            default -> throw new IllegalArgumentException("not a numeric risk limit: " + kind);
        }
    }

    private void onAccepted(final long timestampNs, final int shard, final long matchingOrderId, final long orderId)
    {
        final RiskOrder order = orders.get(orderId);
        if (order == null || order.shard != shard || order.state != RiskOrderState.PENDING_NEW)
        {
            return;
        }
        order.matchingOrderId = matchingOrderId;
        ordersByMatchingId.put(matchingKey(shard, matchingOrderId), order);
        order.state = order.state.next(RiskOrderState.NEW);
        startOrderReport(target(order), order, ExecType.NEW);
        listener.onExecutionReport(timestampNs, report);
        cancelIfAsked(timestampNs, order);
    }

    private void onRejected(
        final long timestampNs, final int shard, final long matchingClientSequence, final long matchingOrderId,
        final long orderId, final int resultCode)
    {
        if (matchingOrderId == 0)
        {
            final RiskOrder order = orders.get(orderId);
            if (order == null || order.shard != shard || order.state != RiskOrderState.PENDING_NEW)
            {
                return;
            }
            finish(order, RiskOrderState.REJECTED);
            startOrderReport(target(order), order, ExecType.REJECTED);
            report.rejectReason = RiskRejectReason.MATCHING_REJECT;
            report.matchingResultCode = resultCode;
            listener.onExecutionReport(timestampNs, report);
            return;
        }
        final RiskOrder order = ordersByMatchingId.get(matchingKey(shard, matchingOrderId));
        if (order == null || order.pending == PendingRequest.NONE ||
            order.pendingForwardSequence != matchingClientSequence)
        {
            return;
        }
        final PendingRequest pending = order.pending;
        final String requestId = order.pendingClOrdId;
        clearPending(order);
        if (pending != PendingRequest.SYSTEM_CANCEL)
        {
            final RiskRejectReason reason = order.state.isFinal() ?
                RiskRejectReason.TOO_LATE_TO_CANCEL : RiskRejectReason.MATCHING_REJECT;
            final CancelRejectResponseTo responseTo = pending == PendingRequest.REPLACE ?
                CancelRejectResponseTo.REPLACE : CancelRejectResponseTo.CANCEL;
            listener.onCancelReject(timestampNs, target(order), order.orderId, order.instrumentId, order.accountId,
                reason, order.ordStatus(), responseTo, requestId, order.clOrdId);
        }
        cancelIfAsked(timestampNs, order);
    }

    private void onTrade(
        final long timestampNs, final int shard, final long matchingEpoch, final long matchingSequence,
        final int eventIndex, final long takerMatchingId, final long makerMatchingId, final int instrumentId,
        final int takerAccountId, final int makerAccountId, final Side takerSide, final long price,
        final long quantity)
    {
        final RiskOrder taker = ordersByMatchingId.get(matchingKey(shard, takerMatchingId));
        final RiskOrder maker = ordersByMatchingId.get(matchingKey(shard, makerMatchingId));
        fill(timestampNs, taker, price, quantity);
        fill(timestampNs, maker, price, quantity);
        final boolean takerBuys = takerSide == Side.BUY;
        final long takerId = taker == null ? 0 : taker.orderId;
        final long makerId = maker == null ? 0 : maker.orderId;
        listener.onTrade(timestampNs, tradeId(shard, matchingSequence, eventIndex), matchingEpoch, matchingSequence,
            instrumentId, price, quantity,
            takerBuys ? takerId : makerId, takerBuys ? takerAccountId : makerAccountId,
            takerBuys ? makerId : takerId, takerBuys ? makerAccountId : takerAccountId, takerSide);
    }

    private void fill(final long timestampNs, final RiskOrder order, final long price, final long quantity)
    {
        if (order == null || order.state.isFinal() || order.state == RiskOrderState.PENDING_NEW)
        {
            return;
        }
        final long filled = Math.min(quantity, order.quantity - order.cumQuantity);
        final Account account = account(order.accountId);
        removeExposure(account, order, filled);
        final Position position = position(order.accountId, order.instrumentId);
        position.net += order.side == Side.BUY ? filled : -filled;
        account.rollDay(day(timestampNs));
        final long tradedNotional = notional(price, filled);
        account.filledNotionalToday = add(account.filledNotionalToday, tradedNotional);
        order.cumQuantity += filled;
        order.notionalFilled = add(order.notionalFilled, tradedNotional);
        final boolean complete = order.cumQuantity == order.quantity;
        if (complete)
        {
            finish(order, RiskOrderState.FILLED);
        }
        else
        {
            order.state = order.state.next(RiskOrderState.PARTIALLY_FILLED);
        }
        startOrderReport(target(order), order, complete ? ExecType.FILL : ExecType.PARTIAL_FILL);
        report.lastPrice = price;
        report.lastQuantity = filled;
        listener.onExecutionReport(timestampNs, report);
    }

    private void onCancelled(
        final long timestampNs, final int shard, final long matchingClientSequence, final long matchingOrderId)
    {
        final RiskOrder order = ordersByMatchingId.get(matchingKey(shard, matchingOrderId));
        if (order == null || order.state.isFinal())
        {
            return;
        }
        final boolean answersPending = order.pendingForwardSequence == matchingClientSequence &&
            (order.pending == PendingRequest.CANCEL || order.pending == PendingRequest.SYSTEM_CANCEL);
        final boolean clientCancel = answersPending && order.pending == PendingRequest.CANCEL;
        final String requestId = order.pendingClOrdId;
        if (answersPending)
        {
            clearPending(order);
        }
        finish(order, RiskOrderState.CANCELED);
        startOrderReport(target(order), order, ExecType.CANCELED);
        if (clientCancel)
        {
            report.clOrdId = requestId;
            report.origClOrdId = order.clOrdId;
        }
        listener.onExecutionReport(timestampNs, report);
    }

    private void onReplaced(
        final long timestampNs, final int shard, final long matchingClientSequence, final long matchingOrderId,
        final long newOpenQuantity)
    {
        final RiskOrder order = ordersByMatchingId.get(matchingKey(shard, matchingOrderId));
        if (order == null || order.state.isFinal() || order.pending != PendingRequest.REPLACE ||
            order.pendingForwardSequence != matchingClientSequence)
        {
            return;
        }
        final Account account = account(order.accountId);
        removeExposure(account, order, order.leavesQuantity());
        final String previousId = order.clOrdId;
        ordersByClOrdId.remove(clOrdIdKey(order.accountId, previousId));
        order.clOrdId = order.pendingClOrdId;
        ordersByClOrdId.put(clOrdIdKey(order.accountId, order.clOrdId), order);
        order.price = order.pendingPrice;
        order.valuationPrice = order.pendingPrice;
        order.quantity = order.cumQuantity + newOpenQuantity;
        clearPending(order);
        addExposure(account, order, newOpenQuantity);
        startOrderReport(target(order), order, ExecType.REPLACED);
        report.origClOrdId = previousId;
        listener.onExecutionReport(timestampNs, report);
        cancelIfAsked(timestampNs, order);
    }

    private void onExpired(final long timestampNs, final int shard, final long matchingOrderId)
    {
        final RiskOrder order = ordersByMatchingId.get(matchingKey(shard, matchingOrderId));
        if (order == null || order.state.isFinal())
        {
            return;
        }
        finish(order, RiskOrderState.EXPIRED);
        startOrderReport(target(order), order, ExecType.EXPIRED);
        listener.onExecutionReport(timestampNs, report);
    }

    private void systemCancel(final long timestampNs, final RiskOrder order)
    {
        if (order.state == RiskOrderState.PENDING_NEW || order.pending != PendingRequest.NONE)
        {
            order.cancelWhenAnswered = true;
            return;
        }
        order.cancelWhenAnswered = false;
        order.pending = PendingRequest.SYSTEM_CANCEL;
        order.pendingClOrdId = "";
        order.pendingForwardSequence = forwardCancel(timestampNs, order);
    }

    private void cancelIfAsked(final long timestampNs, final RiskOrder order)
    {
        if (order.cancelWhenAnswered && order.isOpen())
        {
            systemCancel(timestampNs, order);
        }
    }

    private static void clearPending(final RiskOrder order)
    {
        order.pending = PendingRequest.NONE;
        order.pendingClOrdId = "";
        order.pendingPrice = 0;
        order.pendingQuantity = 0;
        order.pendingForwardSequence = 0;
    }

    private void finish(final RiskOrder order, final RiskOrderState to)
    {
        final Account account = account(order.accountId);
        removeExposure(account, order, order.quantity - order.cumQuantity);
        account.openOrders--;
        order.state = order.state.next(to);
        order.cancelWhenAnswered = false;
        order.finishedSequence = ++finishedCount;
        finished.addLast(order);
        while (finished.size() > config.finishedOrdersKept())
        {
            forget(finished.pollFirst());
        }
    }

    private void forget(final RiskOrder order)
    {
        orders.remove(order.orderId);
        ordersByClOrdId.remove(clOrdIdKey(order.accountId, order.clOrdId), order);
        if (order.matchingOrderId != 0)
        {
            ordersByMatchingId.remove(matchingKey(order.shard, order.matchingOrderId), order);
        }
    }

    private void addExposure(final Account account, final RiskOrder order, final long quantity)
    {
        final Position position = position(order.accountId, order.instrumentId);
        if (order.side == Side.BUY)
        {
            position.openBuys += quantity;
        }
        else
        {
            position.openSells += quantity;
        }
        account.openNotional = add(account.openNotional, notional(order.valuationPrice, quantity));
    }

    private void removeExposure(final Account account, final RiskOrder order, final long quantity)
    {
        final Position position = position(order.accountId, order.instrumentId);
        if (order.side == Side.BUY)
        {
            position.openBuys -= quantity;
        }
        else
        {
            position.openSells -= quantity;
        }
        account.openNotional = Math.max(0, account.openNotional - notional(order.valuationPrice, quantity));
    }

    private void forwardNewOrder(final long timestampNs, final RiskOrder order)
    {
        final ForwardedCommand command = forward(order.shard, ForwardedCommand.NEW_ORDER, timestampNs);
        command.orderId = order.orderId;
        command.price = order.price;
        command.quantity = order.quantity;
        command.instrumentId = order.instrumentId;
        command.accountId = order.accountId;
        command.side = order.side;
        command.orderType = order.orderType;
        emit(command, order.shard);
    }

    private long forwardCancel(final long timestampNs, final RiskOrder order)
    {
        final ForwardedCommand command = forward(order.shard, ForwardedCommand.CANCEL, timestampNs);
        command.orderId = order.matchingOrderId;
        command.instrumentId = order.instrumentId;
        command.accountId = order.accountId;
        emit(command, order.shard);
        return command.clientSequence;
    }

    private long forwardReplace(
        final long timestampNs, final RiskOrder order, final long newPrice, final long newOpenQuantity)
    {
        final ForwardedCommand command = forward(order.shard, ForwardedCommand.REPLACE, timestampNs);
        command.orderId = order.matchingOrderId;
        command.instrumentId = order.instrumentId;
        command.accountId = order.accountId;
        command.price = newPrice;
        command.quantity = newOpenQuantity;
        emit(command, order.shard);
        return command.clientSequence;
    }

    private ForwardedCommand forward(final int shard, final int kind, final long timestampNs)
    {
        final ShardState state = shards[shard];
        final ForwardedCommand command = new ForwardedCommand();
        command.kind = kind;
        command.clientSequence = ++state.lastForwardSequence;
        command.timestampNs = timestampNs;
        state.unanswered.addLast(command);
        return command;
    }

    private void emit(final ForwardedCommand command, final int shard)
    {
        switch (command.kind)
        {
            case ForwardedCommand.NEW_ORDER -> listener.onForwardNewOrder(command.timestampNs, shard,
                command.clientSequence, command.orderId, command.instrumentId, command.accountId, command.side,
                command.orderType, command.price, command.quantity);
            case ForwardedCommand.CANCEL -> listener.onForwardCancel(command.timestampNs, shard,
                command.clientSequence, command.orderId, command.instrumentId, command.accountId);
            case ForwardedCommand.REPLACE -> listener.onForwardReplace(command.timestampNs, shard,
                command.clientSequence, command.orderId, command.instrumentId, command.accountId, command.price,
                command.quantity);
            case ForwardedCommand.REFERENCE_PRICE -> listener.onForwardReferencePrice(command.timestampNs, shard,
                command.clientSequence, command.instrumentId, command.price);
            default -> throw new IllegalStateException("no forwarded command kind " + command.kind);
        }
    }

    private void cancelReject(
        final long timestampNs, final long sessionId, final RiskOrder order, final int instrumentId,
        final int accountId, final RiskRejectReason reason, final CancelRejectResponseTo responseTo,
        final String clOrdId, final String origClOrdId)
    {
        final boolean known = order != null && reason != RiskRejectReason.UNKNOWN_ORDER;
        listener.onCancelReject(timestampNs, sessionId, known ? order.orderId : 0, instrumentId, accountId, reason,
            known ? order.ordStatus() : OrdStatus.REJECTED, responseTo, clOrdId, origClOrdId);
    }

    private void startReport(
        final long sessionId, final long orderId, final int instrumentId, final int accountId, final Side side,
        final OrderType orderType, final long price, final long quantity)
    {
        report.clear();
        report.sessionId = sessionId;
        report.execId = nextExecId++;
        report.orderId = orderId;
        report.instrumentId = instrumentId;
        report.accountId = accountId;
        report.side = side;
        report.orderType = orderType;
        report.price = price;
        report.quantity = quantity;
    }

    private void startOrderReport(final long sessionId, final RiskOrder order, final ExecType execType)
    {
        startReport(sessionId, order.orderId, order.instrumentId, order.accountId, order.side, order.orderType,
            order.price, order.quantity);
        report.cumQuantity = order.cumQuantity;
        report.leavesQuantity = order.leavesQuantity();
        report.notionalFilled = order.notionalFilled;
        report.execType = execType;
        report.ordStatus = order.ordStatus();
        report.clOrdId = order.clOrdId;
    }

    private long target(final RiskOrder order)
    {
        final Account account = accounts.get(order.accountId);
        return account != null && account.sessionId != 0 ? account.sessionId : order.originSessionId;
    }

    private Account account(final int accountId)
    {
        Account account = accounts.get(accountId);
        if (account == null)
        {
            account = new Account(accountId);
            accounts.put(accountId, account);
        }
        return account;
    }

    private Position position(final int accountId, final int instrumentId)
    {
        final long key = positionKey(accountId, instrumentId);
        Position position = positions.get(key);
        if (position == null)
        {
            position = new Position();
            positions.put(key, position);
        }
        return position;
    }

    private static void expectCount(final int actual, final int expected, final String what)
    {
        if (actual != expected)
        {
            throw new IllegalArgumentException("risk snapshot for another configuration: " + what + " " + actual +
                ", expected " + expected);
        }
    }

    private static long positionKey(final int accountId, final int instrumentId)
    {
        return ((long)accountId << 32) | (instrumentId & 0xFFFF_FFFFL);
    }

    private static long matchingKey(final int shard, final long matchingOrderId)
    {
        return (matchingOrderId << 4) | shard;
    }

    private static String clOrdIdKey(final int accountId, final String clOrdId)
    {
        return accountId + "/" + clOrdId;
    }

    private static long day(final long timestampNs)
    {
        return Math.floorDiv(timestampNs, DAY_NS);
    }

    /** Price x quantity, saturated at Long.MAX_VALUE (both are non-negative here). */
    static long notional(final long price, final long quantity)
    {
        return Math.multiplyHigh(price, quantity) != 0 || price * quantity < 0 ? Long.MAX_VALUE : price * quantity;
    }

    private static long add(final long a, final long b)
    {
        final long sum = a + b;
        if (((a ^ sum) & (b ^ sum)) < 0)
        {
            return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return sum;
    }

    private static long mix(final long value)
    {
        long z = value * 0x9E37_79B9_7F4A_7C15L;
        z = (z ^ (z >>> 32)) * 0xD6E8_FEB8_6659_FD93L;
        return z ^ (z >>> 32);
    }
}
