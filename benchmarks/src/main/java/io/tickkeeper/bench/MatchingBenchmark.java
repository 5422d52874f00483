package io.tickkeeper.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.concurrent.Callable;

import io.tickkeeper.runtime.WaitStrategyType;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scripts/bench-matching}: the raw book, the pipeline with a real journal, and open-loop latency through the
 * pipeline, on the exchange-core-shaped workload. docs/benchmarks.md explains every figure.
 */
@Command(name = "bench-matching", mixinStandardHelpOptions = true,
    description = "Matching benchmark: raw book ops/s, pipeline ops/s (Disruptor + Chronicle journal) and "
        + "open-loop publish-to-output latency (HdrHistogram, corrected for coordinated omission).")
public final class MatchingBenchmark implements Callable<Integer>
{
    /** Runs the JIT needs before the raw book reaches its steady speed (measured: about four 1M-command runs). */
    private static final int BOOK_WARM_UP_RUNS = 4;
    private static final int PIPELINE_WARM_UP_RUNS = 2;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    @Option(names = "--quick", description = "Fewer commands and runs (under 3 minutes on 2 cores).")
    private boolean quick;

    @Option(names = "--commands", description = "Measured commands per run (default: 3,000,000; quick: 1,000,000).")
    private int commands;

    @Option(names = "--runs", description = "Measured runs of each throughput test (default: 5; quick: 3).")
    private int runs;

    @Option(names = "--seed", defaultValue = "20261125", description = "Workload seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--wait-strategy", defaultValue = "BLOCKING",
        description = "Pipeline wait strategy: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}, the product default).")
    private WaitStrategyType waitStrategy;

    @Option(names = "--rate", description = "Open-loop rate in commands/s (default: half the measured pipeline rate).")
    private long rate;

    @Option(names = "--work-dir", defaultValue = "target/bench-matching",
        description = "Where the journal of each run is written (deleted after the run).")
    private Path workDirectory;

    @Option(names = "--results-dir", defaultValue = "results",
        description = "Where the summary and the HdrHistogram log are kept (default: ${DEFAULT-VALUE}).")
    private Path resultsDirectory;

