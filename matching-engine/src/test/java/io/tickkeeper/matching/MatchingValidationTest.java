package io.tickkeeper.matching;

import io.tickkeeper.matching.MatchingEvent.Accepted;
import io.tickkeeper.matching.MatchingEvent.Cancelled;
import io.tickkeeper.matching.MatchingEvent.Expired;
import io.tickkeeper.matching.MatchingEvent.Rejected;
import io.tickkeeper.matching.MatchingEvent.Trade;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.tickkeeper.matching.OrderType.FOK;
import static io.tickkeeper.matching.OrderType.IOC;
import static io.tickkeeper.matching.OrderType.LIMIT_DAY;
import static io.tickkeeper.matching.OrderType.LIMIT_GTC;
import static io.tickkeeper.matching.OrderType.MARKET;
import static io.tickkeeper.matching.OrderType.POST_ONLY;
import static io.tickkeeper.matching.ResultCode.DUPLICATE_CLIENT_ORDER_ID;
import static io.tickkeeper.matching.ResultCode.INVALID_PRICE;
import static io.tickkeeper.matching.ResultCode.INVALID_QUANTITY;
import static io.tickkeeper.matching.ResultCode.NOT_ORDER_OWNER;
import static io.tickkeeper.matching.ResultCode.POST_ONLY_WOULD_CROSS;
import static io.tickkeeper.matching.ResultCode.PRICE_OFF_TICK;
import static io.tickkeeper.matching.ResultCode.PRICE_OUTSIDE_BAND;
import static io.tickkeeper.matching.ResultCode.QUANTITY_ABOVE_MAX;
import static io.tickkeeper.matching.ResultCode.QUANTITY_BELOW_MIN;
import static io.tickkeeper.matching.ResultCode.QUANTITY_OFF_LOT;
import static io.tickkeeper.matching.ResultCode.UNKNOWN_INSTRUMENT;
import static io.tickkeeper.matching.ResultCode.UNKNOWN_ORDER;
import static io.tickkeeper.matching.Side.BUY;
import static io.tickkeeper.matching.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@link ResultCode}, for every {@link MatcherKind}: the exact reject event, and that neither the state hash
 * (so not the order id counter either) nor any book view changed.
 */
final class MatchingValidationTest
{
    /** Tick 10, lot 5, quantity 10..1,000, band 5% around 10,000: prices 9,500..10,500. */
    private static final int INSTRUMENT = 7;
    private static final int OTHER = 3;
    private static final int UNKNOWN = 99;
    private static final InstrumentSpec SPEC = new InstrumentSpec(INSTRUMENT, 10, 5, 10, 1_000, 500, 10_000);
    private static final InstrumentSpec OTHER_SPEC = new InstrumentSpec(OTHER, 1, 1, 1, 500, 1_000, 200);
    private static final long ABOVE_MAX_PRICE_ON_TICK = (InstrumentSpec.MAX_PRICE / 10 + 1) * 10;

    private static final int ALICE = 11;
    private static final int BOB = 12;
    private static final int CAROL = 13;
    private static final int DAVE = 14;
    private static final int ERIN = 15;

    /** ALICE's bid #1 (client id 1), BOB's ask #2 (2), CAROL's DAY bid #3 on OTHER (3), DAVE's post-only #4 (4). */
    private static final long ALICE_BID = 1;
    private static final long BOB_ASK = 2;
    private static final long CAROL_OTHER_BID = 3;
    private static final long DAVE_POST_ONLY_BID = 4;

    private static MatcherHarness populated(final MatcherKind kind)
    {
        final MatcherHarness h = new MatcherHarness(kind, SPEC, OTHER_SPEC);
        assertThat(h.newOrder(INSTRUMENT, ALICE, 1, BUY, LIMIT_GTC, 9_990, 50, StpMode.DEFAULT)).hasSize(1);
        assertThat(h.newOrder(INSTRUMENT, BOB, 2, SELL, LIMIT_GTC, 10_010, 40, StpMode.DEFAULT)).hasSize(1);
        assertThat(h.newOrder(OTHER, CAROL, 3, BUY, LIMIT_DAY, 190, 10, StpMode.DEFAULT)).hasSize(1);
        assertThat(h.newOrder(INSTRUMENT, DAVE, 4, BUY, POST_ONLY, 9_980, 20, StpMode.DEFAULT)).hasSize(1);
        return h;
    }

