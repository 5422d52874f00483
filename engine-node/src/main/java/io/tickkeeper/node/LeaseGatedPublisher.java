package io.tickkeeper.node;

import java.util.concurrent.atomic.AtomicLong;

import io.tickkeeper.coordinator.election.PrimaryElection;
import io.tickkeeper.runtime.OutputPublisher;
import org.agrona.DirectBuffer;

/**
 * The last check before an output leaves the node: it goes to the client edge only while this node's election
 * says it may act as primary ({@link PrimaryElection#isPrimary()}: primary, and its ZooKeeper lease holds). A
 * primary that was frozen past its session therefore emits nothing when it resumes, before any ZooKeeper event
 * reaches it. Runs on the output stage's thread.
 */
final class LeaseGatedPublisher implements OutputPublisher
{
    private final OutputPublisher delegate;
    private final AtomicLong fencedDrops = new AtomicLong();
    private volatile PrimaryElection election;

    LeaseGatedPublisher(final OutputPublisher delegate)
    {
        this.delegate = delegate;
    }

    /** @param current the election outputs are gated on now, or null (nothing leaves). */
    void gateOn(final PrimaryElection current)
    {
        election = current;
    }

    @Override
    public void onOutput(final long sequence, final DirectBuffer buffer, final int offset, final int length)
    {
        final PrimaryElection current = election;
        if (current != null && current.isPrimary())
        {
            delegate.onOutput(sequence, buffer, offset, length);
        }
        else
        {
            fencedDrops.incrementAndGet();
        }
    }

    /** @return outputs held back because this node could not prove it was primary. */
    long fencedDrops()
    {
        return fencedDrops.get();
    }
}
