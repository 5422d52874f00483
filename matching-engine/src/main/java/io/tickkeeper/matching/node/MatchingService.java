package io.tickkeeper.matching.node;

import java.nio.file.Path;

import io.tickkeeper.matching.InstrumentSpec;
import io.tickkeeper.matching.service.MatchingCommandAdapter;
import io.tickkeeper.matching.service.MatchingPipeline;
import io.tickkeeper.node.ReplicatedService;
import io.tickkeeper.node.ServicePipeline;
import io.tickkeeper.runtime.EnginePipeline;
import org.agrona.DirectBuffer;

/**
 * The matching engine as a {@link ReplicatedService}: each incarnation of the node runs a {@link MatchingPipeline}
 * over the shard's instruments, and the client edge checks commands with {@link MatchingCommandAdapter#check}.
 * Every output goes to the client whose command caused it; the service generates no inputs of its own.
 */
public final class MatchingService implements ReplicatedService
{
    /** The matching engine's service name in ZooKeeper. */
    public static final String SERVICE = "matching-engine";

    private final InstrumentSpec[] instruments;

    /**
     * @param instruments the shard's instruments; at least one.
     * @throws IllegalArgumentException when none is given.
     */
    public MatchingService(final InstrumentSpec[] instruments)
    {
        if (instruments == null || instruments.length == 0)
        {
            throw new IllegalArgumentException("at least one instrument must be given");
        }
        this.instruments = instruments.clone();
    }

    @Override
    public String name()
    {
        return "matching";
    }

    @Override
    public ServicePipeline newPipeline(final EnginePipeline.Context runtime, final Path snapshotDirectory)
    {
        return new MatchingPipeline(instruments, runtime, snapshotDirectory);
    }

    @Override
    public void checkCommand(final DirectBuffer buffer, final int offset, final int length)
    {
        MatchingCommandAdapter.check(buffer, offset, length);
    }
}
