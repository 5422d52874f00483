package io.tickkeeper.runtime;

import org.agrona.DirectBuffer;

/**
 * The business logic of an engine, seen by the runtime: a deterministic state machine that takes sequenced
 * inputs one at a time, on one thread, and writes the outputs of each input into the {@link OutputSink}.
 * The same inputs in the same order must give the same state and the same outputs, live or in a replay;
 * time is only what the inputs carry.
 */
@FunctionalInterface
public interface InputHandler
{
    /**
     * Applies one input.
     *
     * @param sequence the input's sequence (contiguous, from 1 for a new journal).
     * @param buffer   holds the input's bytes: an SBE message whose block starts with the input frame.
     * @param offset   where the input starts.
     * @param length   how many bytes it has.
     * @param out      where the outputs caused by this input are written; valid during this call only.
     */
    void onInput(long sequence, DirectBuffer buffer, int offset, int length, OutputSink out);
}
