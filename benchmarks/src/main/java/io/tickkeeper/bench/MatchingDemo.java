package io.tickkeeper.bench;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import io.tickkeeper.matching.InstrumentSpec;
import io.tickkeeper.matching.MatchingEngine;
import io.tickkeeper.matching.Side;
import io.tickkeeper.matching.service.MatchingPipeline;
import io.tickkeeper.runtime.EnginePipeline;
import org.agrona.DirectBuffer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The matching demo: a seeded order flow through the whole pipeline (ring, Chronicle journal on disk, engine, gated
 * output), the book it leaves, and a restart that rebuilds the same state from the journal alone.
 */
@Command(name = "matching-demo", mixinStandardHelpOptions = true,
    description = "Runs a seeded order flow through the matching pipeline, prints the book, then restarts from the "
        + "journal and checks that the state hash is the same.")
public final class MatchingDemo implements Callable<Integer>
{
    @Option(names = "--commands", defaultValue = "200000", description = "Commands to run (default: ${DEFAULT-VALUE}).")
    private int commands;

    @Option(names = "--seed", defaultValue = "7", description = "Order-flow seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--data-dir", defaultValue = "var/demo", description = "Journal directory (default: ${DEFAULT-VALUE}).")
    private Path dataDirectory;

    /** Runs the demo from the command line. */
    public static void main(final String[] args)
    {
        System.exit(new CommandLine(new MatchingDemo()).execute(args));
    }

    @Override
    public Integer call()
    {
        PipelineRun.deleteRecursively(dataDirectory);
        final ExchangeLikeWorkload.Workload workload = ExchangeLikeWorkload.generate(seed, commands);
        System.out.println("order flow: " + workload.stats().describe());
        final EncodedCommands prefill = EncodedCommands.encode(workload.prefill(), EncodedCommands.PREFILL_SESSION);
        final EncodedCommands measured = EncodedCommands.encode(workload.measured(), EncodedCommands.MEASURED_SESSION);
        final long total = prefill.size() + measured.size();

        final OutputCounter output = new OutputCounter();
        final long startNs = System.nanoTime();
        final MatchingPipeline pipeline = newPipeline(output);
        try
        {
            pipeline.start();
            publishAll(pipeline, prefill);
            publishAll(pipeline, measured);
            while (output.sequence.get() < total)
            {
                LockSupport.parkNanos(1_000_000);
            }
        }
        finally
        {
            pipeline.close();
        }
        final long liveHash = pipeline.stateHash();
        final long liveEngineHash = pipeline.engineStateHash();
        System.out.printf("live: %,d commands -> %,d events in %.2f s, journal in %s%n", total, output.events.get(),
            (System.nanoTime() - startNs) / 1e9, dataDirectory.resolve("journal").toAbsolutePath());

        final MatchingEngine book = directEngine();
        printBook(book);
        final MatchingPipeline restarted = newPipeline(new OutputCounter());
        final long recovered;
        try
        {
            recovered = restarted.start();
        }
        finally
        {
            restarted.close();
        }
        final long replayHash = restarted.stateHash();
        System.out.printf("live state hash      %016x%nreplayed state hash  %016x (%,d commands from the journal)%n"
            + "engine-only hash     %016x live, %016x with the same commands applied straight to an engine%n",
            liveHash, replayHash, recovered, liveEngineHash, book.stateHash());
        if (replayHash != liveHash || book.stateHash() != liveEngineHash)
        {
            System.out.println("MISMATCH: the journal does not reproduce the live state");
            return 1;
        }
        System.out.println("the journal reproduces the live state exactly");
        return 0;
    }

    private MatchingPipeline newPipeline(final OutputCounter output)
    {
        return new MatchingPipeline(new InstrumentSpec[]{ExchangeLikeWorkload.instrument()},
            new EnginePipeline.Context().name("demo").journalDirectory(dataDirectory.resolve("journal"))
                .outputPublisher(output),
            dataDirectory.resolve("snapshots"));
    }

    /** The same commands, with the same timestamps the encoder stamped, applied straight to an engine. */
    private MatchingEngine directEngine()
    {
        final MatchingEngine engine = new MatchingEngine(
            new InstrumentSpec[]{ExchangeLikeWorkload.instrument()}, new CountingListener());
        final ExchangeLikeWorkload.Workload workload = ExchangeLikeWorkload.generate(seed, commands);
        for (int i = 0; i < workload.prefill().size(); i++)
        {
            workload.prefill().applyTo(engine, i, i);
        }
        for (int i = 0; i < workload.measured().size(); i++)
        {
            workload.measured().applyTo(engine, i, i);
        }
        return engine;
    }

    private static void printBook(final MatchingEngine engine)
    {
        final int levels = 5;
        final long[] bidPrices = new long[levels];
        final long[] bidQuantities = new long[levels];
        final int[] bidCounts = new int[levels];
        final long[] askPrices = new long[levels];
        final long[] askQuantities = new long[levels];
        final int[] askCounts = new int[levels];
        final var view = engine.book(ExchangeLikeWorkload.INSTRUMENT_ID);
        final int bids = view.depth(Side.BUY, bidPrices, bidQuantities, bidCounts);
        final int asks = view.depth(Side.SELL, askPrices, askQuantities, askCounts);
        System.out.printf("book of instrument %d: %d bid levels, %d ask levels; top %d:%n",
            ExchangeLikeWorkload.INSTRUMENT_ID, view.levelCount(Side.BUY), view.levelCount(Side.SELL), levels);
        System.out.printf("  %8s %10s %10s | %-10s %-10s %-8s%n", "orders", "bid qty", "bid", "ask", "ask qty", "orders");
        for (int i = 0; i < levels; i++)
        {
            System.out.printf("  %8s %10s %10s | %-10s %-10s %-8s%n",
                i < bids ? bidCounts[i] : "", i < bids ? bidQuantities[i] : "", i < bids ? bidPrices[i] : "",
                i < asks ? askPrices[i] : "", i < asks ? askQuantities[i] : "", i < asks ? askCounts[i] : "");
        }
    }

    private static void publishAll(final MatchingPipeline pipeline, final EncodedCommands commands)
    {
        for (int i = 0; i < commands.size(); i++)
        {
            pipeline.publish(commands.buffer(), commands.offset(i), commands.length(i));
        }
    }

    /** Counts the events the output stage publishes. */
    private static final class OutputCounter implements io.tickkeeper.runtime.OutputPublisher
    {
        private final AtomicLong sequence = new AtomicLong();
        private final AtomicLong events = new AtomicLong();

        @Override
        public void onOutput(final long inputSequence, final DirectBuffer buffer, final int offset, final int length)
        {
            events.lazySet(events.get() + 1);
            sequence.lazySet(inputSequence);
        }
    }
}
