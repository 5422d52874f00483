package io.tickkeeper.risk.node;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import io.tickkeeper.protocol.sbe.MessageHeaderDecoder;
import io.tickkeeper.protocol.sbe.RiskTradeDecoder;
import io.tickkeeper.protocol.sbe.Side;
import io.tickkeeper.tradelog.TradeLog;
import io.tickkeeper.tradelog.TradeLogResult;
import io.tickkeeper.tradelog.TradeLogWriter;
import org.agrona.DirectBuffer;
import org.apache.curator.framework.CuratorFramework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The risk node's side of the trade log: one thread (a single-thread executor) owns the {@link TradeLog} and its
 * {@link TradeLogWriter} (their rule: open, acquire, offer and release on one thread). The output stage hands it
 * every public RiskTrade ({@link #offer}), the primary hooks hand it {@link #acquire} and {@link #release}; all run
 * in the order they were handed over, so trades routed before the lock is granted wait behind the acquisition and
 * are written with the new token, and a release comes after the trades routed before it (and, on a graceful
 * step-down, after those of the drain that follows).
 */
final class TradeLogSink implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(TradeLogSink.class);
    private static final long ACQUIRE_ATTEMPT_MS = 1_000;
    private static final long RELEASE_WAIT_MS = 3_000;

    private final ExecutorService thread;
    private final AtomicLong appended = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();
    private final RiskTradeDecoder decoder = new RiskTradeDecoder();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private TradeLog log;
    private TradeLogWriter writer;

    /**
     * Opens the log and starts the writer on the sink's thread.
     *
     * @param curator   a started client with the services' identity (the lock).
     * @param holderId  who this writer is, shown by {@code tickctl locks}.
     * @param directory the trade log's directory.
     */
    TradeLogSink(final CuratorFramework curator, final String holderId, final Path directory)
    {
        thread = Executors.newSingleThreadExecutor(runnable ->
        {
            final Thread worker = new Thread(runnable, "trade-log-" + holderId);
            worker.setDaemon(true);
            return worker;
        });
        thread.execute(() ->
        {
            log = TradeLog.open(directory);
            writer = new TradeLogWriter(curator, holderId, log);
            writer.start();
        });
    }

    /**
     * Queues the lock's acquisition: retried until granted or {@code stillPrimary} turns false.
     *
     * @param stillPrimary whether the term that asked still runs.
     */
    void acquire(final BooleanSupplier stillPrimary)
    {
        submit(() ->
        {
            while (stillPrimary.getAsBoolean())
            {
                if (writer.state() == TradeLogWriter.State.WRITING || writer.acquire(ACQUIRE_ATTEMPT_MS))
                {
                    return;
                }
            }
        });
    }

    /**
     * Queues the lock's release for when the outputs still in the pipeline have been routed (a node that steps down
     * gracefully drains after its service hook ran: the trades of that drain are written first), or after
     * {@value #RELEASE_WAIT_MS} ms at most (a fenced node routes nothing more).
     *
     * @param drained whether every output of the ending term has been routed.
     */
    void release(final BooleanSupplier drained)
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RELEASE_WAIT_MS);
        submit(new Runnable()
        {
            @Override
            public void run()
            {
                if (!drained.getAsBoolean() && System.nanoTime() - deadlineNs < 0)
                {
                    try
                    {
                        Thread.sleep(1);
                    }
                    catch (final InterruptedException ex)
                    {
                        Thread.currentThread().interrupt();
                        writer.release();
                        return;
                    }
                    submit(this);
                    return;
                }
                submit(() -> writer.release());
            }
        });
    }

    /**
     * Queues one RiskTrade (copied now: the buffer is the output stage's).
     *
     * @param buffer holds the RiskTrade with its message header.
     * @param offset where it starts.
     */
    void offer(final DirectBuffer buffer, final int offset)
    {
        final RiskTradeDecoder trade = decoder.wrapAndApplyHeader(buffer, offset, header);
        final long tradeId = trade.tradeId();
        final long matchingEpoch = trade.matchingEpoch();
        final long matchingSequence = trade.matchingSequence();
        final long timestampNs = trade.frame().timestampNs();
        final long price = trade.price();
        final long quantity = trade.quantity();
        final long buyOrderId = trade.buyOrderId();
        final long sellOrderId = trade.sellOrderId();
        final int instrumentId = trade.instrumentId();
        final int buyAccountId = trade.buyAccountId();
        final int sellAccountId = trade.sellAccountId();
        final Side aggressor = trade.aggressorSide();
        submit(() ->
        {
            final TradeLogResult result = writer.offer(tradeId, matchingEpoch, matchingSequence, timestampNs, price,
                quantity, buyOrderId, sellOrderId, instrumentId, buyAccountId, sellAccountId, aggressor);
            switch (result)
            {
                case APPENDED -> appended.incrementAndGet();
                case DUPLICATE -> duplicates.incrementAndGet();
                default ->
                {
                    lost.incrementAndGet();
                    LOG.warn("trade {} of instrument {} not written to the trade log: {}", tradeId, instrumentId,
                        result);
                }
            }
        });
    }

    /** @return trades appended by this node. */
    long appended()
    {
        return appended.get();
    }

    /** @return trades the log already held. */
    long duplicates()
    {
        return duplicates.get();
    }

    /** @return trades not written (the writer did not hold the lock, or was fenced). */
    long lost()
    {
        return lost.get();
    }

    /** Runs what is queued, closes the writer and the log on their thread, stops the thread (waits up to 10 s). */
    @Override
    public void close()
    {
        submit(() ->
        {
            writer.close();
            log.close();
        });
        thread.shutdown();
        try
        {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS))
            {
                LOG.warn("trade log thread did not stop in 10 s");
                thread.shutdownNow();
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    private void submit(final Runnable task)
    {
        try
        {
            thread.execute(() ->
            {
                try
                {
                    task.run();
                }
                catch (final RuntimeException ex)
                {
                    LOG.error("trade log task failed", ex);
                }
            });
        }
        catch (final RejectedExecutionException ex)
        {
            LOG.warn("trade log closed; a task was dropped");
        }
    }
}