    private static void assertRejectedWithoutChange(
        final MatcherHarness h, final Supplier<List<MatchingEvent>> command, final int instrumentId,
        final long orderId, final int accountId, final long clientOrderId, final ResultCode code)
    {
        final long hashBefore = h.matcher().stateHash();
        final BookSnapshot bookBefore = h.snapshot(INSTRUMENT);
        final BookSnapshot otherBefore = h.snapshot(OTHER);

        final List<MatchingEvent> events = command.get();

        assertThat(events).containsExactly(
            new Rejected(h.timestampNs(), instrumentId, orderId, accountId, clientOrderId, code));
        assertThat(h.matcher().stateHash()).as("state hash after " + code).isEqualTo(hashBefore);
        assertThat(h.snapshot(INSTRUMENT)).as("book after " + code).isEqualTo(bookBefore);
        assertThat(h.snapshot(OTHER)).as("other book after " + code).isEqualTo(otherBefore);
    }

    private static void assertNewOrderRejected(
        final MatcherHarness h, final ResultCode code, final int instrumentId, final int accountId,
        final long clientOrderId, final Side side, final OrderType type, final long price, final long quantity)
    {
        assertRejectedWithoutChange(
            h,
            () -> h.newOrder(instrumentId, accountId, clientOrderId, side, type, price, quantity, StpMode.DEFAULT),
            instrumentId, 0, accountId, clientOrderId, code);
    }

    private static void assertCancelRejected(
        final MatcherHarness h, final ResultCode code, final int instrumentId, final int accountId,
        final long orderId)
    {
        assertRejectedWithoutChange(
            h, () -> h.cancel(instrumentId, accountId, orderId), instrumentId, orderId, accountId, 0, code);
    }

    private static void assertReplaceRejected(
        final MatcherHarness h, final ResultCode code, final int instrumentId, final int accountId,
        final long orderId, final long newPrice, final long newQuantity)
    {
        assertRejectedWithoutChange(
            h, () -> h.replace(instrumentId, accountId, orderId, newPrice, newQuantity),
            instrumentId, orderId, accountId, 0, code);
    }

    /** The next accepted order must get the id after the populated book's four orders. */
    private static void assertNextOrderIdIsUnused(final MatcherHarness h, final long expectedOrderId)
    {
        final List<MatchingEvent> events = h.newOrder(OTHER, ERIN, 900, SELL, LIMIT_GTC, 210, 1, StpMode.DEFAULT);
        assertThat(events).containsExactly(
            new Accepted(h.timestampNs(), OTHER, expectedOrderId, ERIN, 900, SELL, LIMIT_GTC, 210, 1));
    }

    @ParameterizedTest
    @EnumSource(MatcherKind.class)
    void shouldRejectEveryCommandForAnUnknownInstrument(final MatcherKind kind)
    {
        final MatcherHarness h = populated(kind);

        assertNewOrderRejected(h, UNKNOWN_INSTRUMENT, UNKNOWN, ALICE, 10, BUY, LIMIT_GTC, 9_990, 50);
        assertNewOrderRejected(h, UNKNOWN_INSTRUMENT, -1, ALICE, 11, SELL, MARKET, 0, 50);
        assertCancelRejected(h, UNKNOWN_INSTRUMENT, UNKNOWN, ALICE, ALICE_BID);
        assertReplaceRejected(h, UNKNOWN_INSTRUMENT, UNKNOWN, ALICE, ALICE_BID, 9_990, 20);
        assertNextOrderIdIsUnused(h, 5);
    }

