package io.tickkeeper.risk.service;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.tickkeeper.protocol.sbe.CommandRefusedDecoder;
import io.tickkeeper.protocol.sbe.MessageHeaderDecoder;
import io.tickkeeper.protocol.sbe.NewOrderDecoder;
import io.tickkeeper.protocol.sbe.RiskAccountSessionAckDecoder;
import io.tickkeeper.protocol.sbe.RiskExecutionReportDecoder;
import io.tickkeeper.protocol.sbe.RiskTradeDecoder;
import io.tickkeeper.risk.RiskEngine;
import io.tickkeeper.runtime.EnginePipeline;
import io.tickkeeper.runtime.JournalReplayer;
import io.tickkeeper.runtime.OutputPublisher;
import io.tickkeeper.runtime.journal.Journal;
import io.tickkeeper.runtime.session.DeduplicatingHandler;
import io.tickkeeper.runtime.session.SessionSnapshotter;
import io.tickkeeper.runtime.session.SessionTable;
import io.tickkeeper.runtime.snapshot.Snapshot;
import io.tickkeeper.runtime.snapshot.SnapshotStore;
import org.agrona.BitUtil;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The risk engine behind the live pipeline, with a real journal: replay and snapshots must reproduce it. */
class RiskPipelineTest
{
    private static final int INPUTS = 6_000;
    private static final OutputPublisher DISCARD = (sequence, buffer, offset, length) ->
    {
    };

    @TempDir(factory = BuildDirTempDirFactory.class)
    Path dir;

    private final ExpandableArrayBuffer input = new ExpandableArrayBuffer(RiskCommandEncoder.MAX_LENGTH);

    @Test
    void shouldReplayTheJournalIntoAFreshEngineToTheLiveStateAndTheLiveOutputs()
    {
        final Tape live = new Tape();
        final RiskPipeline pipeline = new RiskPipeline(RandomRiskInputs.CONFIG, runtime(live), snapshots());
        try (pipeline)
        {
            assertThat(pipeline.start()).isZero();
            publish(pipeline, new RandomRiskInputs(11), INPUTS);
            Await.until("every input is out", () -> pipeline.outputSequence() == INPUTS);
        }

        final Tape replayed = new Tape();
        final RiskEventEncoder events = new RiskEventEncoder();
        final RiskEngine fresh = new RiskEngine(RandomRiskInputs.CONFIG, events);
        final SessionTable sessions = new SessionTable(RiskPipeline.SESSION_WINDOW, RiskPipeline.MAX_ANSWER_LENGTH,
            SessionTable.DEFAULT_MAX_SESSIONS);
        try (Journal journal = Journal.open(journalDirectory()))
        {
            assertThat(JournalReplayer.replay(journal, 0,
                new DeduplicatingHandler(new RiskCommandAdapter(fresh, events), sessions), replayed))
                .isEqualTo(INPUTS);
        }

        assertThat(fresh.stateHash()).isEqualTo(pipeline.engineStateHash());
        assertThat(sessions.stateHash()).isEqualTo(pipeline.sessionStateHash());
        assertThat(replayed.outputs).containsExactlyElementsOf(live.outputs);
        assertThat(live.countsByTemplate).containsKeys(RiskExecutionReportDecoder.TEMPLATE_ID,
            NewOrderDecoder.TEMPLATE_ID, RiskTradeDecoder.TEMPLATE_ID, RiskAccountSessionAckDecoder.TEMPLATE_ID);
        assertThat(live.countsByTemplate).doesNotContainKey(CommandRefusedDecoder.TEMPLATE_ID);
        assertThat(live.countsByTemplate.get(RiskTradeDecoder.TEMPLATE_ID)).isGreaterThan(50);
        System.out.printf("%d inputs -> %d outputs %s; state hash %016x%n",
            INPUTS, live.outputs.size(), live.countsByTemplate, pipeline.stateHash());
    }

