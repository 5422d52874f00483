package io.tickkeeper.matching.service;

import java.util.ArrayList;
import java.util.List;

import io.tickkeeper.matching.BookView;
import io.tickkeeper.matching.InstrumentSpec;
import io.tickkeeper.matching.MatchingEngine;
import io.tickkeeper.matching.OrderMatcher;
import io.tickkeeper.matching.OrderType;
import io.tickkeeper.matching.Side;
import io.tickkeeper.matching.StpMode;
import io.tickkeeper.protocol.sbe.MessageHeaderDecoder;
import io.tickkeeper.protocol.sbe.NewOrderEncoder;
import io.tickkeeper.protocol.sbe.OrderAcceptedDecoder;
import io.tickkeeper.protocol.sbe.TradeDecoder;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MatchingCommandAdapterTest
{
    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(128);
    private final MatchingCommandEncoder encoder = new MatchingCommandEncoder();
    private final RecordingMatcher matcher = new RecordingMatcher();
    private final MatchingEventEncoder events = new MatchingEventEncoder();
    private final MatchingCommandAdapter adapter = new MatchingCommandAdapter(matcher, events);

    @Test
    void shouldCallTheMatcherWithEveryDecodedCommandAndItsTimestamp()
    {
        apply(encoder.newOrder(buffer, 0, 9, 1, 1_000, 5, 6, 77, Side.SELL, OrderType.IOC, 12_300, 40,
            StpMode.CANCEL_OLDEST));
        apply(encoder.cancel(buffer, 0, 9, 2, 2_000, 5, 6, 31));
        apply(encoder.replace(buffer, 0, 9, 3, 3_000, 5, 6, 31, 12_400, 20));
        apply(encoder.setReferencePrice(buffer, 0, 9, 4, 4_000, 5, 12_500));
        apply(encoder.endOfDay(buffer, 0, 9, 5, 5_000));

        assertThat(matcher.calls).containsExactly(
            "newOrder 1000 5 6 77 SELL IOC 12300 40 CANCEL_OLDEST",
            "cancel 2000 5 6 31",
            "replace 3000 5 6 31 12400 20",
            "setReferencePrice 4000 5 12500",
            "endOfDay 5000");
    }

    @Test
    void shouldEncodeTheEventsOfACommandIntoItsOutputArea()
    {
        final InstrumentSpec spec = new InstrumentSpec(5, 100, 10, 10, 1_000, 1_000, 10_000);
        final MatchingEngine engine = new MatchingEngine(new InstrumentSpec[]{spec}, events);
        final MatchingCommandAdapter real = new MatchingCommandAdapter(engine, events);
        final CollectingSink first = new CollectingSink();
        real.onInput(1, buffer, 0, encoder.newOrder(buffer, 0, 1, 1, 100, 5, 1, 11, Side.BUY, OrderType.LIMIT_GTC,
            10_000, 30, StpMode.DEFAULT), first);
        final CollectingSink second = new CollectingSink();
        real.onInput(2, buffer, 0, encoder.newOrder(buffer, 0, 2, 1, 200, 5, 2, 12, Side.SELL, OrderType.IOC,
            10_000, 10, StpMode.DEFAULT), second);

        assertThat(first.count()).isEqualTo(1);
        assertThat(templateId(first, 0)).isEqualTo(OrderAcceptedDecoder.TEMPLATE_ID);
        assertThat(second.count()).isEqualTo(2);
        assertThat(templateId(second, 0)).isEqualTo(OrderAcceptedDecoder.TEMPLATE_ID);
        assertThat(templateId(second, 1)).isEqualTo(TradeDecoder.TEMPLATE_ID);
        final TradeDecoder trade = new TradeDecoder()
            .wrapAndApplyHeader(second.buffer(), second.offset(1), new MessageHeaderDecoder());
        assertThat(trade.frame().sequence()).isEqualTo(2);
        assertThat(trade.frame().clientSessionId()).isEqualTo(2);
        assertThat(trade.frame().clientSequence()).isEqualTo(1);
        assertThat(trade.frame().timestampNs()).isEqualTo(200);
        assertThat(trade.quantity()).isEqualTo(10);
        assertThat(trade.makerLeavesQuantity()).isEqualTo(20);
    }

    @Test
    void shouldAcceptEveryCommandTheEncoderMakes()
    {
        MatchingCommandAdapter.check(buffer, 0, encoder.newOrder(buffer, 0, 1, 1, 1, 1, 1, 1, Side.BUY,
            OrderType.MARKET, 0, 10, StpMode.NONE));
        MatchingCommandAdapter.check(buffer, 0, encoder.cancel(buffer, 0, 1, 1, 1, 1, 1, 1));
        MatchingCommandAdapter.check(buffer, 0, encoder.replace(buffer, 0, 1, 1, 1, 1, 1, 1, 1, 1));
        MatchingCommandAdapter.check(buffer, 0, encoder.setReferencePrice(buffer, 0, 1, 1, 1, 1, 1));
        MatchingCommandAdapter.check(buffer, 0, encoder.endOfDay(buffer, 0, 1, 1, 1));
    }

    @Test
    void shouldRefuseAnUnknownTemplateAShortBlockOrABadEnumBeforeSequencing()
    {
        final int length = encoder.newOrder(buffer, 0, 1, 1, 1, 1, 1, 1, Side.BUY, OrderType.LIMIT_GTC, 100, 10,
            StpMode.NONE);

        buffer.putByte(MessageHeaderDecoder.ENCODED_LENGTH + NewOrderEncoder.sideEncodingOffset(), (byte)7);
        assertThatThrownBy(() -> MatchingCommandAdapter.check(buffer, 0, length))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Unknown value: 7");
        buffer.putByte(MessageHeaderDecoder.ENCODED_LENGTH + NewOrderEncoder.sideEncodingOffset(), (byte)255);
        assertThatThrownBy(() -> MatchingCommandAdapter.check(buffer, 0, length))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no side");
        assertThatThrownBy(() -> MatchingCommandAdapter.check(buffer, 0, length - 1))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a block of 75 bytes");
        buffer.putShort(MessageHeaderDecoder.templateIdEncodingOffset(), (short)101);
        assertThatThrownBy(() -> MatchingCommandAdapter.check(buffer, 0, length))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("not a matching command: template 101");
        assertThatThrownBy(() -> adapter.onInput(1, buffer, 0, length, new CollectingSink()))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("template 101");
    }

    private void apply(final int length)
    {
        MatchingCommandAdapter.check(buffer, 0, length);
        adapter.onInput(1, buffer, 0, length, new CollectingSink());
    }

    private static int templateId(final CollectingSink sink, final int index)
    {
        return new MessageHeaderDecoder().wrap(sink.buffer(), sink.offset(index)).templateId();
    }

    /** Writes each call down; the adapter's only contact with the business logic. */
    private static final class RecordingMatcher implements OrderMatcher
    {
        private final List<String> calls = new ArrayList<>();

        @Override
        public void newOrder(
            final long timestampNs, final int instrumentId, final int accountId, final long clientOrderId,
            final Side side, final OrderType type, final long price, final long quantity, final StpMode stpMode)
        {
            calls.add("newOrder " + timestampNs + " " + instrumentId + " " + accountId + " " + clientOrderId + " " +
                side + " " + type + " " + price + " " + quantity + " " + stpMode);
        }

        @Override
        public void cancel(final long timestampNs, final int instrumentId, final int accountId, final long orderId)
        {
            calls.add("cancel " + timestampNs + " " + instrumentId + " " + accountId + " " + orderId);
        }

        @Override
        public void replace(
            final long timestampNs, final int instrumentId, final int accountId, final long orderId,
            final long newPrice, final long newQuantity)
        {
            calls.add("replace " + timestampNs + " " + instrumentId + " " + accountId + " " + orderId + " " +
                newPrice + " " + newQuantity);
        }

        @Override
        public void setReferencePrice(final long timestampNs, final int instrumentId, final long referencePrice)
        {
            calls.add("setReferencePrice " + timestampNs + " " + instrumentId + " " + referencePrice);
        }

        @Override
        public void endOfDay(final long timestampNs)
        {
            calls.add("endOfDay " + timestampNs);
        }

        @Override
        public BookView book(final int instrumentId)
        {
            return null;
        }

        @Override
        public long stateHash()
        {
            return calls.hashCode();
        }
    }
}
