package io.tickkeeper.strategy.examples;

import java.util.List;
import java.util.Map;

import io.tickkeeper.protocol.sbe.OrderType;
import io.tickkeeper.protocol.sbe.Side;
import io.tickkeeper.strategy.BotSpec;
import io.tickkeeper.strategy.RecordingSink;
import io.tickkeeper.strategy.RecordingSink.Command;
import io.tickkeeper.strategy.Reports;
import io.tickkeeper.strategy.StrategyEngine;
import io.tickkeeper.strategy.StrategyLoader;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The example of docs/strategy-api.md does what the page says. */
class MeanReversionTest
{
    private static final List<BotSpec> BOT = List.of(new BotSpec("mr", MeanReversion.class.getName(), null, 31, 1,
        Map.of("period", "3", "band", "20", "size", "5", "maxPosition", "5", "cooldownNs", "10")));

    private final RecordingSink sink = new RecordingSink();
    private long feedSequence;

    @Test
    void shouldBuyBelowTheAverageSellAboveItWithinMaxPositionAndAfterTheCooldown()
    {
        final StrategyEngine engine = new StrategyEngine(BOT, new StrategyLoader()::load, 8, 16, sink);
        tick(engine, 100, 1_000);
        tick(engine, 110, 1_000);
        assertThat(sink.drain()).as("inside the band").isEmpty();

        tick(engine, 120, 960);
        final List<Command> buy = sink.drain();
        assertThat(buy).hasSize(1);
        assertThat(buy.get(0).side()).isEqualTo(Side.BUY);
        assertThat(buy.get(0).type()).isEqualTo(OrderType.IOC);
        assertThat(buy.get(0).price()).isEqualTo(960);
        assertThat(buy.get(0).quantity()).isEqualTo(5);

        tick(engine, 125, 900);
        assertThat(sink.drain()).as("cooldown of 10 ns").isEmpty();

        engine.onExecution(new Reports().fill(buy.get(0), 5, 0, 126));
        tick(engine, 140, 850);
        assertThat(sink.drain()).as("a position of 5 is the maximum").isEmpty();

        tick(engine, 150, 1_100);
        assertThat(sink.drain()).extracting(Command::side).containsExactly(Side.SELL);
    }

    @Test
    void shouldSurviveASnapshotWithItsAverageAndFills()
    {
        final StrategyEngine engine = new StrategyEngine(BOT, new StrategyLoader()::load, 8, 16, sink);
        tick(engine, 100, 1_000);
        tick(engine, 120, 960);
        engine.onExecution(new Reports().fill(sink.drain().get(0), 5, 0, 121));
        final ExpandableArrayBuffer snapshot = new ExpandableArrayBuffer(512);
        final int length = engine.writeSnapshot(snapshot);

        final StrategyEngine restored = new StrategyEngine(BOT, new StrategyLoader()::load, 8, 16, sink);
        restored.readSnapshot(snapshot, 0, length);

        assertThat(restored.stateHash()).isEqualTo(engine.stateHash());
        assertThat(restored.bot("mr").position(1)).isEqualTo(5);
    }

    private void tick(final StrategyEngine engine, final long timestampNs, final long price)
    {
        engine.onMarketTick(timestampNs, 1, price, 1, ++feedSequence);
    }
}
