package io.tickkeeper.bench;

import io.tickkeeper.matching.InstrumentSpec;
import io.tickkeeper.matching.MatchingEngine;

/**
 * The raw book on one thread: the measured commands applied straight to a {@link MatchingEngine} that starts from
 * the pre-filled book, no pipeline, no journal, a listener that only counts.
 */
final class BookThroughput
{
    private BookThroughput()
    {
    }

    /**
     * Runs the workload {@code runs} times on fresh engines.
     *
     * @return the operations per second of each run, in run order.
     */
    static long[] measure(final ExchangeLikeWorkload.Workload workload, final int runs)
    {
        final long[] opsPerSecond = new long[runs];
        for (int run = 0; run < runs; run++)
        {
            final CountingListener listener = new CountingListener();
            final MatchingEngine engine = new MatchingEngine(
                new InstrumentSpec[]{ExchangeLikeWorkload.instrument()}, listener);
            final CommandBatch prefill = workload.prefill();
            for (int i = 0; i < prefill.size(); i++)
            {
                prefill.applyTo(engine, i, i);
            }
            final CommandBatch measured = workload.measured();
            final int size = measured.size();
            final long startNs = System.nanoTime();
            for (int i = 0; i < size; i++)
            {
                measured.applyTo(engine, i, i);
            }
            final long elapsedNs = System.nanoTime() - startNs;
            if (listener.rejects != 0)
            {
                throw new IllegalStateException("workload produced " + listener.rejects + " rejects; it must be valid");
            }
            opsPerSecond[run] = Math.round(size * 1e9 / elapsedNs);
        }
        return opsPerSecond;
    }
}