    @ParameterizedTest
    @EnumSource(MatcherKind.class)
    void shouldRejectZeroAndNegativeQuantities(final MatcherKind kind)
    {
        final MatcherHarness h = populated(kind);

        assertNewOrderRejected(h, INVALID_QUANTITY, INSTRUMENT, ALICE, 10, BUY, LIMIT_GTC, 9_990, 0);
        assertNewOrderRejected(h, INVALID_QUANTITY, INSTRUMENT, ALICE, 11, SELL, IOC, 10_010, -10);
        assertNewOrderRejected(h, INVALID_QUANTITY, INSTRUMENT, ALICE, 12, SELL, MARKET, 0, Long.MIN_VALUE);
        assertReplaceRejected(h, INVALID_QUANTITY, INSTRUMENT, ALICE, ALICE_BID, 9_990, 0);
        assertReplaceRejected(h, INVALID_QUANTITY, INSTRUMENT, ALICE, ALICE_BID, 9_990, -50);
        assertNextOrderIdIsUnused(h, 5);
    }

    @ParameterizedTest
    @EnumSource(MatcherKind.class)
    void shouldRejectAQuantityOffTheLot(final MatcherKind kind)
    {
        final MatcherHarness h = populated(kind);

        assertNewOrderRejected(h, QUANTITY_OFF_LOT, INSTRUMENT, ALICE, 10, BUY, LIMIT_GTC, 9_990, 12);
        assertNewOrderRejected(h, QUANTITY_OFF_LOT, INSTRUMENT, ALICE, 11, BUY, FOK, 10_010, 41);
        assertReplaceRejected(h, QUANTITY_OFF_LOT, INSTRUMENT, ALICE, ALICE_BID, 9_990, 49);
        assertNextOrderIdIsUnused(h, 5);
    }

    @ParameterizedTest
    @EnumSource(MatcherKind.class)
    void shouldRejectAQuantityBelowTheMinimum(final MatcherKind kind)
    {
        final MatcherHarness h = populated(kind);

        assertNewOrderRejected(h, QUANTITY_BELOW_MIN, INSTRUMENT, ALICE, 10, BUY, LIMIT_GTC, 9_990, 5);
        assertReplaceRejected(h, QUANTITY_BELOW_MIN, INSTRUMENT, ALICE, ALICE_BID, 9_990, 5);
        assertNextOrderIdIsUnused(h, 5);
    }

    @ParameterizedTest
    @EnumSource(MatcherKind.class)
    void shouldRejectAQuantityAboveTheMaximum(final MatcherKind kind)
    {
        final MatcherHarness h = populated(kind);

        assertNewOrderRejected(h, QUANTITY_ABOVE_MAX, INSTRUMENT, ALICE, 10, BUY, LIMIT_GTC, 9_990, 1_005);
        assertNewOrderRejected(h, QUANTITY_ABOVE_MAX, OTHER, ALICE, 11, SELL, MARKET, 0, 501);
        assertReplaceRejected(h, QUANTITY_ABOVE_MAX, INSTRUMENT, ALICE, ALICE_BID, 9_990, 1_005);
        assertNextOrderIdIsUnused(h, 5);
    }

