package io.tickkeeper.risk;

import java.util.List;

import io.tickkeeper.protocol.sbe.CancelRejectResponseTo;
import io.tickkeeper.protocol.sbe.ExecType;
import io.tickkeeper.protocol.sbe.MatchingReportKind;
import io.tickkeeper.protocol.sbe.OrdStatus;
import io.tickkeeper.protocol.sbe.OrderType;
import io.tickkeeper.protocol.sbe.RiskLimitKind;
import io.tickkeeper.protocol.sbe.RiskRejectReason;
import io.tickkeeper.protocol.sbe.Side;
import io.tickkeeper.risk.Recorder.CancelReject;
import io.tickkeeper.risk.Recorder.Er;
import io.tickkeeper.risk.Recorder.Forward;
import io.tickkeeper.risk.Recorder.Trade;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The risk engine's behaviour, input by input, with reports written by hand. */
class RiskEngineTest
{
    private static final long SESSION = 77;
    private static final int ACCOUNT = 7;
    private static final int OTHER_ACCOUNT = 8;
    private static final long T0 = 1_700_000_000_000_000_000L;
    private static final long SECOND = 1_000_000_000L;
    private static final long REFERENCE = 10_000;

    private final Recorder out = new Recorder();
    private RiskEngine engine;
    private long now = T0;
    private long matchingSequence = 100;
    private long feedSequence;

    @BeforeEach
    void setUp()
    {
        engine = new RiskEngine(new RiskConfig(new int[]{1, 2, 3, 4}, new int[]{5, 6, 7, 8})
            .maxOrderQuantity(1_000)
            .maxNotional(5_000_000)
            .priceBandBps(500)
            .positionLimit(2_000)
            .ordersPerSecond(5)
            .dailyNotional(100_000_000)
            .maxOpenOrdersPerAccount(10)
            .finishedOrdersKept(100), out);
        engine.referencePrice(now, 1, REFERENCE, 1, ++feedSequence);
        engine.referencePrice(now, 5, REFERENCE, 1, ++feedSequence);
        out.take();
    }

    @Test
    void shouldRejectUnknownInstrumentInvalidQuantityAndPriceBeforeAnythingElse()
    {
        engine.limitUpdate(now, RiskLimitKind.GLOBAL_KILL, 0, 1);
        assertRejected(order("a", 99, Side.BUY, OrderType.LIMIT_GTC, 0, 0), RiskRejectReason.UNKNOWN_INSTRUMENT);
        assertRejected(order("a", 1, Side.BUY, OrderType.LIMIT_GTC, 0, 0), RiskRejectReason.INVALID_QUANTITY);
        assertRejected(order("a", 1, Side.BUY, OrderType.LIMIT_GTC, 0, 10), RiskRejectReason.INVALID_PRICE);
        assertRejected(order("a", 1, Side.BUY, OrderType.MARKET, 5, 10), RiskRejectReason.INVALID_PRICE);
        assertRejected(order("a", 1, Side.BUY, OrderType.LIMIT_GTC, REFERENCE, 10), RiskRejectReason.GLOBAL_KILL);
    }

    @Test
    void shouldRejectADuplicateClOrdIdOfTheSameAccountOnly()
    {
        assertPendingNew(order("dup", 1, Side.BUY, OrderType.LIMIT_GTC, REFERENCE, 10));
        assertRejected(order("dup", 1, Side.SELL, OrderType.LIMIT_GTC, REFERENCE, 10),
            RiskRejectReason.DUPLICATE_CL_ORD_ID);
        engine.newOrder(now, SESSION, 1, OTHER_ACCOUNT, "dup", Side.BUY, OrderType.LIMIT_GTC, REFERENCE, 10);
        assertThat(firstEr(out.take()).execType()).isEqualTo(ExecType.PENDING_NEW);
    }

    @Test
    void shouldRejectOnTheGlobalAndTheAccountKillSwitchUntilTheyAreOff()
    {
        engine.limitUpdate(now, RiskLimitKind.GLOBAL_KILL, 0, 1);
        engine.limitUpdate(now, RiskLimitKind.ACCOUNT_KILL, ACCOUNT, 1);
        assertRejected(order("k1", 1, Side.BUY, OrderType.LIMIT_GTC, REFERENCE, 10), RiskRejectReason.GLOBAL_KILL);
        engine.limitUpdate(now, RiskLimitKind.GLOBAL_KILL, 0, 0);
        assertRejected(order("k1", 1, Side.BUY, OrderType.LIMIT_GTC, REFERENCE, 10),
            RiskRejectReason.ACCOUNT_KILLED);
        engine.newOrder(now, SESSION, 1, OTHER_ACCOUNT, "k1", Side.BUY, OrderType.LIMIT_GTC, REFERENCE, 10);
        assertThat(firstEr(out.take()).execType()).isEqualTo(ExecType.PENDING_NEW);
        engine.limitUpdate(now, RiskLimitKind.ACCOUNT_KILL, ACCOUNT, 0);
        assertPendingNew(order("k1", 1, Side.BUY, OrderType.LIMIT_GTC, REFERENCE, 10));
    }

