package io.tickkeeper.feed;

/**
 * Told of every reference price tick a {@link FeedSubscriber} admits, on the thread that polls it.
 */
@FunctionalInterface
public interface FeedListener
{
    /**
     * @param instrumentId the instrument, 1..N.
     * @param price        its reference price, fixed point with 2 decimals.
     * @param sequence     the feed sequence.
     * @param token        the fencing token of the publisher.
     * @param timestampNs  the simulation time of the tick.
     * @param regime       the volatility regime in force.
     */
    void onTick(int instrumentId, long price, long sequence, long token, long timestampNs, Regime regime);
}
