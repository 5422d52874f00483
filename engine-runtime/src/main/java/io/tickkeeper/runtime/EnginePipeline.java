package io.tickkeeper.runtime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.EventHandlerGroup;
import com.lmax.disruptor.dsl.ProducerType;
import io.tickkeeper.runtime.journal.Journal;
import io.tickkeeper.runtime.journal.JournalReader;
import io.tickkeeper.runtime.snapshot.Snapshot;
import io.tickkeeper.runtime.snapshot.SnapshotStore;
import net.openhft.chronicle.queue.RollCycle;
import org.agrona.DirectBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sequenced input pipeline of one engine. Producers {@link #publish} SBE-encoded inputs into a ring of
 * preallocated slots; the runtime gives each input the next sequence and stamps it (with the epoch) into the
 * input frame. Then, in parallel, each on its own thread: the journaller appends the input to the journal, any
 * extra {@link InputGate}s (a replicator, later) take it, and the business logic ({@link InputHandler}) applies it
 * and writes its outputs into the slot. Only when every gate and the logic have passed an input does the output
 * stage hand that input's outputs to the {@link OutputPublisher}:
 * <pre>
 *                 +-- journaller --------+
 *   publish -&gt; ring +-- (more gates) ------+--&gt; output stage --&gt; OutputPublisher
 *                 +-- business logic ----+
 * </pre>
 * {@link #start()} first recovers: it loads the newest snapshot (when snapshots are configured) and replays
 * the journal after it into the handler, so the state matches the journal before new inputs are taken.
 * Lifecycle: {@link PipelineState#LATENT} → {@link PipelineState#RUNNING} (→ {@link PipelineState#FAILED} when a
 * stage throws) → {@link PipelineState#CLOSED}.
 */
public final class EnginePipeline implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(EnginePipeline.class);
    private static final OutputPublisher DISCARD = (sequence, buffer, offset, length) ->
    {
    };

    private final String name;
    private final int ringSize;
    private final int maxInputLength;
    private final int initialOutputCapacity;
    private final WaitStrategyType waitStrategy;
    private final boolean journalSyncOnBatchEnd;
    private final boolean singleProducer;
    private final long shutdownTimeoutNs;
    private final InputHandler inputHandler;
    private final OutputPublisher outputPublisher;
    private final List<InputGate> extraGates;
    private final JournalListener journalListener;
    private final StateSnapshotter snapshotter;
    private final SnapshotStore snapshotStore;
    private final Journal journal;
    private final StageThreads threads;
    private final AtomicReference<PipelineState> state = new AtomicReference<>(PipelineState.LATENT);

    private Disruptor<InputSlot> disruptor;
    private RingBuffer<InputSlot> ringBuffer;
    private JournalGate journalGate;
    private SnapshotHandoff snapshots;
    private Stages.OutputStage outputStage;
    private long firstSequence;
    private long recoveredEpoch;
    private volatile long epoch;
    private volatile Throwable failure;

    /**
     * Validates the context and opens the journal; nothing runs until {@link #start()}.
     *
     * @param context the settings; read once, so it may be changed or reused afterwards.
     */
    public EnginePipeline(final Context context)
    {
        context.conclude();
        name = context.name;
        ringSize = context.ringSize;
        maxInputLength = context.maxInputLength;
        initialOutputCapacity = context.initialOutputCapacity;
        waitStrategy = context.waitStrategy;
        journalSyncOnBatchEnd = context.journalSyncOnBatchEnd;
        singleProducer = context.singleProducer;
        epoch = context.epoch;
        shutdownTimeoutNs = context.shutdownTimeoutNs;
        inputHandler = context.inputHandler;
        outputPublisher = context.outputPublisher;
        extraGates = List.copyOf(context.gates);
        journalListener = context.journalListener;
        snapshotter = context.snapshotter;
        snapshotStore = context.snapshotDirectory == null ? null : new SnapshotStore(context.snapshotDirectory);
        journal = Journal.open(context.journalDirectory, context.journalRollCycle);
        threads = new StageThreads(name);
    }

    /**
     * Recovers the state (newest snapshot, then the journal after it) on the calling thread, then starts the
     * stage threads and accepts inputs. Call once.
     *
     * @return the sequence of the last input recovered (0 for a new journal); the next input gets the one after.
     */
    public long start()
    {
        if (state.get() != PipelineState.LATENT)
        {
            throw new IllegalStateException("cannot start: pipeline is " + state.get());
        }
        long recoveredSequence = 0;
        if (snapshotStore != null)
        {
            final Optional<Snapshot> snapshot = snapshotStore.latest();
            if (snapshot.isPresent())
            {
                snapshotter.readSnapshot(snapshot.get().state(), 0, snapshot.get().length());
                recoveredSequence = snapshot.get().sequence();
            }
            snapshots = new SnapshotHandoff(snapshotter, snapshotStore, recoveredSequence);
        }
        final long snapshotSequence = recoveredSequence;
        recoveredSequence = JournalReplayer.replay(journal, recoveredSequence, inputHandler, DISCARD);
        firstSequence = recoveredSequence + 1;
        recoveredEpoch = lastJournalledEpoch(recoveredSequence);
        if (recoveredEpoch > epoch)
        {
            epoch = recoveredEpoch;
        }
        wire(recoveredSequence);
        if (!transition(PipelineState.RUNNING,
            "recovered to sequence " + recoveredSequence + " (snapshot at " + snapshotSequence + ")"))
        {
            throw new IllegalStateException("cannot start: pipeline is " + state.get());
        }
        disruptor.start();
        return recoveredSequence;
    }

    /**
     * Sequences one input: copies it into the next ring slot, stamps epoch and sequence into its input frame and
     * makes it visible to the stages. Waits while the ring is full. Thread-safe unless the context set
     * {@link Context#singleProducer(boolean)}; must not race with
     * {@link #close()}.
     *
     * @param buffer holds the input: an SBE message of the TickKeeper schema led by the input frame.
     * @param offset where the input starts.
     * @param length how many bytes it has.
     * @return the sequence given to the input.
     * @throws IllegalArgumentException when the bytes are not an input or are longer than the slots.
     * @throws IllegalStateException    when the pipeline is not running.
     */
    public long publish(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length > maxInputLength)
        {
            throw new IllegalArgumentException(
                "input of " + length + " bytes exceeds maxInputLength " + maxInputLength);
        }
        InputFrame.check(buffer, offset, length);
        long ringSequence;
        while (true)
        {
            final PipelineState current = state.get();
            if (current != PipelineState.RUNNING)
            {
                throw new IllegalStateException("cannot publish: pipeline is " + current, failure);
            }
            try
            {
                ringSequence = ringBuffer.tryNext();
                break;
            }
            catch (final InsufficientCapacityException ex)
            {
                LockSupport.parkNanos(1);
            }
        }
        final long sequence = firstSequence + ringSequence;
        InputSlot.translate(ringBuffer.get(ringSequence), sequence, epoch, buffer, offset, length);
        ringBuffer.publish(ringSequence);
        return sequence;
    }

    /**
     * Takes one input that another pipeline already sequenced (a standby taking its primary's inputs): the input
     * keeps the epoch and sequence in its frame, and that sequence must be the next of this pipeline. When its
     * epoch is higher than this pipeline's, the pipeline moves to it. An epoch lower than one journalled is
     * refused by the journaller, which stops the pipeline (see {@link #staleEpochRefused()}). Only one thread may
     * call this, and no other thread may publish meanwhile.
     *
     * @param buffer holds the input, stamped with epoch and sequence.
     * @param offset where the input starts.
     * @param length how many bytes it has.
     * @return the input's sequence.
     * @throws IllegalArgumentException when the bytes are not an input, are longer than the slots, or the input's
     *                                  sequence is not the next one.
     * @throws IllegalStateException    when the pipeline is not running.
     */
    public long publishSequenced(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length > maxInputLength)
        {
            throw new IllegalArgumentException(
                "input of " + length + " bytes exceeds maxInputLength " + maxInputLength);
        }
        InputFrame.check(buffer, offset, length);
        final PipelineState current = state.get();
        if (current != PipelineState.RUNNING)
        {
            throw new IllegalStateException("cannot publish: pipeline is " + current, failure);
        }
        final long sequence = InputFrame.sequence(buffer, offset);
        final long expected = firstSequence + ringBuffer.getCursor() + 1;
        if (sequence != expected)
        {
            throw new IllegalArgumentException("input of sequence " + sequence + " is not the next: " + expected);
        }
        final long inputEpoch = InputFrame.epoch(buffer, offset);
        if (inputEpoch > epoch)
        {
            epoch = inputEpoch;
        }
        final long ringSequence = ringBuffer.next();
        InputSlot.translateSequenced(ringBuffer.get(ringSequence), sequence, buffer, offset, length);
        ringBuffer.publish(ringSequence);
        return sequence;
    }

    /**
     * Moves the pipeline to a new epoch: every input {@link #publish}ed from now on is stamped with it. A node that
     * wins the election calls this before it sequences its first input.
     *
     * @param newEpoch the new epoch; not lower than the current one.
     * @throws IllegalArgumentException when it is lower.
     */
    public void epoch(final long newEpoch)
    {
        if (newEpoch < epoch)
        {
            throw new IllegalArgumentException("epoch " + newEpoch + " is lower than the current " + epoch);
        }
        epoch = newEpoch;
    }

    /** @return the epoch stamped into published inputs (after {@link #start()}, at least the journal's last). */
    public long epoch()
    {
        return epoch;
    }

    /** @return the sequence of the last input recovered by {@link #start()}. */
    public long recoveredSequence()
    {
        return firstSequence - 1;
    }

    /** @return the epoch of the last input recovered by {@link #start()} (0 for an empty journal). */
    public long recoveredEpoch()
    {
        return recoveredEpoch;
    }

    /** @return the sequence of the last input handed to the ring (the last recovered one before any). */
    public long publishedSequence()
    {
        final RingBuffer<InputSlot> ring = ringBuffer;
        return ring == null ? 0 : firstSequence + ring.getCursor();
    }

    /** @return how many inputs the journaller refused because their epoch was lower than one journalled. */
    public long staleEpochRefused()
    {
        final JournalGate gate = journalGate;
        return gate == null ? 0 : gate.staleEpochRefused();
    }

    /**
     * Opens a reader of this pipeline's journal, for example to stream old inputs to a standby catching up. The
     * caller closes it, before the pipeline is closed.
     *
     * @return a reader positioned at the start of the journal.
     */
    public JournalReader newJournalReader()
    {
        return journal.newReader();
    }

    /**
     * Asks for a snapshot. The logic stage takes the state right after the next input it applies; the file is
     * written once that input has passed every gate. See {@link #lastSnapshotSequence()}.
     *
     * @throws IllegalStateException when no snapshots are configured or the pipeline is not running.
     */
    public void requestSnapshot()
    {
        if (snapshots == null)
        {
            throw new IllegalStateException("no snapshotter and snapshot directory configured");
        }
        if (state.get() != PipelineState.RUNNING)
        {
            throw new IllegalStateException("cannot snapshot: pipeline is " + state.get());
        }
        snapshots.request();
    }

    /** @return the sequence of the newest snapshot written or recovered from, 0 when there is none. */
    public long lastSnapshotSequence()
    {
        return snapshots == null ? 0 : snapshots.lastSnapshotSequence();
    }

    /** @return the sequence of the last input the journaller appended (0 before any). */
    public long journalledSequence()
    {
        final JournalGate gate = journalGate;
        return gate == null ? 0 : gate.journalledSequence();
    }

    /** @return the epoch of the last input the journaller appended (0 before any). */
    public long journalledEpoch()
    {
        final JournalGate gate = journalGate;
        return gate == null ? 0 : gate.journalledEpoch();
    }

    /** @return the sequence of the last input whose outputs were handed to the publisher. */
    public long outputSequence()
    {
        final Stages.OutputStage stage = outputStage;
        return stage == null ? 0 : firstSequence + disruptor.getSequenceValueFor(stage);
    }

    /** @return the current state. */
    public PipelineState state()
    {
        return state.get();
    }

    /** @return what made the pipeline fail, or null. */
    public Throwable failure()
    {
        return failure;
    }

    /**
     * Stops taking inputs, lets the stages finish what was published (up to the shutdown timeout), ends the
     * stage threads and closes the journal. Idempotent.
     */
    @Override
    public void close()
    {
        final PipelineState previous = state.get();
        if (!transition(PipelineState.CLOSED, "closed"))
        {
            return;
        }
        if (disruptor != null)
        {
            if (previous == PipelineState.RUNNING)
            {
                try
                {
                    disruptor.shutdown(shutdownTimeoutNs, TimeUnit.NANOSECONDS);
                }
                catch (final TimeoutException ex)
                {
                    LOG.warn("{}: stages did not drain within {} ms; halting", name, shutdownTimeoutNs / 1_000_000);
                    disruptor.halt();
                }
            }
            else
            {
                disruptor.halt();
            }
            if (!threads.join(shutdownTimeoutNs))
            {
                LOG.warn("{}: a stage thread did not end within {} ms", name, shutdownTimeoutNs / 1_000_000);
            }
        }
        journal.close();
    }

    private void wire(final long recoveredSequence)
    {
        disruptor = new Disruptor<>(
            InputSlot.factory(maxInputLength, initialOutputCapacity), ringSize, threads,
            singleProducer ? ProducerType.SINGLE : ProducerType.MULTI,
            waitStrategy.newWaitStrategy());
        disruptor.setDefaultExceptionHandler(new FailureHandler());
        journalGate = new JournalGate(
            journal, journalSyncOnBatchEnd, journalListener, recoveredSequence, recoveredEpoch);

        EventHandlerGroup<InputSlot> gated =
            disruptor.handleEventsWith(new Stages.GateStage(name + "-journal", journalGate));
        for (int i = 0; i < extraGates.size(); i++)
        {
            gated = gated.and(disruptor.handleEventsWith(new Stages.GateStage(name + "-gate-" + i, extraGates.get(i))));
        }
        gated = gated.and(disruptor.handleEventsWith(new Stages.LogicStage(name + "-logic", inputHandler, snapshots)));
        outputStage = new Stages.OutputStage(name + "-output", outputPublisher, snapshots);
        gated.then(outputStage);
        ringBuffer = disruptor.getRingBuffer();
    }

    private long lastJournalledEpoch(final long lastSequence)
    {
        if (lastSequence == 0)
        {
            return 0;
        }
        try (JournalReader reader = journal.newReader())
        {
            if (!reader.seek(lastSequence) || !reader.next())
            {
                throw new IllegalStateException("journal does not hold its last sequence " + lastSequence);
            }
            return InputFrame.epoch(reader.buffer(), 0);
        }
    }

    private void fail(final String reason, final Throwable ex)
    {
        if (failure == null)
        {
            failure = ex;
        }
        if (transition(PipelineState.FAILED, reason))
        {
            LOG.error("{}: {}", name, reason, ex);
        }
    }

    private boolean transition(final PipelineState next, final String reason)
    {
        while (true)
        {
            final PipelineState current = state.get();
            if (!current.canMoveTo(next))
            {
                return false;
            }
            if (state.compareAndSet(current, next))
            {
                LOG.info("{}: {} -> {}: {}", name, current, next, reason);
                return true;
            }
        }
    }

    /** A throwing stage stops the pipeline: its state may be half-changed, so nothing after it may go out. */
    private final class FailureHandler implements ExceptionHandler<InputSlot>
    {
        @Override
        public void handleEventException(final Throwable ex, final long ringSequence, final InputSlot slot)
        {
            final String reason = Thread.currentThread().getName() + " failed on input " + slot.sequence;
            fail(reason, ex);
            throw new IllegalStateException(reason, ex);
        }

        @Override
        public void handleOnStartException(final Throwable ex)
        {
            fail(Thread.currentThread().getName() + " failed to start", ex);
        }

        @Override
        public void handleOnShutdownException(final Throwable ex)
        {
            LOG.error("{}: {} failed to shut down", name, Thread.currentThread().getName(), ex);
        }
    }

    /** The settings of a pipeline, validated once by {@link EnginePipeline}'s constructor. */
    public static final class Context
    {
        /** Default number of ring slots. */
        public static final int DEFAULT_RING_SIZE = 1024;
        /** Default largest input, in bytes. */
        public static final int DEFAULT_MAX_INPUT_LENGTH = 512;
        /** Default starting size of each slot's output area (it grows as needed). */
        public static final int DEFAULT_INITIAL_OUTPUT_CAPACITY = 4096;
        /** Default time {@link #close()} lets the stages drain. */
        public static final long DEFAULT_SHUTDOWN_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(5);

        private String name = "engine";
        private int ringSize = DEFAULT_RING_SIZE;
        private int maxInputLength = DEFAULT_MAX_INPUT_LENGTH;
        private int initialOutputCapacity = DEFAULT_INITIAL_OUTPUT_CAPACITY;
        private WaitStrategyType waitStrategy = WaitStrategyType.DEFAULT;
        private Path journalDirectory;
        private RollCycle journalRollCycle = Journal.DEFAULT_ROLL_CYCLE;
        private boolean journalSyncOnBatchEnd;
        private boolean singleProducer;
        private long epoch;
        private long shutdownTimeoutNs = DEFAULT_SHUTDOWN_TIMEOUT_NS;
        private InputHandler inputHandler;
        private OutputPublisher outputPublisher;
        private final List<InputGate> gates = new ArrayList<>();
        private JournalListener journalListener;
        private StateSnapshotter snapshotter;
        private Path snapshotDirectory;

        /** @param name names the stage threads and log lines, for example {@code matching-0}. */
        public Context name(final String name)
        {
            this.name = name;
            return this;
        }

        /** @param ringSize number of input slots; a power of 2. */
        public Context ringSize(final int ringSize)
        {
            this.ringSize = ringSize;
            return this;
        }

        /** @param maxInputLength the largest input in bytes; each slot preallocates this much. */
        public Context maxInputLength(final int maxInputLength)
        {
            this.maxInputLength = maxInputLength;
            return this;
        }

        /** @param initialOutputCapacity starting size in bytes of each slot's output area. */
        public Context initialOutputCapacity(final int initialOutputCapacity)
        {
            this.initialOutputCapacity = initialOutputCapacity;
            return this;
        }

        /** @param waitStrategy how idle stage threads wait; {@link WaitStrategyType#DEFAULT} unless set. */
        public Context waitStrategy(final WaitStrategyType waitStrategy)
        {
            this.waitStrategy = waitStrategy;
            return this;
        }

        /** @param journalDirectory where the journal lives (required). */
        public Context journalDirectory(final Path journalDirectory)
        {
            this.journalDirectory = journalDirectory;
            return this;
        }

        /** @param journalRollCycle how often the journal starts a new file; daily unless set. */
        public Context journalRollCycle(final RollCycle journalRollCycle)
        {
            this.journalRollCycle = journalRollCycle;
            return this;
        }

        /** @param journalSyncOnBatchEnd force the journal to the device at the end of every batch (slow). */
        public Context journalSyncOnBatchEnd(final boolean journalSyncOnBatchEnd)
        {
            this.journalSyncOnBatchEnd = journalSyncOnBatchEnd;
            return this;
        }

        /**
         * @param singleProducer true when only one thread ever calls {@link EnginePipeline#publish} (a service's
         *                       sequencer thread); the ring then claims slots without compare-and-set.
         */
        public Context singleProducer(final boolean singleProducer)
        {
            this.singleProducer = singleProducer;
            return this;
        }

        /**
         * @param epoch the fencing epoch stamped into every input this pipeline sequences, until
         *              {@link EnginePipeline#epoch(long)} changes it; raised to the journal's last epoch on start.
         */
        public Context epoch(final long epoch)
        {
            this.epoch = epoch;
            return this;
        }

        /** @param shutdownTimeoutNs how long {@link #close()} waits for the stages to drain and end. */
        public Context shutdownTimeoutNs(final long shutdownTimeoutNs)
        {
            this.shutdownTimeoutNs = shutdownTimeoutNs;
            return this;
        }

        /** @param inputHandler the business logic (required). */
        public Context inputHandler(final InputHandler inputHandler)
        {
            this.inputHandler = inputHandler;
            return this;
        }

        /** @param outputPublisher takes the outputs away (required). */
        public Context outputPublisher(final OutputPublisher outputPublisher)
        {
            this.outputPublisher = outputPublisher;
            return this;
        }

        /** @param gate one more gate, in parallel with the journaller, that outputs must wait for. */
        public Context addGate(final InputGate gate)
        {
            gates.add(Objects.requireNonNull(gate, "gate"));
            return this;
        }

        /**
         * @param journalListener told on the journaller's thread, once per batch, how far the journal has got
         *                        (a standby acknowledges from here); none unless set.
         */
        public Context journalListener(final JournalListener journalListener)
        {
            this.journalListener = journalListener;
            return this;
        }

        /**
         * Enables snapshots.
         *
         * @param snapshotter       writes and reads the service's state.
         * @param snapshotDirectory where the snapshot files live.
         */
        public Context snapshots(final StateSnapshotter snapshotter, final Path snapshotDirectory)
        {
            this.snapshotter = snapshotter;
            this.snapshotDirectory = snapshotDirectory;
            return this;
        }

        void conclude()
        {
            if (name == null || name.isBlank())
            {
                throw new IllegalArgumentException("name must not be blank");
            }
            if (ringSize < 1 || Integer.bitCount(ringSize) != 1)
            {
                throw new IllegalArgumentException("ringSize must be a power of 2: " + ringSize);
            }
            if (maxInputLength < InputFrame.MIN_LENGTH)
            {
                throw new IllegalArgumentException(
                    "maxInputLength must be >= " + InputFrame.MIN_LENGTH + ": " + maxInputLength);
            }
            if (initialOutputCapacity < 1)
            {
                throw new IllegalArgumentException("initialOutputCapacity must be positive: " + initialOutputCapacity);
            }
            if (epoch < 0)
            {
                throw new IllegalArgumentException("epoch must be >= 0: " + epoch);
            }
            if (shutdownTimeoutNs <= 0)
            {
                throw new IllegalArgumentException("shutdownTimeoutNs must be positive: " + shutdownTimeoutNs);
            }
            Objects.requireNonNull(waitStrategy, "waitStrategy must be set");
            Objects.requireNonNull(journalDirectory, "journalDirectory must be set");
            Objects.requireNonNull(journalRollCycle, "journalRollCycle must be set");
            Objects.requireNonNull(inputHandler, "inputHandler must be set");
            Objects.requireNonNull(outputPublisher, "outputPublisher must be set");
            if ((snapshotter == null) != (snapshotDirectory == null))
            {
                throw new IllegalArgumentException("snapshotter and snapshotDirectory must be set together");
            }
        }
    }
}
