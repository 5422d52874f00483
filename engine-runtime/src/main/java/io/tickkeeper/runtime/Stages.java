package io.tickkeeper.runtime;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.Sequence;

/**
 * The ring's event handlers: each adapts one job (a gate, the logic, the output) to a stage thread. Each
 * reports its progress after every input, not only at the end of a batch, so a later stage never waits for a
 * batch to finish and an input that completed is never held back by a later one that failed; the exception is a
 * gate that {@link InputGate#passesAtBatchEnd() passes at batch end} (the replicator), whose inputs pass together
 * when the batch's acknowledgement has come.
 */
final class Stages
{
    private Stages()
    {
    }

    /** Runs an {@link InputGate} on its own thread. */
    static final class GateStage implements EventHandler<InputSlot>
    {
        private final String threadName;
        private final InputGate gate;
        private final boolean passesAtBatchEnd;
        private Sequence progress;

        GateStage(final String threadName, final InputGate gate)
        {
            this.threadName = threadName;
            this.gate = gate;
            this.passesAtBatchEnd = gate.passesAtBatchEnd();
        }

        @Override
        public void onStart()
        {
            Thread.currentThread().setName(threadName);
            gate.onStart();
        }

        @Override
        public void setSequenceCallback(final Sequence sequenceCallback)
        {
            progress = sequenceCallback;
        }

        @Override
        public void onEvent(final InputSlot slot, final long ringSequence, final boolean endOfBatch)
        {
            gate.onInput(slot.sequence, slot.input, 0, slot.inputLength, endOfBatch);
            if (endOfBatch || !passesAtBatchEnd)
            {
                progress.set(ringSequence);
            }
        }

        @Override
        public void onShutdown()
        {
            gate.onClose();
        }
    }

    /** Runs the business logic and, when asked, takes the state for a snapshot between two inputs. */
    static final class LogicStage implements EventHandler<InputSlot>
    {
        private final String threadName;
        private final InputHandler handler;
        private final SnapshotHandoff snapshots;
        private Sequence progress;

        LogicStage(final String threadName, final InputHandler handler, final SnapshotHandoff snapshots)
        {
            this.threadName = threadName;
            this.handler = handler;
            this.snapshots = snapshots;
        }

        @Override
        public void onStart()
        {
            Thread.currentThread().setName(threadName);
        }

        @Override
        public void setSequenceCallback(final Sequence sequenceCallback)
        {
            progress = sequenceCallback;
        }

        @Override
        public void onEvent(final InputSlot slot, final long ringSequence, final boolean endOfBatch)
        {
            slot.outputs.reset();
            handler.onInput(slot.sequence, slot.input, 0, slot.inputLength, slot.outputs);
            slot.snapshotTaken = snapshots != null && snapshots.takeIfRequested();
            progress.set(ringSequence);
        }
    }

    /** Hands each input's outputs to the publisher, then writes a snapshot taken after that input. */
    static final class OutputStage implements EventHandler<InputSlot>
    {
        private final String threadName;
        private final OutputPublisher publisher;
        private final SnapshotHandoff snapshots;
        private Sequence progress;

        OutputStage(final String threadName, final OutputPublisher publisher, final SnapshotHandoff snapshots)
        {
            this.threadName = threadName;
            this.publisher = publisher;
            this.snapshots = snapshots;
        }

        @Override
        public void onStart()
        {
            Thread.currentThread().setName(threadName);
        }

        @Override
        public void setSequenceCallback(final Sequence sequenceCallback)
        {
            progress = sequenceCallback;
        }

        @Override
        public void onEvent(final InputSlot slot, final long ringSequence, final boolean endOfBatch)
        {
            slot.outputs.publishTo(slot.sequence, publisher);
            if (slot.snapshotTaken)
            {
                snapshots.write(slot.sequence);
            }
            progress.set(ringSequence);
        }
    }
}
