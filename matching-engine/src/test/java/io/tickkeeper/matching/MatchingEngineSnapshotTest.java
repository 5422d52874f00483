package io.tickkeeper.matching;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MatchingEngineSnapshotTest
{
    private static final int HISTORY = 60_000;
    private static final int FUTURE = 40_000;

    @Test
    void shouldRestoreAStateThatBehavesExactlyLikeTheOriginal()
    {
        final MixedWorkload workload = MixedWorkload.generate(99, HISTORY + FUTURE);
        final EventLog originalLog = new EventLog();
        final MatchingEngine original = new MatchingEngine(MixedWorkload.instruments(), originalLog);
        workload.replay(original, 0, HISTORY);
        originalLog.drain();
        final EventLog restoredLog = new EventLog();
        final MatchingEngine restored = new MatchingEngine(MixedWorkload.instruments(), restoredLog);

        original.snapshot(restored.restorer());

        assertThat(restoredLog.lines).isEmpty();
        assertThat(restored.stateHash()).isEqualTo(original.stateHash());
        assertThat(restored.stateHash()).isNotEqualTo(new MatchingEngine(MixedWorkload.instruments(), restoredLog)
            .stateHash());
        for (int start = HISTORY; start < HISTORY + FUTURE; start += 1_000)
        {
            workload.replay(original, start, start + 1_000);
            workload.replay(restored, start, start + 1_000);
            assertThat(restoredLog.drain()).isEqualTo(originalLog.drain());
            assertThat(restored.stateHash()).isEqualTo(original.stateHash());
        }
    }

    @Test
    void shouldWalkTheStateInCanonicalOrder()
    {
        final EventLog log = new EventLog();
        final MatchingEngine engine = new MatchingEngine(new InstrumentSpec[]{spec(5), spec(3)}, log);
        engine.newOrder(1, 5, 10, 1, Side.SELL, OrderType.LIMIT_GTC, 101, 5, StpMode.NONE);
        engine.newOrder(2, 5, 10, 2, Side.BUY, OrderType.LIMIT_DAY, 98, 5, StpMode.CANCEL_BOTH);
        engine.newOrder(3, 5, 11, 2, Side.BUY, OrderType.POST_ONLY, 99, 6, StpMode.NONE);
        engine.newOrder(4, 5, 12, 2, Side.BUY, OrderType.LIMIT_GTC, 99, 7, StpMode.NONE);
        engine.newOrder(5, 3, 12, 3, Side.SELL, OrderType.LIMIT_GTC, 102, 8, StpMode.NONE);
        engine.setReferencePrice(6, 3, 101);
        final StringBuilder walk = new StringBuilder();

        engine.snapshot(new MatchingSnapshotSink()
        {
            @Override
            public void onEngineState(final long nextOrderId)
            {
                walk.append("engine ").append(nextOrderId).append('\n');
            }

            @Override
            public void onInstrumentState(final int instrumentId, final long referencePrice)
            {
                walk.append("instrument ").append(instrumentId).append(' ').append(referencePrice).append('\n');
            }

            @Override
            public void onOrder(
                final int instrumentId, final long orderId, final int accountId, final long clientOrderId,
                final Side side, final OrderType type, final StpMode stpMode, final long price,
                final long openQuantity, final long timestampNs)
            {
                walk.append(instrumentId).append(' ').append(orderId).append(' ').append(accountId).append(' ')
                    .append(clientOrderId).append(' ').append(side).append(' ').append(type).append(' ')
                    .append(stpMode).append(' ').append(openQuantity).append('@').append(price).append(" t=")
                    .append(timestampNs).append('\n');
            }
        });

        assertThat(walk).hasToString("""
            engine 6
            instrument 3 101
            3 5 12 3 SELL LIMIT_GTC NONE 8@102 t=5
            instrument 5 100
            5 3 11 2 BUY POST_ONLY NONE 6@99 t=3
            5 4 12 2 BUY LIMIT_GTC NONE 7@99 t=4
            5 2 10 2 BUY LIMIT_DAY CANCEL_BOTH 5@98 t=2
            5 1 10 1 SELL LIMIT_GTC NONE 5@101 t=1
            """);
    }

    @Test
    void shouldRestoreOnlyIntoAFreshEngine()
    {
        final MatchingEngine engine = new MatchingEngine(new InstrumentSpec[]{spec(1)}, new EventLog());
        engine.newOrder(1, 1, 10, 1, Side.SELL, OrderType.IOC, 101, 5, StpMode.NONE);

        assertThatThrownBy(engine::restorer).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldRejectAWalkThatIsNotCanonical()
    {
        final MatchingSnapshotSink outOfOrder = freshRestorer();
        outOfOrder.onEngineState(10);
        outOfOrder.onInstrumentState(1, 100);
        outOfOrder.onOrder(1, 1, 10, 1, Side.BUY, OrderType.LIMIT_GTC, StpMode.NONE, 98, 5, 1);
        assertThatThrownBy(() -> outOfOrder.onOrder(
            1, 2, 10, 2, Side.BUY, OrderType.LIMIT_GTC, StpMode.NONE, 99, 5, 2))
            .isInstanceOf(IllegalArgumentException.class);

        final MatchingSnapshotSink crossed = freshRestorer();
        crossed.onEngineState(10);
        crossed.onInstrumentState(1, 100);
        crossed.onOrder(1, 1, 10, 1, Side.BUY, OrderType.LIMIT_GTC, StpMode.NONE, 100, 5, 1);
        assertThatThrownBy(() -> crossed.onOrder(
            1, 2, 11, 2, Side.SELL, OrderType.LIMIT_GTC, StpMode.NONE, 100, 5, 2))
            .isInstanceOf(IllegalArgumentException.class);

        final MatchingSnapshotSink futureId = freshRestorer();
        futureId.onEngineState(3);
        futureId.onInstrumentState(1, 100);
        assertThatThrownBy(() -> futureId.onOrder(
            1, 3, 10, 1, Side.BUY, OrderType.LIMIT_GTC, StpMode.NONE, 100, 5, 1))
            .isInstanceOf(IllegalArgumentException.class);

        final MatchingSnapshotSink offTick = new MatchingEngine(
            new InstrumentSpec[]{new InstrumentSpec(1, 5, 1, 1, 1_000, 1_000, 100)}, new EventLog()).restorer();
        offTick.onEngineState(3);
        offTick.onInstrumentState(1, 100);
        assertThatThrownBy(() -> offTick.onOrder(
            1, 1, 10, 1, Side.BUY, OrderType.LIMIT_GTC, StpMode.NONE, 97, 5, 1))
            .isInstanceOf(IllegalArgumentException.class);

        final MatchingSnapshotSink noEngineState = freshRestorer();
        assertThatThrownBy(() -> noEngineState.onInstrumentState(1, 100)).isInstanceOf(IllegalStateException.class);

        final MatchingSnapshotSink unknownInstrument = freshRestorer();
        unknownInstrument.onEngineState(1);
        assertThatThrownBy(() -> unknownInstrument.onInstrumentState(2, 100))
            .isInstanceOf(IllegalArgumentException.class);
    }

    private static MatchingSnapshotSink freshRestorer()
    {
        return new MatchingEngine(new InstrumentSpec[]{spec(1)}, new EventLog()).restorer();
    }

    private static InstrumentSpec spec(final int instrumentId)
    {
        return new InstrumentSpec(instrumentId, 1, 1, 1, 1_000, 1_000, 100);
    }
}