    @Test
    void shouldSwitchEveryAccountKillSwitchOffWithAccountZeroAndValueZero()
    {
        engine.limitUpdate(now, RiskLimitKind.ACCOUNT_KILL, ACCOUNT, 1);
        engine.limitUpdate(now, RiskLimitKind.ACCOUNT_KILL, OTHER_ACCOUNT, 1);
        engine.limitUpdate(now, RiskLimitKind.ACCOUNT_KILL, 0, 1);
        assertRejected(order("c1", 1, Side.BUY, OrderType.LIMIT_GTC, REFERENCE, 10),
            RiskRejectReason.ACCOUNT_KILLED);
        engine.limitUpdate(now, RiskLimitKind.ACCOUNT_KILL, 0, 0);
        assertPendingNew(order("c1", 1, Side.BUY, OrderType.LIMIT_GTC, REFERENCE, 10));
        engine.newOrder(now, SESSION, 1, OTHER_ACCOUNT, "c2", Side.BUY, OrderType.LIMIT_GTC, REFERENCE, 10);
        assertThat(firstEr(out.take()).execType()).isEqualTo(ExecType.PENDING_NEW);
    }

    @Test
    void shouldRejectWithoutAReferencePriceThenOnQuantityNotionalAndBand()
    {
        assertRejected(order("r", 2, Side.BUY, OrderType.LIMIT_GTC, REFERENCE, 10),
            RiskRejectReason.NO_REFERENCE_PRICE);
        assertRejected(order("r", 2, Side.BUY, OrderType.MARKET, 0, 10), RiskRejectReason.NO_REFERENCE_PRICE);
        assertRejected(order("r", 1, Side.BUY, OrderType.LIMIT_GTC, REFERENCE, 1_001),
            RiskRejectReason.MAX_ORDER_QUANTITY);
        assertRejected(order("r", 1, Side.BUY, OrderType.LIMIT_GTC, REFERENCE, 501), RiskRejectReason.MAX_NOTIONAL);
        assertRejected(order("r", 1, Side.BUY, OrderType.MARKET, 0, 501), RiskRejectReason.MAX_NOTIONAL);
        assertRejected(order("r", 1, Side.BUY, OrderType.LIMIT_GTC, 10_501, 10), RiskRejectReason.PRICE_BAND);
        assertRejected(order("r", 1, Side.SELL, OrderType.LIMIT_GTC, 9_499, 10), RiskRejectReason.PRICE_BAND);
        assertPendingNew(order("r", 1, Side.BUY, OrderType.LIMIT_GTC, 10_500, 10));
        assertPendingNew(order("r2", 1, Side.SELL, OrderType.LIMIT_GTC, 9_500, 10));
        assertPendingNew(order("r3", 1, Side.BUY, OrderType.MARKET, 0, 500));
    }

    @Test
    void shouldRejectWhenTheWorstCasePositionOfTheSideWouldPassTheLimit()
    {
        for (int i = 0; i < 4; i++)
        {
            assertPendingNew(order("b" + i, 1, Side.BUY, OrderType.LIMIT_GTC, REFERENCE, 450));
            now += SECOND;
        }
        assertRejected(order("b4", 1, Side.BUY, OrderType.LIMIT_GTC, REFERENCE, 201), RiskRejectReason.POSITION_LIMIT);
        assertPendingNew(order("b5", 1, Side.BUY, OrderType.LIMIT_GTC, REFERENCE, 200));
        assertPendingNew(order("s0", 1, Side.SELL, OrderType.LIMIT_GTC, REFERENCE, 450));
        assertPendingNew(order("i5", 5, Side.BUY, OrderType.LIMIT_GTC, REFERENCE, 450));
    }

    @Test
    void shouldThrottleNewOrdersInASlidingOneSecondWindow()
    {
        for (int i = 0; i < 5; i++)
        {
            assertPendingNew(order("t" + i, 1, Side.BUY, OrderType.LIMIT_GTC, REFERENCE, 1));
            now += 100_000_000L;
        }
        assertRejected(order("t5", 1, Side.BUY, OrderType.LIMIT_GTC, REFERENCE, 1), RiskRejectReason.ORDER_RATE);
        engine.newOrder(now, SESSION, 1, OTHER_ACCOUNT, "t5", Side.BUY, OrderType.LIMIT_GTC, REFERENCE, 1);
        assertThat(firstEr(out.take()).execType()).as("another account's window").isEqualTo(ExecType.PENDING_NEW);
        now = T0 + SECOND - 1;
        assertRejected(order("t5", 1, Side.BUY, OrderType.LIMIT_GTC, REFERENCE, 1), RiskRejectReason.ORDER_RATE);
        now = T0 + SECOND;
        assertPendingNew(order("t5", 1, Side.BUY, OrderType.LIMIT_GTC, REFERENCE, 1));
        assertRejected(order("t6", 1, Side.BUY, OrderType.LIMIT_GTC, REFERENCE, 1), RiskRejectReason.ORDER_RATE);
        engine.limitUpdate(now, RiskLimitKind.ORDERS_PER_SECOND, 0, 6);
        assertPendingNew(order("t6", 1, Side.BUY, OrderType.LIMIT_GTC, REFERENCE, 1));
    }

