package io.tickkeeper.matching.service;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import io.tickkeeper.matching.MatchingEngine;
import io.tickkeeper.protocol.sbe.OrderAcceptedDecoder;
import io.tickkeeper.protocol.sbe.OrderCancelledDecoder;
import io.tickkeeper.protocol.sbe.OrderExpiredDecoder;
import io.tickkeeper.protocol.sbe.OrderRejectedDecoder;
import io.tickkeeper.protocol.sbe.OrderReplacedDecoder;
import io.tickkeeper.protocol.sbe.TradeDecoder;
import io.tickkeeper.runtime.EnginePipeline;
import io.tickkeeper.runtime.JournalReplayer;
import io.tickkeeper.runtime.OutputPublisher;
import io.tickkeeper.runtime.journal.Journal;
import io.tickkeeper.runtime.session.SessionSnapshotter;
import io.tickkeeper.runtime.session.SessionTable;
import io.tickkeeper.runtime.snapshot.Snapshot;
import io.tickkeeper.runtime.snapshot.SnapshotStore;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The matching engine behind the live pipeline, with a real journal: replay and snapshots must reproduce it. */
class MatchingPipelineTest
{
    private static final int COMMANDS = 20_000;
    private static final long SEED = 20_261_125L;
    private static final OutputPublisher DISCARD = (sequence, buffer, offset, length) ->
    {
    };

    @TempDir(factory = BuildDirTempDirFactory.class)
    Path dir;

    private final ExpandableArrayBuffer command = new ExpandableArrayBuffer(MatchingCommandEncoder.MAX_LENGTH);

    @Test
    void shouldReplayTheJournalIntoAFreshEngineToTheLiveStateAndTheLiveEvents()
    {
        final EventTape live = new EventTape();
        final MatchingPipeline pipeline =
            new MatchingPipeline(RandomCommands.INSTRUMENTS, runtime(live), snapshots());
        try (pipeline)
        {
            assertThat(pipeline.start()).isZero();
            publish(pipeline, new RandomCommands(SEED), COMMANDS);
            Await.until("every command is out", () -> pipeline.outputSequence() == COMMANDS);
        }
        final long liveHash = pipeline.engineStateHash();

        final EventTape replayed = new EventTape();
        final MatchingEventEncoder events = new MatchingEventEncoder();
        final MatchingEngine fresh = new MatchingEngine(RandomCommands.INSTRUMENTS, events);
        try (Journal journal = Journal.open(journalDirectory()))
        {
            assertThat(JournalReplayer.replay(journal, 0, new MatchingCommandAdapter(fresh, events), replayed))
                .isEqualTo(COMMANDS);
        }

        assertThat(fresh.stateHash()).isEqualTo(liveHash);
        assertThat(replayed.events()).hasSameSizeAs(live.events());
        assertThat(replayed.events()).containsExactlyElementsOf(live.events());
        assertThat(live.countsByTemplate()).containsKeys(OrderAcceptedDecoder.TEMPLATE_ID,
            OrderRejectedDecoder.TEMPLATE_ID, TradeDecoder.TEMPLATE_ID, OrderCancelledDecoder.TEMPLATE_ID,
            OrderReplacedDecoder.TEMPLATE_ID, OrderExpiredDecoder.TEMPLATE_ID);
        assertThat(live.countsByTemplate().get(TradeDecoder.TEMPLATE_ID)).isGreaterThan(1_000);
        System.out.printf("%d commands -> %d events %s; state hash %016x%n",
            COMMANDS, live.events().size(), live.countsByTemplate(), liveHash);
    }

