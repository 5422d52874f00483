package io.tickkeeper.strategy.bots;

import java.util.List;
import java.util.Map;

import io.tickkeeper.protocol.sbe.OrderType;
import io.tickkeeper.protocol.sbe.Side;
import io.tickkeeper.strategy.BotSpec;
import io.tickkeeper.strategy.Engines;
import io.tickkeeper.strategy.RecordingSink;
import io.tickkeeper.strategy.RecordingSink.Command;
import io.tickkeeper.strategy.RecordingSink.Kind;
import io.tickkeeper.strategy.Reports;
import io.tickkeeper.strategy.StrategyEngine;
import io.tickkeeper.strategy.StrategyLoader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NoiseTraderTest
{
    private static final long SECOND_NS = 1_000_000_000L;
    private static final Map<String, String> PARAMETERS =
        Map.of("ratePerSecond", "10", "maxSize", "3", "maxOffset", "20", "maxOpenOrders", "50");

    @Test
    void shouldSendOrdersAtItsRateNearThePrice()
    {
        final RecordingSink sink = new RecordingSink();
        final StrategyEngine engine = run(7, PARAMETERS, sink);

        final List<Command> orders = sink.drain();
        assertThat(orders).hasSize(10);
        for (final Command order : orders)
        {
            assertThat(order.kind()).isEqualTo(Kind.NEW);
            assertThat(order.type()).isEqualTo(OrderType.LIMIT_DAY);
            assertThat(order.quantity()).isBetween(1L, 3L);
            assertThat(order.price()).isBetween(9_980L, 10_020L);
        }
        assertThat(orders).extracting(Command::side).as("both sides over ten coin tosses")
            .contains(Side.BUY, Side.SELL);
        assertThat(engine.bot("b1").openOrderCount()).isEqualTo(10);
    }

    @Test
    void shouldDrawTheSameOrdersFromTheSameSeedAndOthersFromAnother()
    {
        final RecordingSink first = new RecordingSink();
        final RecordingSink second = new RecordingSink();
        final RecordingSink other = new RecordingSink();
        run(7, PARAMETERS, first);
        run(7, PARAMETERS, second);
        run(8, PARAMETERS, other);

        assertThat(first.commands).isEqualTo(second.commands);
        assertThat(other.commands).hasSize(10).isNotEqualTo(first.commands);
    }

    @Test
    void shouldCancelItsOldestOrderWhenItHasItsMaximumOpen()
    {
        final RecordingSink sink = new RecordingSink();
        final Map<String, String> parameters = Map.of("ratePerSecond", "10", "maxOpenOrders", "4");
        final StrategyEngine engine = run(7, parameters, sink);
        final List<Command> orders = sink.drain();
        assertThat(orders).as("pending orders cannot be cancelled: it stops at its maximum").hasSize(4);
        final Reports reports = new Reports();
        for (final Command order : orders)
        {
            engine.onExecution(reports.ack(order, 3 * SECOND_NS));
        }

        engine.onTimer(2 * SECOND_NS + SECOND_NS / 10);
        final List<Command> cancel = sink.drain();
        assertThat(cancel).hasSize(1);
        assertThat(cancel.get(0).kind()).isEqualTo(Kind.CANCEL);
        assertThat(cancel.get(0).origClOrdId()).isEqualTo(orders.get(0).clOrdId());
    }

    private static StrategyEngine run(final long seed, final Map<String, String> parameters, final RecordingSink sink)
    {
        final BotSpec spec = new BotSpec("b1", NoiseTrader.class.getName(), null, Engines.ACCOUNT, seed, parameters);
        final StrategyEngine engine = new StrategyEngine(List.of(spec), new StrategyLoader()::load, 8, 64, sink);
        engine.onMarketTick(1, 1, 10_000, 1, 1);
        engine.onTimer(SECOND_NS);
        engine.onTimer(2 * SECOND_NS);
        return engine;
    }
}