    @Test
    void shouldCountFilledAndOpenNotionalPerUtcDayAndStartAfreshOnTheNextDay()
    {
        engine.limitUpdate(now, RiskLimitKind.DAILY_NOTIONAL, 0, 1_000_000);
        final Forward first = forwardOf(order("d1", 1, Side.BUY, OrderType.LIMIT_GTC, REFERENCE, 60));
        accept(first, 501);
        report(MatchingReportKind.TRADE, 0, 0, 501, 0, Side.BUY, REFERENCE, 60, 9_999);
        assertThat(engine.openOrderCount(ACCOUNT)).isZero();
        assertRejected(order("d2", 1, Side.BUY, OrderType.LIMIT_GTC, REFERENCE, 41), RiskRejectReason.DAILY_NOTIONAL);
        assertPendingNew(order("d3", 1, Side.BUY, OrderType.LIMIT_GTC, REFERENCE, 40));
        assertRejected(order("d4", 1, Side.BUY, OrderType.LIMIT_GTC, REFERENCE, 1), RiskRejectReason.DAILY_NOTIONAL);
        final long nextDay = Math.floorDiv(now, RiskEngine.DAY_NS) * RiskEngine.DAY_NS + RiskEngine.DAY_NS;
        now = nextDay - 1;
        assertRejected(order("d4", 1, Side.BUY, OrderType.LIMIT_GTC, REFERENCE, 1), RiskRejectReason.DAILY_NOTIONAL);
        now = nextDay;
        assertRejected(order("d4", 1, Side.BUY, OrderType.LIMIT_GTC, REFERENCE, 61), RiskRejectReason.DAILY_NOTIONAL);
        assertPendingNew(order("d4", 1, Side.BUY, OrderType.LIMIT_GTC, REFERENCE, 60));
    }

    @Test
    void shouldBoundTheOpenOrdersOfAnAccount()
    {
        for (int i = 0; i < 10; i++)
        {
            assertPendingNew(order("o" + i, 1, Side.BUY, OrderType.LIMIT_GTC, REFERENCE, 1));
            now += SECOND;
        }
        assertRejected(order("o10", 1, Side.BUY, OrderType.LIMIT_GTC, REFERENCE, 1),
            RiskRejectReason.TOO_MANY_OPEN_ORDERS);
    }

    @Test
    void shouldAnswerPendingNewThenForwardWithTheShardsContiguousSequence()
    {
        final List<Object> a = order("f1", 1, Side.BUY, OrderType.LIMIT_DAY, REFERENCE, 10);
        assertThat(a).hasSize(2);
        final Er pending = (Er)a.get(0);
        assertThat(pending.execType()).isEqualTo(ExecType.PENDING_NEW);
        assertThat(pending.ordStatus()).isEqualTo(OrdStatus.PENDING_NEW);
        assertThat(pending.session()).isEqualTo(SESSION);
        assertThat(pending.orderId()).isEqualTo(1);
        assertThat(pending.leaves()).isEqualTo(10);
        assertThat(a.get(1)).isEqualTo(new Forward(ForwardedCommand.NEW_ORDER, 0, 2, now, 1, 1, ACCOUNT, Side.BUY,
            OrderType.LIMIT_DAY, REFERENCE, 10));
        assertThat(forwardOf(order("f2", 5, Side.SELL, OrderType.LIMIT_GTC, REFERENCE, 10)).clientSequence())
            .as("shard 1's counter").isEqualTo(2);
        assertThat(forwardOf(order("f3", 4, Side.SELL, OrderType.MARKET, 0, 10)))
            .isNull();
        assertThat(forwardOf(order("f4", 1, Side.SELL, OrderType.MARKET, 0, 10)).clientSequence()).isEqualTo(3);
        assertThat(engine.lastForwardSequence(0)).isEqualTo(3);
        assertThat(engine.lastForwardSequence(1)).isEqualTo(2);
    }

