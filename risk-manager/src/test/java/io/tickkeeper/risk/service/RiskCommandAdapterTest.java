package io.tickkeeper.risk.service;

import java.util.ArrayList;
import java.util.List;

import io.tickkeeper.protocol.sbe.ExecType;
import io.tickkeeper.protocol.sbe.MatchingReportKind;
import io.tickkeeper.protocol.sbe.MessageHeaderDecoder;
import io.tickkeeper.protocol.sbe.NewOrderDecoder;
import io.tickkeeper.protocol.sbe.OrderType;
import io.tickkeeper.protocol.sbe.RiskExecutionReportDecoder;
import io.tickkeeper.protocol.sbe.RiskLimitKind;
import io.tickkeeper.protocol.sbe.RiskNewOrderEncoder;
import io.tickkeeper.protocol.sbe.SetReferencePriceDecoder;
import io.tickkeeper.protocol.sbe.Side;
import io.tickkeeper.risk.RiskConfig;
import io.tickkeeper.risk.RiskEngine;
import io.tickkeeper.runtime.OutputSink;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The risk engine's byte boundary: what the client edge lets in, and bytes in to bytes out. */
class RiskCommandAdapterTest
{
    private static final long TS = 1_700_000_000_000_000_000L;

    private final RiskCommandEncoder encoder = new RiskCommandEncoder();
    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(RiskCommandEncoder.MAX_LENGTH);

    @Test
    void shouldLetClientsSendOnly501To505()
    {
        assertThatCode(() -> RiskCommandAdapter.check(buffer, 0, newOrder("A-1"))).doesNotThrowAnyException();
        assertThatCode(() -> RiskCommandAdapter.check(buffer, 0,
            encoder.cancel(buffer, 0, 9, 2, TS, 1, 7, "C-1", "A-1"))).doesNotThrowAnyException();
        assertThatCode(() -> RiskCommandAdapter.check(buffer, 0,
            encoder.replace(buffer, 0, 9, 3, TS, 1, 7, "R-1", "A-1", 100, 5))).doesNotThrowAnyException();
        assertThatCode(() -> RiskCommandAdapter.check(buffer, 0,
            encoder.orderStatus(buffer, 0, 9, 4, TS, 7, "A-1"))).doesNotThrowAnyException();
        assertThatCode(() -> RiskCommandAdapter.check(buffer, 0,
            encoder.accountSession(buffer, 0, 9, 5, TS, 7, true, false))).doesNotThrowAnyException();

        refused(encoder.referencePrice(buffer, 0, TS, 1, 100, 1, 1), "client");
        refused(encoder.limitUpdate(buffer, 0, TS, RiskLimitKind.GLOBAL_KILL, 0, 1), "client");
        refused(encoder.primaryStarted(buffer, 0, TS), "client");
        refused(matchingReport(), "client");
    }

    @Test
    void shouldTakeThePrimarysOwnInputsOnlyWithoutAClientSession()
    {
        assertThatCode(() -> RiskCommandAdapter.checkInput(buffer, 0, matchingReport())).doesNotThrowAnyException();
        assertThatCode(() -> RiskCommandAdapter.checkInput(buffer, 0, encoder.primaryStarted(buffer, 0, TS)))
            .doesNotThrowAnyException();
        final int length = encoder.primaryStarted(buffer, 0, TS);
        buffer.putLong(MessageHeaderDecoder.ENCODED_LENGTH + 16, 42, MessageHeaderDecoder.BYTE_ORDER);
        assertThatThrownBy(() -> RiskCommandAdapter.checkInput(buffer, 0, length))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("primary only");
        assertThatCode(() -> RiskCommandAdapter.checkInput(buffer, 0, newOrder("A-1"))).doesNotThrowAnyException();
    }

    @Test
    void shouldRefuseMalformedBytes()
    {
        refused(4, "header");
        final int length = newOrder("A-1");
        refused(length - 1, "block");
        buffer.putShort(2, (short)NewOrderDecoder.TEMPLATE_ID, MessageHeaderDecoder.BYTE_ORDER);
        refused(length, "not a risk input");

        newOrder("A-1");
        buffer.putByte(MessageHeaderDecoder.ENCODED_LENGTH + RiskNewOrderEncoder.sideEncodingOffset(), (byte)7);
        refused(length, "side");
        newOrder("A-1");
        buffer.putByte(MessageHeaderDecoder.ENCODED_LENGTH + RiskNewOrderEncoder.orderTypeEncodingOffset(), (byte)9);
        refused(length, "order type");
        newOrder("A-1");
        buffer.putShort(4, (short)99, MessageHeaderDecoder.BYTE_ORDER);
        refused(length, "schema");

        refused(newOrder(""), "empty");
        refused(newOrder("caf\u00e9"), "ASCII");
        refused(newOrder("tab\tid"), "ASCII");
        newOrder("A-1");
        buffer.putByte(MessageHeaderDecoder.ENCODED_LENGTH + RiskNewOrderEncoder.clOrdIdEncodingOffset() + 10,
            (byte)'x');
        refused(length, "padding");
        final int session = encoder.accountSession(buffer, 0, 9, 5, TS, 7, true, false);
        buffer.putByte(session - 1, (byte)3);
        refused(session, "boolean");
    }

