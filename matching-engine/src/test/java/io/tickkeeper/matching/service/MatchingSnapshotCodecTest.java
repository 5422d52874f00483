package io.tickkeeper.matching.service;

import io.tickkeeper.matching.BookView;
import io.tickkeeper.matching.InstrumentSpec;
import io.tickkeeper.matching.MatchingEngine;
import io.tickkeeper.matching.Side;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MatchingSnapshotCodecTest
{
    private final ExpandableArrayBuffer command = new ExpandableArrayBuffer(MatchingCommandEncoder.MAX_LENGTH);
    private final ExpandableArrayBuffer snapshot = new ExpandableArrayBuffer(64);

    @Test
    void shouldLoadAWrittenSnapshotIntoAFreshEngineWithTheSameStateHashAndBooks()
    {
        final MatchingEngine original = busyEngine();
        final int length = new MatchingSnapshotCodec(original).writeSnapshot(snapshot);

        final MatchingEngine restored = new MatchingEngine(RandomCommands.INSTRUMENTS, new MatchingEventEncoder());
        new MatchingSnapshotCodec(restored).readSnapshot(snapshot, 0, length);

        assertThat(restored.stateHash()).isEqualTo(original.stateHash());
        int levels = 0;
        for (final InstrumentSpec spec : RandomCommands.INSTRUMENTS)
        {
            final BookView before = original.book(spec.instrumentId());
            final BookView after = restored.book(spec.instrumentId());
            for (final Side side : Side.values())
            {
                assertThat(after.levelCount(side)).isEqualTo(before.levelCount(side));
                levels += before.levelCount(side);
            }
            assertThat(after.bestBid()).isEqualTo(before.bestBid());
            assertThat(after.bestAsk()).isEqualTo(before.bestAsk());
            assertThat(after.referencePrice()).isEqualTo(before.referencePrice());
        }
        assertThat(levels).as("the books are not empty").isGreaterThan(10);
    }

    @Test
    void shouldRefuseASnapshotCutInsideARecord()
    {
        final int length = new MatchingSnapshotCodec(busyEngine()).writeSnapshot(snapshot);
        final MatchingEngine restored = new MatchingEngine(RandomCommands.INSTRUMENTS, new MatchingEventEncoder());

        assertThatThrownBy(() -> new MatchingSnapshotCodec(restored).readSnapshot(snapshot, 0, length - 3))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("snapshot ends inside a record");
    }

    @Test
    void shouldRefuseToLoadIntoAnEngineThatHasAlreadyTraded()
    {
        final int length = new MatchingSnapshotCodec(busyEngine()).writeSnapshot(snapshot);
        final MatchingEngine used = busyEngine();

        assertThatThrownBy(() -> new MatchingSnapshotCodec(used).readSnapshot(snapshot, 0, length))
            .isInstanceOf(IllegalStateException.class);
    }

    private MatchingEngine busyEngine()
    {
        final MatchingEventEncoder events = new MatchingEventEncoder();
        final MatchingEngine engine = new MatchingEngine(RandomCommands.INSTRUMENTS, events);
        final MatchingCommandAdapter adapter = new MatchingCommandAdapter(engine, events);
        final RandomCommands commands = new RandomCommands(7);
        for (int sequence = 1; sequence <= 3_000; sequence++)
        {
            adapter.onInput(sequence, command, 0, commands.next(command), new CollectingSink());
        }
        return engine;
    }
}