    @Test
    void shouldAcknowledgeFillBothOwnSidesMovePositionsAndPublishTheTrade()
    {
        final Forward sell = forwardOf(sellerOrder("m1", 100));
        accept(sell, 601);
        final Forward buy = forwardOf(order("k1", 1, Side.BUY, OrderType.LIMIT_GTC, REFERENCE, 100));
        final Er ack = (Er)accept(buy, 602).get(0);
        assertThat(ack.execType()).isEqualTo(ExecType.NEW);
        assertThat(ack.ordStatus()).isEqualTo(OrdStatus.NEW);
        assertThat(ack.clOrdId()).isEqualTo("k1");

        final List<Object> partial = report(MatchingReportKind.TRADE, buy.clientSequence(), 0, 602, ACCOUNT,
            Side.BUY, REFERENCE, 40, 601);
        assertThat(partial).hasSize(3);
        final Er taker = (Er)partial.get(0);
        final Er maker = (Er)partial.get(1);
        assertThat(taker.execType()).isEqualTo(ExecType.PARTIAL_FILL);
        assertThat(taker.lastQuantity()).isEqualTo(40);
        assertThat(taker.cum()).isEqualTo(40);
        assertThat(taker.leaves()).isEqualTo(60);
        assertThat(taker.notionalFilled()).isEqualTo(40 * REFERENCE);
        assertThat(maker.clOrdId()).isEqualTo("m1");
        assertThat(maker.execType()).isEqualTo(ExecType.PARTIAL_FILL);
        assertThat(maker.execId()).isGreaterThan(taker.execId());
        final Trade trade = (Trade)partial.get(2);
        assertThat(trade.buyOrderId()).isEqualTo(taker.orderId());
        assertThat(trade.sellOrderId()).isEqualTo(maker.orderId());
        assertThat(trade.buyAccountId()).isEqualTo(ACCOUNT);
        assertThat(trade.sellAccountId()).isEqualTo(OTHER_ACCOUNT);
        assertThat(trade.tradeId()).isEqualTo(RiskEngine.tradeId(0, matchingSequence, 0));
        assertThat(engine.netPosition(ACCOUNT, 1)).isEqualTo(40);
        assertThat(engine.netPosition(OTHER_ACCOUNT, 1)).isEqualTo(-40);

        final List<Object> rest = report(MatchingReportKind.TRADE, buy.clientSequence(), 0, 602, ACCOUNT,
            Side.BUY, REFERENCE + 5, 60, 601);
        assertThat(((Er)rest.get(0)).execType()).isEqualTo(ExecType.FILL);
        assertThat(((Er)rest.get(0)).ordStatus()).isEqualTo(OrdStatus.FILLED);
        assertThat(((Er)rest.get(0)).leaves()).isZero();
        assertThat(((Er)rest.get(0)).notionalFilled()).isEqualTo(40 * REFERENCE + 60 * (REFERENCE + 5));
        assertThat(((Er)rest.get(1)).execType()).isEqualTo(ExecType.FILL);
        assertThat(engine.netPosition(ACCOUNT, 1)).isEqualTo(100);
        assertThat(engine.netPosition(OTHER_ACCOUNT, 1)).isEqualTo(-100);
        assertThat(engine.openOrderCount(ACCOUNT)).isZero();
        assertThat(engine.openOrderCount(OTHER_ACCOUNT)).isZero();
    }

    @Test
    void shouldApplyAReportOnlyOnceAndIgnoreOlderOnes()
    {
        final Forward buy = forwardOf(order("k1", 1, Side.BUY, OrderType.LIMIT_GTC, REFERENCE, 100));
        accept(buy, 602);
        final long trade = matchingSequence + 1;
        engine.matchingReport(now, MatchingReportKind.TRADE, 0, 1, trade, 0, 0, 602, 0, 1, ACCOUNT, Side.BUY,
            REFERENCE, 10, 999, 9, 0);
        assertThat(out.take()).hasSize(2);
        final long hash = engine.stateHash();
        engine.matchingReport(now, MatchingReportKind.TRADE, 0, 1, trade, 0, 0, 602, 0, 1, ACCOUNT, Side.BUY,
            REFERENCE, 10, 999, 9, 0);
        engine.matchingReport(now, MatchingReportKind.TRADE, 0, 1, trade - 1, 5, 0, 602, 0, 1, ACCOUNT, Side.BUY,
            REFERENCE, 10, 999, 9, 0);
        assertThat(out.take()).isEmpty();
        assertThat(engine.stateHash()).isEqualTo(hash);
        engine.matchingReport(now, MatchingReportKind.TRADE, 0, 1, trade, 1, 0, 602, 0, 1, ACCOUNT, Side.BUY,
            REFERENCE, 10, 999, 9, 0);
        assertThat(((Er)out.take().get(0)).cum()).isEqualTo(20);
        assertThat(engine.netPosition(ACCOUNT, 1)).isEqualTo(20);
    }

