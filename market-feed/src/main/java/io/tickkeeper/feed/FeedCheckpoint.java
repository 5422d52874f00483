package io.tickkeeper.feed;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The feed's state as its holder last recorded it in ZooKeeper: enough for a new holder to continue when it
 * missed the old holder's last messages (docs/market-feed.md, "Failover"). Stored as one readable line:
 * {@code token=3 seed=42 sequence=1208 timestampNs=... regime=1 prices=10012,9987,...}.
 *
 * @param token       the fencing token of the holder that wrote it.
 * @param seed        the model's seed.
 * @param sequence    the last sequence published.
 * @param timestampNs the simulation time of that message.
 * @param regime      the regime in force.
 * @param prices      each instrument's last price, index 0 is instrument 1.
 */
record FeedCheckpoint(long token, long seed, long sequence, long timestampNs, Regime regime, long[] prices)
{
    /** @return the checkpoint of a model's state, written under a token. */
    static FeedCheckpoint of(final long token, final PriceModel model)
    {
        return new FeedCheckpoint(token, model.seed(), model.sequence(), model.timestampNs(), model.regime(),
            model.prices());
    }

    /** @return the stored form. */
    byte[] encode()
    {
        final StringBuilder text = new StringBuilder(64 + prices.length * 12)
            .append("token=").append(token)
            .append(" seed=").append(seed)
            .append(" sequence=").append(sequence)
            .append(" timestampNs=").append(timestampNs)
            .append(" regime=").append(regime.code())
            .append(" prices=");
        for (int i = 0; i < prices.length; i++)
        {
            text.append(i == 0 ? "" : ",").append(prices[i]);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param data the stored form.
     * @return the checkpoint.
     * @throws IllegalArgumentException when the data is not a checkpoint.
     */
    static FeedCheckpoint decode(final byte[] data)
    {
        final String text = new String(data, StandardCharsets.UTF_8).trim();
        final String[] fields = text.split(" ");
        if (fields.length != 6)
        {
            throw new IllegalArgumentException("not a feed checkpoint: '" + text + "'");
        }
        try
        {
            final String[] priceText = field(fields[5], "prices").split(",");
            final long[] prices = new long[priceText.length];
            for (int i = 0; i < prices.length; i++)
            {
                prices[i] = Long.parseLong(priceText[i]);
            }
            return new FeedCheckpoint(
                Long.parseLong(field(fields[0], "token")),
                Long.parseLong(field(fields[1], "seed")),
                Long.parseLong(field(fields[2], "sequence")),
                Long.parseLong(field(fields[3], "timestampNs")),
                Regime.fromCode(Integer.parseInt(field(fields[4], "regime"))),
                prices);
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException("not a feed checkpoint: '" + text + "'", ex);
        }
    }

    @Override
    public boolean equals(final Object other)
    {
        return other instanceof FeedCheckpoint && Arrays.equals(encode(), ((FeedCheckpoint)other).encode());
    }

    @Override
    public int hashCode()
    {
        return Arrays.hashCode(encode());
    }

    @Override
    public String toString()
    {
        return new String(encode(), StandardCharsets.UTF_8);
    }

    private static String field(final String field, final String name)
    {
        if (!field.startsWith(name + "="))
        {
            throw new IllegalArgumentException("expected " + name + "=..., got '" + field + "'");
        }
        return field.substring(name.length() + 1);
    }
}
