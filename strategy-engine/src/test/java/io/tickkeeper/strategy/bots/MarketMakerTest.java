package io.tickkeeper.strategy.bots;

import java.util.List;
import java.util.Map;

import io.tickkeeper.protocol.sbe.OrderType;
import io.tickkeeper.protocol.sbe.Side;
import io.tickkeeper.strategy.Engines;
import io.tickkeeper.strategy.RecordingSink;
import io.tickkeeper.strategy.RecordingSink.Command;
import io.tickkeeper.strategy.RecordingSink.Kind;
import io.tickkeeper.strategy.Reports;
import io.tickkeeper.strategy.StrategyEngine;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarketMakerTest
{
    private final RecordingSink sink = new RecordingSink();
    private final Reports reports = new Reports();
    private long feedSequence;

    @Test
    void shouldQuoteBidAndAskAroundTheReferencePrice()
    {
        final StrategyEngine engine = Engines.oneBot(MarketMaker.class, Map.of(), sink);
        tick(engine, 10_000);

        final List<Command> quotes = sink.drain();
        assertThat(quotes).hasSize(2);
        assertQuote(quotes.get(0), Side.BUY, 9_995, "Sb1-1", 1);
        assertQuote(quotes.get(1), Side.SELL, 10_005, "Sb1-2", 2);
    }

    @Test
    void shouldRequoteByReplaceWhenThePriceMovesAndWaitWhileTheReplaceIsPending()
    {
        final StrategyEngine engine = Engines.oneBot(MarketMaker.class, Map.of(), sink);
        tick(engine, 10_000);
        final List<Command> quotes = sink.drain();
        engine.onExecution(reports.ack(quotes.get(0), 2));
        engine.onExecution(reports.ack(quotes.get(1), 2));
        assertThat(sink.drain()).isEmpty();

        tick(engine, 10_010);
        final List<Command> replaces = sink.drain();
        assertThat(replaces).extracting(Command::kind).containsExactly(Kind.REPLACE, Kind.REPLACE);
        assertThat(replaces.get(0).origClOrdId()).isEqualTo("Sb1-1");
        assertThat(replaces.get(0).price()).isEqualTo(10_005);
        assertThat(replaces.get(1).origClOrdId()).isEqualTo("Sb1-2");
        assertThat(replaces.get(1).price()).isEqualTo(10_015);

        tick(engine, 10_030);
        assertThat(sink.drain()).as("nothing while both replaces are pending").isEmpty();

        engine.onExecution(reports.replaced(replaces.get(0), quotes.get(0), 4));
        final List<Command> afterReplaced = sink.drain();
        assertThat(afterReplaced).hasSize(1);
        assertThat(afterReplaced.get(0).kind()).isEqualTo(Kind.REPLACE);
        assertThat(afterReplaced.get(0).origClOrdId()).isEqualTo(replaces.get(0).clOrdId());
        assertThat(afterReplaced.get(0).price()).isEqualTo(10_025);
        assertThat(engine.bot("b1").findOpenOrder(replaces.get(0).clOrdId())).isNotNull();
        assertThat(engine.bot("b1").findOpenOrder("Sb1-1")).isNull();
    }

    @Test
    void shouldRequoteByCancelThenNewWhenReplaceIsOff()
    {
        final StrategyEngine engine = Engines.oneBot(MarketMaker.class, Map.of("useReplace", "false"), sink);
        tick(engine, 10_000);
        final List<Command> quotes = sink.drain();
        engine.onExecution(reports.ack(quotes.get(0), 2));
        engine.onExecution(reports.ack(quotes.get(1), 2));

        tick(engine, 10_010);
        final List<Command> cancels = sink.drain();
        assertThat(cancels).extracting(Command::kind).containsExactly(Kind.CANCEL, Kind.CANCEL);
        assertThat(cancels).extracting(Command::origClOrdId).containsExactly("Sb1-1", "Sb1-2");

        engine.onExecution(reports.cancelled(cancels.get(0), quotes.get(0), 4));
        final List<Command> requote = sink.drain();
        assertThat(requote).hasSize(1);
        assertQuote(requote.get(0), Side.BUY, 10_005, "Sb1-5", 5);
    }

    @Test
    void shouldSkewWithInventoryAndStopQuotingTheSideBeyondMaxInventory()
    {
        final StrategyEngine engine =
            Engines.oneBot(MarketMaker.class, Map.of("skew", "0.5", "maxInventory", "10"), sink);
        tick(engine, 10_000);
        final List<Command> quotes = sink.drain();
        engine.onExecution(reports.ack(quotes.get(0), 2));
        engine.onExecution(reports.ack(quotes.get(1), 2));

        engine.onExecution(reports.fill(quotes.get(0), 10, 0, 3));

        assertThat(engine.bot("b1").position(1)).isEqualTo(10);
        final List<Command> after = sink.drain();
        assertThat(after).as("no new bid beyond max inventory; the ask moves down by the skew").hasSize(1);
        assertThat(after.get(0).kind()).isEqualTo(Kind.REPLACE);
        assertThat(after.get(0).origClOrdId()).isEqualTo("Sb1-2");
        assertThat(after.get(0).price()).isEqualTo(10_000);
    }

    @Test
    void shouldRefuseAnInvalidLiveParameterAndKeepQuotingWithTheOldOne()
    {
        final StrategyEngine engine = Engines.oneBot(MarketMaker.class, Map.of(), sink);
        assertThat(engine.onParameter(1, "b1", "spread", "-4")).isFalse();
        assertThat(engine.refusedParameters("b1")).isEqualTo(1);
        assertThat(engine.enabled("b1")).isTrue();
        assertThat(engine.bot("b1").parameters().get("spread")).isNull();

        assertThat(engine.onParameter(1, "b1", "spread", "20")).isTrue();
        tick(engine, 10_000);
        assertThat(sink.drain()).extracting(Command::price).containsExactly(9_990L, 10_010L);
    }

    private void tick(final StrategyEngine engine, final long price)
    {
        engine.onMarketTick(1_000 + feedSequence, 1, price, 1, ++feedSequence);
    }

    private static void assertQuote(
        final Command command, final Side side, final long price, final String clOrdId, final long clientSequence)
    {
        assertThat(command.kind()).isEqualTo(Kind.NEW);
        assertThat(command.side()).isEqualTo(side);
        assertThat(command.type()).isEqualTo(OrderType.LIMIT_DAY);
        assertThat(command.price()).isEqualTo(price);
        assertThat(command.quantity()).isEqualTo(10);
        assertThat(command.clOrdId()).isEqualTo(clOrdId);
        assertThat(command.clientSequence()).isEqualTo(clientSequence);
        assertThat(command.accountId()).isEqualTo(Engines.ACCOUNT);
    }
}