    @Test
    void shouldRestoreFromASnapshotPlusTheJournalTailToTheFullReplayAndLiveHash()
    {
        final long snapshotSequence;
        final RandomCommands commands = new RandomCommands(SEED + 1);
        final MatchingPipeline pipeline =
            new MatchingPipeline(RandomCommands.INSTRUMENTS, runtime(DISCARD), snapshots());
        try (pipeline)
        {
            pipeline.start();
            publish(pipeline, commands, COMMANDS / 2);
            Await.until("the first half is out", () -> pipeline.outputSequence() == COMMANDS / 2);
            pipeline.requestSnapshot();
            publish(pipeline, commands, COMMANDS / 2);
            Await.until("every command is out", () -> pipeline.outputSequence() == COMMANDS);
            snapshotSequence = pipeline.lastSnapshotSequence();
        }
        final long liveHash = pipeline.engineStateHash();
        assertThat(snapshotSequence).isEqualTo(COMMANDS / 2 + 1);

        final long fullReplayHash;
        try (Journal journal = Journal.open(journalDirectory()))
        {
            final MatchingEventEncoder events = new MatchingEventEncoder();
            final MatchingEngine engine = new MatchingEngine(RandomCommands.INSTRUMENTS, events);
            JournalReplayer.replay(journal, 0, new MatchingCommandAdapter(engine, events), DISCARD);
            fullReplayHash = engine.stateHash();
        }

        final long restoredHash;
        final long hashAtSnapshot;
        final Optional<Snapshot> snapshot = new SnapshotStore(snapshots()).latest();
        assertThat(snapshot).get().extracting(Snapshot::sequence).isEqualTo(snapshotSequence);
        try (Journal journal = Journal.open(journalDirectory()))
        {
            final MatchingEventEncoder events = new MatchingEventEncoder();
            final MatchingEngine engine = new MatchingEngine(RandomCommands.INSTRUMENTS, events);
            new SessionSnapshotter(new MatchingSnapshotCodec(engine), new SessionTable())
                .readSnapshot(snapshot.get().state(), 0, snapshot.get().length());
            hashAtSnapshot = engine.stateHash();
            assertThat(JournalReplayer.replay(
                journal, snapshotSequence, new MatchingCommandAdapter(engine, events), DISCARD)).isEqualTo(COMMANDS);
            restoredHash = engine.stateHash();
        }

        final MatchingPipeline restarted =
            new MatchingPipeline(RandomCommands.INSTRUMENTS, runtime(DISCARD), snapshots());
        try (restarted)
        {
            assertThat(restarted.start()).isEqualTo(COMMANDS);
            assertThat(restarted.lastSnapshotSequence()).isEqualTo(snapshotSequence);
        }
        final long restartedHash = restarted.engineStateHash();

        assertThat(hashAtSnapshot).as("the tail changed the state").isNotEqualTo(liveHash);
        assertThat(fullReplayHash).isEqualTo(liveHash);
        assertThat(restoredHash).isEqualTo(liveHash);
        assertThat(restartedHash).isEqualTo(liveHash);
        assertThat(restarted.sessionStateHash()).as("the session table survives snapshot and replay")
            .isEqualTo(pipeline.sessionStateHash());
        assertThat(restarted.stateHash()).isEqualTo(pipeline.stateHash());
    }

    @Test
    void shouldNeverPublishTheEventsOfACommandBeforeTheJournalHoldsIt()
    {
        final AtomicLong checked = new AtomicLong();
        final AtomicLong early = new AtomicLong();
        final MatchingPipeline[] holder = new MatchingPipeline[1];
        final OutputPublisher publisher = (sequence, buffer, offset, length) ->
        {
            if (holder[0].journalledSequence() < sequence)
            {
                early.incrementAndGet();
            }
            checked.incrementAndGet();
        };
        try (MatchingPipeline pipeline = new MatchingPipeline(
            RandomCommands.INSTRUMENTS, runtime(publisher), snapshots()))
        {
            holder[0] = pipeline;
            pipeline.start();
            publish(pipeline, new RandomCommands(SEED + 2), COMMANDS / 2);
            Await.until("every command is out", () -> pipeline.outputSequence() == COMMANDS / 2);
        }
        assertThat(checked.get()).isGreaterThan(COMMANDS / 2);
        assertThat(early.get()).isZero();
    }

    private void publish(final MatchingPipeline pipeline, final RandomCommands commands, final int count)
    {
        for (int i = 0; i < count; i++)
        {
            pipeline.publish(command, 0, commands.next(command));
        }
    }

    private EnginePipeline.Context runtime(final OutputPublisher publisher)
    {
        return new EnginePipeline.Context()
            .name("matching-test")
            .journalDirectory(journalDirectory())
            .epoch(3)
            .outputPublisher(publisher);
    }

    private Path journalDirectory()
    {
        return dir.resolve("journal");
    }

    private Path snapshots()
    {
        return dir.resolve("snapshots");
    }
}
