package io.tickkeeper.runtime.session;

import io.tickkeeper.runtime.StateSnapshotter;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionSnapshotterTest
{
    @Test
    void shouldRestoreTheServiceStateAndTheSessionTableTogether()
    {
        final SessionTable table = new SessionTable(8, 128, 8);
        final DeduplicatingHandler handler = new DeduplicatingHandler(new CountingService(1), table);
        final TestInputs inputs = new TestInputs();
        for (long clientSequence = 1; clientSequence <= 5; clientSequence++)
        {
            inputs.apply(handler, 0x51L, clientSequence);
        }
        final ExpandableArrayBuffer snapshot = new ExpandableArrayBuffer(64);
        final int length = new SessionSnapshotter(new LongState(42), table).writeSnapshot(snapshot);

        final LongState service = new LongState(0);
        final SessionTable restored = new SessionTable(8, 128, 8);
        new SessionSnapshotter(service, restored).readSnapshot(snapshot, 0, length);

        assertThat(service.value).isEqualTo(42);
        assertThat(restored.stateHash()).isEqualTo(table.stateHash());
        assertThat(restored.lastApplied(0x51L)).isEqualTo(5);
    }

    @Test
    void shouldRefuseASnapshotWithoutASessionTable()
    {
        final ExpandableArrayBuffer snapshot = new ExpandableArrayBuffer(64);
        final int length = new LongState(7).writeSnapshot(snapshot);

        assertThatThrownBy(() -> new SessionSnapshotter(new LongState(0), new SessionTable())
            .readSnapshot(snapshot, 0, length))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("not a snapshot with a session table");
    }

    /** A service whose whole state is one number. */
    private static final class LongState implements StateSnapshotter
    {
        long value;

        LongState(final long value)
        {
            this.value = value;
        }

        @Override
        public int writeSnapshot(final MutableDirectBuffer buffer)
        {
            buffer.putLong(0, value);
            return Long.BYTES;
        }

        @Override
        public void readSnapshot(final DirectBuffer buffer, final int offset, final int length)
        {
            value = buffer.getLong(offset);
        }
    }
}
