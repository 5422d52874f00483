package io.tickkeeper.tradelog;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;

/**
 * A {@link TradeLogWriter} and its {@link TradeLog} confined to one thread of their own, as in the risk manager:
 * the test hands that thread work and waits for the answer.
 */
final class WriterThread
{
    private static final long WAIT_S = 30L;

    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final CuratorFramework client;
    private TradeLog log;
    private TradeLogWriter writer;

    WriterThread(final CuratorFramework client, final String holderId, final Path directory) throws Exception
    {
        this.client = client;
        run(() ->
        {
            log = TradeLog.open(directory);
            writer = new TradeLogWriter(client, holderId, log);
            writer.start();
            return null;
        });
    }

    CuratorFramework client()
    {
        return client;
    }

    <T> T run(final Callable<T> work) throws Exception
    {
        return thread.submit(work).get(WAIT_S, TimeUnit.SECONDS);
    }

    boolean acquire(final long timeoutMs) throws Exception
    {
        return run(() -> writer.acquire(timeoutMs));
    }

    TradeLogResult offer(final long tradeId, final int instrumentId) throws Exception
    {
        return run(() -> Trades.offer(writer, tradeId, instrumentId));
    }

    TradeLogWriter writer()
    {
        return writer;
    }

    TradeLog log()
    {
        return log;
    }

    void close() throws Exception
    {
        run(() ->
        {
            writer.close();
            log.close();
            return null;
        });
        thread.shutdown();
        thread.awaitTermination(WAIT_S, TimeUnit.SECONDS);
    }
}
