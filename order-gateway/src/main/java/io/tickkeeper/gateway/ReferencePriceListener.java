package io.tickkeeper.gateway;

/** Takes the market feed's reference prices (its ReferencePriceTick), on the feed subscriber's thread. */
@FunctionalInterface
public interface ReferencePriceListener
{
    /**
     * One instrument's new reference price.
     *
     * @param instrumentId the instrument.
     * @param price        the price in cents.
     * @param timestampNs  the tick's simulation time.
     */
    void onReferencePrice(int instrumentId, long price, long timestampNs);
}
