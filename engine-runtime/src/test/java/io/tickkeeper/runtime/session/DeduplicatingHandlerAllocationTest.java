package io.tickkeeper.runtime.session;

import java.lang.management.ManagementFactory;

import com.sun.management.ThreadMXBean;
import io.tickkeeper.protocol.sbe.EndOfDayEncoder;
import io.tickkeeper.protocol.sbe.MessageHeaderEncoder;
import io.tickkeeper.runtime.OutputSink;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Once its sessions exist, the handler applies, answers resends and refuses without allocating. */
class DeduplicatingHandlerAllocationTest
{
    private static final int SESSIONS = 8;
    private static final int WARM_UP_INPUTS = 50_000;
    private static final int MEASURED_INPUTS = 200_000;

    private final ExpandableArrayBuffer input = new ExpandableArrayBuffer(64);
    private final EndOfDayEncoder encoder = new EndOfDayEncoder();
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final ReusedSink sink = new ReusedSink();
    private final long[] nextClientSequence = new long[SESSIONS];

    @Test
    void shouldNotAllocatePerInputOnceItsSessionsExist()
    {
        final ThreadMXBean threads = (ThreadMXBean)ManagementFactory.getThreadMXBean();
        final DeduplicatingHandler handler =
            new DeduplicatingHandler(new CountingService(2), new SessionTable(64, 128, SESSIONS));
        run(handler, 0, WARM_UP_INPUTS);

        final long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        run(handler, WARM_UP_INPUTS, MEASURED_INPUTS);
        final long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;

        assertThat(handler.answeredAgain()).isGreaterThan(MEASURED_INPUTS / 10);
        assertThat(handler.refused()).isGreaterThan(MEASURED_INPUTS / 100);
        System.out.printf("deduplicating handler: %d bytes allocated over %d inputs%n", allocated, MEASURED_INPUTS);
        assertThat(allocated).isLessThan(MEASURED_INPUTS / 10);
    }

    /** Per session mostly new commands; every 4th a resend inside the window, every 64th one older than it. */
    private void run(final DeduplicatingHandler handler, final int first, final int count)
    {
        for (int i = first; i < first + count; i++)
        {
            final int session = i % SESSIONS;
            final int turn = i / SESSIONS;
            final long clientSequence;
            if (turn % 64 == 61 && nextClientSequence[session] > 100)
            {
                clientSequence = nextClientSequence[session] - 100;
            }
            else if (turn % 4 == 3)
            {
                clientSequence = nextClientSequence[session] - 1;
            }
            else
            {
                clientSequence = ++nextClientSequence[session];
            }
            encoder.wrapAndApplyHeader(input, 0, header);
            encoder.frame().epoch(1).sequence(i + 1).clientSessionId(session + 1).clientSequence(clientSequence)
                .timestampNs(i);
            sink.reset();
            handler.onInput(i + 1, input, 0, MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength(), sink);
        }
    }

    /** An output sink that reuses one buffer for every input. */
    private static final class ReusedSink implements OutputSink
    {
        private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(1024);
        private int limit;

        @Override
        public MutableDirectBuffer buffer()
        {
            return buffer;
        }

        @Override
        public int claim(final int maxLength)
        {
            buffer.checkLimit(limit + maxLength);
            return limit;
        }

        @Override
        public void commit(final int length)
        {
            limit += length;
        }

        void reset()
        {
            limit = 0;
        }
    }
}