    /** Runs the benchmark from the command line. */
    public static void main(final String[] args)
    {
        System.exit(new CommandLine(new MatchingBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws IOException
    {
        final int measuredCommands = commands > 0 ? commands : quick ? 1_000_000 : 3_000_000;
        final int measuredRuns = runs > 0 ? runs : quick ? 3 : 5;
        final PrintStream out = System.out;

        out.printf("generating %,d commands (seed %d)...%n", measuredCommands, seed);
        final ExchangeLikeWorkload.Workload workload = ExchangeLikeWorkload.generate(seed, measuredCommands);
        out.println("workload: " + workload.stats().describe());
        if (workload.stats().rejects() != 0)
        {
            throw new IllegalStateException("the workload must be valid; it had " + workload.stats().rejects()
                + " rejects");
        }

        out.println("raw book, one thread (" + BOOK_WARM_UP_RUNS + " warm-up + " + measuredRuns + " runs)...");
        final long[] book = BookThroughput.measure(workload, BOOK_WARM_UP_RUNS + measuredRuns);
        final long bookOps = median(Arrays.copyOfRange(book, BOOK_WARM_UP_RUNS, book.length));
        out.println("  ops/s per run: " + Arrays.toString(book) + " -> median " + bookOps);

        final EncodedCommands prefill = EncodedCommands.encode(workload.prefill(), EncodedCommands.PREFILL_SESSION);
        final EncodedCommands measured = EncodedCommands.encode(workload.measured(), EncodedCommands.MEASURED_SESSION);
        out.println("pipeline, wait strategy " + waitStrategy + ", journal on " + workDirectory.toAbsolutePath()
            + " (" + PIPELINE_WARM_UP_RUNS + " warm-up + " + measuredRuns + " runs)...");
        final long[] pipeline = new long[PIPELINE_WARM_UP_RUNS + measuredRuns];
        for (int i = 0; i < pipeline.length; i++)
        {
            pipeline[i] = PipelineRun.throughput(workload, prefill, measured, workDirectory, waitStrategy);
        }
        final long pipelineOps = median(Arrays.copyOfRange(pipeline, PIPELINE_WARM_UP_RUNS, pipeline.length));
        out.println("  ops/s per run: " + Arrays.toString(pipeline) + " -> median " + pipelineOps);

        final long atOps = rate > 0 ? rate : Math.max(1_000, pipelineOps / 2 / 1_000 * 1_000);
        out.printf("open-loop latency at %,d commands/s (1 warm-up run)...%n", atOps);
        PipelineRun.latency(workload, prefill, measured, workDirectory, waitStrategy, atOps,
            new Histogram(3_600_000_000_000L, 3));
        final Histogram latencyNs = new Histogram(3_600_000_000_000L, 3);
        final long latencyStartMs = System.currentTimeMillis();
        PipelineRun.latency(workload, prefill, measured, workDirectory, waitStrategy, atOps, latencyNs);
        latencyNs.setStartTimeStamp(latencyStartMs);
        latencyNs.setEndTimeStamp(System.currentTimeMillis());

        out.printf("replicated latency at %,d commands/s: primary + standby over UDP loopback (1 warm-up run)...%n",
            atOps);
        ReplicatedRun.latency(prefill, measured, workDirectory, atOps, new Histogram(3_600_000_000_000L, 3));
        final Histogram replicatedNs = new Histogram(3_600_000_000_000L, 3);
        ReplicatedRun.latency(prefill, measured, workDirectory, atOps, replicatedNs);
        final long replicatedP99 = micros(replicatedNs.getValueAtPercentile(99));
        out.printf("  replicated latency (us): p50=%d p90=%d p99=%d p99.9=%d max=%d, %,d commands%n",
            micros(replicatedNs.getValueAtPercentile(50)), micros(replicatedNs.getValueAtPercentile(90)),
            replicatedP99, micros(replicatedNs.getValueAtPercentile(99.9)), micros(replicatedNs.getMaxValue()),
            replicatedNs.getTotalCount());

        final long p50 = micros(latencyNs.getValueAtPercentile(50));
        final long p99 = micros(latencyNs.getValueAtPercentile(99));
        final long p999 = micros(latencyNs.getValueAtPercentile(99.9));
        final String line = String.format(
            "bench-matching: book_ops_per_s=%d pipeline_ops_per_s=%d p50_us=%d p99_us=%d p999_us=%d at_ops_per_s=%d"
                + " replicated_p99_us=%d",
            bookOps, pipelineOps, p50, p99, p999, atOps, replicatedP99);

        final Path runDirectory = writeResults(workload, book, pipeline, latencyNs, replicatedNs, line);
        out.printf("  latency (us): p50=%d p90=%d p99=%d p99.9=%d max=%d, %,d commands%n", p50,
            micros(latencyNs.getValueAtPercentile(90)), p99, p999, micros(latencyNs.getMaxValue()),
            latencyNs.getTotalCount());
        out.println("results: " + runDirectory.toAbsolutePath());
        out.println(line);
        return 0;
    }

    private Path writeResults(
        final ExchangeLikeWorkload.Workload workload, final long[] book, final long[] pipeline,
        final Histogram latencyNs, final Histogram replicatedNs, final String line) throws IOException
    {
        final Path runDirectory = resultsDirectory.resolve("bench-matching-" + STAMP.format(Instant.now()));
        Files.createDirectories(runDirectory);
        try (PrintStream log = new PrintStream(
            Files.newOutputStream(runDirectory.resolve("latency.hlog")), false, StandardCharsets.UTF_8))
        {
            final HistogramLogWriter writer = new HistogramLogWriter(log);
            writer.outputComment("open-loop publish-to-output latency, nanoseconds");
            writer.outputLogFormatVersion();
            writer.outputLegend();
            writer.outputIntervalHistogram(latencyNs);
        }
        try (PrintStream log = new PrintStream(
            Files.newOutputStream(runDirectory.resolve("replicated-latency.hlog")), false, StandardCharsets.UTF_8))
        {
            final HistogramLogWriter writer = new HistogramLogWriter(log);
            writer.outputComment("open-loop replicated latency (standby in the loop), nanoseconds");
            writer.outputLogFormatVersion();
            writer.outputLegend();
            writer.outputIntervalHistogram(replicatedNs);
        }
        try (PrintStream percentiles = new PrintStream(
            Files.newOutputStream(runDirectory.resolve("replicated-latency-percentiles.txt")), false,
            StandardCharsets.UTF_8))
        {
            replicatedNs.outputPercentileDistribution(percentiles, 1_000.0);
        }
        try (PrintStream percentiles = new PrintStream(
            Files.newOutputStream(runDirectory.resolve("latency-percentiles.txt")), false, StandardCharsets.UTF_8))
        {
            latencyNs.outputPercentileDistribution(percentiles, 1_000.0);
        }
        final String summary = String.join(System.lineSeparator(),
            "java: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
            "cores: " + Runtime.getRuntime().availableProcessors(),
            "seed: " + seed + ", wait strategy: " + waitStrategy,
            "workload: " + workload.stats().describe(),
            "book ops/s per run (first " + BOOK_WARM_UP_RUNS + " are warm-up): " + Arrays.toString(book),
            "pipeline ops/s per run (first " + PIPELINE_WARM_UP_RUNS + " are warm-up): " + Arrays.toString(pipeline),
            "latency percentiles (us): latency-percentiles.txt; HdrHistogram log (ns): latency.hlog",
            "replicated latency: replicated-latency-percentiles.txt, replicated-latency.hlog",
            line, "");
        Files.writeString(runDirectory.resolve("summary.txt"), summary, StandardCharsets.UTF_8);
        return runDirectory;
    }

    private static long median(final long[] values)
    {
        final long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long micros(final long nanos)
    {
        return Math.round(nanos / 1_000.0);
    }
}
