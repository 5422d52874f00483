package io.tickkeeper.runtime;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.tickkeeper.runtime.snapshot.SnapshotStore;
import org.agrona.ExpandableArrayBuffer;

/**
 * Takes a snapshot across two stages: the logic stage writes the state bytes right after an input (the only
 * thread that may read the state), the output stage writes the file when that input has passed every gate, so
 * a snapshot never covers an input the journal does not hold. One snapshot is in flight at a time.
 */
final class SnapshotHandoff
{
    private final StateSnapshotter snapshotter;
    private final SnapshotStore store;
    private final ExpandableArrayBuffer state = new ExpandableArrayBuffer(4096);
    private final AtomicBoolean requested = new AtomicBoolean();
    private final AtomicBoolean inFlight = new AtomicBoolean();
    private final AtomicLong lastSnapshotSequence;
    private int stateLength;

    SnapshotHandoff(final StateSnapshotter snapshotter, final SnapshotStore store, final long lastSnapshotSequence)
    {
        this.snapshotter = snapshotter;
        this.store = store;
        this.lastSnapshotSequence = new AtomicLong(lastSnapshotSequence);
    }

    void request()
    {
        requested.set(true);
    }

    /** Logic stage, after an input: takes the state when a snapshot is asked for and none is in flight. */
    boolean takeIfRequested()
    {
        if (!requested.get() || inFlight.get())
        {
            return false;
        }
        requested.set(false);
        inFlight.set(true);
        stateLength = snapshotter.writeSnapshot(state);
        return true;
    }

    /** Output stage, once the input the state follows has passed every gate. */
    void write(final long sequence)
    {
        try
        {
            store.write(sequence, state, 0, stateLength);
            lastSnapshotSequence.set(sequence);
        }
        finally
        {
            inFlight.set(false);
        }
    }

    long lastSnapshotSequence()
    {
        return lastSnapshotSequence.get();
    }
}
