package io.tickkeeper.tradelog;

import java.util.Objects;
import java.util.OptionalLong;

import org.apache.curator.framework.CuratorFramework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tickkeeper.coordinator.lock.FencedLock;
import io.tickkeeper.protocol.sbe.Side;

/**
 * The single writer of the trade log: holds the {@value #LOCK_NAME} {@link FencedLock} and appends the fills it is
 * offered with the lock's fencing token. Driven by the risk manager's primary, which hands it every RiskTrade.
 *
 * <p>{@link #acquire(long)} waits for the lock; once it holds it, the writer reads the log's tail to learn what is
 * already written (the newest token, the highest tradeId of each instrument), so fills its predecessor wrote are
 * skipped as {@link TradeLogResult#DUPLICATE}. The moment the lock is lost (the {@link FencedLock} says so on
 * connection SUSPENDED/LOST or when the lock node goes) the next {@link #offer} returns
 * {@link TradeLogResult#NOT_HOLDER} and the writer releases the lock; a write that raced with the loss is refused
 * by the log itself as {@link TradeLogResult#STALE_TOKEN} once a successor has written, which also stops this
 * writer. Either way it writes again only after a new {@link #acquire(long)}, with a new, larger token.
 *
 * <p>{@link #acquire(long)}, {@link #offer}, {@link #release()} belong to one thread (the lock's and the log's
 * rule); {@link #close()} may be called from any thread. Lifecycle: {@link #start()}, then {@link #close()}.
 */
public final class TradeLogWriter implements AutoCloseable
{
    /** The name of the trade log's lock under {@code /tickkeeper/locks}. */
    public static final String LOCK_NAME = "trade-log";

    private static final Logger LOG = LoggerFactory.getLogger(TradeLogWriter.class);

    /** The writer's lifecycle. */
    public enum State
    {
        /** Not started. */
        LATENT,
        /** Does not hold the lock: offers are refused with {@link TradeLogResult#NOT_HOLDER}. */
        STANDBY,
        /** Holds the lock and appends with its token. */
        WRITING,
        /** Closed for good. */
        CLOSED
    }

    private final FencedLock lock;
    private final TradeLog log;
    private final TradeRecord record = new TradeRecord();
    private volatile State state = State.LATENT;
    private volatile String lossReason = "";
    private long token;
    private long appended;
    private long duplicates;
    private long refused;
    private long notHolder;

    /**
     * @param client   a started Curator client, authenticated with the services' identity.
     * @param holderId who this writer is, shown by {@code tickctl locks}.
     * @param log      the trade log, opened on this writer's thread; the caller closes it after the writer.
     */
    public TradeLogWriter(final CuratorFramework client, final String holderId, final TradeLog log)
    {
        this.log = Objects.requireNonNull(log, "log");
        this.lock = new FencedLock(client, LOCK_NAME, holderId, (name, lostToken, reason) -> lossReason = reason);
    }

    /** Starts following the lock; the writer is then in STANDBY. */
    public void start()
    {
        if (state != State.LATENT)
        {
            throw new IllegalStateException("trade log writer cannot be started in state " + state);
        }
        lock.start();
        transitionTo(State.STANDBY, "started");
    }

    /**
     * Waits for the lock; on getting it, reads the log's tail and starts writing with the lock's token.
     *
     * @param timeoutMs how long to wait for the lock.
     * @return whether this writer now writes.
     * @throws IllegalStateException when not in STANDBY.
     */
    public boolean acquire(final long timeoutMs)
    {
        if (state != State.STANDBY)
        {
            throw new IllegalStateException("trade log writer can acquire only in STANDBY, not " + state);
        }
        final OptionalLong granted = lock.acquire(timeoutMs);
        if (granted.isEmpty())
        {
            lock.release();
            return false;
        }
        log.refresh();
        if (granted.getAsLong() < log.newestToken())
        {
            lock.release();
            LOG.error("trade log holds token {}, newer than the token {} just granted: someone writes outside the lock",
                log.newestToken(), granted.getAsLong());
            return false;
        }
        token = granted.getAsLong();
        transitionTo(State.WRITING, "token " + token + ", log holds " + log.records() + " records");
        return true;
    }

