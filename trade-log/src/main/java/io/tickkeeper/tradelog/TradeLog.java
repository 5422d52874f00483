package io.tickkeeper.tradelog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.collections.Long2LongHashMap;

/**
 * The trade log: an append-only Chronicle Queue of fills, one SBE {@code TradeLogRecord} per excerpt, that refuses
 * records of a fenced-off writer and skips fills it already holds.
 *
 * <p>Every {@link #append} runs under an exclusive {@link FileChannel#lock() file lock} on {@value #LOCK_FILE} in
 * the log's directory (and an in-process lock, since file locks are per process). Under it the log first reads
 * whatever other appenders, in this or other processes, added since its last look, so it knows the newest writer
 * token and, per instrument, the highest tradeId in the log; then it
 * <ol>
 *   <li>refuses the record ({@link TradeLogResult#STALE_TOKEN}) when its writer token is older than the newest
 *       token in the log: a writer that lost its lock and a successor has written since;</li>
 *   <li>skips it ({@link TradeLogResult#DUPLICATE}) when its tradeId is not above the highest tradeId of its
 *       instrument in the log: tradeIds increase within a matching shard and an instrument belongs to one shard,
 *       so the per-instrument watermark identifies every fill already written;</li>
 *   <li>else appends it ({@link TradeLogResult#APPENDED}).</li>
 * </ol>
 * So the token check and the write are atomic with respect to every other {@code TradeLog} on the directory.
 * The newest token is the log's own data (the {@code FencingGuard} state persisted with the records).
 *
 * <p>An instance is confined to the thread that opened it (Chronicle appenders and tailers are); open one per
 * writer. Interrupting that thread during an append closes the lock file's channel: the log must then be reopened.
 */
public final class TradeLog implements AutoCloseable
{
    /** One file per day, like the engines' journals. */
    public static final RollCycle DEFAULT_ROLL_CYCLE = RollCycles.FAST_DAILY;
    /** The file whose lock serialises appenders of one log directory. Chronicle ignores it. */
    public static final String LOCK_FILE = "trade-log.lock";

    private static final ConcurrentMap<Path, ReentrantLock> IN_PROCESS_LOCKS = new ConcurrentHashMap<>();

    private final SingleChronicleQueue queue;
    private final ExcerptAppender appender;
    private final ExcerptTailer tailer;
    private final FileChannel lockChannel;
    private final ReentrantLock inProcessLock;
    private final TradeRecordCodec codec = new TradeRecordCodec();
    private final TradeRecord scratch = new TradeRecord();
    private final Long2LongHashMap highestTradeIds = new Long2LongHashMap(0L);
    private long newestToken;
    private long records;
    private long appended;
    private long duplicates;
    private long refused;

    private TradeLog(final SingleChronicleQueue queue, final FileChannel lockChannel, final ReentrantLock inProcessLock)
    {
        this.queue = queue;
        this.lockChannel = lockChannel;
        this.inProcessLock = inProcessLock;
        this.appender = queue.createAppender();
        this.tailer = queue.createTailer();
    }

    /**
     * Opens (creating if needed) the trade log in a directory, rolling files daily, and reads what it holds.
     *
     * @param directory where the log's files live; one log per directory.
     * @return the open log.
     */
    public static TradeLog open(final Path directory)
    {
        return open(directory, DEFAULT_ROLL_CYCLE);
    }

