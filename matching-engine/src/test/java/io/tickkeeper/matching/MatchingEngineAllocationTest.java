package io.tickkeeper.matching;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.assertj.core.api.Assertions.assertThat;

class MatchingEngineAllocationTest
{
    private static final int WARM_UP_COMMANDS = 500_000;
    private static final int MEASURED_COMMANDS = 1_000_000;
    private static final int CHUNK = 1_000;
    private static final long ALLOCATION_BOUND_BYTES = 64 * 1024;

    @Test
    void shouldNotAllocateInSteadyState()
    {
        final MixedWorkload workload = MixedWorkload.generate(20_261_125L, WARM_UP_COMMANDS + MEASURED_COMMANDS);
        final EventCounter counter = new EventCounter();
        final MatchingEngine engine = new MatchingEngine(MixedWorkload.instruments(), counter);
        final long[] prices = new long[16];
        final long[] quantities = new long[16];
        final int[] orderCounts = new int[16];
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long threadId = Thread.currentThread().getId();

        long readChecksum = replayWithReads(workload, engine, 0, WARM_UP_COMMANDS, prices, quantities, orderCounts);
        final EventCounter warmUp = copyOf(counter);
        threads.getThreadAllocatedBytes(threadId);
        final long allocatedBefore = threads.getThreadAllocatedBytes(threadId);
        readChecksum += replayWithReads(
            workload, engine, WARM_UP_COMMANDS, WARM_UP_COMMANDS + MEASURED_COMMANDS, prices, quantities, orderCounts);
        final long allocatedBytes = threads.getThreadAllocatedBytes(threadId) - allocatedBefore;

        assertThat(allocatedBytes).as("bytes allocated by %d commands", MEASURED_COMMANDS)
            .isLessThan(ALLOCATION_BOUND_BYTES);
        assertThat(readChecksum).isNotZero();
        assertThat(counter.accepted - warmUp.accepted).isGreaterThan(100_000);
        assertThat(counter.trades - warmUp.trades).isGreaterThan(10_000);
        assertThat(counter.rejected - warmUp.rejected).isGreaterThan(10_000);
        assertThat(counter.userCancels - warmUp.userCancels).isGreaterThan(10_000);
        assertThat(counter.stpCancels - warmUp.stpCancels).isGreaterThan(1_000);
        assertThat(counter.expired - warmUp.expired).isGreaterThan(10_000);
        assertThat(counter.replacedKeepingPriority - warmUp.replacedKeepingPriority).isGreaterThan(1_000);
        assertThat(counter.replacedLosingPriority - warmUp.replacedLosingPriority).isGreaterThan(100_000);
    }

    private static long replayWithReads(
        final MixedWorkload workload, final MatchingEngine engine, final int from, final int to, final long[] prices,
        final long[] quantities, final int[] orderCounts)
    {
        long checksum = 0;
        for (int start = from; start < to; start += CHUNK)
        {
            workload.replay(engine, start, Math.min(to, start + CHUNK));
            checksum += engine.stateHash();
            for (final int instrumentId : MixedWorkload.INSTRUMENT_IDS)
            {
                final BookView book = engine.book(instrumentId);
                checksum += book.bestBid() + book.bestAsk() + book.levelCount(Side.BUY);
                final int levels = book.depth(Side.SELL, prices, quantities, orderCounts);
                if (levels > 0)
                {
                    checksum += book.quantityAt(Side.SELL, prices[0]) + book.orderCountAt(Side.SELL, prices[0]);
                }
            }
        }
        return checksum;
    }

    private static EventCounter copyOf(final EventCounter counter)
    {
        final EventCounter copy = new EventCounter();
        copy.accepted = counter.accepted;
        copy.rejected = counter.rejected;
        copy.trades = counter.trades;
        copy.tradedQuantity = counter.tradedQuantity;
        copy.userCancels = counter.userCancels;
        copy.stpCancels = counter.stpCancels;
        copy.replacedKeepingPriority = counter.replacedKeepingPriority;
        copy.replacedLosingPriority = counter.replacedLosingPriority;
        copy.expired = counter.expired;
        copy.checksum = counter.checksum;
        return copy;
    }
}