    @ParameterizedTest
    @EnumSource(MatcherKind.class)
    void shouldRejectInvalidPricesIncludingAMarketOrderWithAPrice(final MatcherKind kind)
    {
        final MatcherHarness h = populated(kind);

        assertNewOrderRejected(h, INVALID_PRICE, INSTRUMENT, ALICE, 10, BUY, LIMIT_GTC, 0, 50);
        assertNewOrderRejected(h, INVALID_PRICE, INSTRUMENT, ALICE, 11, BUY, LIMIT_DAY, -10_000, 50);
        assertNewOrderRejected(h, INVALID_PRICE, INSTRUMENT, ALICE, 12, SELL, IOC, ABOVE_MAX_PRICE_ON_TICK, 50);
        assertNewOrderRejected(h, INVALID_PRICE, INSTRUMENT, ALICE, 13, SELL, FOK, Long.MIN_VALUE, 50);
        assertNewOrderRejected(h, INVALID_PRICE, INSTRUMENT, ALICE, 14, SELL, POST_ONLY, Long.MAX_VALUE, 50);
        assertNewOrderRejected(h, INVALID_PRICE, INSTRUMENT, ALICE, 15, SELL, MARKET, 10_000, 50);
        assertNewOrderRejected(h, INVALID_PRICE, INSTRUMENT, ALICE, 16, BUY, MARKET, -1, 50);
        assertReplaceRejected(h, INVALID_PRICE, INSTRUMENT, ALICE, ALICE_BID, 0, 50);
        assertReplaceRejected(h, INVALID_PRICE, INSTRUMENT, ALICE, ALICE_BID, -9_990, 50);
        assertReplaceRejected(h, INVALID_PRICE, INSTRUMENT, ALICE, ALICE_BID, ABOVE_MAX_PRICE_ON_TICK, 50);
        assertNextOrderIdIsUnused(h, 5);
    }

    @ParameterizedTest
    @EnumSource(MatcherKind.class)
    void shouldRejectAPriceOffTheTick(final MatcherKind kind)
    {
        final MatcherHarness h = populated(kind);

        assertNewOrderRejected(h, PRICE_OFF_TICK, INSTRUMENT, ALICE, 10, BUY, LIMIT_GTC, 9_995, 50);
        assertNewOrderRejected(h, PRICE_OFF_TICK, INSTRUMENT, ALICE, 11, SELL, IOC, 10_001, 50);
        assertReplaceRejected(h, PRICE_OFF_TICK, INSTRUMENT, ALICE, ALICE_BID, 9_991, 50);
        assertNextOrderIdIsUnused(h, 5);
    }

    @ParameterizedTest
    @EnumSource(MatcherKind.class)
    void shouldRejectAPriceOutsideTheBand(final MatcherKind kind)
    {
        final MatcherHarness h = populated(kind);

        assertNewOrderRejected(h, PRICE_OUTSIDE_BAND, INSTRUMENT, ALICE, 10, BUY, LIMIT_GTC, 10_510, 50);
        assertNewOrderRejected(h, PRICE_OUTSIDE_BAND, INSTRUMENT, ALICE, 11, SELL, FOK, 9_490, 50);
        assertNewOrderRejected(h, PRICE_OUTSIDE_BAND, OTHER, ALICE, 12, SELL, POST_ONLY, 221, 50);
        assertNewOrderRejected(h, PRICE_OUTSIDE_BAND, OTHER, ALICE, 13, BUY, LIMIT_DAY, 179, 50);
        assertReplaceRejected(h, PRICE_OUTSIDE_BAND, INSTRUMENT, ALICE, ALICE_BID, 9_490, 50);
        assertReplaceRejected(h, PRICE_OUTSIDE_BAND, INSTRUMENT, BOB, BOB_ASK, 10_510, 40);
        assertNextOrderIdIsUnused(h, 5);
    }

    @ParameterizedTest
    @EnumSource(MatcherKind.class)
    void shouldRejectCancelAndReplaceOfAnUnknownOrder(final MatcherKind kind)
    {
        final MatcherHarness h = populated(kind);

        assertCancelRejected(h, UNKNOWN_ORDER, INSTRUMENT, ALICE, 999);
        assertCancelRejected(h, UNKNOWN_ORDER, INSTRUMENT, ALICE, 0);
        assertCancelRejected(h, UNKNOWN_ORDER, INSTRUMENT, ALICE, -1);
        assertCancelRejected(h, UNKNOWN_ORDER, INSTRUMENT, CAROL, CAROL_OTHER_BID);
        assertReplaceRejected(h, UNKNOWN_ORDER, INSTRUMENT, ALICE, 999, 9_990, 50);
        assertReplaceRejected(h, UNKNOWN_ORDER, OTHER, ALICE, ALICE_BID, 190, 50);
        assertNextOrderIdIsUnused(h, 5);
    }

