package io.tickkeeper.risk;

import java.util.HashSet;
import java.util.Set;

import io.tickkeeper.coordinator.config.ConfigKeys;

/**
 * The fixed settings of a risk engine: which instruments exist and on which matching shard each one trades, the
 * limits in force before any live update ({@link ConfigKeys} RISK_* defaults unless set), and the engine's bounds.
 * Every node of the service must be built with the same configuration: it is not part of the replicated state.
 */
public final class RiskConfig
{
    /** Default most open orders one account may have at once. */
    public static final int DEFAULT_MAX_OPEN_ORDERS_PER_ACCOUNT = 1_000;
    /** Default number of finished orders remembered (for duplicate ClOrdIDs, status requests and late reports). */
    public static final int DEFAULT_FINISHED_ORDERS_KEPT = 100_000;
    /** Most matching shards; the shard index is folded into trade ids and map keys. */
    public static final int MAX_SHARDS = 16;

    private final int[][] shardInstruments;
    private int maxOpenOrdersPerAccount = DEFAULT_MAX_OPEN_ORDERS_PER_ACCOUNT;
    private int finishedOrdersKept = DEFAULT_FINISHED_ORDERS_KEPT;
    private long maxOrderQuantity = ConfigKeys.RISK_MAX_ORDER_QTY.defaultValue();
    private long maxNotional = ConfigKeys.RISK_MAX_NOTIONAL.defaultValue();
    private long priceBandBps = ConfigKeys.RISK_PRICE_BAND_BPS.defaultValue();
    private long positionLimit = ConfigKeys.RISK_POSITION_LIMIT.defaultValue();
    private long ordersPerSecond = ConfigKeys.RISK_ORDERS_PER_SECOND.defaultValue();
    private long dailyNotional = ConfigKeys.RISK_DAILY_NOTIONAL.defaultValue();

    /**
     * @param shardInstruments per matching shard (index 0, 1, ...) the ids of the instruments it trades; an id
     *                         appears once over all shards, and ids are positive.
     */
    public RiskConfig(final int[]... shardInstruments)
    {
        if (shardInstruments.length < 1 || shardInstruments.length > MAX_SHARDS)
        {
            throw new IllegalArgumentException("1 to " + MAX_SHARDS + " shards, got " + shardInstruments.length);
        }
        final int[][] copy = new int[shardInstruments.length][];
        final Set<Integer> seen = new HashSet<>();
        for (int shard = 0; shard < shardInstruments.length; shard++)
        {
            copy[shard] = shardInstruments[shard].clone();
            for (final int id : copy[shard])
            {
                if (id <= 0)
                {
                    throw new IllegalArgumentException("instrument ids are positive: " + id);
                }
                if (!seen.add(id))
                {
                    throw new IllegalArgumentException("instrument " + id + " is listed twice");
                }
            }
        }
        this.shardInstruments = copy;
    }

    /** @return the number of matching shards. */
    public int shardCount()
    {
        return shardInstruments.length;
    }

    /**
     * @param shard a shard index.
     * @return a copy of the ids of the shard's instruments.
     */
    public int[] instruments(final int shard)
    {
        return shardInstruments[shard].clone();
    }

    /** @return the most open orders one account may have; a further new order is TOO_MANY_OPEN_ORDERS. */
    public int maxOpenOrdersPerAccount()
    {
        return maxOpenOrdersPerAccount;
    }

    /** @param value the most open orders per account, positive. @return this. */
    public RiskConfig maxOpenOrdersPerAccount(final int value)
    {
        maxOpenOrdersPerAccount = positive("maxOpenOrdersPerAccount", value);
        return this;
    }

    /** @return how many finished orders are remembered before the oldest is forgotten. */
    public int finishedOrdersKept()
    {
        return finishedOrdersKept;
    }

    /** @param value how many finished orders are remembered, positive. @return this. */
    public RiskConfig finishedOrdersKept(final int value)
    {
        finishedOrdersKept = positive("finishedOrdersKept", value);
        return this;
    }

    /** @return the initial {@code risk.max-order-qty}. */
    public long maxOrderQuantity()
    {
        return maxOrderQuantity;
    }

    /** @param value the initial {@code risk.max-order-qty}. @return this. */
    public RiskConfig maxOrderQuantity(final long value)
    {
        maxOrderQuantity = positive("maxOrderQuantity", value);
        return this;
    }

    /** @return the initial {@code risk.max-notional}. */
    public long maxNotional()
    {
        return maxNotional;
    }

    /** @param value the initial {@code risk.max-notional}. @return this. */
    public RiskConfig maxNotional(final long value)
    {
        maxNotional = positive("maxNotional", value);
        return this;
    }

    /** @return the initial {@code risk.price-band-bps}. */
    public long priceBandBps()
    {
        return priceBandBps;
    }

    /** @param value the initial {@code risk.price-band-bps}. @return this. */
    public RiskConfig priceBandBps(final long value)
    {
        priceBandBps = positive("priceBandBps", value);
        return this;
    }

    /** @return the initial {@code risk.position-limit}. */
    public long positionLimit()
    {
        return positionLimit;
    }

    /** @param value the initial {@code risk.position-limit}. @return this. */
    public RiskConfig positionLimit(final long value)
    {
        positionLimit = positive("positionLimit", value);
        return this;
    }

    /** @return the initial {@code risk.orders-per-second}. */
    public long ordersPerSecond()
    {
        return ordersPerSecond;
    }

    /** @param value the initial {@code risk.orders-per-second}. @return this. */
    public RiskConfig ordersPerSecond(final long value)
    {
        ordersPerSecond = positive("ordersPerSecond", value);
        return this;
    }

    /** @return the initial {@code risk.daily-notional}. */
    public long dailyNotional()
    {
        return dailyNotional;
    }

    /** @param value the initial {@code risk.daily-notional}. @return this. */
    public RiskConfig dailyNotional(final long value)
    {
        dailyNotional = positive("dailyNotional", value);
        return this;
    }

    private static int positive(final String name, final int value)
    {
        if (value < 1)
        {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
        return value;
    }

    private static long positive(final String name, final long value)
    {
        if (value < 1)
        {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
        return value;
    }
}