    /**
     * Opens (creating if needed) the trade log in a directory and reads what it holds.
     *
     * @param directory where the log's files live; one log per directory.
     * @param rollCycle how often the log starts a new file; every appender of a directory must use the same.
     * @return the open log.
     */
    public static TradeLog open(final Path directory, final RollCycle rollCycle)
    {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(rollCycle, "rollCycle");
        final Path absolute = directory.toAbsolutePath().normalize();
        final FileChannel channel;
        try
        {
            Files.createDirectories(absolute);
            channel = FileChannel.open(absolute.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot open the lock file of trade log " + absolute, ex);
        }
        final SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(absolute).rollCycle(rollCycle).build();
        final TradeLog log = new TradeLog(queue, channel, IN_PROCESS_LOCKS.computeIfAbsent(absolute, path -> new ReentrantLock()));
        log.refresh();
        return log;
    }

    /**
     * Appends one fill unless its writer is fenced off or the log already holds it (see the class comment).
     *
     * @param record the fill, with the writer's token.
     * @return {@link TradeLogResult#APPENDED}, {@link TradeLogResult#DUPLICATE} or {@link TradeLogResult#STALE_TOKEN}.
     * @throws IllegalArgumentException when the token or the tradeId is below 1.
     * @throws UncheckedIOException     when the lock file cannot be locked.
     */
    public TradeLogResult append(final TradeRecord record)
    {
        if (record.writerToken() < 1L)
        {
            throw new IllegalArgumentException("writer tokens start at 1, got " + record.writerToken());
        }
        if (record.tradeId() < 1L)
        {
            throw new IllegalArgumentException("tradeIds start at 1, got " + record.tradeId());
        }
        final FileLock fileLock = lockAppenders();
        try
        {
            readNewRecords();
            if (record.writerToken() < newestToken)
            {
                refused++;
                return TradeLogResult.STALE_TOKEN;
            }
            if (record.tradeId() <= highestTradeIds.get(record.instrumentId()))
            {
                duplicates++;
                return TradeLogResult.DUPLICATE;
            }
            try (DocumentContext context = appender.writingDocument())
            {
                codec.encode(record, context.wire().bytes());
            }
            readNewRecords();
            appended++;
            return TradeLogResult.APPENDED;
        }
        finally
        {
            unlockAppenders(fileLock);
        }
    }

    /**
     * Reads what other appenders added since the last look, under the appenders' lock, so that
     * {@link #newestToken()}, {@link #highestTradeId(int)} and {@link #records()} describe the whole log.
     */
    public void refresh()
    {
        final FileLock fileLock = lockAppenders();
        try
        {
            readNewRecords();
        }
        finally
        {
            unlockAppenders(fileLock);
        }
    }

    /** @return the newest writer token in the log as last read, 0 when it is empty. */
    public long newestToken()
    {
        return newestToken;
    }

    /**
     * @param instrumentId an instrument.
     * @return the highest tradeId of that instrument in the log as last read, 0 when none.
     */
    public long highestTradeId(final int instrumentId)
    {
        return highestTradeIds.get(instrumentId);
    }

    /** @return how many records the log held when last read. */
    public long records()
    {
        return records;
    }

    /** @return how many records this instance appended. */
    public long appended()
    {
        return appended;
    }

    /** @return how many fills this instance skipped as already written. */
    public long duplicates()
    {
        return duplicates;
    }

    /** @return how many fills this instance refused for a stale writer token. */
    public long refused()
    {
        return refused;
    }

    /** @return the directory the log lives in. */
    public Path directory()
    {
        return queue.file().toPath();
    }

    /** Closes the queue and the lock file. */
    @Override
    public void close()
    {
        tailer.close();
        appender.close();
        queue.close();
        try
        {
            lockChannel.close();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot close the lock file of trade log " + directory(), ex);
        }
    }

    private FileLock lockAppenders()
    {
        inProcessLock.lock();
        try
        {
            return lockChannel.lock();
        }
        catch (final IOException | RuntimeException ex)
        {
            inProcessLock.unlock();
            throw ex instanceof IOException ?
                new UncheckedIOException("cannot lock trade log " + directory(), (IOException)ex) : (RuntimeException)ex;
        }
    }

    private void unlockAppenders(final FileLock fileLock)
    {
        try
        {
            fileLock.release();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot unlock trade log " + directory(), ex);
        }
        finally
        {
            inProcessLock.unlock();
        }
    }

    private void readNewRecords()
    {
        while (true)
        {
            try (DocumentContext context = tailer.readingDocument())
            {
                if (!context.isPresent())
                {
                    return;
                }
                codec.decode(context.wire().bytes(), context.index(), scratch);
            }
            records++;
            newestToken = Math.max(newestToken, scratch.writerToken());
            if (scratch.tradeId() > highestTradeIds.get(scratch.instrumentId()))
            {
                highestTradeIds.put(scratch.instrumentId(), scratch.tradeId());
            }
        }
    }
}
