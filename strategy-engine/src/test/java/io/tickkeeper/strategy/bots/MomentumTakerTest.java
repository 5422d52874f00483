package io.tickkeeper.strategy.bots;

import java.util.List;
import java.util.Map;

import io.tickkeeper.protocol.sbe.OrderType;
import io.tickkeeper.protocol.sbe.Side;
import io.tickkeeper.strategy.Engines;
import io.tickkeeper.strategy.RecordingSink;
import io.tickkeeper.strategy.RecordingSink.Command;
import io.tickkeeper.strategy.Reports;
import io.tickkeeper.strategy.StrategyEngine;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MomentumTakerTest
{
    private static final Map<String, String> FAST_2_SLOW_4 = Map.of("fast", "2", "slow", "4", "size", "5");

    private final RecordingSink sink = new RecordingSink();
    private long feedSequence;

    @Test
    void shouldBuyWhenTheFastEmaCrossesAboveAndSellWhenItCrossesBelow()
    {
        final StrategyEngine engine = Engines.oneBot(MomentumTaker.class, FAST_2_SLOW_4, sink);
        ticks(engine, 100, 100, 100, 100, 90);
        assertThat(sink.drain()).as("warm-up, then the first signal is not a cross").isEmpty();

        ticks(engine, 110);
        final List<Command> buy = sink.drain();
        assertThat(buy).hasSize(1);
        assertThat(buy.get(0).side()).isEqualTo(Side.BUY);
        assertThat(buy.get(0).type()).isEqualTo(OrderType.IOC);
        assertThat(buy.get(0).price()).isEqualTo(115);
        assertThat(buy.get(0).quantity()).isEqualTo(5);

        ticks(engine, 115);
        assertThat(sink.drain()).as("no new cross").isEmpty();

        ticks(engine, 80, 70);
        final List<Command> sell = sink.drain();
        assertThat(sell).hasSize(1);
        assertThat(sell.get(0).side()).isEqualTo(Side.SELL);
        assertThat(sell.get(0).price()).isEqualTo(75);
    }

    @Test
    void shouldNotTradeBeyondMaxPositionAndSendMarketOrdersWhenAsked()
    {
        final Map<String, String> parameters =
            Map.of("fast", "2", "slow", "4", "size", "5", "maxPosition", "5", "orderType", "MARKET");
        final StrategyEngine engine = Engines.oneBot(MomentumTaker.class, parameters, sink);
        final Reports reports = new Reports();
        ticks(engine, 100, 100, 100, 100, 90, 110);
        final List<Command> buy = sink.drain();
        assertThat(buy).hasSize(1);
        assertThat(buy.get(0).type()).isEqualTo(OrderType.MARKET);
        assertThat(buy.get(0).price()).isZero();
        engine.onExecution(reports.fill(buy.get(0), 5, 0, 10));
        assertThat(engine.bot("b1").position(1)).isEqualTo(5);

        ticks(engine, 80, 70, 130, 140);
        final List<Command> after = sink.drain();
        assertThat(after).as("the sell cross trades; the buy cross after it does not: the sell is unfilled and "
            + "5 + 5 would exceed max position 5").extracting(Command::side).containsExactly(Side.SELL);

        engine.onExecution(reports.fill(after.get(0), 5, 0, 20));
        assertThat(engine.bot("b1").position(1)).isZero();
        ticks(engine, 60, 50, 150, 160);
        assertThat(sink.drain()).extracting(Command::side).containsExactly(Side.SELL, Side.BUY);
    }

    @Test
    void shouldRefuseASlowPeriodNotAboveTheFastOne()
    {
        final StrategyEngine engine = Engines.oneBot(MomentumTaker.class, Map.of("fast", "5", "slow", "5"), sink);
        assertThat(engine.enabled("b1")).isFalse();
        assertThat(engine.disabledReason("b1")).contains("slow").contains("must be above fast");
    }

    private void ticks(final StrategyEngine engine, final long... prices)
    {
        for (final long price : prices)
        {
            engine.onMarketTick(feedSequence + 1, 1, price, 1, ++feedSequence);
        }
    }
}
