package io.tickkeeper.runtime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnginePipelineTest
{
    @TempDir
    Path dir;

    private final ExpandableArrayBuffer input = new ExpandableArrayBuffer(256);

    @Test
    void shouldSequenceFromOneAndStampEpochAndSequenceIntoTheFrame()
    {
        final CountingMachine machine = new CountingMachine();
        final RecordingPublisher publisher = new RecordingPublisher();
        try (EnginePipeline pipeline = new EnginePipeline(context(machine, publisher).epoch(42)))
        {
            assertThat(pipeline.start()).isZero();
            assertThat(publish(pipeline, 1, 1)).isEqualTo(1);
            assertThat(publish(pipeline, 2, 2)).isEqualTo(2);
            assertThat(publish(pipeline, 3, 3)).isEqualTo(3);
            Await.until("three inputs are out", () -> pipeline.outputSequence() == 3);

            assertThat(pipeline.journalledSequence()).isEqualTo(3);
            assertThat(machine.lastSequence()).isEqualTo(3);
            assertThat(machine.lastEpoch()).isEqualTo(42);
        }
        assertThat(publisher.outputs()).containsExactly("1:0:1", "2:0:2", "2:1:2");
    }

    @Test
    void shouldHandOutputsOverInInputOrderFromConcurrentProducers() throws InterruptedException
    {
        final CountingMachine machine = new CountingMachine();
        final List<Long> seen = new ArrayList<>();
        final OutputPublisher publisher = (sequence, buffer, offset, length) -> seen.add(sequence);
        final int producers = 2;
        final int perProducer = 5_000;
        try (EnginePipeline pipeline = new EnginePipeline(context(machine, publisher).ringSize(64)))
        {
            pipeline.start();
            final List<Thread> threads = new ArrayList<>();
            for (int p = 0; p < producers; p++)
            {
                final Thread thread = new Thread(() ->
                {
                    final ExpandableArrayBuffer own = new ExpandableArrayBuffer(256);
                    for (int i = 0; i < perProducer; i++)
                    {
                        final int length = TestInputs.encode(own, 0, i, i, 1);
                        pipeline.publish(own, 0, length);
                    }
                });
                threads.add(thread);
                thread.start();
            }
            for (final Thread thread : threads)
            {
                thread.join();
            }
            Await.until("every input is out", () -> pipeline.outputSequence() == producers * perProducer);
        }
        assertThat(seen).hasSize(producers * perProducer);
        for (int i = 0; i < seen.size(); i++)
        {
            assertThat(seen.get(i)).isEqualTo(i + 1L);
        }
    }

    @Test
    void shouldNeverReleaseOutputsBeforeTheJournalAndEveryGateHavePassedTheInput()
    {
        final AtomicLong slowGatePassed = new AtomicLong();
        final InputGate slowGate = (sequence, buffer, offset, length, endOfBatch) ->
        {
            if (sequence % 8 == 0)
            {
                LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200));
            }
            slowGatePassed.set(sequence);
        };
        final AtomicInteger violations = new AtomicInteger();
        final AtomicLong checked = new AtomicLong();
        final EnginePipeline[] holder = new EnginePipeline[1];
        final OutputPublisher publisher = (sequence, buffer, offset, length) ->
        {
            if (slowGatePassed.get() < sequence || holder[0].journalledSequence() < sequence)
            {
                violations.incrementAndGet();
            }
            checked.incrementAndGet();
        };
        final int inputs = 2_000;
        try (EnginePipeline pipeline = new EnginePipeline(context(new CountingMachine(), publisher).addGate(slowGate)))
        {
            holder[0] = pipeline;
            pipeline.start();
            for (int i = 1; i <= inputs; i++)
            {
                publish(pipeline, i, 1);
            }
            Await.until("every input is out", () -> pipeline.outputSequence() == inputs);
        }
        assertThat(checked.get()).isEqualTo(inputs);
        assertThat(violations.get()).isZero();
    }

    @Test
    void shouldContinueTheSequenceAndTheStateAfterARestart()
    {
        final CountingMachine first = new CountingMachine();
        try (EnginePipeline pipeline = new EnginePipeline(context(first, new RecordingPublisher())))
        {
            pipeline.start();
            for (int i = 1; i <= 100; i++)
            {
                publish(pipeline, i, i);
            }
            Await.until("100 inputs are out", () -> pipeline.outputSequence() == 100);
        }

        final CountingMachine second = new CountingMachine();
        final RecordingPublisher publisher = new RecordingPublisher();
        try (EnginePipeline pipeline = new EnginePipeline(context(second, publisher)))
        {
            assertThat(pipeline.start()).isEqualTo(100);
            assertThat(second.hash()).isEqualTo(first.hash());
            assertThat(publisher.count()).as("replayed outputs are not published again").isZero();
            assertThat(publish(pipeline, 101, 1)).isEqualTo(101);
            Await.until("input 101 is out", () -> pipeline.outputSequence() == 101);
        }
        assertThat(publisher.outputs()).containsExactly("101:0:" + second.total(101 % CountingMachine.KEYS));
    }

    @Test
    void shouldJournalEverythingWhenSyncingAtEveryBatchEnd()
    {
        final CountingMachine first = new CountingMachine();
        try (EnginePipeline pipeline = new EnginePipeline(context(first, new RecordingPublisher())
            .journalSyncOnBatchEnd(true)))
        {
            pipeline.start();
            for (int i = 1; i <= 200; i++)
            {
                publish(pipeline, i, i);
            }
            Await.until("200 inputs are out", () -> pipeline.outputSequence() == 200);
        }
        final CountingMachine second = new CountingMachine();
        try (EnginePipeline pipeline = new EnginePipeline(context(second, new RecordingPublisher())))
        {
            assertThat(pipeline.start()).isEqualTo(200);
        }
        assertThat(second.hash()).isEqualTo(first.hash());
    }

    @Test
    void shouldRecoverFromTheNewestSnapshotPlusTheJournalAfterIt()
    {
        final CountingMachine live = new CountingMachine();
        final long snapshotSequence;
        try (EnginePipeline pipeline = new EnginePipeline(snapshotting(live)))
        {
            pipeline.start();
            for (int i = 1; i <= 500; i++)
            {
                publish(pipeline, i, i);
            }
            Await.until("the first half is out", () -> pipeline.outputSequence() == 500);
            pipeline.requestSnapshot();
            for (int i = 501; i <= 1_000; i++)
            {
                publish(pipeline, i, i);
            }
            Await.until("a snapshot is written", () -> pipeline.lastSnapshotSequence() > 0);
            Await.until("every input is out", () -> pipeline.outputSequence() == 1_000);
            snapshotSequence = pipeline.lastSnapshotSequence();
        }
        assertThat(snapshotSequence).as("taken after the next input applied").isEqualTo(501);

        final CountingMachine restored = new CountingMachine();
        final List<Long> replayed = new ArrayList<>();
        final InputHandler spy = (sequence, buffer, offset, length, out) ->
        {
            replayed.add(sequence);
            restored.onInput(sequence, buffer, offset, length, out);
        };
        try (EnginePipeline pipeline = new EnginePipeline(
            context(spy, new RecordingPublisher()).snapshots(restored, dir.resolve("snapshots"))))
        {
            assertThat(pipeline.start()).isEqualTo(1_000);
            assertThat(pipeline.lastSnapshotSequence()).isEqualTo(snapshotSequence);
        }
        assertThat(replayed).first().isEqualTo(snapshotSequence + 1);
        assertThat(replayed).hasSize((int)(1_000 - snapshotSequence));
        assertThat(restored.hash()).isEqualTo(live.hash());
    }

    @Test
    void shouldFailStopWhenTheLogicThrowsAndReleaseNothingOfThatInput()
    {
        final RecordingPublisher publisher = new RecordingPublisher();
        final EnginePipeline pipeline = new EnginePipeline(context(new CountingMachine(), publisher));
        pipeline.start();
        publish(pipeline, 1, 1);
        publish(pipeline, 2, CountingMachine.POISON);
        Await.until("the pipeline fails", () -> pipeline.state() == PipelineState.FAILED);
        Await.until("input 1 is out", () -> pipeline.outputSequence() == 1);

        assertThat(pipeline.failure()).isInstanceOf(IllegalArgumentException.class).hasMessage("poisoned input 2");
        assertThatThrownBy(() -> publish(pipeline, 3, 1))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("FAILED");
        pipeline.close();
        assertThat(pipeline.state()).isEqualTo(PipelineState.CLOSED);
        assertThat(publisher.outputs()).containsExactly("1:0:1");
    }

    @Test
    void shouldRejectBytesThatAreNotAnInputBeforeSequencingThem()
    {
        try (EnginePipeline pipeline = new EnginePipeline(context(new CountingMachine(), new RecordingPublisher())))
        {
            pipeline.start();
            final int length = TestInputs.encode(input, 0, 1, 1, 1);

            assertThatThrownBy(() -> pipeline.publish(input, 0, 20))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least");
            input.putShort(4, (short)99);
            assertThatThrownBy(() -> pipeline.publish(input, 0, length))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("schema 99");
            input.putShort(4, (short)1);
            input.putShort(0, (short)8);
            assertThatThrownBy(() -> pipeline.publish(input, 0, length))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot hold the input frame");
            input.putShort(0, (short)400);
            assertThatThrownBy(() -> pipeline.publish(input, 0, length))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overruns");
            assertThatThrownBy(() -> pipeline.publish(input, 0, 600))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxInputLength");

            assertThat(publish(pipeline, 1, 1)).as("nothing was sequenced").isEqualTo(1);
        }
    }

    @Test
    void shouldRefuseInputsBeforeStartAndAfterClose()
    {
        final EnginePipeline pipeline = new EnginePipeline(context(new CountingMachine(), new RecordingPublisher()));
        assertThat(pipeline.state()).isEqualTo(PipelineState.LATENT);
        assertThatThrownBy(() -> publish(pipeline, 1, 1)).hasMessageContaining("LATENT");

        pipeline.start();
        assertThat(pipeline.state()).isEqualTo(PipelineState.RUNNING);
        assertThatThrownBy(pipeline::start).isInstanceOf(IllegalStateException.class);

        pipeline.close();
        pipeline.close();
        assertThat(pipeline.state()).isEqualTo(PipelineState.CLOSED);
        assertThatThrownBy(() -> publish(pipeline, 1, 1)).hasMessageContaining("CLOSED");
    }

    @Test
    void shouldRefuseASnapshotRequestWithoutSnapshotsConfigured()
    {
        try (EnginePipeline pipeline = new EnginePipeline(context(new CountingMachine(), new RecordingPublisher())))
        {
            pipeline.start();
            assertThatThrownBy(pipeline::requestSnapshot).hasMessageContaining("no snapshotter");
        }
    }

    @Test
    void shouldValidateTheContextOnce()
    {
        final CountingMachine machine = new CountingMachine();
        final RecordingPublisher publisher = new RecordingPublisher();

        assertThatThrownBy(() -> new EnginePipeline(context(machine, publisher).ringSize(1000)))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("ringSize must be a power of 2: 1000");
        assertThatThrownBy(() -> new EnginePipeline(context(machine, publisher).maxInputLength(16)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxInputLength must be >= 48");
        assertThatThrownBy(() -> new EnginePipeline(context(machine, publisher).journalDirectory(null)))
            .isInstanceOf(NullPointerException.class).hasMessage("journalDirectory must be set");
        assertThatThrownBy(() -> new EnginePipeline(context(machine, publisher).waitStrategy(null)))
            .isInstanceOf(NullPointerException.class).hasMessage("waitStrategy must be set");
        assertThatThrownBy(() -> new EnginePipeline(context(machine, publisher).snapshots(machine, null)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("set together");
        assertThatThrownBy(() -> new EnginePipeline(context(machine, publisher).epoch(-1)))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("epoch must be >= 0: -1");
    }

    private EnginePipeline.Context context(final InputHandler handler, final OutputPublisher publisher)
    {
        return new EnginePipeline.Context()
            .name("test")
            .journalDirectory(dir.resolve("journal"))
            .inputHandler(handler)
            .outputPublisher(publisher);
    }

    private EnginePipeline.Context snapshotting(final CountingMachine machine)
    {
        return context(machine, new RecordingPublisher()).snapshots(machine, dir.resolve("snapshots"));
    }

    private long publish(final EnginePipeline pipeline, final long key, final long amount)
    {
        final int length = TestInputs.encode(input, 0, key * 1_000, key, amount);
        return pipeline.publish(input, 0, length);
    }
}