    @ParameterizedTest
    @EnumSource(MatcherKind.class)
    void shouldRejectCancelAndReplaceOfAnOrderThatLeftTheBook(final MatcherKind kind)
    {
        final MatcherHarness h = populated(kind);
        assertThat(h.newOrder(INSTRUMENT, ERIN, 10, SELL, IOC, 9_990, 50, StpMode.DEFAULT)).hasSize(2);
        assertThat(h.cancel(INSTRUMENT, BOB, BOB_ASK)).hasSize(1);

        assertCancelRejected(h, UNKNOWN_ORDER, INSTRUMENT, ALICE, ALICE_BID);
        assertReplaceRejected(h, UNKNOWN_ORDER, INSTRUMENT, ALICE, ALICE_BID, 9_990, 50);
        assertCancelRejected(h, UNKNOWN_ORDER, INSTRUMENT, BOB, BOB_ASK);
        assertReplaceRejected(h, UNKNOWN_ORDER, INSTRUMENT, BOB, BOB_ASK, 10_010, 40);
        assertCancelRejected(h, UNKNOWN_ORDER, INSTRUMENT, ERIN, 5);
    }

    @ParameterizedTest
    @EnumSource(MatcherKind.class)
    void shouldRejectCancelAndReplaceOfAnotherAccountsOrder(final MatcherKind kind)
    {
        final MatcherHarness h = populated(kind);

        assertCancelRejected(h, NOT_ORDER_OWNER, INSTRUMENT, BOB, ALICE_BID);
        assertCancelRejected(h, NOT_ORDER_OWNER, OTHER, ALICE, CAROL_OTHER_BID);
        assertReplaceRejected(h, NOT_ORDER_OWNER, INSTRUMENT, ALICE, BOB_ASK, 10_010, 20);
        assertReplaceRejected(h, NOT_ORDER_OWNER, INSTRUMENT, ALICE, DAVE_POST_ONLY_BID, 9_980, 10);
        assertNextOrderIdIsUnused(h, 5);
    }

    @ParameterizedTest
    @EnumSource(MatcherKind.class)
    void shouldRejectADuplicateClientOrderIdOfAnOpenOrderAlsoAcrossInstruments(final MatcherKind kind)
    {
        final MatcherHarness h = populated(kind);

        assertNewOrderRejected(h, DUPLICATE_CLIENT_ORDER_ID, INSTRUMENT, ALICE, 1, BUY, LIMIT_GTC, 9_970, 10);
        assertNewOrderRejected(h, DUPLICATE_CLIENT_ORDER_ID, INSTRUMENT, ALICE, 1, SELL, MARKET, 0, 10);
        assertNewOrderRejected(h, DUPLICATE_CLIENT_ORDER_ID, OTHER, ALICE, 1, SELL, LIMIT_GTC, 210, 10);
        assertNewOrderRejected(h, DUPLICATE_CLIENT_ORDER_ID, INSTRUMENT, CAROL, 3, SELL, IOC, 10_010, 10);
        assertNextOrderIdIsUnused(h, 5);
    }

    @ParameterizedTest
    @EnumSource(MatcherKind.class)
    void shouldAcceptAnotherAccountsClientOrderId(final MatcherKind kind)
    {
        final MatcherHarness h = populated(kind);

        final List<MatchingEvent> events = h.newOrder(OTHER, BOB, 1, SELL, LIMIT_GTC, 210, 10, StpMode.DEFAULT);

        assertThat(events).containsExactly(new Accepted(h.timestampNs(), OTHER, 5, BOB, 1, SELL, LIMIT_GTC, 210, 10));
    }

