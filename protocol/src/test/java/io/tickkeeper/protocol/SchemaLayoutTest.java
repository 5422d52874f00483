package io.tickkeeper.protocol;

import java.util.List;

import io.tickkeeper.protocol.sbe.CancelOrderEncoder;
import io.tickkeeper.protocol.sbe.ClientHelloEncoder;
import io.tickkeeper.protocol.sbe.CommandRefusedEncoder;
import io.tickkeeper.protocol.sbe.EndOfDayEncoder;
import io.tickkeeper.protocol.sbe.InputFrameEncoder;
import io.tickkeeper.protocol.sbe.MessageHeaderDecoder;
import io.tickkeeper.protocol.sbe.MessageHeaderEncoder;
import io.tickkeeper.protocol.sbe.NewOrderDecoder;
import io.tickkeeper.protocol.sbe.NewOrderEncoder;
import io.tickkeeper.protocol.sbe.OrderAcceptedEncoder;
import io.tickkeeper.protocol.sbe.OrderCancelledEncoder;
import io.tickkeeper.protocol.sbe.OrderExpiredEncoder;
import io.tickkeeper.protocol.sbe.OrderRejectedEncoder;
import io.tickkeeper.protocol.sbe.OrderReplacedEncoder;
import io.tickkeeper.protocol.sbe.OrderType;
import io.tickkeeper.protocol.sbe.ReplaceOrderEncoder;
import io.tickkeeper.protocol.sbe.ResultCode;
import io.tickkeeper.protocol.sbe.SessionWelcomeEncoder;
import io.tickkeeper.protocol.sbe.SetReferencePriceEncoder;
import io.tickkeeper.protocol.sbe.Side;
import io.tickkeeper.protocol.sbe.StpMode;
import io.tickkeeper.protocol.sbe.TradeEncoder;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The layout rules the engine runtime and the services rely on (see the comment at the top of the schema). */
class SchemaLayoutTest
{
    @Test
    void shouldStartEveryCommandBlockWithTheInputFrame()
    {
        assertThat(new int[]{
            NewOrderEncoder.frameEncodingOffset(),
            CancelOrderEncoder.frameEncodingOffset(),
            ReplaceOrderEncoder.frameEncodingOffset(),
            SetReferencePriceEncoder.frameEncodingOffset(),
            EndOfDayEncoder.frameEncodingOffset()}).containsOnly(0);
        assertThat(EndOfDayEncoder.BLOCK_LENGTH).isEqualTo(InputFrameEncoder.ENCODED_LENGTH);
    }

    @Test
    void shouldStartEveryEventBlockWithTheEventFrame()
    {
        assertThat(new int[]{
            OrderAcceptedEncoder.frameEncodingOffset(),
            OrderRejectedEncoder.frameEncodingOffset(),
            TradeEncoder.frameEncodingOffset(),
            OrderCancelledEncoder.frameEncodingOffset(),
            OrderReplacedEncoder.frameEncodingOffset(),
            OrderExpiredEncoder.frameEncodingOffset(),
            CommandRefusedEncoder.frameEncodingOffset(),
            SessionWelcomeEncoder.frameEncodingOffset()}).containsOnly(0);
    }

    @Test
    void shouldKeepCommandsEventsAndSnapshotsInTheirTemplateIdRanges()
    {
        assertThat(List.of(NewOrderEncoder.TEMPLATE_ID, CancelOrderEncoder.TEMPLATE_ID,
            ReplaceOrderEncoder.TEMPLATE_ID, SetReferencePriceEncoder.TEMPLATE_ID, EndOfDayEncoder.TEMPLATE_ID))
            .allMatch(id -> id >= 1 && id <= 99);
        assertThat(List.of(OrderAcceptedEncoder.TEMPLATE_ID, OrderRejectedEncoder.TEMPLATE_ID,
            TradeEncoder.TEMPLATE_ID, OrderCancelledEncoder.TEMPLATE_ID, OrderReplacedEncoder.TEMPLATE_ID,
            OrderExpiredEncoder.TEMPLATE_ID)).allMatch(id -> id >= 101 && id <= 199);
        assertThat(List.of(ClientHelloEncoder.TEMPLATE_ID, CommandRefusedEncoder.TEMPLATE_ID,
            SessionWelcomeEncoder.TEMPLATE_ID)).allMatch(id -> id >= 401 && id <= 499);
    }

    @Test
    void shouldAlignEveryLongFieldOfANewOrder()
    {
        assertThat(List.of(NewOrderEncoder.clientOrderIdEncodingOffset(), NewOrderEncoder.priceEncodingOffset(),
            NewOrderEncoder.quantityEncodingOffset())).allMatch(offset -> offset % Long.BYTES == 0);
    }

    @Test
    void shouldRoundTripANewOrder()
    {
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(128);
        final NewOrderEncoder encoder = new NewOrderEncoder()
            .wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder());
        encoder.frame().epoch(3).sequence(9).clientSessionId(11).clientSequence(12).timestampNs(1_000);
        encoder.clientOrderId(77).price(1_234_500).quantity(300).instrumentId(5).accountId(6)
            .side(Side.SELL).orderType(OrderType.POST_ONLY).stpMode(StpMode.CANCEL_BOTH);

        final NewOrderDecoder decoder = new NewOrderDecoder()
            .wrapAndApplyHeader(buffer, 0, new MessageHeaderDecoder());
        assertThat(decoder.frame().epoch()).isEqualTo(3);
        assertThat(decoder.frame().sequence()).isEqualTo(9);
        assertThat(decoder.frame().clientSessionId()).isEqualTo(11);
        assertThat(decoder.frame().clientSequence()).isEqualTo(12);
        assertThat(decoder.frame().timestampNs()).isEqualTo(1_000);
        assertThat(decoder.clientOrderId()).isEqualTo(77);
        assertThat(decoder.price()).isEqualTo(1_234_500);
        assertThat(decoder.quantity()).isEqualTo(300);
        assertThat(decoder.instrumentId()).isEqualTo(5);
        assertThat(decoder.accountId()).isEqualTo(6);
        assertThat(decoder.side()).isEqualTo(Side.SELL);
        assertThat(decoder.orderType()).isEqualTo(OrderType.POST_ONLY);
        assertThat(decoder.stpMode()).isEqualTo(StpMode.CANCEL_BOTH);
    }

    @Test
    void shouldRefuseAnUnknownEnumValueAndMapTheNullValueToNullVal()
    {
        assertThat(ResultCode.get(301)).isEqualTo(ResultCode.POST_ONLY_WOULD_CROSS);
        assertThat(ResultCode.get(ResultCode.NULL_VAL.value())).isEqualTo(ResultCode.NULL_VAL);
        assertThatThrownBy(() -> ResultCode.get(999)).isInstanceOf(IllegalArgumentException.class);
    }
}
