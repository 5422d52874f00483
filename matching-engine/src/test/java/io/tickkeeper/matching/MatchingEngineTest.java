package io.tickkeeper.matching;

import org.junit.jupiter.api.Test;

import static io.tickkeeper.matching.OrderType.FOK;
import static io.tickkeeper.matching.OrderType.IOC;
import static io.tickkeeper.matching.OrderType.LIMIT_DAY;
import static io.tickkeeper.matching.OrderType.LIMIT_GTC;
import static io.tickkeeper.matching.OrderType.MARKET;
import static io.tickkeeper.matching.OrderType.POST_ONLY;
import static io.tickkeeper.matching.Side.BUY;
import static io.tickkeeper.matching.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MatchingEngineTest
{
    private static final int INSTRUMENT = 1;
    private static final int OTHER_INSTRUMENT = 2;

    private final EventLog log = new EventLog();
    private final MatchingEngine engine = new MatchingEngine(
        new InstrumentSpec[]{spec(OTHER_INSTRUMENT), spec(INSTRUMENT)}, log);

    private static InstrumentSpec spec(final int instrumentId)
    {
        return new InstrumentSpec(instrumentId, 1, 1, 1, 1_000, 1_000, 100);
    }

    @Test
    void shouldCheckConstructorArguments()
    {
        final InstrumentSpec[] duplicated = {spec(3), spec(4), spec(3)};
        assertThatThrownBy(() -> new MatchingEngine(duplicated, log))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("duplicate instrument id: 3");
        assertThatThrownBy(() -> new MatchingEngine(new InstrumentSpec[]{spec(1)}, null))
            .isInstanceOf(NullPointerException.class).hasMessage("listener");
        assertThatThrownBy(() -> new MatchingEngine(new InstrumentSpec[]{spec(1), null}, log))
            .isInstanceOf(NullPointerException.class).hasMessage("instruments[1]");
        assertThatThrownBy(() -> new MatchingEngine(new InstrumentSpec[]{spec(1)}, log, 0, 8))
            .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("orderCapacity");
        assertThatThrownBy(() -> new MatchingEngine(new InstrumentSpec[]{spec(1)}, log, 8, 0))
            .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("levelsPerSide");
    }

    @Test
    void shouldTradeInPriceTimeOrderAtTheMakersPrice()
    {
        order(1, 10, 1, SELL, LIMIT_GTC, 102, 5);
        order(2, 11, 2, SELL, LIMIT_GTC, 101, 5);
        order(3, 12, 3, SELL, LIMIT_GTC, 101, 5);
        log.drain();

        order(4, 13, 4, BUY, LIMIT_GTC, 102, 12);

        assertThat(log.drain()).containsExactly(
            "accepted t=4 i=1 id=4 a=13 c=4 BUY LIMIT_GTC 12@102",
            "trade t=4 i=1 5@101 taker=4/13/BUY leaves=7 maker=2/11 leaves=0",
            "trade t=4 i=1 5@101 taker=4/13/BUY leaves=2 maker=3/12 leaves=0",
            "trade t=4 i=1 2@102 taker=4/13/BUY leaves=0 maker=1/10 leaves=3");
        final BookView book = engine.book(INSTRUMENT);
        assertThat(book.bestAsk()).isEqualTo(102);
        assertThat(book.bestBid()).isEqualTo(BookView.NO_PRICE);
        assertThat(book.quantityAt(SELL, 102)).isEqualTo(3);
        assertThat(book.levelCount(SELL)).isEqualTo(1);
    }

    @Test
    void shouldShowDepthBestFirst()
    {
        order(1, 10, 1, BUY, LIMIT_GTC, 97, 5);
        order(2, 10, 2, BUY, LIMIT_GTC, 99, 6);
        order(3, 11, 3, BUY, LIMIT_DAY, 99, 7);
        order(4, 11, 4, BUY, LIMIT_GTC, 98, 8);
        final long[] prices = new long[2];
        final long[] quantities = new long[2];
        final int[] counts = new int[2];

        final int copied = engine.book(INSTRUMENT).depth(BUY, prices, quantities, counts);

        assertThat(copied).isEqualTo(2);
        assertThat(prices).containsExactly(99, 98);
        assertThat(quantities).containsExactly(13, 8);
        assertThat(counts).containsExactly(2, 1);
        assertThat(engine.book(INSTRUMENT).levelCount(BUY)).isEqualTo(3);
        assertThat(engine.book(INSTRUMENT).orderCountAt(BUY, 97)).isEqualTo(1);
        assertThat(engine.book(INSTRUMENT).orderCountAt(SELL, 97)).isZero();
        assertThat(engine.book(99)).isNull();
    }

    @Test
    void shouldKeepPriorityOnlyWhenQuantityFallsAtTheSamePrice()
    {
        order(1, 10, 1, SELL, LIMIT_GTC, 101, 5);
        order(2, 11, 2, SELL, LIMIT_GTC, 101, 5);
        engine.replace(3, INSTRUMENT, 10, 1, 101, 4);
        engine.replace(4, INSTRUMENT, 11, 2, 101, 6);
        engine.replace(5, INSTRUMENT, 10, 1, 101, 5);
        log.drain();

        order(6, 12, 3, BUY, IOC, 101, 20);

        assertThat(log.drain()).containsExactly(
            "accepted t=6 i=1 id=3 a=12 c=3 BUY IOC 20@101",
            "trade t=6 i=1 6@101 taker=3/12/BUY leaves=14 maker=2/11 leaves=0",
            "trade t=6 i=1 5@101 taker=3/12/BUY leaves=9 maker=1/10 leaves=0",
            "expired t=6 i=1 id=3 a=12 q=9");
    }

    @Test
    void shouldTradeAReplaceThatCrossesAndRestItsRemainder()
    {
        order(1, 10, 1, SELL, LIMIT_GTC, 101, 5);
        order(2, 11, 2, BUY, LIMIT_GTC, 99, 8);
        log.drain();

        engine.replace(3, INSTRUMENT, 11, 2, 101, 8);

        assertThat(log.drain()).containsExactly(
            "replaced t=3 i=1 id=2 a=11 8@101 lost",
            "trade t=3 i=1 5@101 taker=2/11/BUY leaves=3 maker=1/10 leaves=0");
        assertThat(engine.book(INSTRUMENT).bestBid()).isEqualTo(101);
        assertThat(engine.book(INSTRUMENT).quantityAt(BUY, 101)).isEqualTo(3);
        assertThat(engine.book(INSTRUMENT).levelCount(BUY)).isEqualTo(1);
    }

    @Test
    void shouldApplyTheTakersSelfTradePreventionMode()
    {
        order(1, 10, 1, SELL, LIMIT_GTC, 101, 5);
        order(2, 10, 2, SELL, LIMIT_GTC, 101, 5);
        order(3, 11, 3, SELL, LIMIT_GTC, 101, 5);
        log.drain();

        engine.newOrder(4, INSTRUMENT, 10, 4, BUY, LIMIT_GTC, 101, 3, StpMode.CANCEL_NEWEST);
        engine.newOrder(5, INSTRUMENT, 10, 5, BUY, IOC, 101, 7, StpMode.CANCEL_OLDEST);
        order(6, 11, 6, SELL, LIMIT_GTC, 102, 5);
        engine.newOrder(7, INSTRUMENT, 11, 7, BUY, LIMIT_GTC, 102, 9, StpMode.CANCEL_BOTH);

        assertThat(log.drain()).containsExactly(
            "accepted t=4 i=1 id=4 a=10 c=4 BUY LIMIT_GTC 3@101",
            "cancelled t=4 i=1 id=4 a=10 q=3 SELF_TRADE_PREVENTION",
            "accepted t=5 i=1 id=5 a=10 c=5 BUY IOC 7@101",
            "cancelled t=5 i=1 id=1 a=10 q=5 SELF_TRADE_PREVENTION",
            "cancelled t=5 i=1 id=2 a=10 q=5 SELF_TRADE_PREVENTION",
            "trade t=5 i=1 5@101 taker=5/10/BUY leaves=2 maker=3/11 leaves=0",
            "expired t=5 i=1 id=5 a=10 q=2",
            "accepted t=6 i=1 id=6 a=11 c=6 SELL LIMIT_GTC 5@102",
            "accepted t=7 i=1 id=7 a=11 c=7 BUY LIMIT_GTC 9@102",
            "cancelled t=7 i=1 id=6 a=11 q=5 SELF_TRADE_PREVENTION",
            "cancelled t=7 i=1 id=7 a=11 q=9 SELF_TRADE_PREVENTION");
        assertThat(engine.book(INSTRUMENT).levelCount(SELL)).isZero();
        assertThat(engine.book(INSTRUMENT).levelCount(BUY)).isZero();
    }

    @Test
    void shouldExpireAFillOrKillWholeWhenAnOwnOrderEndsTheCount()
    {
        order(1, 10, 1, SELL, LIMIT_GTC, 100, 5);
        order(2, 11, 2, SELL, LIMIT_GTC, 101, 5);
        order(3, 12, 3, SELL, LIMIT_GTC, 101, 5);
        final long before = engine.stateHash();
        log.drain();

        engine.newOrder(4, INSTRUMENT, 11, 4, BUY, FOK, 101, 10, StpMode.CANCEL_NEWEST);
        final long afterExpiry = engine.stateHash();
        engine.newOrder(5, INSTRUMENT, 11, 5, BUY, FOK, 101, 10, StpMode.CANCEL_OLDEST);

        assertThat(afterExpiry).isNotEqualTo(before);
        assertThat(log.drain()).containsExactly(
            "accepted t=4 i=1 id=4 a=11 c=4 BUY FOK 10@101",
            "expired t=4 i=1 id=4 a=11 q=10",
            "accepted t=5 i=1 id=5 a=11 c=5 BUY FOK 10@101",
            "trade t=5 i=1 5@100 taker=5/11/BUY leaves=5 maker=1/10 leaves=0",
            "cancelled t=5 i=1 id=2 a=11 q=5 SELF_TRADE_PREVENTION",
            "trade t=5 i=1 5@101 taker=5/11/BUY leaves=0 maker=3/12 leaves=0");
    }

    @Test
    void shouldSendMarketOrdersThroughEveryLevelAndExpireTheRest()
    {
        order(1, 10, 1, BUY, LIMIT_GTC, 99, 5);
        order(2, 10, 2, BUY, LIMIT_GTC, 95, 5);
        log.drain();

        engine.newOrder(3, INSTRUMENT, 11, 3, SELL, MARKET, 0, 12, StpMode.NONE);

        assertThat(log.drain()).containsExactly(
            "accepted t=3 i=1 id=3 a=11 c=3 SELL MARKET 12@0",
            "trade t=3 i=1 5@99 taker=3/11/SELL leaves=7 maker=1/10 leaves=0",
            "trade t=3 i=1 5@95 taker=3/11/SELL leaves=2 maker=2/10 leaves=0",
            "expired t=3 i=1 id=3 a=11 q=2");
    }

    @Test
    void shouldRejectInTheDocumentedOrder()
    {
        order(1, 10, 1, SELL, LIMIT_GTC, 101, 5);
        log.drain();

        engine.newOrder(2, 9, 10, 2, BUY, LIMIT_GTC, 0, 0, StpMode.NONE);
        engine.newOrder(3, INSTRUMENT, 10, 1, BUY, LIMIT_GTC, 100, 5, StpMode.NONE);
        engine.newOrder(4, INSTRUMENT, 10, 1, BUY, MARKET, 100, 5, StpMode.NONE);
        engine.newOrder(5, INSTRUMENT, 10, 1, BUY, LIMIT_GTC, 111, 5, StpMode.NONE);
        engine.newOrder(6, INSTRUMENT, 10, 2, BUY, POST_ONLY, 101, 5, StpMode.NONE);
        engine.newOrder(7, OTHER_INSTRUMENT, 10, 1, BUY, LIMIT_GTC, 110, 5, StpMode.NONE);
        engine.cancel(8, INSTRUMENT, 11, 1);
        engine.cancel(9, OTHER_INSTRUMENT, 10, 1);
        engine.replace(10, INSTRUMENT, 10, 1, 111, 0);
        engine.replace(11, INSTRUMENT, 10, 1, 111, 5);
        engine.setReferencePrice(12, INSTRUMENT, 200);
        engine.replace(13, INSTRUMENT, 10, 1, 101, 4);

        assertThat(log.drain()).containsExactly(
            "rejected t=2 i=9 id=0 a=10 c=2 UNKNOWN_INSTRUMENT",
            "rejected t=3 i=1 id=0 a=10 c=1 DUPLICATE_CLIENT_ORDER_ID",
            "rejected t=4 i=1 id=0 a=10 c=1 INVALID_PRICE",
            "rejected t=5 i=1 id=0 a=10 c=1 PRICE_OUTSIDE_BAND",
            "rejected t=6 i=1 id=0 a=10 c=2 POST_ONLY_WOULD_CROSS",
            "rejected t=7 i=2 id=0 a=10 c=1 DUPLICATE_CLIENT_ORDER_ID",
            "rejected t=8 i=1 id=1 a=11 c=0 NOT_ORDER_OWNER",
            "rejected t=9 i=2 id=1 a=10 c=0 UNKNOWN_ORDER",
            "rejected t=10 i=1 id=1 a=10 c=0 INVALID_QUANTITY",
            "rejected t=11 i=1 id=1 a=10 c=0 PRICE_OUTSIDE_BAND",
            "replaced t=13 i=1 id=1 a=10 4@101 kept");
    }

    @Test
    void shouldLetAClientOrderIdBeReusedOnceItsOrderLeftTheBook()
    {
        order(1, 10, 1, SELL, LIMIT_GTC, 101, 5);
        engine.cancel(2, INSTRUMENT, 10, 1);
        log.drain();

        order(3, 10, 1, SELL, LIMIT_GTC, 101, 5);

        assertThat(log.drain()).containsExactly("accepted t=3 i=1 id=2 a=10 c=1 SELL LIMIT_GTC 5@101");
    }

    @Test
    void shouldExpireDayOrdersAtEndOfDayInWalkOrder()
    {
        engine.newOrder(1, OTHER_INSTRUMENT, 10, 1, SELL, LIMIT_DAY, 105, 5, StpMode.NONE);
        order(2, 10, 2, BUY, LIMIT_DAY, 98, 5);
        order(3, 10, 3, BUY, LIMIT_GTC, 99, 5);
        order(4, 11, 4, BUY, LIMIT_DAY, 99, 6);
        order(5, 11, 5, SELL, LIMIT_DAY, 101, 7);
        order(6, 11, 6, SELL, LIMIT_DAY, 101, 8);
        log.drain();

        engine.endOfDay(7);
        engine.endOfDay(8);

        assertThat(log.drain()).containsExactly(
            "expired t=7 i=1 id=4 a=11 q=6",
            "expired t=7 i=1 id=2 a=10 q=5",
            "expired t=7 i=1 id=5 a=11 q=7",
            "expired t=7 i=1 id=6 a=11 q=8",
            "expired t=7 i=2 id=1 a=10 q=5");
        assertThat(engine.book(INSTRUMENT).levelCount(BUY)).isOne();
        assertThat(engine.book(INSTRUMENT).levelCount(SELL)).isZero();
    }

    @Test
    void shouldGiveEqualStateHashesForEqualStatesOnly()
    {
        final MatchingEngine twin = new MatchingEngine(new InstrumentSpec[]{spec(INSTRUMENT), spec(OTHER_INSTRUMENT)},
            new EventLog());
        order(1, 10, 1, SELL, LIMIT_GTC, 101, 5);
        twin.newOrder(1, INSTRUMENT, 10, 1, SELL, LIMIT_GTC, 101, 5, StpMode.NONE);
        assertThat(engine.stateHash()).isEqualTo(twin.stateHash());

        engine.replace(2, INSTRUMENT, 10, 1, 101, 4);
        assertThat(engine.stateHash()).isNotEqualTo(twin.stateHash());
        twin.replace(2, INSTRUMENT, 10, 1, 101, 4);
        assertThat(engine.stateHash()).isEqualTo(twin.stateHash());

        engine.setReferencePrice(3, INSTRUMENT, 101);
        assertThat(engine.stateHash()).isNotEqualTo(twin.stateHash());
    }

    @Test
    void shouldRefuseNullEnumsBeforeChangingAnything()
    {
        final long before = engine.stateHash();

        assertThatThrownBy(() -> engine.newOrder(1, INSTRUMENT, 10, 1, BUY, LIMIT_GTC, 100, 5, null))
            .isInstanceOf(NullPointerException.class).hasMessage("stpMode");
        assertThatThrownBy(() -> engine.newOrder(1, INSTRUMENT, 10, 1, null, LIMIT_GTC, 100, 5, StpMode.NONE))
            .isInstanceOf(NullPointerException.class).hasMessage("side");

        assertThat(engine.stateHash()).isEqualTo(before);
        assertThat(log.lines).isEmpty();
    }

    private void order(
        final long timestampNs, final int accountId, final long clientOrderId, final Side side, final OrderType type,
        final long price, final long quantity)
    {
        engine.newOrder(timestampNs, INSTRUMENT, accountId, clientOrderId, side, type, price, quantity, StpMode.NONE);
    }
}