    @Test
    void shouldRejectWhatMatchingRejectedWithItsResultCode()
    {
        final Forward buy = forwardOf(order("k1", 1, Side.BUY, OrderType.POST_ONLY, REFERENCE, 100));
        final List<Object> rejected = report(MatchingReportKind.REJECTED, buy.clientSequence(), buy.orderId(), 0,
            ACCOUNT, Side.BUY, 0, 0, 0, 301);
        final Er er = (Er)rejected.get(0);
        assertThat(er.execType()).isEqualTo(ExecType.REJECTED);
        assertThat(er.reason()).isEqualTo(RiskRejectReason.MATCHING_REJECT);
        assertThat(er.matchingResultCode()).isEqualTo(301);
        assertThat(engine.openOrderCount(ACCOUNT)).isZero();
        assertThat(engine.unansweredForwards(0)).isZero();
    }

    @Test
    void shouldRunTheCancelFlow()
    {
        assertCancelReject(cancel("c0", "nope"), RiskRejectReason.UNKNOWN_ORDER, 0, OrdStatus.REJECTED);
        final Forward buy = forwardOf(order("k1", 1, Side.BUY, OrderType.LIMIT_GTC, REFERENCE, 100));
        assertCancelReject(cancel("c1", "k1"), RiskRejectReason.ORDER_PENDING, 1, OrdStatus.PENDING_NEW);
        accept(buy, 602);
        assertCancelReject(cancel("k1", "k1"), RiskRejectReason.DUPLICATE_CL_ORD_ID, 1, OrdStatus.NEW);

        final List<Object> pending = cancel("c1", "k1");
        assertThat(pending).hasSize(2);
        final Er answer = (Er)pending.get(0);
        assertThat(answer.execType()).isEqualTo(ExecType.PENDING_CANCEL);
        assertThat(answer.ordStatus()).isEqualTo(OrdStatus.PENDING_CANCEL);
        assertThat(answer.clOrdId()).isEqualTo("c1");
        assertThat(answer.origClOrdId()).isEqualTo("k1");
        final Forward cancel = (Forward)pending.get(1);
        assertThat(cancel.kind()).isEqualTo(ForwardedCommand.CANCEL);
        assertThat(cancel.orderId()).as("matching's order id").isEqualTo(602);
        assertCancelReject(cancel("c2", "k1"), RiskRejectReason.ORDER_PENDING, 1, OrdStatus.PENDING_CANCEL);

        final List<Object> done = report(MatchingReportKind.CANCELLED, cancel.clientSequence(), 0, 602, ACCOUNT,
            Side.BUY, 0, 100, 0);
        final Er cancelled = (Er)done.get(0);
        assertThat(cancelled.execType()).isEqualTo(ExecType.CANCELED);
        assertThat(cancelled.ordStatus()).isEqualTo(OrdStatus.CANCELED);
        assertThat(cancelled.clOrdId()).isEqualTo("c1");
        assertThat(cancelled.origClOrdId()).isEqualTo("k1");
        assertThat(cancelled.leaves()).isZero();
        assertThat(engine.openOrderCount(ACCOUNT)).isZero();
        assertCancelReject(cancel("c3", "k1"), RiskRejectReason.TOO_LATE_TO_CANCEL, 1, OrdStatus.CANCELED);
    }

    @Test
    void shouldAnswerACancelThatMatchingRefusesWithACancelReject()
    {
        final Forward buy = forwardOf(order("k1", 1, Side.BUY, OrderType.LIMIT_GTC, REFERENCE, 100));
        accept(buy, 602);
        final Forward cancel = (Forward)cancel("c1", "k1").get(1);
        report(MatchingReportKind.TRADE, 0, 0, 602, ACCOUNT, Side.BUY, REFERENCE, 100, 999);
        final List<Object> refused = report(MatchingReportKind.REJECTED, cancel.clientSequence(), 0, 602, ACCOUNT,
            Side.BUY, 0, 0, 0, 201);
        assertThat(refused).containsExactly(new CancelReject(SESSION, 1, RiskRejectReason.TOO_LATE_TO_CANCEL,
            OrdStatus.FILLED, CancelRejectResponseTo.CANCEL, "c1", "k1"));
    }