    /**
     * Writes one fill unless this writer does not hold the lock, the log holds a newer writer's token, or the log
     * already holds the fill. Allocation-free.
     *
     * @param tradeId          the trade's id, increasing within its matching shard, from 1.
     * @param matchingEpoch    fencing epoch of the matching primary that made the trade.
     * @param matchingSequence the matching input sequence that made the trade.
     * @param timestampNs      when the trade was made, in the matching engine's nanoseconds.
     * @param price            fixed-point price, 2 decimals.
     * @param quantity         whole units traded.
     * @param buyOrderId       the buy order's matching id.
     * @param sellOrderId      the sell order's matching id.
     * @param instrumentId     the instrument.
     * @param buyAccountId     the buyer's account.
     * @param sellAccountId    the seller's account.
     * @param aggressorSide    the side of the incoming (taker) order.
     * @return what became of the fill.
     */
    public TradeLogResult offer(
        final long tradeId,
        final long matchingEpoch,
        final long matchingSequence,
        final long timestampNs,
        final long price,
        final long quantity,
        final long buyOrderId,
        final long sellOrderId,
        final int instrumentId,
        final int buyAccountId,
        final int sellAccountId,
        final Side aggressorSide)
    {
        if (state != State.WRITING)
        {
            notHolder++;
            return TradeLogResult.NOT_HOLDER;
        }
        if (!lock.isHeld())
        {
            stopWriting("lock lost: " + lossReason);
            notHolder++;
            return TradeLogResult.NOT_HOLDER;
        }
        record.set(token, tradeId, matchingEpoch, matchingSequence, timestampNs, price, quantity, buyOrderId,
            sellOrderId, instrumentId, buyAccountId, sellAccountId, aggressorSide);
        final TradeLogResult result = log.append(record);
        switch (result)
        {
            case APPENDED:
                appended++;
                break;
            case DUPLICATE:
                duplicates++;
                break;
            case STALE_TOKEN:
                refused++;
                stopWriting("fenced: the log holds token " + log.newestToken() + ", ours is " + token);
                break;
            default:
                throw new IllegalStateException("trade log answered " + result);
        }
        return result;
    }

    /** Gives the lock up, e.g. when the risk primary steps down; the writer returns to STANDBY. */
    public void release()
    {
        if (state == State.WRITING)
        {
            stopWriting("released");
        }
    }

    /** @return the writer's state. */
    public State state()
    {
        return state;
    }

    /** @return whether this writer writes: it is WRITING and its lock has not been reported lost. */
    public boolean isWriting()
    {
        return state == State.WRITING && lock.isHeld();
    }

    /** @return the token this writer writes with, 0 before the first acquisition. */
    public long token()
    {
        return token;
    }

    /** @return how many fills this writer appended. */
    public long appended()
    {
        return appended;
    }

    /** @return how many fills this writer skipped because the log already held them. */
    public long duplicates()
    {
        return duplicates;
    }

    /** @return how many fills the log refused for this writer's stale token. */
    public long refused()
    {
        return refused;
    }

    /** @return how many fills were offered while this writer did not hold the lock. */
    public long notHolder()
    {
        return notHolder;
    }

    /** Gives up the lock (if held) and stops following it; the log stays open. */
    @Override
    public void close()
    {
        if (state == State.CLOSED)
        {
            return;
        }
        lock.close();
        transitionTo(State.CLOSED, "closed");
    }

    private void stopWriting(final String reason)
    {
        lock.release();
        transitionTo(State.STANDBY, reason);
    }

    private void transitionTo(final State next, final String reason)
    {
        final State previous = state;
        state = next;
        LOG.info("trade log writer {} -> {}: {}", previous, next, reason);
    }
}