    @Test
    void shouldRestoreFromASnapshotPlusTheJournalTailToTheLiveHash()
    {
        final long snapshotSequence;
        final RandomRiskInputs inputs = new RandomRiskInputs(12);
        final RiskPipeline pipeline = new RiskPipeline(RandomRiskInputs.CONFIG, runtime(DISCARD), snapshots());
        try (pipeline)
        {
            pipeline.start();
            publish(pipeline, inputs, INPUTS / 2);
            Await.until("the first half is out", () -> pipeline.outputSequence() == INPUTS / 2);
            pipeline.requestSnapshot();
            publish(pipeline, inputs, INPUTS / 2);
            Await.until("every input is out", () -> pipeline.outputSequence() == INPUTS);
            snapshotSequence = pipeline.lastSnapshotSequence();
        }
        assertThat(snapshotSequence).isEqualTo(INPUTS / 2 + 1);

        final Optional<Snapshot> snapshot = new SnapshotStore(snapshots()).latest();
        assertThat(snapshot).get().extracting(Snapshot::sequence).isEqualTo(snapshotSequence);
        final long hashAtSnapshot;
        final long restoredHash;
        try (Journal journal = Journal.open(journalDirectory()))
        {
            final RiskEventEncoder events = new RiskEventEncoder();
            final RiskEngine engine = new RiskEngine(RandomRiskInputs.CONFIG, events);
            final SessionTable sessions = new SessionTable(RiskPipeline.SESSION_WINDOW,
                RiskPipeline.MAX_ANSWER_LENGTH, SessionTable.DEFAULT_MAX_SESSIONS);
            new SessionSnapshotter(new RiskSnapshotCodec(engine), sessions)
                .readSnapshot(snapshot.get().state(), 0, snapshot.get().length());
            hashAtSnapshot = engine.stateHash();
            assertThat(JournalReplayer.replay(journal, snapshotSequence,
                new DeduplicatingHandler(new RiskCommandAdapter(engine, events), sessions), DISCARD))
                .isEqualTo(INPUTS);
            restoredHash = RiskPipeline.combine(engine.stateHash(), sessions.stateHash());
        }

        final RiskPipeline restarted = new RiskPipeline(RandomRiskInputs.CONFIG, runtime(DISCARD), snapshots());
        try (restarted)
        {
            assertThat(restarted.start()).isEqualTo(INPUTS);
            assertThat(restarted.lastSnapshotSequence()).isEqualTo(snapshotSequence);
        }
        assertThat(hashAtSnapshot).as("the tail changed the state").isNotEqualTo(pipeline.engineStateHash());
        assertThat(restoredHash).isEqualTo(pipeline.stateHash());
        assertThat(restarted.stateHash()).isEqualTo(pipeline.stateHash());
    }

    @Test
    void shouldAnswerAResentCommandWithItsFirstAnswerInsteadOfApplyingItAgain()
    {
        final Tape live = new Tape();
        final RiskCommandEncoder encoder = new RiskCommandEncoder();
        final RiskPipeline pipeline = new RiskPipeline(RandomRiskInputs.CONFIG, runtime(live), snapshots());
        try (pipeline)
        {
            pipeline.start();
            pipeline.publish(input, 0, encoder.referencePrice(input, 0, 1, 1, 10_000, 1, 1));
            final int order = encoder.newOrder(input, 0, 11, 1, 2, 1, 1, "A-1",
                io.tickkeeper.protocol.sbe.Side.BUY, io.tickkeeper.protocol.sbe.OrderType.LIMIT_GTC, 10_000, 5);
            pipeline.publish(input, 0, order);
            pipeline.publish(input, 0, order);
            assertThatThrownBy(() -> pipeline.publish(input, 0, 5)).isInstanceOf(IllegalArgumentException.class);
            Await.until("every input is out", () -> pipeline.outputSequence() == 3);
        }
        assertThat(live.countsByTemplate.get(NewOrderDecoder.TEMPLATE_ID)).as("forwarded once").isEqualTo(1);
        final List<String> reports = live.outputs.stream().filter(o -> o.template == RiskExecutionReportDecoder
            .TEMPLATE_ID).map(Tape.Output::hex).toList();
        assertThat(reports).hasSize(2);
        assertThat(reports.get(1)).as("the same answer again, from the session table").isEqualTo(reports.get(0));
    }

    private void publish(final RiskPipeline pipeline, final RandomRiskInputs inputs, final int count)
    {
        for (int i = 0; i < count; i++)
        {
            pipeline.publish(input, 0, inputs.next(input));
        }
    }

    private EnginePipeline.Context runtime(final OutputPublisher publisher)
    {
        return new EnginePipeline.Context()
            .name("risk-test")
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

    /** Every output as its input's sequence, template and hex bytes. */
    private static final class Tape implements OutputPublisher
    {
        record Output(long sequence, int template, String hex)
        {
        }

        final List<Output> outputs = new ArrayList<>();
        final Map<Integer, Integer> countsByTemplate = new TreeMap<>();

        @Override
        public synchronized void onOutput(
            final long sequence, final DirectBuffer buffer, final int offset, final int length)
        {
            final byte[] bytes = new byte[length];
            buffer.getBytes(offset, bytes);
            final int template = buffer.getShort(offset + 2, MessageHeaderDecoder.BYTE_ORDER) & 0xFFFF;
            outputs.add(new Output(sequence, template, BitUtil.toHex(bytes)));
            countsByTemplate.merge(template, 1, Integer::sum);
        }
    }
}
