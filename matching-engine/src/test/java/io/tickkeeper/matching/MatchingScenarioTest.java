package io.tickkeeper.matching;

import io.tickkeeper.matching.MatchingEvent.Accepted;
import io.tickkeeper.matching.MatchingEvent.Cancelled;
import io.tickkeeper.matching.MatchingEvent.Expired;
import io.tickkeeper.matching.MatchingEvent.Rejected;
import io.tickkeeper.matching.MatchingEvent.Replaced;
import io.tickkeeper.matching.MatchingEvent.Trade;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.tickkeeper.matching.OrderType.FOK;
import static io.tickkeeper.matching.OrderType.IOC;
import static io.tickkeeper.matching.OrderType.LIMIT_DAY;
import static io.tickkeeper.matching.OrderType.LIMIT_GTC;
import static io.tickkeeper.matching.OrderType.MARKET;
import static io.tickkeeper.matching.OrderType.POST_ONLY;
import static io.tickkeeper.matching.Side.BUY;
import static io.tickkeeper.matching.Side.SELL;
import static io.tickkeeper.matching.StpMode.CANCEL_BOTH;
import static io.tickkeeper.matching.StpMode.CANCEL_NEWEST;
import static io.tickkeeper.matching.StpMode.CANCEL_OLDEST;
import static io.tickkeeper.matching.StpMode.NONE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hand-written scenarios from docs/matching.md, each run against every {@link MatcherKind}: the exact events of
 * every command and the book afterwards.
 */
final class MatchingScenarioTest
{
    /** Tick 10, lot 5, quantity 10..1,000, band 5% around 10,000: prices 9,500..10,500. */
    private static final int INSTRUMENT = 7;
    /** A lower id than {@link #INSTRUMENT} but given second, to check the ascending-id walks. */
    private static final int OTHER = 3;
    private static final InstrumentSpec SPEC = new InstrumentSpec(INSTRUMENT, 10, 5, 10, 1_000, 500, 10_000);
    private static final InstrumentSpec OTHER_SPEC = new InstrumentSpec(OTHER, 1, 1, 1, 500, 1_000, 200);

    private static final int ALICE = 11;
    private static final int BOB = 12;
    private static final int CAROL = 13;
    private static final int DAVE = 14;
    private static final int ERIN = 15;

    private static MatcherHarness harness(final MatcherKind kind)
    {
        return new MatcherHarness(kind, SPEC, OTHER_SPEC);
    }

