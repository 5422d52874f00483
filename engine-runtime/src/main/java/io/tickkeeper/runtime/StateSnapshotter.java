package io.tickkeeper.runtime;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/** Writes a service's whole state into bytes and reads it back: what the pipeline's snapshots are made of. */
public interface StateSnapshotter
{
    /**
     * Writes the whole state. Called on the business-logic thread between two inputs.
     *
     * @param buffer an expandable buffer to write into, from offset 0; it grows as written.
     * @return how many bytes were written.
     */
    int writeSnapshot(MutableDirectBuffer buffer);

    /**
     * Replaces the state with a snapshot's. Called before the pipeline starts, on the thread that starts it.
     *
     * @param buffer holds the snapshot's bytes.
     * @param offset where they start.
     * @param length how many there are.
     */
    void readSnapshot(DirectBuffer buffer, int offset, int length);
}