    @Test
    void shouldRunTheReplaceFlowWithTheNewOpenQuantity()
    {
        final Forward buy = forwardOf(order("k1", 1, Side.BUY, OrderType.LIMIT_GTC, REFERENCE, 100));
        accept(buy, 602);
        report(MatchingReportKind.TRADE, 0, 0, 602, ACCOUNT, Side.BUY, REFERENCE, 30, 999);
        assertThat(replace("r0", "k1", REFERENCE, 1_001)).containsExactly(new CancelReject(SESSION, 1,
            RiskRejectReason.MAX_ORDER_QUANTITY, OrdStatus.PARTIALLY_FILLED, CancelRejectResponseTo.REPLACE, "r0",
            "k1"));
        assertThat(((CancelReject)replace("r0", "k1", REFERENCE, 30).get(0)).reason())
            .isEqualTo(RiskRejectReason.INVALID_QUANTITY);
        assertThat(((CancelReject)replace("r0", "k1", 11_000, 80).get(0)).reason())
            .isEqualTo(RiskRejectReason.PRICE_BAND);
        assertThat(((CancelReject)replace("r0", "k1", REFERENCE, 600).get(0)).reason())
            .isEqualTo(RiskRejectReason.MAX_NOTIONAL);

        final List<Object> pending = replace("r1", "k1", 10_050, 80);
        final Er answer = (Er)pending.get(0);
        assertThat(answer.execType()).isEqualTo(ExecType.PENDING_REPLACE);
        assertThat(answer.ordStatus()).isEqualTo(OrdStatus.PENDING_REPLACE);
        final Forward replace = (Forward)pending.get(1);
        assertThat(replace.kind()).isEqualTo(ForwardedCommand.REPLACE);
        assertThat(replace.price()).isEqualTo(10_050);
        assertThat(replace.quantity()).as("new total minus filled").isEqualTo(50);

        final List<Object> replaced = report(MatchingReportKind.REPLACED, replace.clientSequence(), 0, 602,
            ACCOUNT, Side.BUY, 10_050, 50, 0);
        final Er er = (Er)replaced.get(0);
        assertThat(er.execType()).isEqualTo(ExecType.REPLACED);
        assertThat(er.clOrdId()).isEqualTo("r1");
        assertThat(er.origClOrdId()).isEqualTo("k1");
        assertThat(er.quantity()).isEqualTo(80);
        assertThat(er.price()).isEqualTo(10_050);
        assertThat(er.cum()).isEqualTo(30);
        assertThat(er.leaves()).isEqualTo(50);
        assertThat(((Er)status("r1").get(0)).ordStatus()).isEqualTo(OrdStatus.PARTIALLY_FILLED);
        assertThat(((Er)status("k1").get(0)).reason()).isEqualTo(RiskRejectReason.UNKNOWN_ORDER);

        final Forward again = (Forward)replace("r2", "r1", 10_060, 90).get(1);
        final List<Object> refused = report(MatchingReportKind.REJECTED, again.clientSequence(), 0, 602, ACCOUNT,
            Side.BUY, 0, 0, 0, 108);
        assertThat(refused).containsExactly(new CancelReject(SESSION, 1, RiskRejectReason.MATCHING_REJECT,
            OrdStatus.PARTIALLY_FILLED, CancelRejectResponseTo.REPLACE, "r2", "r1"));
    }

    @Test
    void shouldReportOrderStatus()
    {
        final Forward buy = forwardOf(order("k1", 1, Side.BUY, OrderType.LIMIT_GTC, REFERENCE, 100));
        final List<Object> unknown = status("zz");
        assertThat(unknown).hasSize(1);
        final Er none = (Er)unknown.get(0);
        assertThat(none.execType()).isEqualTo(ExecType.ORDER_STATUS);
        assertThat(none.ordStatus()).isEqualTo(OrdStatus.REJECTED);
        assertThat(none.reason()).isEqualTo(RiskRejectReason.UNKNOWN_ORDER);
        assertThat(none.orderId()).isZero();
        assertThat(((Er)status("k1").get(0)).ordStatus()).isEqualTo(OrdStatus.PENDING_NEW);
        accept(buy, 602);
        report(MatchingReportKind.TRADE, 0, 0, 602, ACCOUNT, Side.BUY, REFERENCE, 25, 999);
        final Er er = (Er)status("k1").get(0);
        assertThat(er.execType()).isEqualTo(ExecType.ORDER_STATUS);
        assertThat(er.ordStatus()).isEqualTo(OrdStatus.PARTIALLY_FILLED);
        assertThat(er.cum()).isEqualTo(25);
        assertThat(er.leaves()).isEqualTo(75);
        assertThat(er.session()).isEqualTo(SESSION);
    }