    @Test
    void shouldTurnBytesIntoATypedCallAndItsOutputsIntoBytes()
    {
        final RiskEventEncoder events = new RiskEventEncoder();
        final RiskEngine engine = new RiskEngine(new RiskConfig(new int[]{1}, new int[]{2}), events);
        final RiskCommandAdapter adapter = new RiskCommandAdapter(engine, events);
        final Sink sink = new Sink();

        adapter.onInput(1, buffer, 0, encoder.referencePrice(buffer, 0, TS, 2, 10_000, 1, 1), sink);
        assertThat(sink.templates).containsExactly(SetReferencePriceDecoder.TEMPLATE_ID);
        sink.clear();
        adapter.onInput(2, buffer, 0, encoder.newOrder(buffer, 0, 9, 12, TS + 5, 2, 7, "A-1", Side.SELL,
            OrderType.LIMIT_GTC, 10_100, 30), sink);
        assertThat(sink.templates).containsExactly(RiskExecutionReportDecoder.TEMPLATE_ID,
            NewOrderDecoder.TEMPLATE_ID);

        final RiskExecutionReportDecoder report = new RiskExecutionReportDecoder();
        report.wrapAndApplyHeader(sink.buffer, sink.offsets.get(0), new MessageHeaderDecoder());
        assertThat(report.frame().sequence()).isEqualTo(2);
        assertThat(report.frame().clientSessionId()).isEqualTo(9);
        assertThat(report.frame().clientSequence()).isEqualTo(12);
        assertThat(report.frame().timestampNs()).isEqualTo(TS + 5);
        assertThat(report.execType()).isEqualTo(ExecType.PENDING_NEW);
        assertThat(report.clOrdId()).isEqualTo("A-1");
        assertThat(report.orderId()).isEqualTo(1);
        assertThat(report.quantity()).isEqualTo(30);

        final NewOrderDecoder forward = new NewOrderDecoder();
        forward.wrapAndApplyHeader(sink.buffer, sink.offsets.get(1), new MessageHeaderDecoder());
        assertThat(forward.frame().clientSessionId()).isEqualTo(RiskEngine.forwardSession(1));
        assertThat(forward.frame().clientSequence()).isEqualTo(2);
        assertThat(forward.frame().epoch()).isZero();
        assertThat(forward.clientOrderId()).isEqualTo(1);
        assertThat(forward.price()).isEqualTo(10_100);
        assertThat(forward.quantity()).isEqualTo(30);
        assertThat(forward.side()).isEqualTo(Side.SELL);
        assertThat(forward.accountId()).isEqualTo(7);

        sink.clear();
        adapter.onInput(3, buffer, 0, encoder.matchingReport(buffer, 0, TS + 9, MatchingReportKind.ACCEPTED, 1, 4,
            50, 0, 2, 900, 1, 2, 7, Side.SELL, 10_100, 30, 30, 0, 0, 0, 0), sink);
        report.wrapAndApplyHeader(sink.buffer, sink.offsets.get(0), new MessageHeaderDecoder());
        assertThat(report.execType()).isEqualTo(ExecType.NEW);
        assertThat(report.frame().clientSessionId()).as("the order's session").isEqualTo(9);
        assertThat(report.frame().clientSequence()).as("not an answer to a command of that session").isZero();
        assertThat(RiskEventEncoder.MAX_OUTPUT_LENGTH).isLessThanOrEqualTo(RiskPipeline.MAX_ANSWER_LENGTH);
    }

    private int newOrder(final String clOrdId)
    {
        final int length = encoder.newOrder(buffer, 0, 9, 1, TS, 1, 7, "", Side.BUY, OrderType.LIMIT_GTC, 100, 5);
        final int at = MessageHeaderDecoder.ENCODED_LENGTH + RiskNewOrderEncoder.clOrdIdEncodingOffset();
        for (int i = 0; i < RiskNewOrderEncoder.clOrdIdLength(); i++)
        {
            buffer.putByte(at + i, i < clOrdId.length() ? (byte)clOrdId.charAt(i) : 0);
        }
        return length;
    }

    private int matchingReport()
    {
        return encoder.matchingReport(buffer, 0, TS, MatchingReportKind.TRADE, 0, 1, 10, 0, 3, 5, 0, 1, 7, Side.BUY,
            100, 5, 0, 6, 8, 0, 0);
    }

    private void refused(final int length, final String message)
    {
        assertThatThrownBy(() -> RiskCommandAdapter.check(buffer, 0, length))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    /** Keeps every output in one buffer, with where each starts and its template. */
    private static final class Sink implements OutputSink
    {
        final MutableDirectBuffer buffer = new UnsafeBuffer(new byte[4096]);
        final List<Integer> offsets = new ArrayList<>();
        final List<Integer> templates = new ArrayList<>();
        int limit;
        int claimed;

        @Override
        public MutableDirectBuffer buffer()
        {
            return buffer;
        }

        @Override
        public int claim(final int maxLength)
        {
            claimed = limit;
            return limit;
        }

        @Override
        public void commit(final int length)
        {
            offsets.add(claimed);
            templates.add(buffer.getShort(claimed + 2, MessageHeaderDecoder.BYTE_ORDER) & 0xFFFF);
            limit += length;
        }

        void clear()
        {
            offsets.clear();
            templates.clear();
            limit = 0;
        }
    }
}
