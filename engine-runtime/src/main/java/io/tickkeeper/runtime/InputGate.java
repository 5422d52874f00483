package io.tickkeeper.runtime;

import org.agrona.DirectBuffer;

/**
 * A consumer of the input ring that runs in parallel with the business logic and must have passed an input
 * before that input's outputs may leave: the journaller is one, a replicator to the standby is another.
 * Each gate has its own thread; {@link #onStart()} and {@link #onClose()} are called on it.
 */
public interface InputGate
{
    /** Called once on the gate's thread before the first input. */
    default void onStart()
    {
    }

    /**
     * Takes one input. When this returns the input counts as passed by this gate, unless the gate
     * {@link #passesAtBatchEnd() passes at batch end}.
     *
     * @param sequence   the input's sequence.
     * @param buffer     holds the input's bytes; valid during this call only.
     * @param offset     where the input starts.
     * @param length     how many bytes it has.
     * @param endOfBatch true for the last input currently available: the moment to flush any batched I/O.
     */
    void onInput(long sequence, DirectBuffer buffer, int offset, int length, boolean endOfBatch);

    /**
     * Whether this gate passes its inputs only when it returns from the last input of a batch (a replicator that
     * sends every input and then waits once for the standby's acknowledgement of the batch), rather than each as
     * soon as {@link #onInput} returns.
     *
     * @return false unless overridden.
     */
    default boolean passesAtBatchEnd()
    {
        return false;
    }

    /** Called once on the gate's thread after the last input. */
    default void onClose()
    {
    }
}