    @Test
    void shouldAddressReportsToTheSessionServingTheAccountAndCancelOnDisconnect()
    {
        engine.accountSession(now, SESSION, ACCOUNT, true, true);
        assertThat(out.take()).containsExactly(new Recorder.SessionAck(SESSION, ACCOUNT, 0, true, true));
        final Forward first = forwardOf(order("k1", 1, Side.BUY, OrderType.LIMIT_GTC, REFERENCE, 10));
        final Forward second = forwardOf(order("k2", 5, Side.SELL, OrderType.LIMIT_GTC, REFERENCE, 10));
        final Forward third = forwardOf(order("k3", 1, Side.BUY, OrderType.LIMIT_GTC, REFERENCE, 10));
        accept(first, 701);
        engine.accountSession(now, 88, ACCOUNT, true, true);
        out.take();
        assertThat(((Er)accept(second, 702).get(0)).session()).as("the account moved to session 88").isEqualTo(88);

        engine.accountSession(now, SESSION, ACCOUNT, false, true);
        assertThat(out.take()).as("a session that no longer serves the account: only the answer")
            .containsExactly(new Recorder.SessionAck(SESSION, ACCOUNT, 3, false, false));
        engine.accountSession(now, 88, ACCOUNT, false, true);
        final List<Object> disconnect = out.take();
        assertThat(disconnect.get(0)).as("the answer comes first")
            .isEqualTo(new Recorder.SessionAck(88, ACCOUNT, 3, false, false));
        final List<Forward> cancels = out.all(disconnect, Forward.class);
        assertThat(cancels).extracting(Forward::kind).containsExactly(ForwardedCommand.CANCEL,
            ForwardedCommand.CANCEL);
        assertThat(cancels).extracting(Forward::orderId).containsExactly(701L, 702L);

        final List<Object> late = accept(third, 703);
        assertThat(((Er)late.get(0)).session()).as("no session: the order's own").isEqualTo(SESSION);
        assertThat(late.get(1)).isInstanceOf(Forward.class);
        assertThat(((Forward)late.get(1)).orderId()).isEqualTo(703);

        final List<Object> done = report(MatchingReportKind.CANCELLED, cancels.get(0).clientSequence(), 0, 701,
            ACCOUNT, Side.BUY, 0, 10, 0);
        assertThat(((Er)done.get(0)).execType()).isEqualTo(ExecType.CANCELED);
        assertThat(((Er)done.get(0)).clOrdId()).isEqualTo("k1");
        assertThat(((Er)done.get(0)).origClOrdId()).isEmpty();
    }

    @Test
    void shouldReEmitExactlyTheUnansweredForwardsWhenAPrimaryStarts()
    {
        final Forward a = forwardOf(order("k1", 1, Side.BUY, OrderType.LIMIT_GTC, REFERENCE, 10));
        final Forward b = forwardOf(order("k2", 1, Side.BUY, OrderType.LIMIT_GTC, REFERENCE, 10));
        final Forward c = forwardOf(order("k3", 1, Side.BUY, OrderType.LIMIT_GTC, REFERENCE, 10));
        final Forward d = forwardOf(order("k4", 5, Side.BUY, OrderType.LIMIT_GTC, REFERENCE, 10));
        accept(a, 801);
        report(MatchingReportKind.REFUSED, b.clientSequence(), 0, 0, 0, Side.BUY, 0, 0, 0);
        assertThat(engine.unansweredForwards(0)).isEqualTo(2);

        final Forward shardOneReference = new Forward(ForwardedCommand.REFERENCE_PRICE, 1, 1, T0, 0, 5, 0, null,
            null, REFERENCE, 0);
        engine.primaryStarted(now);
        assertThat(out.take()).as("a SetReferencePrice has no event: unanswered until a later forward is")
            .containsExactly(b, c, shardOneReference, d);
        accept(c, 803);
        assertThat(engine.unansweredForwards(0)).as("an answer to c answers b too").isZero();
        engine.primaryStarted(now);
        assertThat(out.take()).containsExactly(shardOneReference, d);
        accept(d, 804);
        engine.primaryStarted(now);
        assertThat(out.take()).isEmpty();
    }

    @Test
    void shouldFollowNewerFeedTicksAndForwardMovesOfFiftyBasisPoints()
    {
        engine.referencePrice(now, 1, 10_049, 1, ++feedSequence);
        assertThat(out.take()).isEmpty();
        engine.referencePrice(now, 1, 10_050, 1, ++feedSequence);
        assertThat(out.take()).containsExactly(new Forward(ForwardedCommand.REFERENCE_PRICE, 0, 2, now, 0, 1, 0,
            null, null, 10_050, 0));
        engine.referencePrice(now, 1, 20_000, 1, feedSequence);
        engine.referencePrice(now, 1, 20_000, 0, feedSequence + 10);
        assertThat(out.take()).as("not newer").isEmpty();
        assertRejected(order("p1", 1, Side.BUY, OrderType.LIMIT_GTC, 11_000, 1), RiskRejectReason.PRICE_BAND);
        engine.referencePrice(now, 1, 11_000, 2, 1);
        assertThat(out.all(out.take(), Forward.class)).hasSize(1);
        assertPendingNew(order("p1", 1, Side.BUY, OrderType.LIMIT_GTC, 11_000, 1));
    }

    @Test
    void shouldForgetTheOldestFinishedOrdersBeyondTheBound()
    {
        final RiskEngine small = new RiskEngine(new RiskConfig(new int[]{1}).finishedOrdersKept(2), out);
        small.referencePrice(now, 1, REFERENCE, 1, 1);
        for (int i = 1; i <= 3; i++)
        {
            small.newOrder(now + i, SESSION, 1, ACCOUNT, "x" + i, Side.BUY, OrderType.LIMIT_GTC, REFERENCE, 1);
            small.matchingReport(now, MatchingReportKind.REJECTED, 0, 1, i, 0, i + 1, 0, i, 1, ACCOUNT, Side.BUY, 0,
                0, 0, 0, 201);
        }
        assertThat(small.knownOrders()).isEqualTo(2);
        out.take();
        small.orderStatus(now, SESSION, ACCOUNT, "x1");
        assertThat(firstEr(out.take()).reason()).isEqualTo(RiskRejectReason.UNKNOWN_ORDER);
        small.orderStatus(now, SESSION, ACCOUNT, "x2");
        assertThat(firstEr(out.take()).ordStatus()).isEqualTo(OrdStatus.REJECTED);
    }

