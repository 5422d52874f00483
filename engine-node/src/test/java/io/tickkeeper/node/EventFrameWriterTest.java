package io.tickkeeper.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;
import org.junit.jupiter.api.Test;

import io.tickkeeper.protocol.sbe.EventFrameDecoder;
import io.tickkeeper.protocol.sbe.MessageHeaderDecoder;
import io.tickkeeper.protocol.sbe.MessageHeaderEncoder;
import io.tickkeeper.protocol.sbe.OrderExpiredDecoder;
import io.tickkeeper.protocol.sbe.OrderExpiredEncoder;
import io.tickkeeper.protocol.sbe.RiskTradeEncoder;
import io.tickkeeper.runtime.OutputSink;

/** The frame writer against SBE's own header path, and the addressing of its event frames. */
class EventFrameWriterTest
{
    private final EventFrameWriter writer = new EventFrameWriter("an event outside a command");
    private final Sink sink = new Sink();

    @Test
    void shouldWriteTheSameBytesAsTheEncodersOwnHeaderPath()
    {
        writer.begin(sink, 3, 41, 7, 12);
        final OrderExpiredEncoder expired = new OrderExpiredEncoder();
        writer.frame(writer.wrap(expired).frame(), 1_000_000_123L);
        expired.orderId(99).quantity(5).instrumentId(2).accountId(11);
        writer.commit(expired);
        writer.end();

        final MutableDirectBuffer expected = new ExpandableArrayBuffer(128);
        final OrderExpiredEncoder reference = new OrderExpiredEncoder()
            .wrapAndApplyHeader(expected, Sink.OFFSET, new MessageHeaderEncoder());
        reference.frame().epoch(3).sequence(41).clientSessionId(7).clientSequence(12).timestampNs(1_000_000_123L);
        reference.orderId(99).quantity(5).instrumentId(2).accountId(11);
        final int length = MessageHeaderEncoder.ENCODED_LENGTH + reference.encodedLength();

        assertThat(sink.claimed).isEqualTo(MessageHeaderEncoder.ENCODED_LENGTH + OrderExpiredEncoder.BLOCK_LENGTH);
        assertThat(sink.committed).isEqualTo(length);
        final byte[] written = new byte[length];
        final byte[] wanted = new byte[length];
        sink.buffer.getBytes(Sink.OFFSET, written);
        expected.getBytes(Sink.OFFSET, wanted);
        assertThat(written).isEqualTo(wanted);
        final MessageHeaderDecoder header = new MessageHeaderDecoder().wrap(sink.buffer, Sink.OFFSET);
        assertThat(header.templateId()).isEqualTo(OrderExpiredDecoder.TEMPLATE_ID);
        assertThat(header.blockLength()).isEqualTo(OrderExpiredDecoder.BLOCK_LENGTH);
    }

    @Test
    void shouldGiveTheClientSequenceOnlyToTheSessionThatSentTheInput()
    {
        writer.begin(sink, 2, 8, 7, 12);
        assertThat(frameFor(7)).satisfies(frame ->
        {
            assertThat(frame.clientSessionId()).isEqualTo(7);
            assertThat(frame.clientSequence()).isEqualTo(12);
            assertThat(frame.epoch()).isEqualTo(2);
            assertThat(frame.sequence()).isEqualTo(8);
            assertThat(frame.timestampNs()).isEqualTo(55);
        });
        assertThat(frameFor(9)).satisfies(frame ->
        {
            assertThat(frame.clientSessionId()).isEqualTo(9);
            assertThat(frame.clientSequence()).isZero();
        });
        assertThat(frameFor(0).clientSequence()).isZero();
    }

    @Test
    void shouldRefuseAnOutputOutsideAnInput()
    {
        final OrderExpiredEncoder expired = new OrderExpiredEncoder();
        assertThatThrownBy(() -> writer.wrap(expired)).isInstanceOf(IllegalStateException.class)
            .hasMessage("an event outside a command");
        writer.begin(sink, 1, 1, 1, 1);
        writer.end();
        assertThatThrownBy(() -> writer.wrap(expired)).hasMessage("an event outside a command");
        assertThat(sink.claimed).isZero();
    }

    private EventFrameDecoder frameFor(final long sessionId)
    {
        final RiskTradeEncoder trade = new RiskTradeEncoder();
        writer.frame(writer.wrap(trade).frame(), sessionId, 55);
        writer.commit(trade);
        return new EventFrameDecoder().wrap(sink.buffer, Sink.OFFSET + MessageHeaderEncoder.ENCODED_LENGTH);
    }

    /** One output at a time, at a fixed offset, with what was claimed and committed. */
    private static final class Sink implements OutputSink
    {
        static final int OFFSET = 16;
        final MutableDirectBuffer buffer = new ExpandableArrayBuffer(256);
        int claimed;
        int committed;

        @Override
        public MutableDirectBuffer buffer()
        {
            return buffer;
        }

        @Override
        public int claim(final int maxLength)
        {
            claimed = maxLength;
            return OFFSET;
        }

        @Override
        public void commit(final int length)
        {
            committed = length;
        }
    }
}
