package io.tickkeeper.node.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import org.agrona.collections.Long2LongHashMap;

import io.tickkeeper.node.ServicePipeline;
import io.tickkeeper.protocol.sbe.InputFrameEncoder;
import io.tickkeeper.protocol.sbe.MessageHeaderEncoder;
import io.tickkeeper.runtime.EnginePipeline;
import io.tickkeeper.runtime.journal.Journal;
import io.tickkeeper.runtime.journal.JournalReader;
import io.tickkeeper.runtime.replication.JournalGenerations;

/**
 * What a stopped node of any replicated service holds, as a drill checks it: the inputs of its current journal
 * generation (how many, the last sequence, a checksum of each, and how many came after an input of a higher epoch —
 * which a fenced journal must never hold), and the state hash its own service code rebuilds from the newest snapshot
 * plus the journal after it. The node's files are copied first, so the audit never writes into them.
 */
public final class NodeJournalAudit
{
    private static final int EPOCH_OFFSET = MessageHeaderEncoder.ENCODED_LENGTH + InputFrameEncoder.epochEncodingOffset();

    private final String node;
    private final Long2LongHashMap checksums = new Long2LongHashMap(0);
    private long inputs;
    private long lastSequence;
    private long highestEpoch;
    private long staleEpochInputs;
    private long stateHash;

    private NodeJournalAudit(final String node)
    {
        this.node = node;
    }

    /**
     * Audits one stopped node.
     *
     * @param node       the node's name (for reports).
     * @param pipelines  builds the pipeline of the service the node runs (e.g. {@code service::newPipeline}): it
     *                   rebuilds the state.
     * @param dataDir    the node's data directory (its journal generations).
     * @param scratchDir an empty directory the audit may use.
     * @return what the node holds.
     */
    public static NodeJournalAudit of(
        final String node, final BiFunction<EnginePipeline.Context, Path, ServicePipeline> pipelines,
        final Path dataDir, final Path scratchDir)
    {
        final NodeJournalAudit audit = new NodeJournalAudit(node);
        final JournalGenerations generations = new JournalGenerations(dataDir);
        final Path journalCopy = scratchDir.resolve("journal");
        final Path snapshotCopy = scratchDir.resolve("snapshots");
        copyTree(generations.journalDirectory(), journalCopy);
        copyTree(generations.snapshotDirectory(), snapshotCopy);
        try (Journal journal = Journal.open(journalCopy); JournalReader reader = journal.newReader())
        {
            audit.scan(reader);
        }
        final ServicePipeline pipeline = pipelines.apply(new EnginePipeline.Context()
            .name("audit-" + node)
            .journalDirectory(journalCopy)
            .outputPublisher((sequence, buffer, offset, length) ->
            {
            }), snapshotCopy);
        try
        {
            pipeline.start();
        }
        finally
        {
            pipeline.close();
        }
        audit.stateHash = pipeline.stateHash();
        return audit;
    }

    private void scan(final JournalReader reader)
    {
        final CRC32C crc = new CRC32C();
        while (reader.next())
        {
            inputs++;
            lastSequence = reader.sequence();
            final long epoch = reader.buffer().getLong(EPOCH_OFFSET, InputFrameEncoder.BYTE_ORDER);
            if (epoch < highestEpoch)
            {
                staleEpochInputs++;
            }
            highestEpoch = Math.max(highestEpoch, epoch);
            crc.reset();
            for (int i = 0; i < reader.length(); i++)
            {
                crc.update(reader.buffer().getByte(i));
            }
            checksums.put(reader.sequence(), crc.getValue());
        }
    }

    private static void copyTree(final Path from, final Path to)
    {
        try
        {
            Files.createDirectories(to);
            if (!Files.isDirectory(from))
            {
                return;
            }
            try (Stream<Path> paths = Files.walk(from))
            {
                for (final Path path : (Iterable<Path>)paths::iterator)
                {
                    final Path target = to.resolve(from.relativize(path).toString());
                    if (Files.isDirectory(path))
                    {
                        Files.createDirectories(target);
                    }
                    else
                    {
                        Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, ex);
        }
    }

    /** @return the node's name. */
    public String node()
    {
        return node;
    }

    /** @return inputs in the current journal generation. */
    public long inputs()
    {
        return inputs;
    }

    /** @return the sequence of the last input. */
    public long lastSequence()
    {
        return lastSequence;
    }

    /** @return the highest epoch of any input. */
    public long highestEpoch()
    {
        return highestEpoch;
    }

    /** @return inputs journalled after an input of a higher epoch. */
    public long staleEpochInputs()
    {
        return staleEpochInputs;
    }

    /** @return the state hash rebuilt from the node's snapshot and journal. */
    public long stateHash()
    {
        return stateHash;
    }

    /**
     * @param other the other node of the same shard.
     * @return inputs of a sequence both journals hold whose bytes differ.
     */
    public long inputDifferences(final NodeJournalAudit other)
    {
        long differences = 0;
        final Long2LongHashMap.KeyIterator keys = checksums.keySet().iterator();
        while (keys.hasNext())
        {
            final long sequence = keys.nextValue();
            final long theirs = other.checksums.get(sequence);
            if (theirs != 0 && theirs != checksums.get(sequence))
            {
                differences++;
            }
        }
        return differences;
    }
}