    private List<Object> order(
        final String clOrdId, final int instrumentId, final Side side, final OrderType type, final long price,
        final long quantity)
    {
        engine.newOrder(now, SESSION, instrumentId, ACCOUNT, clOrdId, side, type, price, quantity);
        return out.take();
    }

    private List<Object> sellerOrder(final String clOrdId, final long quantity)
    {
        engine.newOrder(now, SESSION + 1, 1, OTHER_ACCOUNT, clOrdId, Side.SELL, OrderType.LIMIT_GTC, REFERENCE,
            quantity);
        return out.take();
    }

    private List<Object> cancel(final String clOrdId, final String origClOrdId)
    {
        engine.cancel(now, SESSION, 1, ACCOUNT, clOrdId, origClOrdId);
        return out.take();
    }

    private List<Object> replace(
        final String clOrdId, final String origClOrdId, final long price, final long quantity)
    {
        engine.replace(now, SESSION, 1, ACCOUNT, clOrdId, origClOrdId, price, quantity);
        return out.take();
    }

    private List<Object> status(final String clOrdId)
    {
        engine.orderStatus(now, SESSION, ACCOUNT, clOrdId);
        return out.take();
    }

    private List<Object> accept(final Forward forward, final long matchingOrderId)
    {
        return report(MatchingReportKind.ACCEPTED, forward.clientSequence(), forward.orderId(), matchingOrderId,
            forward.accountId(), forward.side(), forward.price(), forward.quantity(), 0, 0, forward.shard());
    }

    private List<Object> report(
        final MatchingReportKind kind, final long clientSequence, final long clientOrderId,
        final long matchingOrderId, final int accountId, final Side side, final long price, final long quantity,
        final long makerOrderId)
    {
        return report(kind, clientSequence, clientOrderId, matchingOrderId, accountId, side, price, quantity,
            makerOrderId, 0, 0);
    }

    private List<Object> report(
        final MatchingReportKind kind, final long clientSequence, final long clientOrderId,
        final long matchingOrderId, final int accountId, final Side side, final long price, final long quantity,
        final long makerOrderId, final int resultCode)
    {
        return report(kind, clientSequence, clientOrderId, matchingOrderId, accountId, side, price, quantity,
            makerOrderId, resultCode, 0);
    }

    private List<Object> report(
        final MatchingReportKind kind, final long clientSequence, final long clientOrderId,
        final long matchingOrderId, final int accountId, final Side side, final long price, final long quantity,
        final long makerOrderId, final int resultCode, final int shard)
    {
        engine.matchingReport(now, kind, shard, 1, ++matchingSequence, 0, clientSequence,
            kind == MatchingReportKind.REJECTED && clientOrderId != 0 ? 0 : matchingOrderId, clientOrderId, 1,
            accountId, side, price, quantity, makerOrderId, OTHER_ACCOUNT, resultCode);
        return out.take();
    }

    private Forward forwardOf(final List<Object> outputs)
    {
        final List<Forward> forwards = out.all(outputs, Forward.class);
        return forwards.isEmpty() ? null : forwards.get(0);
    }

    private static Er firstEr(final List<Object> outputs)
    {
        return (Er)outputs.get(0);
    }

    private static void assertRejected(final List<Object> outputs, final RiskRejectReason reason)
    {
        assertThat(outputs).hasSize(1);
        final Er er = (Er)outputs.get(0);
        assertThat(er.execType()).isEqualTo(ExecType.REJECTED);
        assertThat(er.ordStatus()).isEqualTo(OrdStatus.REJECTED);
        assertThat(er.reason()).isEqualTo(reason);
        assertThat(er.orderId()).isZero();
        assertThat(er.session()).isEqualTo(SESSION);
    }

    private static void assertPendingNew(final List<Object> outputs)
    {
        assertThat(outputs).hasSize(2);
        assertThat(((Er)outputs.get(0)).execType()).isEqualTo(ExecType.PENDING_NEW);
        assertThat(outputs.get(1)).isInstanceOf(Forward.class);
    }

    private static void assertCancelReject(
        final List<Object> outputs, final RiskRejectReason reason, final long orderId, final OrdStatus ordStatus)
    {
        assertThat(outputs).hasSize(1);
        final CancelReject reject = (CancelReject)outputs.get(0);
        assertThat(reject.reason()).isEqualTo(reason);
        assertThat(reject.orderId()).isEqualTo(orderId);
        assertThat(reject.ordStatus()).isEqualTo(ordStatus);
        assertThat(reject.session()).isEqualTo(SESSION);
    }
}
