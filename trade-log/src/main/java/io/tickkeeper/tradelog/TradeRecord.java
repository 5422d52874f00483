package io.tickkeeper.tradelog;

import java.util.Objects;

import io.tickkeeper.protocol.sbe.Side;

/**
 * One fill of the trade log as plain fields: filled by {@link TradeLogWriter} before an append and by
 * {@link TradeLogReader} on every read. Mutable and reused, so reading a log allocates nothing per record.
 */
public final class TradeRecord
{
    private long writerToken;
    private long tradeId;
    private long matchingEpoch;
    private long matchingSequence;
    private long timestampNs;
    private long price;
    private long quantity;
    private long buyOrderId;
    private long sellOrderId;
    private int instrumentId;
    private int buyAccountId;
    private int sellAccountId;
    private Side aggressorSide = Side.BUY;

    /**
     * Sets every field.
     *
     * @param writerToken      fencing token of the writer's lock.
     * @param tradeId          the trade's id, increasing within its matching shard.
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
     * @return this record.
     */
    public TradeRecord set(
        final long writerToken,
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
        this.writerToken = writerToken;
        this.tradeId = tradeId;
        this.matchingEpoch = matchingEpoch;
        this.matchingSequence = matchingSequence;
        this.timestampNs = timestampNs;
        this.price = price;
        this.quantity = quantity;
        this.buyOrderId = buyOrderId;
        this.sellOrderId = sellOrderId;
        this.instrumentId = instrumentId;
        this.buyAccountId = buyAccountId;
        this.sellAccountId = sellAccountId;
        this.aggressorSide = Objects.requireNonNull(aggressorSide, "aggressorSide");
        return this;
    }

    /** @return fencing token of the writer's lock. */
    public long writerToken()
    {
        return writerToken;
    }

    /** @return the trade's id, increasing within its matching shard. */
    public long tradeId()
    {
        return tradeId;
    }

    /** @return fencing epoch of the matching primary that made the trade. */
    public long matchingEpoch()
    {
        return matchingEpoch;
    }

    /** @return the matching input sequence that made the trade. */
    public long matchingSequence()
    {
        return matchingSequence;
    }

    /** @return when the trade was made, in the matching engine's nanoseconds. */
    public long timestampNs()
    {
        return timestampNs;
    }

    /** @return fixed-point price, 2 decimals. */
    public long price()
    {
        return price;
    }

    /** @return whole units traded. */
    public long quantity()
    {
        return quantity;
    }

    /** @return the buy order's matching id. */
    public long buyOrderId()
    {
        return buyOrderId;
    }

    /** @return the sell order's matching id. */
    public long sellOrderId()
    {
        return sellOrderId;
    }

    /** @return the instrument. */
    public int instrumentId()
    {
        return instrumentId;
    }

    /** @return the buyer's account. */
    public int buyAccountId()
    {
        return buyAccountId;
    }

    /** @return the seller's account. */
    public int sellAccountId()
    {
        return sellAccountId;
    }

    /** @return the side of the incoming (taker) order. */
    public Side aggressorSide()
    {
        return aggressorSide;
    }

    @Override
    public String toString()
    {
        return "TradeRecord{token=" + writerToken + ", tradeId=" + tradeId + ", instrument=" + instrumentId +
            ", epoch=" + matchingEpoch + ", sequence=" + matchingSequence + ", price=" + price + ", qty=" + quantity +
            ", buy=" + buyOrderId + '/' + buyAccountId + ", sell=" + sellOrderId + '/' + sellAccountId +
            ", aggressor=" + aggressorSide + '}';
    }
}
