package io.tickkeeper.runtime.snapshot;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/** A service's state as of one input sequence, read back from a {@link SnapshotStore} and checksum-verified. */
public final class Snapshot
{
    private final long sequence;
    private final UnsafeBuffer state;

    Snapshot(final long sequence, final UnsafeBuffer state)
    {
        this.sequence = sequence;
        this.state = state;
    }

    /** @return the sequence of the last input applied to the state. */
    public long sequence()
    {
        return sequence;
    }

    /** @return the state bytes, from offset 0 to {@link #length()}. */
    public DirectBuffer state()
    {
        return state;
    }

    /** @return how many bytes the state has. */
    public int length()
    {
        return state.capacity();
    }
}