    @ParameterizedTest
    @EnumSource(MatcherKind.class)
    void shouldNumberOrdersFromOneAndFillInPriceTimePriorityAtTheMakersPrice(final MatcherKind kind)
    {
        final MatcherHarness h = harness(kind);
        final long worst = h.rest(INSTRUMENT, BOB, SELL, 10_020, 50);
        final long first = h.rest(INSTRUMENT, CAROL, SELL, 10_000, 30);
        final long second = h.rest(INSTRUMENT, ALICE, SELL, 10_000, 40);
        final long third = h.rest(INSTRUMENT, BOB, SELL, 10_010, 20);

        final List<MatchingEvent> events = h.newOrder(INSTRUMENT, DAVE, 1, BUY, LIMIT_GTC, 10_010, 100, NONE);

        final long t = h.timestampNs();
        assertThat(List.of(worst, first, second, third)).containsExactly(1L, 2L, 3L, 4L);
        assertThat(events).containsExactly(
            new Accepted(t, INSTRUMENT, 5, DAVE, 1, BUY, LIMIT_GTC, 10_010, 100),
            new Trade(t, INSTRUMENT, 10_000, 30, 5, DAVE, BUY, 70, first, CAROL, 0),
            new Trade(t, INSTRUMENT, 10_000, 40, 5, DAVE, BUY, 30, second, ALICE, 0),
            new Trade(t, INSTRUMENT, 10_010, 20, 5, DAVE, BUY, 10, third, BOB, 0));
        final BookView book = h.matcher().book(INSTRUMENT);
        assertThat(book.bestBid()).isEqualTo(10_010);
        assertThat(book.quantityAt(BUY, 10_010)).isEqualTo(10);
        assertThat(book.bestAsk()).isEqualTo(10_020);
        assertThat(book.levelCount(SELL)).isEqualTo(1);
        assertThat(book.orderCountAt(SELL, 10_020)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(MatcherKind.class)
    void shouldKeepAPartiallyFilledMakerAtTheFrontOfItsLevel(final MatcherKind kind)
    {
        final MatcherHarness h = harness(kind);
        final long front = h.rest(INSTRUMENT, ALICE, SELL, 10_000, 100);
        final long back = h.rest(INSTRUMENT, BOB, SELL, 10_000, 50);

        final List<MatchingEvent> firstTaker = h.newOrder(INSTRUMENT, CAROL, 1, BUY, IOC, 10_000, 30, NONE);
        final long t1 = h.timestampNs();
        final List<MatchingEvent> secondTaker = h.newOrder(INSTRUMENT, CAROL, 2, BUY, IOC, 10_000, 80, NONE);
        final long t2 = h.timestampNs();

        assertThat(firstTaker).containsExactly(
            new Accepted(t1, INSTRUMENT, 3, CAROL, 1, BUY, IOC, 10_000, 30),
            new Trade(t1, INSTRUMENT, 10_000, 30, 3, CAROL, BUY, 0, front, ALICE, 70));
        assertThat(secondTaker).containsExactly(
            new Accepted(t2, INSTRUMENT, 4, CAROL, 2, BUY, IOC, 10_000, 80),
            new Trade(t2, INSTRUMENT, 10_000, 70, 4, CAROL, BUY, 10, front, ALICE, 0),
            new Trade(t2, INSTRUMENT, 10_000, 10, 4, CAROL, BUY, 0, back, BOB, 40));
        assertThat(h.matcher().book(INSTRUMENT).quantityAt(SELL, 10_000)).isEqualTo(40);
        assertThat(h.matcher().book(INSTRUMENT).orderCountAt(SELL, 10_000)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(MatcherKind.class)
    void shouldExpireTheRemainderOfAnIocOrder(final MatcherKind kind)
    {
        final MatcherHarness h = harness(kind);
        final long maker = h.rest(INSTRUMENT, ALICE, SELL, 10_000, 20);

        final List<MatchingEvent> events = h.newOrder(INSTRUMENT, BOB, 1, BUY, IOC, 10_010, 50, NONE);

        final long t = h.timestampNs();
        assertThat(events).containsExactly(
            new Accepted(t, INSTRUMENT, 2, BOB, 1, BUY, IOC, 10_010, 50),
            new Trade(t, INSTRUMENT, 10_000, 20, 2, BOB, BUY, 30, maker, ALICE, 0),
            new Expired(t, INSTRUMENT, 2, BOB, 30));
        assertThat(h.matcher().book(INSTRUMENT).bestBid()).isEqualTo(BookView.NO_PRICE);
        assertThat(h.matcher().book(INSTRUMENT).bestAsk()).isEqualTo(BookView.NO_PRICE);
    }

    @ParameterizedTest
    @EnumSource(MatcherKind.class)
    void shouldAcceptThenExpireAMarketOrderIntoAnEmptyBook(final MatcherKind kind)
    {
        final MatcherHarness h = harness(kind);

        final List<MatchingEvent> events = h.newOrder(INSTRUMENT, ALICE, 1, SELL, MARKET, 0, 50, CANCEL_NEWEST);

        final long t = h.timestampNs();
        assertThat(events).containsExactly(
            new Accepted(t, INSTRUMENT, 1, ALICE, 1, SELL, MARKET, 0, 50),
            new Expired(t, INSTRUMENT, 1, ALICE, 50));
        assertThat(h.matcher().book(INSTRUMENT).levelCount(BUY)).isZero();
        assertThat(h.matcher().book(INSTRUMENT).levelCount(SELL)).isZero();
    }

    @ParameterizedTest
    @EnumSource(MatcherKind.class)
    void shouldSweepSeveralLevelsWithAMarketOrderAndExpireTheRest(final MatcherKind kind)
    {
        final MatcherHarness h = harness(kind);
        final long bid = h.rest(INSTRUMENT, DAVE, BUY, 9_990, 10);
        final long best = h.rest(INSTRUMENT, BOB, SELL, 10_000, 10);
        final long middle = h.rest(INSTRUMENT, CAROL, SELL, 10_010, 20);
        final long far = h.rest(INSTRUMENT, BOB, SELL, 10_450, 30);
        final BookSnapshot bidsBefore = h.snapshot(INSTRUMENT);

        final List<MatchingEvent> events = h.newOrder(INSTRUMENT, ALICE, 1, BUY, MARKET, 0, 100, CANCEL_NEWEST);

        final long t = h.timestampNs();
        assertThat(events).containsExactly(
            new Accepted(t, INSTRUMENT, 5, ALICE, 1, BUY, MARKET, 0, 100),
            new Trade(t, INSTRUMENT, 10_000, 10, 5, ALICE, BUY, 90, best, BOB, 0),
            new Trade(t, INSTRUMENT, 10_010, 20, 5, ALICE, BUY, 70, middle, CAROL, 0),
            new Trade(t, INSTRUMENT, 10_450, 30, 5, ALICE, BUY, 40, far, BOB, 0),
            new Expired(t, INSTRUMENT, 5, ALICE, 40));
        final BookSnapshot after = h.snapshot(INSTRUMENT);
        assertThat(after.asks()).isEmpty();
        assertThat(after.bids()).isEqualTo(bidsBefore.bids());
        assertThat(after.bids()).extracting(BookSnapshot.Level::price).containsExactly(9_990L);
        assertThat(bid).isEqualTo(1);
    }

    /** Asks: 10,000 ALICE 20 (#1), DAVE 30 (#2); 10,010 BOB 30 (#3); 10,020 CAROL 100 (#4). */
    private static MatcherHarness fokBook(final MatcherKind kind)
    {
        final MatcherHarness h = harness(kind);
        h.rest(INSTRUMENT, ALICE, SELL, 10_000, 20);
        h.rest(INSTRUMENT, DAVE, SELL, 10_000, 30);
        h.rest(INSTRUMENT, BOB, SELL, 10_010, 30);
        h.rest(INSTRUMENT, CAROL, SELL, 10_020, 100);
        return h;
    }

    @ParameterizedTest
    @EnumSource(MatcherKind.class)
    void shouldExpireAWholeFokOrderWhenOneLotIsMissing(final MatcherKind kind)
    {
        final MatcherHarness h = fokBook(kind);
        final BookSnapshot before = h.snapshot(INSTRUMENT);

        final List<MatchingEvent> events = h.newOrder(INSTRUMENT, ERIN, 1, BUY, FOK, 10_010, 85, CANCEL_NEWEST);

        final long t = h.timestampNs();
        assertThat(events).containsExactly(
            new Accepted(t, INSTRUMENT, 5, ERIN, 1, BUY, FOK, 10_010, 85),
            new Expired(t, INSTRUMENT, 5, ERIN, 85));
        assertThat(h.snapshot(INSTRUMENT)).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(MatcherKind.class)
    void shouldFillAFokOrderWithExactlyEnoughLiquidity(final MatcherKind kind)
    {
        final MatcherHarness h = fokBook(kind);

        final List<MatchingEvent> events = h.newOrder(INSTRUMENT, ERIN, 1, BUY, FOK, 10_010, 80, CANCEL_NEWEST);

        final long t = h.timestampNs();
        assertThat(events).containsExactly(
            new Accepted(t, INSTRUMENT, 5, ERIN, 1, BUY, FOK, 10_010, 80),
            new Trade(t, INSTRUMENT, 10_000, 20, 5, ERIN, BUY, 60, 1, ALICE, 0),
            new Trade(t, INSTRUMENT, 10_000, 30, 5, ERIN, BUY, 30, 2, DAVE, 0),
            new Trade(t, INSTRUMENT, 10_010, 30, 5, ERIN, BUY, 0, 3, BOB, 0));
        assertThat(h.matcher().book(INSTRUMENT).bestAsk()).isEqualTo(10_020);
        assertThat(h.matcher().book(INSTRUMENT).levelCount(SELL)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(value = StpMode.class, names = {"CANCEL_NEWEST", "CANCEL_BOTH"})
    void shouldStopCountingFokLiquidityAtAnOwnOrderAndLeaveTheBookAlone(final StpMode stpMode)
    {
        for (final MatcherKind kind : MatcherKind.values())
        {
            final MatcherHarness h = fokBook(kind);
            final BookSnapshot before = h.snapshot(INSTRUMENT);

            final List<MatchingEvent> events = h.newOrder(INSTRUMENT, DAVE, 1, BUY, FOK, 10_010, 25, stpMode);

            final long t = h.timestampNs();
            assertThat(events).as(kind.name()).containsExactly(
                new Accepted(t, INSTRUMENT, 5, DAVE, 1, BUY, FOK, 10_010, 25),
                new Expired(t, INSTRUMENT, 5, DAVE, 25));
            assertThat(h.snapshot(INSTRUMENT)).as(kind.name()).isEqualTo(before);
        }
    }

    @ParameterizedTest
    @EnumSource(MatcherKind.class)
    void shouldFillAFokOrderWithCancelNewestWhenTheLiquidityBeforeTheOwnOrderIsEnough(final MatcherKind kind)
    {
        final MatcherHarness h = fokBook(kind);

        final List<MatchingEvent> events = h.newOrder(INSTRUMENT, DAVE, 1, BUY, FOK, 10_010, 20, CANCEL_NEWEST);

        final long t = h.timestampNs();
        assertThat(events).containsExactly(
            new Accepted(t, INSTRUMENT, 5, DAVE, 1, BUY, FOK, 10_010, 20),
            new Trade(t, INSTRUMENT, 10_000, 20, 5, DAVE, BUY, 0, 1, ALICE, 0));
        assertThat(h.matcher().book(INSTRUMENT).orderCountAt(SELL, 10_000)).isEqualTo(1);
        assertThat(h.matcher().book(INSTRUMENT).quantityAt(SELL, 10_000)).isEqualTo(30);
    }

    @ParameterizedTest
    @EnumSource(MatcherKind.class)
    void shouldSkipOwnOrdersInTheFokCountUnderCancelOldestAndCancelThemWhileFilling(final MatcherKind kind)
    {
        final MatcherHarness h = fokBook(kind);

        final List<MatchingEvent> events = h.newOrder(INSTRUMENT, DAVE, 1, BUY, FOK, 10_010, 50, CANCEL_OLDEST);

        final long t = h.timestampNs();
        assertThat(events).containsExactly(
            new Accepted(t, INSTRUMENT, 5, DAVE, 1, BUY, FOK, 10_010, 50),
            new Trade(t, INSTRUMENT, 10_000, 20, 5, DAVE, BUY, 30, 1, ALICE, 0),
            new Cancelled(t, INSTRUMENT, 2, DAVE, 30, CancelReason.SELF_TRADE_PREVENTION),
            new Trade(t, INSTRUMENT, 10_010, 30, 5, DAVE, BUY, 0, 3, BOB, 0));
        assertThat(h.matcher().book(INSTRUMENT).bestAsk()).isEqualTo(10_020);
    }

    @ParameterizedTest
    @EnumSource(MatcherKind.class)
    void shouldExpireAFokOrderUnderCancelOldestWithoutCancellingOwnOrdersWhenShort(final MatcherKind kind)
    {
        final MatcherHarness h = fokBook(kind);
        final BookSnapshot before = h.snapshot(INSTRUMENT);

        final List<MatchingEvent> events = h.newOrder(INSTRUMENT, DAVE, 1, BUY, FOK, 10_010, 55, CANCEL_OLDEST);

        final long t = h.timestampNs();
        assertThat(events).containsExactly(
            new Accepted(t, INSTRUMENT, 5, DAVE, 1, BUY, FOK, 10_010, 55),
            new Expired(t, INSTRUMENT, 5, DAVE, 55));
        assertThat(h.snapshot(INSTRUMENT)).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(MatcherKind.class)
    void shouldCountAndTradeOwnOrdersInAFokWithoutSelfTradePrevention(final MatcherKind kind)
    {
        final MatcherHarness h = fokBook(kind);

        final List<MatchingEvent> events = h.newOrder(INSTRUMENT, DAVE, 1, BUY, FOK, 10_010, 80, NONE);

        final long t = h.timestampNs();
        assertThat(events).containsExactly(
            new Accepted(t, INSTRUMENT, 5, DAVE, 1, BUY, FOK, 10_010, 80),
            new Trade(t, INSTRUMENT, 10_000, 20, 5, DAVE, BUY, 60, 1, ALICE, 0),
            new Trade(t, INSTRUMENT, 10_000, 30, 5, DAVE, BUY, 30, 2, DAVE, 0),
            new Trade(t, INSTRUMENT, 10_010, 30, 5, DAVE, BUY, 0, 3, BOB, 0));
    }

    @ParameterizedTest
    @EnumSource(MatcherKind.class)
    void shouldRejectAPostOnlyOrderThatWouldCrossAndLeaveTheBookUnchanged(final MatcherKind kind)
    {
        final MatcherHarness h = harness(kind);
        h.rest(INSTRUMENT, BOB, SELL, 10_000, 50);
        h.rest(INSTRUMENT, BOB, BUY, 9_980, 50);
        final BookSnapshot before = h.snapshot(INSTRUMENT);
        final long hashBefore = h.matcher().stateHash();

        final List<MatchingEvent> atTheAsk = h.newOrder(INSTRUMENT, ALICE, 1, BUY, POST_ONLY, 10_000, 10, NONE);
        final long t1 = h.timestampNs();
        final List<MatchingEvent> throughTheBid = h.newOrder(INSTRUMENT, ALICE, 2, SELL, POST_ONLY, 9_970, 10, NONE);
        final long t2 = h.timestampNs();

        assertThat(atTheAsk).containsExactly(
            new Rejected(t1, INSTRUMENT, 0, ALICE, 1, ResultCode.POST_ONLY_WOULD_CROSS));
        assertThat(throughTheBid).containsExactly(
            new Rejected(t2, INSTRUMENT, 0, ALICE, 2, ResultCode.POST_ONLY_WOULD_CROSS));
        assertThat(h.snapshot(INSTRUMENT)).isEqualTo(before);
        assertThat(h.matcher().stateHash()).isEqualTo(hashBefore);
    }

    @ParameterizedTest
    @EnumSource(MatcherKind.class)
    void shouldRestAPostOnlyOrderThatWouldNotCross(final MatcherKind kind)
    {
        final MatcherHarness h = harness(kind);
        h.rest(INSTRUMENT, BOB, SELL, 10_000, 50);

        final List<MatchingEvent> justBelow = h.newOrder(INSTRUMENT, ALICE, 1, BUY, POST_ONLY, 9_990, 10, NONE);
        final long t1 = h.timestampNs();
        final List<MatchingEvent> onEmptySide = h.newOrder(OTHER, ALICE, 2, SELL, POST_ONLY, 200, 10, NONE);
        final long t2 = h.timestampNs();

        assertThat(justBelow).containsExactly(new Accepted(t1, INSTRUMENT, 2, ALICE, 1, BUY, POST_ONLY, 9_990, 10));
        assertThat(onEmptySide).containsExactly(new Accepted(t2, OTHER, 3, ALICE, 2, SELL, POST_ONLY, 200, 10));
        assertThat(h.matcher().book(INSTRUMENT).bestBid()).isEqualTo(9_990);
        assertThat(h.matcher().book(OTHER).bestAsk()).isEqualTo(200);
    }

    /** Asks: 10,000 BOB 20 (#1), ALICE 30 (#2); 10,010 CAROL 40 (#3). ALICE then buys 100 up to 10,010. */
    private static List<MatchingEvent> selfTradeScenario(final MatcherHarness h, final StpMode stpMode)
    {
        h.rest(INSTRUMENT, BOB, SELL, 10_000, 20);
        h.rest(INSTRUMENT, ALICE, SELL, 10_000, 30);
        h.rest(INSTRUMENT, CAROL, SELL, 10_010, 40);
        return h.newOrder(INSTRUMENT, ALICE, 1, BUY, LIMIT_GTC, 10_010, 100, stpMode);
    }

    @ParameterizedTest
    @EnumSource(MatcherKind.class)
    void shouldTradeWithItselfWithoutSelfTradePrevention(final MatcherKind kind)
    {
        final MatcherHarness h = harness(kind);

        final List<MatchingEvent> events = selfTradeScenario(h, NONE);

        final long t = h.timestampNs();
        assertThat(events).containsExactly(
            new Accepted(t, INSTRUMENT, 4, ALICE, 1, BUY, LIMIT_GTC, 10_010, 100),
            new Trade(t, INSTRUMENT, 10_000, 20, 4, ALICE, BUY, 80, 1, BOB, 0),
            new Trade(t, INSTRUMENT, 10_000, 30, 4, ALICE, BUY, 50, 2, ALICE, 0),
            new Trade(t, INSTRUMENT, 10_010, 40, 4, ALICE, BUY, 10, 3, CAROL, 0));
        assertThat(h.matcher().book(INSTRUMENT).bestBid()).isEqualTo(10_010);
        assertThat(h.matcher().book(INSTRUMENT).quantityAt(BUY, 10_010)).isEqualTo(10);
        assertThat(h.matcher().book(INSTRUMENT).bestAsk()).isEqualTo(BookView.NO_PRICE);
    }

    @ParameterizedTest
    @EnumSource(MatcherKind.class)
    void shouldCancelTheIncomingOrderUnderCancelNewest(final MatcherKind kind)
    {
        final MatcherHarness h = harness(kind);

        final List<MatchingEvent> events = selfTradeScenario(h, CANCEL_NEWEST);

        final long t = h.timestampNs();
        assertThat(events).containsExactly(
            new Accepted(t, INSTRUMENT, 4, ALICE, 1, BUY, LIMIT_GTC, 10_010, 100),
            new Trade(t, INSTRUMENT, 10_000, 20, 4, ALICE, BUY, 80, 1, BOB, 0),
            new Cancelled(t, INSTRUMENT, 4, ALICE, 80, CancelReason.SELF_TRADE_PREVENTION));
        final BookView book = h.matcher().book(INSTRUMENT);
        assertThat(book.bestBid()).isEqualTo(BookView.NO_PRICE);
        assertThat(book.quantityAt(SELL, 10_000)).isEqualTo(30);
        assertThat(book.quantityAt(SELL, 10_010)).isEqualTo(40);
    }

    @ParameterizedTest
    @EnumSource(MatcherKind.class)
    void shouldCancelTheRestingOrderAndGoOnUnderCancelOldest(final MatcherKind kind)
    {
        final MatcherHarness h = harness(kind);

        final List<MatchingEvent> events = selfTradeScenario(h, CANCEL_OLDEST);

        final long t = h.timestampNs();
        assertThat(events).containsExactly(
            new Accepted(t, INSTRUMENT, 4, ALICE, 1, BUY, LIMIT_GTC, 10_010, 100),
            new Trade(t, INSTRUMENT, 10_000, 20, 4, ALICE, BUY, 80, 1, BOB, 0),
            new Cancelled(t, INSTRUMENT, 2, ALICE, 30, CancelReason.SELF_TRADE_PREVENTION),
            new Trade(t, INSTRUMENT, 10_010, 40, 4, ALICE, BUY, 40, 3, CAROL, 0));
        final BookView book = h.matcher().book(INSTRUMENT);
        assertThat(book.bestAsk()).isEqualTo(BookView.NO_PRICE);
        assertThat(book.bestBid()).isEqualTo(10_010);
        assertThat(book.quantityAt(BUY, 10_010)).isEqualTo(40);
    }

    @ParameterizedTest
    @EnumSource(MatcherKind.class)
    void shouldCancelBothOrdersUnderCancelBoth(final MatcherKind kind)
    {
        final MatcherHarness h = harness(kind);

        final List<MatchingEvent> events = selfTradeScenario(h, CANCEL_BOTH);

        final long t = h.timestampNs();
        assertThat(events).containsExactly(
            new Accepted(t, INSTRUMENT, 4, ALICE, 1, BUY, LIMIT_GTC, 10_010, 100),
            new Trade(t, INSTRUMENT, 10_000, 20, 4, ALICE, BUY, 80, 1, BOB, 0),
            new Cancelled(t, INSTRUMENT, 2, ALICE, 30, CancelReason.SELF_TRADE_PREVENTION),
            new Cancelled(t, INSTRUMENT, 4, ALICE, 80, CancelReason.SELF_TRADE_PREVENTION));
        final BookView book = h.matcher().book(INSTRUMENT);
        assertThat(book.bestBid()).isEqualTo(BookView.NO_PRICE);
        assertThat(book.bestAsk()).isEqualTo(10_010);
        assertThat(book.orderCountAt(SELL, 10_010)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(MatcherKind.class)
    void shouldNotAlsoExpireAnIocOrderCancelledBySelfTradePrevention(final MatcherKind kind)
    {
        final MatcherHarness h = harness(kind);
        h.rest(INSTRUMENT, ALICE, SELL, 10_000, 30);

        final List<MatchingEvent> events = h.newOrder(INSTRUMENT, ALICE, 1, BUY, IOC, 10_000, 50, CANCEL_NEWEST);

        final long t = h.timestampNs();
        assertThat(events).containsExactly(
            new Accepted(t, INSTRUMENT, 2, ALICE, 1, BUY, IOC, 10_000, 50),
            new Cancelled(t, INSTRUMENT, 2, ALICE, 50, CancelReason.SELF_TRADE_PREVENTION));
    }

    /** Bids at 9,990: ALICE 50 (#1), BOB 50 (#2). */
    private static MatcherHarness twoBids(final MatcherKind kind)
    {
        final MatcherHarness h = harness(kind);
        h.rest(INSTRUMENT, ALICE, BUY, 9_990, 50);
        h.rest(INSTRUMENT, BOB, BUY, 9_990, 50);
        return h;
    }

    @ParameterizedTest
    @EnumSource(MatcherKind.class)
    void shouldKeepPriorityWhenAReplaceOnlyReducesTheQuantity(final MatcherKind kind)
    {
        final MatcherHarness h = twoBids(kind);

        final List<MatchingEvent> replaced = h.replace(INSTRUMENT, ALICE, 1, 9_990, 20);
        final long t1 = h.timestampNs();
        final List<MatchingEvent> sold = h.newOrder(INSTRUMENT, CAROL, 1, SELL, IOC, 9_990, 30, NONE);
        final long t2 = h.timestampNs();

        assertThat(replaced).containsExactly(new Replaced(t1, INSTRUMENT, 1, ALICE, 9_990, 20, true));
        assertThat(sold).containsExactly(
            new Accepted(t2, INSTRUMENT, 3, CAROL, 1, SELL, IOC, 9_990, 30),
            new Trade(t2, INSTRUMENT, 9_990, 20, 3, CAROL, SELL, 10, 1, ALICE, 0),
            new Trade(t2, INSTRUMENT, 9_990, 10, 3, CAROL, SELL, 0, 2, BOB, 40));
    }

    @ParameterizedTest
    @EnumSource(MatcherKind.class)
    void shouldChangeNothingButReportWhenAReplaceKeepsPriceAndQuantity(final MatcherKind kind)
    {
        final MatcherHarness h = twoBids(kind);
        final BookSnapshot before = h.snapshot(INSTRUMENT);
        final long hashBefore = h.matcher().stateHash();

        final List<MatchingEvent> replaced = h.replace(INSTRUMENT, ALICE, 1, 9_990, 50);

        assertThat(replaced).containsExactly(new Replaced(h.timestampNs(), INSTRUMENT, 1, ALICE, 9_990, 50, true));
        assertThat(h.snapshot(INSTRUMENT)).isEqualTo(before);
        assertThat(h.matcher().stateHash()).isEqualTo(hashBefore);
    }

    @ParameterizedTest
    @EnumSource(MatcherKind.class)
    void shouldLosePriorityWhenAReplaceIncreasesTheQuantity(final MatcherKind kind)
    {
        final MatcherHarness h = twoBids(kind);

        final List<MatchingEvent> replaced = h.replace(INSTRUMENT, ALICE, 1, 9_990, 60);
        final long t1 = h.timestampNs();
        final List<MatchingEvent> sold = h.newOrder(INSTRUMENT, CAROL, 1, SELL, IOC, 9_990, 70, NONE);
        final long t2 = h.timestampNs();

        assertThat(replaced).containsExactly(new Replaced(t1, INSTRUMENT, 1, ALICE, 9_990, 60, false));
        assertThat(sold).containsExactly(
            new Accepted(t2, INSTRUMENT, 3, CAROL, 1, SELL, IOC, 9_990, 70),
            new Trade(t2, INSTRUMENT, 9_990, 50, 3, CAROL, SELL, 20, 2, BOB, 0),
            new Trade(t2, INSTRUMENT, 9_990, 20, 3, CAROL, SELL, 0, 1, ALICE, 40));
    }

    @ParameterizedTest
    @EnumSource(MatcherKind.class)
    void shouldLosePriorityWhenAReplaceChangesThePrice(final MatcherKind kind)
    {
        final MatcherHarness h = twoBids(kind);

        final List<MatchingEvent> away = h.replace(INSTRUMENT, ALICE, 1, 9_980, 50);
        final long t1 = h.timestampNs();
        final int levelsWhileAway = h.matcher().book(INSTRUMENT).levelCount(BUY);
        final List<MatchingEvent> back = h.replace(INSTRUMENT, ALICE, 1, 9_990, 50);
        final long t2 = h.timestampNs();
        final List<MatchingEvent> sold = h.newOrder(INSTRUMENT, CAROL, 1, SELL, IOC, 9_990, 60, NONE);
        final long t3 = h.timestampNs();

        assertThat(away).containsExactly(new Replaced(t1, INSTRUMENT, 1, ALICE, 9_980, 50, false));
        assertThat(levelsWhileAway).isEqualTo(2);
        assertThat(back).containsExactly(new Replaced(t2, INSTRUMENT, 1, ALICE, 9_990, 50, false));
        assertThat(sold).containsExactly(
            new Accepted(t3, INSTRUMENT, 3, CAROL, 1, SELL, IOC, 9_990, 60),
            new Trade(t3, INSTRUMENT, 9_990, 50, 3, CAROL, SELL, 10, 2, BOB, 0),
            new Trade(t3, INSTRUMENT, 9_990, 10, 3, CAROL, SELL, 0, 1, ALICE, 40));
    }

    @ParameterizedTest
    @EnumSource(MatcherKind.class)
    void shouldTradeAtOnceWhenAReplaceCrossesAndRestTheRemainder(final MatcherKind kind)
    {
        final MatcherHarness h = harness(kind);
        final long bid = h.rest(INSTRUMENT, ALICE, BUY, 9_990, 50);
        final long ask = h.rest(INSTRUMENT, BOB, SELL, 10_000, 30);
        h.rest(INSTRUMENT, CAROL, SELL, 10_010, 10);

        final List<MatchingEvent> events = h.replace(INSTRUMENT, ALICE, bid, 10_000, 50);

        final long t = h.timestampNs();
        assertThat(events).containsExactly(
            new Replaced(t, INSTRUMENT, bid, ALICE, 10_000, 50, false),
            new Trade(t, INSTRUMENT, 10_000, 30, bid, ALICE, BUY, 20, ask, BOB, 0));
        final BookView book = h.matcher().book(INSTRUMENT);
        assertThat(book.bestBid()).isEqualTo(10_000);
        assertThat(book.quantityAt(BUY, 10_000)).isEqualTo(20);
        assertThat(book.bestAsk()).isEqualTo(10_010);
    }

    @ParameterizedTest
    @EnumSource(MatcherKind.class)
    void shouldApplyTheOrdersOwnSelfTradePreventionWhenAReplaceCrosses(final MatcherKind kind)
    {
        final MatcherHarness h = harness(kind);
        final long bid = h.rest(INSTRUMENT, ALICE, BUY, LIMIT_GTC, 9_990, 50, CANCEL_NEWEST);
        h.rest(INSTRUMENT, ALICE, SELL, 10_000, 30);

        final List<MatchingEvent> events = h.replace(INSTRUMENT, ALICE, bid, 10_000, 50);

        final long t = h.timestampNs();
        assertThat(events).containsExactly(
            new Replaced(t, INSTRUMENT, bid, ALICE, 10_000, 50, false),
            new Cancelled(t, INSTRUMENT, bid, ALICE, 50, CancelReason.SELF_TRADE_PREVENTION));
        assertThat(h.matcher().book(INSTRUMENT).levelCount(BUY)).isZero();
        assertThat(h.matcher().book(INSTRUMENT).quantityAt(SELL, 10_000)).isEqualTo(30);
        assertThat(h.cancel(INSTRUMENT, ALICE, bid)).containsExactly(
            new Rejected(h.timestampNs(), INSTRUMENT, bid, ALICE, 0, ResultCode.UNKNOWN_ORDER));
    }

    @ParameterizedTest
    @EnumSource(MatcherKind.class)
    void shouldRejectAPostOnlyReplaceThatWouldCrossButAllowOneThatWouldNot(final MatcherKind kind)
    {
        final MatcherHarness h = harness(kind);
        final long bid = h.rest(INSTRUMENT, ALICE, BUY, POST_ONLY, 9_990, 50, NONE);
        h.rest(INSTRUMENT, BOB, SELL, 10_000, 30);
        final BookSnapshot before = h.snapshot(INSTRUMENT);
        final long hashBefore = h.matcher().stateHash();

        final List<MatchingEvent> atTheAsk = h.replace(INSTRUMENT, ALICE, bid, 10_000, 50);
        final long t1 = h.timestampNs();
        final List<MatchingEvent> throughTheAsk = h.replace(INSTRUMENT, ALICE, bid, 10_010, 20);
        final long t2 = h.timestampNs();
        final BookSnapshot afterRejects = h.snapshot(INSTRUMENT);
        final long hashAfterRejects = h.matcher().stateHash();
        final List<MatchingEvent> lower = h.replace(INSTRUMENT, ALICE, bid, 9_980, 50);
        final long t3 = h.timestampNs();

        assertThat(atTheAsk).containsExactly(
            new Rejected(t1, INSTRUMENT, bid, ALICE, 0, ResultCode.POST_ONLY_WOULD_CROSS));
        assertThat(throughTheAsk).containsExactly(
            new Rejected(t2, INSTRUMENT, bid, ALICE, 0, ResultCode.POST_ONLY_WOULD_CROSS));
        assertThat(afterRejects).isEqualTo(before);
        assertThat(hashAfterRejects).isEqualTo(hashBefore);
        assertThat(lower).containsExactly(new Replaced(t3, INSTRUMENT, bid, ALICE, 9_980, 50, false));
        assertThat(h.matcher().book(INSTRUMENT).bestBid()).isEqualTo(9_980);
    }

    @ParameterizedTest
    @EnumSource(MatcherKind.class)
    void shouldCheckTheBandOnAReplaceOnlyWhenThePriceChanges(final MatcherKind kind)
    {
        final MatcherHarness h = harness(kind);
        final long bid = h.rest(INSTRUMENT, ALICE, BUY, 9_500, 50);
        h.setReferencePrice(INSTRUMENT, 11_000);

        final List<MatchingEvent> reduced = h.replace(INSTRUMENT, ALICE, bid, 9_500, 40);
        final long t1 = h.timestampNs();
        final List<MatchingEvent> increased = h.replace(INSTRUMENT, ALICE, bid, 9_500, 60);
        final long t2 = h.timestampNs();
        final List<MatchingEvent> movedOutside = h.replace(INSTRUMENT, ALICE, bid, 9_510, 60);
        final long t3 = h.timestampNs();
        final List<MatchingEvent> movedToTheEdge = h.replace(INSTRUMENT, ALICE, bid, 10_450, 60);
        final long t4 = h.timestampNs();

        assertThat(reduced).containsExactly(new Replaced(t1, INSTRUMENT, bid, ALICE, 9_500, 40, true));
        assertThat(increased).containsExactly(new Replaced(t2, INSTRUMENT, bid, ALICE, 9_500, 60, false));
        assertThat(movedOutside).containsExactly(
            new Rejected(t3, INSTRUMENT, bid, ALICE, 0, ResultCode.PRICE_OUTSIDE_BAND));
        assertThat(movedToTheEdge).containsExactly(new Replaced(t4, INSTRUMENT, bid, ALICE, 10_450, 60, false));
    }

    @ParameterizedTest
    @EnumSource(MatcherKind.class)
    void shouldExpireDayOrdersAtEndOfDayInTheDocumentedOrderAndKeepGtcOrders(final MatcherKind kind)
    {
        final MatcherHarness h = harness(kind);
        final long farDayBid = h.rest(INSTRUMENT, ALICE, BUY, LIMIT_DAY, 9_980, 10, NONE);
        final long gtcBid = h.rest(INSTRUMENT, BOB, BUY, LIMIT_GTC, 9_990, 10, NONE);
        final long olderDayBid = h.rest(INSTRUMENT, CAROL, BUY, LIMIT_DAY, 9_990, 15, NONE);
        final long newerDayBid = h.rest(INSTRUMENT, DAVE, BUY, LIMIT_DAY, 9_990, 20, NONE);
        final long farDayAsk = h.rest(INSTRUMENT, ALICE, SELL, LIMIT_DAY, 10_010, 25, NONE);
        final long postOnlyAsk = h.rest(INSTRUMENT, BOB, SELL, POST_ONLY, 10_000, 30, NONE);
        final long nearDayAsk = h.rest(INSTRUMENT, CAROL, SELL, LIMIT_DAY, 10_000, 35, NONE);
        final long otherDayBid = h.rest(OTHER, DAVE, BUY, LIMIT_DAY, 190, 40, NONE);
        final long otherGtcAsk = h.rest(OTHER, ALICE, SELL, LIMIT_GTC, 210, 45, NONE);
        final long otherDayAsk = h.rest(OTHER, BOB, SELL, LIMIT_DAY, 205, 50, NONE);

        final List<MatchingEvent> events = h.endOfDay();
        final long t = h.timestampNs();
        final List<MatchingEvent> secondEndOfDay = h.endOfDay();

        assertThat(events).containsExactly(
            new Expired(t, OTHER, otherDayBid, DAVE, 40),
            new Expired(t, OTHER, otherDayAsk, BOB, 50),
            new Expired(t, INSTRUMENT, olderDayBid, CAROL, 15),
            new Expired(t, INSTRUMENT, newerDayBid, DAVE, 20),
            new Expired(t, INSTRUMENT, farDayBid, ALICE, 10),
            new Expired(t, INSTRUMENT, nearDayAsk, CAROL, 35),
            new Expired(t, INSTRUMENT, farDayAsk, ALICE, 25));
        assertThat(secondEndOfDay).isEmpty();
        final BookSnapshot book = h.snapshot(INSTRUMENT);
        assertThat(book.bids()).containsExactly(new BookSnapshot.Level(9_990, 10, 1, 10, 1));
        assertThat(book.asks()).containsExactly(new BookSnapshot.Level(10_000, 30, 1, 30, 1));
        assertThat(h.snapshot(OTHER).bids()).isEmpty();
        assertThat(h.snapshot(OTHER).asks()).containsExactly(new BookSnapshot.Level(210, 45, 1, 45, 1));
        assertThat(h.cancel(INSTRUMENT, BOB, gtcBid)).hasSize(1);
        assertThat(h.cancel(INSTRUMENT, BOB, postOnlyAsk)).hasSize(1);
        assertThat(h.cancel(OTHER, ALICE, otherGtcAsk)).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(MatcherKind.class)
    void shouldAcceptTheBandEdgesOnBothSidesAndRejectOneTickBeyond(final MatcherKind kind)
    {
        final MatcherHarness h = harness(kind);
        final long upperAsk = h.rest(INSTRUMENT, ALICE, SELL, 10_500, 10);
        final long lowerBid = h.rest(INSTRUMENT, ALICE, BUY, 9_500, 10);
        final BookSnapshot before = h.snapshot(INSTRUMENT);

        final List<MatchingEvent> buyAbove = h.newOrder(INSTRUMENT, BOB, 1, BUY, LIMIT_GTC, 10_510, 10, NONE);
        final long t1 = h.timestampNs();
        final List<MatchingEvent> sellAbove = h.newOrder(INSTRUMENT, BOB, 2, SELL, LIMIT_GTC, 10_510, 10, NONE);
        final long t2 = h.timestampNs();
        final List<MatchingEvent> buyBelow = h.newOrder(INSTRUMENT, BOB, 3, BUY, LIMIT_GTC, 9_490, 10, NONE);
        final long t3 = h.timestampNs();
        final List<MatchingEvent> sellBelow = h.newOrder(INSTRUMENT, BOB, 4, SELL, IOC, 9_490, 10, NONE);
        final long t4 = h.timestampNs();
        final BookSnapshot afterRejects = h.snapshot(INSTRUMENT);
        final List<MatchingEvent> buyAtUpperEdge = h.newOrder(INSTRUMENT, BOB, 5, BUY, IOC, 10_500, 10, NONE);
        final long t5 = h.timestampNs();
        final List<MatchingEvent> sellAtLowerEdge = h.newOrder(INSTRUMENT, BOB, 6, SELL, FOK, 9_500, 10, NONE);
        final long t6 = h.timestampNs();

        assertThat(buyAbove).containsExactly(new Rejected(t1, INSTRUMENT, 0, BOB, 1, ResultCode.PRICE_OUTSIDE_BAND));
        assertThat(sellAbove).containsExactly(new Rejected(t2, INSTRUMENT, 0, BOB, 2, ResultCode.PRICE_OUTSIDE_BAND));
        assertThat(buyBelow).containsExactly(new Rejected(t3, INSTRUMENT, 0, BOB, 3, ResultCode.PRICE_OUTSIDE_BAND));
        assertThat(sellBelow).containsExactly(new Rejected(t4, INSTRUMENT, 0, BOB, 4, ResultCode.PRICE_OUTSIDE_BAND));
        assertThat(afterRejects).isEqualTo(before);
        assertThat(buyAtUpperEdge).containsExactly(
            new Accepted(t5, INSTRUMENT, 3, BOB, 5, BUY, IOC, 10_500, 10),
            new Trade(t5, INSTRUMENT, 10_500, 10, 3, BOB, BUY, 0, upperAsk, ALICE, 0));
        assertThat(sellAtLowerEdge).containsExactly(
            new Accepted(t6, INSTRUMENT, 4, BOB, 6, SELL, FOK, 9_500, 10),
            new Trade(t6, INSTRUMENT, 9_500, 10, 4, BOB, SELL, 0, lowerBid, ALICE, 0));
    }

    @ParameterizedTest
    @EnumSource(MatcherKind.class)
    void shouldMeasureTheBandFromTheLatestReferencePriceWithoutRecheckingOpenOrders(final MatcherKind kind)
    {
        final MatcherHarness h = harness(kind);
        final long oldBid = h.rest(INSTRUMENT, ALICE, BUY, 9_500, 10);

        final List<MatchingEvent> moved = h.setReferencePrice(INSTRUMENT, 11_000);

        assertThat(moved).isEmpty();
        assertThat(h.matcher().book(INSTRUMENT).referencePrice()).isEqualTo(11_000);
        assertThat(h.matcher().book(INSTRUMENT).bestBid()).isEqualTo(9_500);
        assertThat(h.newOrder(INSTRUMENT, BOB, 1, SELL, LIMIT_GTC, 11_550, 10, NONE)).hasSize(1)
            .first().isInstanceOf(Accepted.class);
        assertThat(h.newOrder(INSTRUMENT, BOB, 2, SELL, LIMIT_GTC, 11_560, 10, NONE)).containsExactly(
            new Rejected(h.timestampNs(), INSTRUMENT, 0, BOB, 2, ResultCode.PRICE_OUTSIDE_BAND));
        assertThat(h.newOrder(INSTRUMENT, BOB, 3, BUY, LIMIT_GTC, 10_450, 10, NONE)).hasSize(1)
            .first().isInstanceOf(Accepted.class);
        assertThat(h.newOrder(INSTRUMENT, BOB, 4, BUY, LIMIT_GTC, 10_440, 10, NONE)).containsExactly(
            new Rejected(h.timestampNs(), INSTRUMENT, 0, BOB, 4, ResultCode.PRICE_OUTSIDE_BAND));
        assertThat(h.newOrder(INSTRUMENT, BOB, 5, BUY, LIMIT_GTC, 9_500, 10, NONE)).containsExactly(
            new Rejected(h.timestampNs(), INSTRUMENT, 0, BOB, 5, ResultCode.PRICE_OUTSIDE_BAND));
        assertThat(h.cancel(INSTRUMENT, ALICE, oldBid)).containsExactly(
            new Cancelled(h.timestampNs(), INSTRUMENT, oldBid, ALICE, 10, CancelReason.USER));
    }

    @ParameterizedTest
    @EnumSource(MatcherKind.class)
    void shouldIgnoreAReferencePriceForAnUnknownInstrumentOrOutOfRange(final MatcherKind kind)
    {
        final MatcherHarness h = harness(kind);
        h.rest(INSTRUMENT, ALICE, BUY, 9_990, 10);
        final BookSnapshot before = h.snapshot(INSTRUMENT);
        final long hashBefore = h.matcher().stateHash();

        assertThat(h.setReferencePrice(INSTRUMENT, 0)).isEmpty();
        assertThat(h.setReferencePrice(INSTRUMENT, -10_000)).isEmpty();
        assertThat(h.setReferencePrice(INSTRUMENT, InstrumentSpec.MAX_PRICE + 1)).isEmpty();
        assertThat(h.setReferencePrice(99, 10_000)).isEmpty();

        assertThat(h.snapshot(INSTRUMENT)).isEqualTo(before);
        assertThat(h.matcher().stateHash()).isEqualTo(hashBefore);
        assertThat(h.matcher().book(99)).isNull();
        assertThat(h.setReferencePrice(INSTRUMENT, InstrumentSpec.MAX_PRICE)).isEmpty();
        assertThat(h.matcher().book(INSTRUMENT).referencePrice()).isEqualTo(InstrumentSpec.MAX_PRICE);
    }

    @ParameterizedTest
    @EnumSource(MatcherKind.class)
    void shouldHashEmptyBooksInAscendingInstrumentOrder(final MatcherKind kind)
    {
        final MatcherHarness h = harness(kind);

        final long expected = new StateHash().add(1)
            .add(OTHER).add(200).add(0).add(0)
            .add(INSTRUMENT).add(10_000).add(0).add(0)
            .value();

        assertThat(h.matcher().stateHash()).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(MatcherKind.class)
    void shouldHashLevelsBestFirstAndOrdersOldestFirstWithTheirKeptTimestamps(final MatcherKind kind)
    {
        final MatcherHarness h = harness(kind);
        h.newOrder(INSTRUMENT, ALICE, 101, BUY, LIMIT_GTC, 9_980, 10, NONE);
        final long t1 = h.timestampNs();
        h.newOrder(INSTRUMENT, BOB, 102, BUY, LIMIT_DAY, 9_990, 20, CANCEL_OLDEST);
        final long t2 = h.timestampNs();
        h.newOrder(INSTRUMENT, CAROL, 103, BUY, POST_ONLY, 9_990, 30, CANCEL_BOTH);
        final long t3 = h.timestampNs();
        h.newOrder(INSTRUMENT, DAVE, 104, SELL, LIMIT_GTC, 10_010, 15, CANCEL_NEWEST);
        final long t4 = h.timestampNs();
        h.newOrder(OTHER, ALICE, 105, SELL, LIMIT_DAY, 205, 7, NONE);
        final long t5 = h.timestampNs();
        h.newOrder(INSTRUMENT, ERIN, 106, SELL, IOC, 9_990, 10, NONE);
        h.replace(INSTRUMENT, CAROL, 3, 9_990, 25);
        h.setReferencePrice(OTHER, 201);

        final long expected = new StateHash().add(7)
            .add(OTHER).add(201)
            .add(0)
            .add(1).add(205).add(1).addOrder(5, ALICE, 105, SELL, LIMIT_DAY, NONE, 205, 7, t5)
            .add(INSTRUMENT).add(10_000)
            .add(2)
            .add(9_990).add(2)
            .addOrder(2, BOB, 102, BUY, LIMIT_DAY, CANCEL_OLDEST, 9_990, 10, t2)
            .addOrder(3, CAROL, 103, BUY, POST_ONLY, CANCEL_BOTH, 9_990, 25, t3)
            .add(9_980).add(1)
            .addOrder(1, ALICE, 101, BUY, LIMIT_GTC, NONE, 9_980, 10, t1)
            .add(1)
            .add(10_010).add(1)
            .addOrder(4, DAVE, 104, SELL, LIMIT_GTC, CANCEL_NEWEST, 10_010, 15, t4)
            .value();

        assertThat(h.matcher().stateHash()).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(MatcherKind.class)
    void shouldHashTheTimestampOfTheReplaceWhenPriorityIsLost(final MatcherKind kind)
    {
        final MatcherHarness h = harness(kind);
        h.newOrder(OTHER, ALICE, 1, BUY, LIMIT_GTC, 190, 10, NONE);
        h.replace(OTHER, ALICE, 1, 190, 11);
        final long replacedAt = h.timestampNs();

        final long expected = new StateHash().add(2)
            .add(OTHER).add(200)
            .add(1).add(190).add(1).addOrder(1, ALICE, 1, BUY, LIMIT_GTC, NONE, 190, 11, replacedAt)
            .add(0)
            .add(INSTRUMENT).add(10_000).add(0).add(0)
            .value();

        assertThat(h.matcher().stateHash()).isEqualTo(expected);
    }
}
