package io.tickkeeper.runtime.replication;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import io.tickkeeper.runtime.EnginePipeline;
import io.tickkeeper.runtime.journal.Journal;
import io.tickkeeper.runtime.transport.AeronTransport;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

/**
 * One replicated node as a service would wire it, in-process: its own Aeron transport (so two nodes talk UDP over
 * loopback as two processes would), a pipeline over {@link HashingMachine} whose gates include a {@link Replicator},
 * and a {@link StandbyReplica} as the journal listener. Storage lives in {@link JournalGenerations} under a base
 * directory, so a node can be closed and built again from its journal.
 */
final class TestNode implements AutoCloseable
{
    final String name;
    final int port;
    final HashingMachine machine = new HashingMachine();
    final JournalGenerations generations;
    final AeronTransport transport;
    final Replicator replicator;
    final StandbyReplica replica;
    final EnginePipeline pipeline;
    final List<String> events = new CopyOnWriteArrayList<>();
    final AtomicLong truncateRequested = new AtomicLong(-1);
    final AtomicLong outputsBeforeAck = new AtomicLong();
    final AtomicLong outputs = new AtomicLong();
    private final ExpandableArrayBuffer input = new ExpandableArrayBuffer(128);

    TestNode(final String name, final Path baseDirectory, final int port, final StandbyLossPolicy policy,
        final long standbyAckTimeoutMs)
    {
        this.name = name;
        this.port = port;
        generations = new JournalGenerations(baseDirectory);
        transport = AeronTransport.launch(name);
        replicator = new Replicator(new Replicator.Context()
            .name(name)
            .transport(transport)
            .controlChannel(AeronTransport.udp(AeronTransport.LOOPBACK, port))
            .policy(policy)
            .standbyAckTimeoutMs(standbyAckTimeoutMs)
            .listener(new ReplicatorListener()
            {
                @Override
                public void onStandbyInSync(final long replicaSessionId, final long sequence)
                {
                    events.add("in-sync");
                }

                @Override
                public void onStandbyOutOfSync(final long replicaSessionId, final String reason)
                {
                    events.add("out-of-sync");
                }

                @Override
                public void onNewerEpochSeen(final long epoch)
                {
                    events.add("newer-epoch-" + epoch);
                }
            }));
        replica = new StandbyReplica(new StandbyReplica.Context()
            .name(name)
            .transport(transport)
            .endpoint(AeronTransport.LOOPBACK + ":" + port)
            .listener(truncateRequested::set));
        pipeline = new EnginePipeline(new EnginePipeline.Context()
            .name(name)
            .ringSize(256)
            .journalDirectory(generations.journalDirectory())
            .journalRollCycle(Journal.DEFAULT_ROLL_CYCLE)
            .inputHandler(machine)
            .outputPublisher(this::onOutput)
            .addGate(replicator)
            .journalListener(replica));
        pipeline.start();
    }

    /** Becomes primary at the epoch. */
    void lead(final long epoch)
    {
        pipeline.epoch(epoch);
        replicator.lead(pipeline);
    }

    /** Becomes the standby of the primary. */
    void follow(final TestNode primary)
    {
        replica.start(pipeline);
        replica.follow(AeronTransport.udp(AeronTransport.LOOPBACK, primary.port));
    }

    long publish(final long key, final long amount)
    {
        final int length = HashingMachine.encode(input, 0, 0, key, amount);
        return pipeline.publish(input, 0, length);
    }

    void publishAndAwait(final int count, final long firstKey)
    {
        long last = 0;
        for (int i = 0; i < count; i++)
        {
            last = publish(firstKey + i, (firstKey + i) % 97);
        }
        final long target = last;
        Await.until(name + " outputs input " + target, () -> pipeline.outputSequence() >= target);
    }

    private void onOutput(final long sequence, final DirectBuffer buffer, final int offset, final int length)
    {
        if (replicator.ackedSequence() < sequence)
        {
            outputsBeforeAck.incrementAndGet();
        }
        outputs.incrementAndGet();
    }

    @Override
    public void close()
    {
        replica.close();
        replicator.close();
        pipeline.close();
        transport.close();
    }
}