    @ParameterizedTest
    @EnumSource(MatcherKind.class)
    void shouldAcceptAClientOrderIdAgainOnceItsOrderLeftTheBook(final MatcherKind kind)
    {
        final MatcherHarness h = populated(kind);

        final List<MatchingEvent> partialFill = h.newOrder(INSTRUMENT, ERIN, 20, BUY, IOC, 10_010, 10, StpMode.DEFAULT);
        assertThat(partialFill).hasSize(2);
        assertNewOrderRejected(h, DUPLICATE_CLIENT_ORDER_ID, INSTRUMENT, BOB, 2, SELL, LIMIT_GTC, 10_020, 10);

        final List<MatchingEvent> fill = h.newOrder(INSTRUMENT, ERIN, 21, SELL, IOC, 9_990, 50, StpMode.DEFAULT);
        assertThat(fill).contains(
            new Trade(h.timestampNs(), INSTRUMENT, 9_990, 50, 6, ERIN, SELL, 0, ALICE_BID, ALICE, 0));
        assertThat(h.newOrder(INSTRUMENT, ALICE, 1, BUY, LIMIT_GTC, 9_970, 10, StpMode.DEFAULT)).containsExactly(
            new Accepted(h.timestampNs(), INSTRUMENT, 7, ALICE, 1, BUY, LIMIT_GTC, 9_970, 10));

        assertThat(h.cancel(INSTRUMENT, BOB, BOB_ASK)).containsExactly(
            new Cancelled(h.timestampNs(), INSTRUMENT, BOB_ASK, BOB, 30, CancelReason.USER));
        assertThat(h.newOrder(INSTRUMENT, BOB, 2, SELL, LIMIT_GTC, 10_020, 10, StpMode.DEFAULT)).containsExactly(
            new Accepted(h.timestampNs(), INSTRUMENT, 8, BOB, 2, SELL, LIMIT_GTC, 10_020, 10));

        assertThat(h.newOrder(OTHER, ERIN, 22, SELL, FOK, 190, 20, StpMode.DEFAULT)).containsExactly(
            new Accepted(h.timestampNs(), OTHER, 9, ERIN, 22, SELL, FOK, 190, 20),
            new Expired(h.timestampNs(), OTHER, 9, ERIN, 20));
        assertThat(h.newOrder(OTHER, ERIN, 22, SELL, LIMIT_GTC, 210, 20, StpMode.DEFAULT)).containsExactly(
            new Accepted(h.timestampNs(), OTHER, 10, ERIN, 22, SELL, LIMIT_GTC, 210, 20));

        assertThat(h.endOfDay()).containsExactly(new Expired(h.timestampNs(), OTHER, CAROL_OTHER_BID, CAROL, 10));
        assertThat(h.newOrder(OTHER, CAROL, 3, BUY, LIMIT_GTC, 190, 10, StpMode.DEFAULT)).containsExactly(
            new Accepted(h.timestampNs(), OTHER, 11, CAROL, 3, BUY, LIMIT_GTC, 190, 10));
    }

    @ParameterizedTest
    @EnumSource(MatcherKind.class)
    void shouldRejectAPostOnlyOrderOrReplaceThatWouldCross(final MatcherKind kind)
    {
        final MatcherHarness h = populated(kind);

        assertNewOrderRejected(h, POST_ONLY_WOULD_CROSS, INSTRUMENT, ALICE, 10, BUY, POST_ONLY, 10_010, 10);
        assertNewOrderRejected(h, POST_ONLY_WOULD_CROSS, INSTRUMENT, ALICE, 11, SELL, POST_ONLY, 9_990, 10);
        assertReplaceRejected(h, POST_ONLY_WOULD_CROSS, INSTRUMENT, DAVE, DAVE_POST_ONLY_BID, 10_010, 20);
        assertReplaceRejected(h, POST_ONLY_WOULD_CROSS, INSTRUMENT, DAVE, DAVE_POST_ONLY_BID, 10_050, 10);
        assertNextOrderIdIsUnused(h, 5);
    }

