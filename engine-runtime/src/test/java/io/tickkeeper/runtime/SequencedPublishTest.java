package io.tickkeeper.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.tickkeeper.protocol.sbe.InputFrameEncoder;
import io.tickkeeper.protocol.sbe.MessageHeaderEncoder;
import io.tickkeeper.runtime.journal.Journal;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SequencedPublishTest
{
    @TempDir
    Path dir;

    private final ExpandableArrayBuffer input = new ExpandableArrayBuffer(256);

    @Test
    void shouldStampTheNewEpochOnceTheEpochIsRaised()
    {
        final CountingMachine machine = new CountingMachine();
        try (EnginePipeline pipeline = new EnginePipeline(context(machine, new RecordingPublisher()).epoch(1)))
        {
            pipeline.start();
            publish(pipeline, 1);
            Await.until("first input applied", () -> pipeline.outputSequence() == 1);
            assertThat(machine.lastEpoch()).isEqualTo(1);

            pipeline.epoch(2);
            publish(pipeline, 2);
            Await.until("second input applied", () -> pipeline.outputSequence() == 2);
            assertThat(machine.lastEpoch()).isEqualTo(2);
            assertThat(pipeline.journalledEpoch()).isEqualTo(2);
            assertThatThrownBy(() -> pipeline.epoch(1)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void shouldTakeSequencedInputsWithoutRestampingAndRefuseAGap()
    {
        final CountingMachine machine = new CountingMachine();
        final List<Long> journalled = new CopyOnWriteArrayList<>();
        try (EnginePipeline pipeline = new EnginePipeline(context(machine, new RecordingPublisher())
            .journalListener((epoch, sequence) -> journalled.add(epoch * 1_000 + sequence))))
        {
            pipeline.start();
            assertThat(publishSequenced(pipeline, 5, 1)).isEqualTo(1);
            assertThat(publishSequenced(pipeline, 7, 2)).isEqualTo(2);
            assertThatThrownBy(() -> publishSequenced(pipeline, 7, 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not the next: 3");
            Await.until("two inputs out", () -> pipeline.outputSequence() == 2);

            assertThat(machine.lastEpoch()).isEqualTo(7);
            assertThat(pipeline.epoch()).isEqualTo(7);
            assertThat(pipeline.publishedSequence()).isEqualTo(2);
            assertThat(journalled).last().isEqualTo(7_002L);
        }
    }

    @Test
    void shouldRefuseAndCountAStaleEpochInTheJournalAndLetNothingOfItOut()
    {
        final CountingMachine machine = new CountingMachine();
        final RecordingPublisher publisher = new RecordingPublisher();
        try (EnginePipeline pipeline = new EnginePipeline(context(machine, publisher)))
        {
            pipeline.start();
            publishSequenced(pipeline, 2, 1);
            Await.until("first input out", () -> pipeline.outputSequence() == 1);
            publishSequenced(pipeline, 1, 2);
            Await.until("the pipeline failed", () -> pipeline.state() == PipelineState.FAILED);

            assertThat(pipeline.staleEpochRefused()).isEqualTo(1);
            assertThat(pipeline.failure()).isInstanceOf(StaleEpochException.class);
            assertThat(pipeline.journalledSequence()).isEqualTo(1);
            assertThat(pipeline.outputSequence()).isEqualTo(1);
        }
        assertThat(publisher.outputs()).containsExactly("1:0:1");
        try (Journal journal = Journal.open(dir.resolve("journal")))
        {
            assertThat(journal.lastSequence()).isEqualTo(1);
        }
    }

    @Test
    void shouldRecoverTheEpochOfTheLastJournalledInput()
    {
        try (EnginePipeline pipeline = new EnginePipeline(context(new CountingMachine(), new RecordingPublisher())))
        {
            pipeline.start();
            publishSequenced(pipeline, 3, 1);
            publishSequenced(pipeline, 4, 2);
            Await.until("two inputs journalled", () -> pipeline.journalledSequence() == 2);
        }
        try (EnginePipeline pipeline = new EnginePipeline(context(new CountingMachine(), new RecordingPublisher())
            .epoch(1)))
        {
            assertThat(pipeline.start()).isEqualTo(2);
            assertThat(pipeline.recoveredEpoch()).isEqualTo(4);
            assertThat(pipeline.epoch()).isEqualTo(4);
            assertThat(pipeline.journalledEpoch()).isEqualTo(4);
            assertThatThrownBy(() -> pipeline.epoch(3)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private EnginePipeline.Context context(final InputHandler handler, final OutputPublisher publisher)
    {
        return new EnginePipeline.Context()
            .name("sequenced")
            .journalDirectory(dir.resolve("journal"))
            .inputHandler(handler)
            .outputPublisher(publisher);
    }

    private void publish(final EnginePipeline pipeline, final long amount)
    {
        final int length = TestInputs.encode(input, 0, 1_000, 1, amount);
        pipeline.publish(input, 0, length);
    }

    private long publishSequenced(final EnginePipeline pipeline, final long epoch, final long sequence)
    {
        final int length = TestInputs.encode(input, 0, sequence * 1_000, 1, 1);
        new InputFrameEncoder().wrap(input, MessageHeaderEncoder.ENCODED_LENGTH).epoch(epoch).sequence(sequence);
        return pipeline.publishSequenced(input, 0, length);
    }
}
