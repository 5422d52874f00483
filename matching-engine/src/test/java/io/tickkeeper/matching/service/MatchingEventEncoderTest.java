package io.tickkeeper.matching.service;

import io.tickkeeper.matching.CancelReason;
import io.tickkeeper.matching.OrderType;
import io.tickkeeper.matching.ResultCode;
import io.tickkeeper.matching.Side;
import io.tickkeeper.protocol.sbe.BooleanType;
import io.tickkeeper.protocol.sbe.MessageHeaderDecoder;
import io.tickkeeper.protocol.sbe.OrderAcceptedDecoder;
import io.tickkeeper.protocol.sbe.OrderCancelledDecoder;
import io.tickkeeper.protocol.sbe.OrderExpiredDecoder;
import io.tickkeeper.protocol.sbe.OrderRejectedDecoder;
import io.tickkeeper.protocol.sbe.OrderReplacedDecoder;
import io.tickkeeper.protocol.sbe.TradeDecoder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MatchingEventEncoderTest
{
    private final MatchingEventEncoder encoder = new MatchingEventEncoder();
    private final CollectingSink sink = new CollectingSink();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();

    @Test
    void shouldEncodeEveryEventWithTheCommandsEpochSequenceClientKeyAndTimestamp()
    {
        encoder.begin(sink, 4, 99, 0x5E55_1011L, 17);
        encoder.onAccepted(1_000, 7, 21, 3, 55, Side.BUY, OrderType.LIMIT_DAY, 10_100, 300);
        encoder.onRejected(1_000, 7, 0, 3, 56, ResultCode.PRICE_OUTSIDE_BAND);
        encoder.onTrade(1_000, 7, 10_000, 100, 21, 3, Side.BUY, 200, 8, 2, 0);
        encoder.onCancelled(1_000, 7, 21, 3, 150, CancelReason.SELF_TRADE_PREVENTION);
        encoder.onReplaced(1_000, 7, 21, 3, 10_200, 50, true);
        encoder.onExpired(1_000, 7, 21, 3, 50);
        encoder.end();

        assertThat(sink.count()).isEqualTo(6);

        final OrderAcceptedDecoder accepted =
            new OrderAcceptedDecoder().wrapAndApplyHeader(sink.buffer(), sink.offset(0), header);
        assertThat(accepted.frame().epoch()).isEqualTo(4);
        assertThat(accepted.frame().sequence()).isEqualTo(99);
        assertThat(accepted.frame().clientSessionId()).isEqualTo(0x5E55_1011L);
        assertThat(accepted.frame().clientSequence()).isEqualTo(17);
        assertThat(accepted.frame().timestampNs()).isEqualTo(1_000);
        assertThat(accepted.orderId()).isEqualTo(21);
        assertThat(accepted.clientOrderId()).isEqualTo(55);
        assertThat(accepted.orderType()).isEqualTo(io.tickkeeper.protocol.sbe.OrderType.LIMIT_DAY);
        assertThat(accepted.price()).isEqualTo(10_100);
        assertThat(accepted.quantity()).isEqualTo(300);
        assertThat(sink.length(0)).isEqualTo(MessageHeaderDecoder.ENCODED_LENGTH + OrderAcceptedDecoder.BLOCK_LENGTH);

        final OrderRejectedDecoder rejected =
            new OrderRejectedDecoder().wrapAndApplyHeader(sink.buffer(), sink.offset(1), header);
        assertThat(rejected.resultCode()).isEqualTo(io.tickkeeper.protocol.sbe.ResultCode.PRICE_OUTSIDE_BAND);
        assertThat(rejected.clientOrderId()).isEqualTo(56);

        final TradeDecoder trade =
            new TradeDecoder().wrapAndApplyHeader(sink.buffer(), sink.offset(2), header);
        assertThat(trade.price()).isEqualTo(10_000);
        assertThat(trade.takerOrderId()).isEqualTo(21);
        assertThat(trade.takerLeavesQuantity()).isEqualTo(200);
        assertThat(trade.makerOrderId()).isEqualTo(8);
        assertThat(trade.makerAccountId()).isEqualTo(2);
        assertThat(trade.makerLeavesQuantity()).isZero();
        assertThat(trade.takerSide()).isEqualTo(io.tickkeeper.protocol.sbe.Side.BUY);

        final OrderCancelledDecoder cancelled =
            new OrderCancelledDecoder().wrapAndApplyHeader(sink.buffer(), sink.offset(3), header);
        assertThat(cancelled.quantity()).isEqualTo(150);
        assertThat(cancelled.reason()).isEqualTo(io.tickkeeper.protocol.sbe.CancelReason.SELF_TRADE_PREVENTION);

        final OrderReplacedDecoder replaced =
            new OrderReplacedDecoder().wrapAndApplyHeader(sink.buffer(), sink.offset(4), header);
        assertThat(replaced.price()).isEqualTo(10_200);
        assertThat(replaced.keptPriority()).isEqualTo(BooleanType.TRUE);

        final OrderExpiredDecoder expired =
            new OrderExpiredDecoder().wrapAndApplyHeader(sink.buffer(), sink.offset(5), header);
        assertThat(expired.quantity()).isEqualTo(50);
        assertThat(expired.frame().sequence()).isEqualTo(99);
    }

    @Test
    void shouldRefuseAnEventOutsideACommand()
    {
        assertThatThrownBy(() -> encoder.onExpired(1, 1, 1, 1, 1)).hasMessage("an event outside a command");
        encoder.begin(sink, 0, 1, 0, 0);
        encoder.end();
        assertThatThrownBy(() -> encoder.onExpired(1, 1, 1, 1, 1)).hasMessage("an event outside a command");
    }
}
