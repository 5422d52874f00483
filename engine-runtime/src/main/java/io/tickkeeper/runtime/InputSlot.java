package io.tickkeeper.runtime;

import com.lmax.disruptor.EventFactory;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * One preallocated entry of the input ring: the input's bytes (copied in and stamped by the producer), its
 * sequence, the outputs the business logic wrote for it, and whether a snapshot was taken right after it.
 * Fields are written by one stage and read by later stages; the ring's sequence barriers order them.
 */
final class InputSlot
{
    final UnsafeBuffer input;
    final OutputArea outputs;
    int inputLength;
    long sequence;
    boolean snapshotTaken;

    private InputSlot(final int maxInputLength, final int initialOutputCapacity)
    {
        input = new UnsafeBuffer(new byte[maxInputLength]);
        outputs = new OutputArea(initialOutputCapacity);
    }

    /**
     * The translator of every publish: copies the input in and stamps the runtime's fields. Static and
     * stateless, so publishing captures nothing and allocates nothing.
     */
    static void translate(
        final InputSlot slot, final long sequence, final long epoch,
        final DirectBuffer source, final int offset, final int length)
    {
        slot.input.putBytes(0, source, offset, length);
        InputFrame.stamp(slot.input, 0, epoch, sequence);
        slot.inputLength = length;
        slot.sequence = sequence;
    }

    /**
     * The translator of a sequenced publish (a standby taking its primary's inputs): copies the input in as it
     * is, epoch and sequence included.
     */
    static void translateSequenced(
        final InputSlot slot, final long sequence, final DirectBuffer source, final int offset, final int length)
    {
        slot.input.putBytes(0, source, offset, length);
        slot.inputLength = length;
        slot.sequence = sequence;
    }

    static EventFactory<InputSlot> factory(final int maxInputLength, final int initialOutputCapacity)
    {
        return new Factory(maxInputLength, initialOutputCapacity);
    }

    private static final class Factory implements EventFactory<InputSlot>
    {
        private final int maxInputLength;
        private final int initialOutputCapacity;

        Factory(final int maxInputLength, final int initialOutputCapacity)
        {
            this.maxInputLength = maxInputLength;
            this.initialOutputCapacity = initialOutputCapacity;
        }

        @Override
        public InputSlot newInstance()
        {
            return new InputSlot(maxInputLength, initialOutputCapacity);
        }
    }
}
