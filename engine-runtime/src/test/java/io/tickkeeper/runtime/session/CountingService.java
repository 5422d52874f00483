package io.tickkeeper.runtime.session;

import io.tickkeeper.protocol.sbe.EndOfDayDecoder;
import io.tickkeeper.protocol.sbe.MessageHeaderDecoder;
import io.tickkeeper.protocol.sbe.MessageHeaderEncoder;
import io.tickkeeper.protocol.sbe.OrderExpiredEncoder;
import io.tickkeeper.runtime.InputHandler;
import io.tickkeeper.runtime.OutputSink;
import org.agrona.DirectBuffer;

/**
 * A tiny deterministic service for tests: counts the inputs it applies and answers each with as many
 * OrderExpired events as {@code outputsPerInput}, the first carrying the new count as its order id.
 */
final class CountingService implements InputHandler
{
    private final int outputsPerInput;
    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final EndOfDayDecoder input = new EndOfDayDecoder();
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final OrderExpiredEncoder expired = new OrderExpiredEncoder();
    private long applied;

    CountingService(final int outputsPerInput)
    {
        this.outputsPerInput = outputsPerInput;
    }

    @Override
    public void onInput(
        final long sequence, final DirectBuffer buffer, final int offset, final int length, final OutputSink out)
    {
        input.wrapAndApplyHeader(buffer, offset, headerDecoder);
        applied++;
        for (int i = 0; i < outputsPerInput; i++)
        {
            final int at = out.claim(MessageHeaderEncoder.ENCODED_LENGTH + OrderExpiredEncoder.BLOCK_LENGTH);
            expired.wrapAndApplyHeader(out.buffer(), at, header);
            expired.frame()
                .epoch(input.frame().epoch())
                .sequence(sequence)
                .clientSessionId(input.frame().clientSessionId())
                .clientSequence(input.frame().clientSequence())
                .timestampNs(input.frame().timestampNs());
            expired.orderId(applied).quantity(i).instrumentId(1).accountId(2);
            out.commit(MessageHeaderEncoder.ENCODED_LENGTH + expired.encodedLength());
        }
    }

    long applied()
    {
        return applied;
    }
}