    @ParameterizedTest
    @EnumSource(MatcherKind.class)
    void shouldReportTheFirstFailingCheckOfANewOrderInTheDocumentedOrder(final MatcherKind kind)
    {
        final MatcherHarness h = populated(kind);

        assertNewOrderRejected(h, UNKNOWN_INSTRUMENT, UNKNOWN, ALICE, 1, BUY, LIMIT_GTC, 9_995, 0);
        assertNewOrderRejected(h, INVALID_QUANTITY, INSTRUMENT, ALICE, 1, BUY, LIMIT_GTC, -1, 0);
        assertNewOrderRejected(h, INVALID_QUANTITY, INSTRUMENT, ALICE, 1, BUY, MARKET, 10_000, -5);
        assertNewOrderRejected(h, QUANTITY_OFF_LOT, INSTRUMENT, ALICE, 1, BUY, LIMIT_GTC, 0, 3);
        assertNewOrderRejected(h, QUANTITY_OFF_LOT, INSTRUMENT, ALICE, 1, BUY, LIMIT_GTC, 9_990, 1_003);
        assertNewOrderRejected(h, QUANTITY_BELOW_MIN, INSTRUMENT, ALICE, 1, BUY, LIMIT_GTC, -10, 5);
        assertNewOrderRejected(h, QUANTITY_ABOVE_MAX, INSTRUMENT, ALICE, 1, BUY, LIMIT_GTC, 9_995, 2_000);
        assertNewOrderRejected(h, INVALID_PRICE, INSTRUMENT, ALICE, 1, BUY, LIMIT_GTC, -5, 50);
        assertNewOrderRejected(h, INVALID_PRICE, INSTRUMENT, ALICE, 1, BUY, MARKET, 5, 50);
        assertNewOrderRejected(h, PRICE_OFF_TICK, INSTRUMENT, ALICE, 1, BUY, LIMIT_GTC, 10_515, 50);
        assertNewOrderRejected(h, PRICE_OUTSIDE_BAND, INSTRUMENT, ALICE, 1, BUY, POST_ONLY, 10_600, 50);
        assertNewOrderRejected(h, DUPLICATE_CLIENT_ORDER_ID, INSTRUMENT, ALICE, 1, BUY, POST_ONLY, 10_010, 50);
        assertNextOrderIdIsUnused(h, 5);
    }

    @ParameterizedTest
    @EnumSource(MatcherKind.class)
    void shouldReportTheFirstFailingCheckOfACancelOrReplaceInTheDocumentedOrder(final MatcherKind kind)
    {
        final MatcherHarness h = populated(kind);

        assertCancelRejected(h, UNKNOWN_INSTRUMENT, UNKNOWN, BOB, 999);
        assertCancelRejected(h, UNKNOWN_ORDER, OTHER, BOB, ALICE_BID);
        assertReplaceRejected(h, UNKNOWN_INSTRUMENT, UNKNOWN, BOB, 999, -1, 0);
        assertReplaceRejected(h, UNKNOWN_ORDER, INSTRUMENT, BOB, 999, -1, 0);
        assertReplaceRejected(h, NOT_ORDER_OWNER, INSTRUMENT, BOB, ALICE_BID, -1, 0);
        assertReplaceRejected(h, INVALID_QUANTITY, INSTRUMENT, ALICE, ALICE_BID, -1, 0);
        assertReplaceRejected(h, QUANTITY_OFF_LOT, INSTRUMENT, ALICE, ALICE_BID, 0, 3);
        assertReplaceRejected(h, QUANTITY_BELOW_MIN, INSTRUMENT, ALICE, ALICE_BID, -1, 5);
        assertReplaceRejected(h, QUANTITY_ABOVE_MAX, INSTRUMENT, ALICE, ALICE_BID, 9_995, 2_000);
        assertReplaceRejected(h, INVALID_PRICE, INSTRUMENT, ALICE, ALICE_BID, -5, 50);
        assertReplaceRejected(h, PRICE_OFF_TICK, INSTRUMENT, ALICE, ALICE_BID, 10_515, 50);
        assertReplaceRejected(h, PRICE_OUTSIDE_BAND, INSTRUMENT, DAVE, DAVE_POST_ONLY_BID, 10_600, 20);
        assertNextOrderIdIsUnused(h, 5);
    }
}
