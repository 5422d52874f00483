package io.tickkeeper.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.tickkeeper.protocol.sbe.BooleanType;
import io.tickkeeper.protocol.sbe.CancelRejectResponseTo;
import io.tickkeeper.protocol.sbe.ExecType;
import io.tickkeeper.protocol.sbe.MessageHeaderDecoder;
import io.tickkeeper.protocol.sbe.MessageHeaderEncoder;
import io.tickkeeper.protocol.sbe.OrdStatus;
import io.tickkeeper.protocol.sbe.OrderType;
import io.tickkeeper.protocol.sbe.RiskAccountSessionDecoder;
import io.tickkeeper.protocol.sbe.RiskCancelOrderDecoder;
import io.tickkeeper.protocol.sbe.RiskCancelRejectEncoder;
import io.tickkeeper.protocol.sbe.RiskExecutionReportEncoder;
import io.tickkeeper.protocol.sbe.RiskNewOrderDecoder;
import io.tickkeeper.protocol.sbe.RiskOrderStatusRequestDecoder;
import io.tickkeeper.protocol.sbe.RiskRejectReason;
import io.tickkeeper.protocol.sbe.RiskReplaceOrderDecoder;
import io.tickkeeper.protocol.sbe.RiskTradeEncoder;
import io.tickkeeper.protocol.sbe.Side;
import org.agrona.MutableDirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A deterministic stand-in for the risk manager, for tests of the FIX edge only: it answers every command the
 * way docs/order-flow.md says the risk manager does (Pending New then New for an accepted order, Canceled,
 * Replaced, Order Status, cancel rejects for unknown orders, a risk reject above {@link #MAX_QUANTITY}) without
 * pre-trade checks, replication or matching. Events are delivered on its own thread, like a real channel.
 */
final class ScriptedRiskChannel implements RiskChannel
{
    /** Orders above this quantity are refused with MAX_ORDER_QUANTITY. */
    static final long MAX_QUANTITY = 1_000;

    private final ExecutorService events = Executors.newSingleThreadExecutor(r -> new Thread(r, "scripted-risk"));
    private final List<byte[]> received = new ArrayList<>();
    private final List<byte[]> published = new ArrayList<>();
    private final Map<String, Order> orders = new TreeMap<>();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final MessageHeaderEncoder headerOut = new MessageHeaderEncoder();
    private final ExpandableArrayBuffer out = new ExpandableArrayBuffer(512);
    private volatile RiskEventListener listener;
    private long nextExecId = 1_000;
    private long nextOrderId = 1;
    private long clientSequence;

    @Override
    public void start(final RiskEventListener listener)
    {
        this.listener = listener;
    }

    @Override
    public long sessionId()
    {
        return 77;
    }

    @Override
    public synchronized void send(final MutableDirectBuffer buffer, final int offset, final int length)
    {
        final byte[] copy = new byte[length];
        buffer.getBytes(offset, copy);
        received.add(copy);
        final UnsafeBuffer command = new UnsafeBuffer(copy);
        header.wrap(command, 0);
        final int body = MessageHeaderDecoder.ENCODED_LENGTH;
        clientSequence++;
        switch (header.templateId())
        {
            case RiskNewOrderDecoder.TEMPLATE_ID:
                onNewOrder(new RiskNewOrderDecoder().wrap(command, body, header.blockLength(), header.version()));
                break;
            case RiskCancelOrderDecoder.TEMPLATE_ID:
                onCancel(new RiskCancelOrderDecoder().wrap(command, body, header.blockLength(), header.version()));
                break;
            case RiskReplaceOrderDecoder.TEMPLATE_ID:
                onReplace(new RiskReplaceOrderDecoder().wrap(command, body, header.blockLength(), header.version()));
                break;
            case RiskOrderStatusRequestDecoder.TEMPLATE_ID:
                onStatus(new RiskOrderStatusRequestDecoder().wrap(command, body, header.blockLength(),
                    header.version()));
                break;
            default:
                break;
        }
    }

    /** @return a copy of every command received, in order. */
    synchronized List<byte[]> received()
    {
        return new ArrayList<>(received);
    }

    /** @return a copy of every event published, in order (what a risk primary would also broadcast). */
    synchronized List<byte[]> published()
    {
        return new ArrayList<>(published);
    }

    /** @return the RiskAccountSession commands received, as "account:connected:cancelOnDisconnect". */
    synchronized List<String> accountSessions()
    {
        final List<String> sessions = new ArrayList<>();
        for (final byte[] bytes : received)
        {
            final UnsafeBuffer command = new UnsafeBuffer(bytes);
            header.wrap(command, 0);
            if (header.templateId() == RiskAccountSessionDecoder.TEMPLATE_ID)
            {
                final RiskAccountSessionDecoder session = new RiskAccountSessionDecoder()
                    .wrap(command, MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
                sessions.add(session.accountId() + ":" + (session.connected() == BooleanType.TRUE) + ":"
                    + (session.cancelOnDisconnect() == BooleanType.TRUE));
            }
        }
        return sessions;
    }

    /**
     * Fills part of an open order and publishes the public trade, as the risk manager does after a match.
     *
     * @param accountId the order's account.
     * @param clOrdId   the order's ClOrdID.
     * @param price     the fill price in cents.
     * @param quantity  the fill quantity.
     */
    synchronized void fill(final int accountId, final String clOrdId, final long price, final long quantity)
    {
        final Order order = orders.get(accountId + "/" + clOrdId);
        order.cum += quantity;
        order.notional += price * quantity;
        final boolean done = order.cum == order.quantity;
        report(order, done ? ExecType.FILL : ExecType.PARTIAL_FILL,
            done ? OrdStatus.FILLED : OrdStatus.PARTIALLY_FILLED, price, quantity, "");
        final RiskTradeEncoder trade = new RiskTradeEncoder().wrapAndApplyHeader(out, 0, headerOut);
        trade.frame().epoch(1).sequence(clientSequence).clientSessionId(0).clientSequence(0).timestampNs(0);
        trade.tradeId(nextExecId++).matchingEpoch(1).matchingSequence(clientSequence).price(price)
            .quantity(quantity).buyOrderId(order.orderId).sellOrderId(0).instrumentId(order.instrumentId)
            .buyAccountId(accountId).sellAccountId(99).aggressorSide(Side.SELL);
        publish(MessageHeaderEncoder.ENCODED_LENGTH + trade.encodedLength());
    }

    void close() throws InterruptedException
    {
        events.shutdown();
        events.awaitTermination(5, TimeUnit.SECONDS);
    }

    private void onNewOrder(final RiskNewOrderDecoder command)
    {
        final String key = command.accountId() + "/" + command.clOrdId();
        final Order order = new Order(command.accountId(), command.instrumentId(), command.clOrdId(),
            command.price(), command.quantity(), command.side(), command.orderType());
        if (orders.containsKey(key) || command.quantity() > MAX_QUANTITY)
        {
            order.reason = orders.containsKey(key) ? RiskRejectReason.DUPLICATE_CL_ORD_ID
                : RiskRejectReason.MAX_ORDER_QUANTITY;
            report(order, ExecType.REJECTED, OrdStatus.REJECTED, 0, 0, "");
            return;
        }
        order.orderId = nextOrderId++;
        orders.put(key, order);
        report(order, ExecType.PENDING_NEW, OrdStatus.PENDING_NEW, 0, 0, "");
        report(order, ExecType.NEW, OrdStatus.NEW, 0, 0, "");
    }

    private void onCancel(final RiskCancelOrderDecoder command)
    {
        final Order order = orders.remove(command.accountId() + "/" + command.origClOrdId());
        if (order == null)
        {
            cancelReject(command.accountId(), command.instrumentId(), command.clOrdId(), command.origClOrdId(),
                CancelRejectResponseTo.CANCEL);
            return;
        }
        final String orig = order.clOrdId;
        order.clOrdId = command.clOrdId();
        order.leavesOverride = 0;
        report(order, ExecType.CANCELED, OrdStatus.CANCELED, 0, 0, orig);
    }

    private void onReplace(final RiskReplaceOrderDecoder command)
    {
        final Order order = orders.remove(command.accountId() + "/" + command.origClOrdId());
        if (order == null)
        {
            cancelReject(command.accountId(), command.instrumentId(), command.clOrdId(), command.origClOrdId(),
                CancelRejectResponseTo.REPLACE);
            return;
        }
        final String orig = order.clOrdId;
        order.clOrdId = command.clOrdId();
        order.price = command.newPrice();
        order.quantity = command.newQuantity();
        orders.put(command.accountId() + "/" + order.clOrdId, order);
        report(order, ExecType.REPLACED, OrdStatus.NEW, 0, 0, orig);
    }

    private void onStatus(final RiskOrderStatusRequestDecoder command)
    {
        final Order order = orders.get(command.accountId() + "/" + command.clOrdId());
        if (order == null)
        {
            final Order unknown = new Order(command.accountId(), 1, command.clOrdId(), 0, 0, Side.BUY,
                OrderType.LIMIT_DAY);
            unknown.reason = RiskRejectReason.UNKNOWN_ORDER;
            report(unknown, ExecType.ORDER_STATUS, OrdStatus.REJECTED, 0, 0, "");
            return;
        }
        report(order, ExecType.ORDER_STATUS, order.cum > 0 ? OrdStatus.PARTIALLY_FILLED : OrdStatus.NEW, 0, 0, "");
    }

    private void report(final Order order, final ExecType execType, final OrdStatus ordStatus, final long lastPrice,
        final long lastQuantity, final String origClOrdId)
    {
        final RiskExecutionReportEncoder report = new RiskExecutionReportEncoder().wrapAndApplyHeader(out, 0, headerOut);
        report.frame().epoch(1).sequence(clientSequence).clientSessionId(sessionId()).clientSequence(clientSequence)
            .timestampNs(1_732_550_400_000_000_000L);
        final long leaves = order.leavesOverride >= 0 ? order.leavesOverride
            : execType == ExecType.REJECTED ? 0 : order.quantity - order.cum;
        report.execId(nextExecId++).orderId(order.orderId).price(order.price).quantity(order.quantity)
            .lastPrice(lastPrice).lastQuantity(lastQuantity).cumQuantity(order.cum).leavesQuantity(leaves)
            .notionalFilled(order.notional).instrumentId(order.instrumentId).accountId(order.accountId)
            .rejectReason(order.reason).matchingResultCode(0).side(order.side).orderType(order.orderType)
            .execType(execType).ordStatus(ordStatus).clOrdId(order.clOrdId).origClOrdId(origClOrdId);
        publish(MessageHeaderEncoder.ENCODED_LENGTH + report.encodedLength());
    }

    private void cancelReject(final int accountId, final int instrumentId, final String clOrdId,
        final String origClOrdId, final CancelRejectResponseTo responseTo)
    {
        final RiskCancelRejectEncoder reject = new RiskCancelRejectEncoder().wrapAndApplyHeader(out, 0, headerOut);
        reject.frame().epoch(1).sequence(clientSequence).clientSessionId(sessionId()).clientSequence(clientSequence)
            .timestampNs(1_732_550_400_000_000_000L);
        reject.orderId(0).instrumentId(instrumentId).accountId(accountId).reason(RiskRejectReason.UNKNOWN_ORDER)
            .ordStatus(OrdStatus.REJECTED).responseTo(responseTo).clOrdId(clOrdId).origClOrdId(origClOrdId);
        publish(MessageHeaderEncoder.ENCODED_LENGTH + reject.encodedLength());
    }

    private void publish(final int length)
    {
        final byte[] event = new byte[length];
        out.getBytes(0, event);
        published.add(event);
        events.execute(() -> listener.onRiskEvent(new UnsafeBuffer(event), 0, event.length));
    }

    /** The scripted manager's view of one order. */
    private static final class Order
    {
        private final int accountId;
        private final int instrumentId;
        private final Side side;
        private final OrderType orderType;
        private String clOrdId;
        private long price;
        private long quantity;
        private long orderId;
        private long cum;
        private long notional;
        private long leavesOverride = -1;
        private RiskRejectReason reason = RiskRejectReason.NONE;

        Order(final int accountId, final int instrumentId, final String clOrdId, final long price,
            final long quantity, final Side side, final OrderType orderType)
        {
            this.accountId = accountId;
            this.instrumentId = instrumentId;
            this.clOrdId = clOrdId;
            this.price = price;
            this.quantity = quantity;
            this.side = side;
            this.orderType = orderType;
        }
    }
}
