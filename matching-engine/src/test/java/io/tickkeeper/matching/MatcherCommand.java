package io.tickkeeper.matching;

/**
 * One input of the differential test as a value: it can be applied to any {@link OrderMatcher}, and its
 * {@code toString} is what a failure report shows.
 */
sealed interface MatcherCommand
    permits MatcherCommand.NewOrder, MatcherCommand.Cancel, MatcherCommand.Replace,
    MatcherCommand.SetReferencePrice, MatcherCommand.EndOfDay
{
    /** Gives this command to a matcher. */
    void applyTo(OrderMatcher matcher);

    /** @see OrderMatcher#newOrder */
    record NewOrder(
        long timestampNs, int instrumentId, int accountId, long clientOrderId, Side side, OrderType type,
        long price, long quantity, StpMode stpMode) implements MatcherCommand
    {
        @Override
        public void applyTo(final OrderMatcher matcher)
        {
            matcher.newOrder(timestampNs, instrumentId, accountId, clientOrderId, side, type, price, quantity,
                stpMode);
        }
    }

    /** @see OrderMatcher#cancel */
    record Cancel(long timestampNs, int instrumentId, int accountId, long orderId) implements MatcherCommand
    {
        @Override
        public void applyTo(final OrderMatcher matcher)
        {
            matcher.cancel(timestampNs, instrumentId, accountId, orderId);
        }
    }

    /** @see OrderMatcher#replace */
    record Replace(
        long timestampNs, int instrumentId, int accountId, long orderId, long newPrice, long newQuantity)
        implements MatcherCommand
    {
        @Override
        public void applyTo(final OrderMatcher matcher)
        {
            matcher.replace(timestampNs, instrumentId, accountId, orderId, newPrice, newQuantity);
        }
    }

    /** @see OrderMatcher#setReferencePrice */
    record SetReferencePrice(long timestampNs, int instrumentId, long referencePrice) implements MatcherCommand
    {
        @Override
        public void applyTo(final OrderMatcher matcher)
        {
            matcher.setReferencePrice(timestampNs, instrumentId, referencePrice);
        }
    }

    /** @see OrderMatcher#endOfDay */
    record EndOfDay(long timestampNs) implements MatcherCommand
    {
        @Override
        public void applyTo(final OrderMatcher matcher)
        {
            matcher.endOfDay(timestampNs);
        }
    }
}
