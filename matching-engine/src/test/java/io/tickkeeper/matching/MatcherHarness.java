package io.tickkeeper.matching;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives one matcher in a scenario test: every command gets the next timestamp (1,000 ns apart) and returns
 * exactly the events it caused.
 */
final class MatcherHarness
{
    private static final long TIMESTAMP_STEP_NS = 1_000;

    private final OrderMatcher matcher;
    private final RecordingListener recorder = new RecordingListener();
    private long timestampNs;
    private long nextClientOrderId = 1_000_000;

    MatcherHarness(final MatcherKind kind, final InstrumentSpec... instruments)
    {
        this.matcher = kind.create(instruments, recorder);
    }

    /** @return the timestamp of the last command. */
    long timestampNs()
    {
        return timestampNs;
    }

    OrderMatcher matcher()
    {
        return matcher;
    }

    /** @return a snapshot of an instrument's book. */
    BookSnapshot snapshot(final int instrumentId)
    {
        return BookSnapshot.of(matcher.book(instrumentId));
    }

    List<MatchingEvent> newOrder(
        final int instrumentId, final int accountId, final long clientOrderId, final Side side, final OrderType type,
        final long price, final long quantity, final StpMode stpMode)
    {
        matcher.newOrder(nextTimestamp(), instrumentId, accountId, clientOrderId, side, type, price, quantity,
            stpMode);
        return recorder.drain();
    }

    List<MatchingEvent> cancel(final int instrumentId, final int accountId, final long orderId)
    {
        matcher.cancel(nextTimestamp(), instrumentId, accountId, orderId);
        return recorder.drain();
    }

    List<MatchingEvent> replace(
        final int instrumentId, final int accountId, final long orderId, final long newPrice, final long newQuantity)
    {
        matcher.replace(nextTimestamp(), instrumentId, accountId, orderId, newPrice, newQuantity);
        return recorder.drain();
    }

    List<MatchingEvent> setReferencePrice(final int instrumentId, final long referencePrice)
    {
        matcher.setReferencePrice(nextTimestamp(), instrumentId, referencePrice);
        return recorder.drain();
    }

    List<MatchingEvent> endOfDay()
    {
        matcher.endOfDay(nextTimestamp());
        return recorder.drain();
    }

    /**
     * Enters an order that must rest untouched (accepted, no other event), with a fresh client order id.
     *
     * @return its order id.
     */
    long rest(
        final int instrumentId, final int accountId, final Side side, final OrderType type, final long price,
        final long quantity, final StpMode stpMode)
    {
        final long clientOrderId = nextClientOrderId++;
        final List<MatchingEvent> events =
            newOrder(instrumentId, accountId, clientOrderId, side, type, price, quantity, stpMode);
        assertThat(events).as("events of a resting order").hasSize(1);
        assertThat(events.get(0)).isInstanceOf(MatchingEvent.Accepted.class);
        final MatchingEvent.Accepted accepted = (MatchingEvent.Accepted)events.get(0);
        assertThat(accepted.clientOrderId()).isEqualTo(clientOrderId);
        return accepted.orderId();
    }

    /** Enters a GTC limit order with the default STP mode that must rest untouched; returns its id. */
    long rest(final int instrumentId, final int accountId, final Side side, final long price, final long quantity)
    {
        return rest(instrumentId, accountId, side, OrderType.LIMIT_GTC, price, quantity, StpMode.DEFAULT);
    }

    private long nextTimestamp()
    {
        timestampNs += TIMESTAMP_STEP_NS;
        return timestampNs;
    }
}
