package io.tickkeeper.strategy;

import java.util.List;
import java.util.Map;

import io.tickkeeper.protocol.sbe.OrderType;
import io.tickkeeper.protocol.sbe.Side;
import io.tickkeeper.strategy.RecordingSink.Command;
import io.tickkeeper.strategy.RecordingSink.Kind;
import io.tickkeeper.strategy.bots.MarketMaker;
import io.tickkeeper.strategy.bots.MomentumTaker;
import io.tickkeeper.strategy.bots.NoiseTrader;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrategyEngineTest
{
    private final RecordingSink sink = new RecordingSink();
    private final Reports reports = new Reports();

    /** Tries to send an order from onStart. */
    public static final class SendsOnStart implements Strategy
    {
        @Override
        public void onStart(final StrategyContext context)
        {
            context.sendNewOrder(1, Side.BUY, OrderType.LIMIT_DAY, 100, 1);
        }

        @Override
        public void onMarketData(final int instrumentId, final long price, final long timestampNs)
        {
        }

        @Override
        public void onExecution(final ExecutionView report)
        {
        }

        @Override
        public void onTimer(final long timestampNs)
        {
        }
    }

    @Test
    void shouldDisableAThrowingStrategyCancelItsOrdersAndKeepRunningTheOthers()
    {
        final StrategyEngine engine = new StrategyEngine(List.of(
            new BotSpec("bad", ThrowsOnThirdTick.class.getName(), null, 1, 1, Map.of()),
            new BotSpec("mm", MarketMaker.class.getName(), null, 2, 1, Map.of())),
            new StrategyLoader()::load, 8, 16, sink);
        engine.onMarketTick(1, 1, 10_000, 1, 1);
        final List<Command> first = sink.drain();
        assertThat(first).extracting(Command::accountId).containsExactly(1, 2, 2);
        for (final Command quote : first)
        {
            engine.onExecution(reports.ack(quote, 2));
        }
        engine.onMarketTick(3, 1, 10_000, 1, 2);

        engine.onMarketTick(4, 1, 10_100, 1, 3);

        assertThat(engine.enabled("bad")).isFalse();
        assertThat(engine.failures("bad")).isEqualTo(1);
        assertThat(engine.disabledReason("bad")).contains("onMarketData").contains("boom on tick 3");
        final List<Command> after = sink.drain();
        assertThat(after).filteredOn(command -> command.accountId() == 1)
            .singleElement()
            .satisfies(cancel ->
            {
                assertThat(cancel.kind()).isEqualTo(Kind.CANCEL);
                assertThat(cancel.origClOrdId()).isEqualTo(first.get(0).clOrdId());
            });
        assertThat(after).filteredOn(command -> command.accountId() == 2).as("the market maker requotes")
            .isNotEmpty();

        engine.onMarketTick(5, 1, 10_200, 1, 4);
        assertThat(sink.drain()).filteredOn(command -> command.accountId() == 1).as("a disabled bot is not called")
            .isEmpty();
        assertThat(engine.failures("bad")).isEqualTo(1);
    }

    @Test
    void shouldDisableABotWhoseStrategyCannotBeLoadedAndRunTheOthers()
    {
        final StrategyEngine engine = new StrategyEngine(List.of(
            new BotSpec("ghost", "com.acme.NoSuchStrategy", null, 1, 1, Map.of()),
            new BotSpec("mm", MarketMaker.class.getName(), null, 2, 1, Map.of())),
            new StrategyLoader()::load, 8, 16, sink);

        assertThat(engine.enabled("ghost")).isFalse();
        assertThat(engine.disabledReason("ghost"))
            .contains("could not be loaded").contains("com.acme.NoSuchStrategy").contains("not found");
        engine.onMarketTick(1, 1, 10_000, 1, 1);
        assertThat(sink.drain()).hasSize(2).allSatisfy(command -> assertThat(command.accountId()).isEqualTo(2));
    }

    @Test
    void shouldNotLetAStrategySendOutsideAnInput()
    {
        final StrategyEngine engine = Engines.oneBot(SendsOnStart.class, Map.of(), sink);
        assertThat(engine.enabled("b1")).isFalse();
        assertThat(engine.disabledReason("b1")).contains("orders can only be sent while the engine handles an input");
        assertThat(sink.commands).isEmpty();
    }

    @Test
    void shouldDropTicksOfAnOlderFeedTokenOrARepeatedSequence()
    {
        final StrategyEngine engine = Engines.oneBot(MarketMaker.class, Map.of(), sink);
        assertThat(engine.onMarketTick(1, 1, 10_000, 5, 10)).isTrue();
        assertThat(engine.onMarketTick(2, 1, 10_500, 4, 11)).as("older token").isFalse();
        assertThat(engine.onMarketTick(3, 1, 10_500, 5, 10)).as("repeated sequence").isFalse();
        assertThat(engine.onMarketTick(3, 9, 10_500, 5, 12)).as("unknown instrument").isFalse();
        assertThat(engine.onMarketTick(4, 1, 10_100, 6, 11)).as("a newer token").isTrue();

        assertThat(engine.droppedTicks()).isEqualTo(3);
        assertThat(engine.bot("b1").lastPrice(1)).isEqualTo(10_100);
    }

    @Test
    void shouldCountReportsForAnAccountNoBotTradesFor()
    {
        final StrategyEngine engine = Engines.oneBot(MarketMaker.class, Map.of(), sink);
        engine.onMarketTick(1, 1, 10_000, 1, 1);
        final Command quote = sink.drain().get(0);
        engine.onExecution(reports.ack(new Command(quote.kind(), 0, 0, 4242, 1, quote.clOrdId(), "", quote.side(),
            quote.type(), quote.price(), quote.quantity()), 2));
        assertThat(engine.unroutedEvents()).isEqualTo(1);
        assertThat(engine.bot("b1").findOpenOrder(quote.clOrdId()).state()).isEqualTo(OrderState.PENDING_NEW);
    }

    @Test
    void shouldRestoreASnapshotIntoAFreshEngineWithTheSameHashAndTheSameFutureCommands()
    {
        final List<BotSpec> bots = List.of(
            new BotSpec("mm", MarketMaker.class.getName(), null, 1, 1, Map.of()),
            new BotSpec("mom", MomentumTaker.class.getName(), null, 2, 2, Map.of("fast", "2", "slow", "4")),
            new BotSpec("noise", NoiseTrader.class.getName(), null, 3, 3, Map.of("ratePerSecond", "20")));
        final RecordingSink liveSink = new RecordingSink();
        final StrategyEngine live = new StrategyEngine(bots, new StrategyLoader()::load, 8, 64, liveSink);
        final Exchange liveExchange = new Exchange();
        drive(live, liveSink, liveExchange, 0, 40);
        live.onParameter(41, "mm", "spread", "14");

        final ExpandableArrayBuffer snapshot = new ExpandableArrayBuffer(1024);
        final int length = live.writeSnapshot(snapshot);
        final RecordingSink restoredSink = new RecordingSink();
        final StrategyEngine restored = new StrategyEngine(bots, new StrategyLoader()::load, 8, 64, restoredSink);
        assertThat(restored.stateHash()).isNotEqualTo(live.stateHash());
        restored.readSnapshot(snapshot, 0, length);

        assertThat(restored.stateHash()).isEqualTo(live.stateHash());
        assertThat(restored.bot("mm").parameters().get("spread")).isEqualTo("14");
        liveSink.drain();
        liveExchange.reset();
        final Exchange restoredExchange = liveExchange.copy();
        drive(live, liveSink, liveExchange, 40, 80);
        drive(restored, restoredSink, restoredExchange, 40, 80);
        assertThat(restoredSink.commands).isNotEmpty().isEqualTo(liveSink.commands);
        assertThat(restored.stateHash()).isEqualTo(live.stateHash());
    }

    @Test
    void shouldRefuseASnapshotOfOtherBots()
    {
        final StrategyEngine live = Engines.oneBot(MarketMaker.class, Map.of(), sink);
        final ExpandableArrayBuffer snapshot = new ExpandableArrayBuffer(1024);
        final int length = live.writeSnapshot(snapshot);
        final StrategyEngine other = new StrategyEngine(
            List.of(new BotSpec("other", MarketMaker.class.getName(), null, 1, 1, Map.of())),
            new StrategyLoader()::load, 8, 16, sink);

        assertThatThrownBy(() -> other.readSnapshot(snapshot, 0, length))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("snapshot holds bot b1");
    }

    /** Ticks of a saw-tooth walk and timers; the exchange answers every command. */
    static void drive(
        final StrategyEngine engine, final RecordingSink sink, final Exchange exchange, final int from, final int to)
    {
        for (int i = from; i < to; i++)
        {
            final long timestampNs = (i + 1) * 100_000_000L;
            final long price = 10_000 + ((i * 37) % 61) - 30;
            engine.onMarketTick(timestampNs, 1, price, 1, i + 1);
            engine.onTimer(timestampNs + 1);
            exchange.answer(engine, sink, timestampNs + 2);
        }
    }
}
