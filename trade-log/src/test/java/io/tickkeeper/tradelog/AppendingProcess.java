package io.tickkeeper.tradelog;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A child process of {@link TradeLogCrossProcessTest}: appends fills of one instrument with one token to a trade
 * log and prints what became of them. Arguments: directory, token, instrument, then either {@code count <n>}
 * (append tradeIds 1..n) or {@code until-refused} (append tradeIds 1, 2, ... until the log refuses the token,
 * then offer 50 more, which must all be refused too), one every {@value #PAUSE_NS} ns like a writer fed by trades
 * rather than a spinning loop (file locks are not fair: a loop that re-locks at once can starve the other
 * process, docs/trade-log.md). Prints {@code appending} after the first append and
 * {@code appended <a> refused <r> appended-after-refusal <x>} at the end; exits 2 when never refused in 30 s.
 */
public final class AppendingProcess
{
    private static final int MORE_AFTER_REFUSAL = 50;
    private static final long PAUSE_NS = 100_000L;

    private AppendingProcess()
    {
    }

    /**
     * @param args directory, token, instrument, mode (see the class comment).
     */
    public static void main(final String[] args)
    {
        final Path directory = Path.of(args[0]);
        final long token = Long.parseLong(args[1]);
        final int instrumentId = Integer.parseInt(args[2]);
        final boolean untilRefused = "until-refused".equals(args[3]);
        final long count = untilRefused ? Long.MAX_VALUE : Long.parseLong(args[4]);
        final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        long appended = 0;
        long refused = 0;
        long appendedAfterRefusal = 0;
        try (TradeLog log = TradeLog.open(directory))
        {
            for (long tradeId = 1; tradeId <= count; tradeId++)
            {
                final TradeLogResult result = log.append(Trades.fill(token, tradeId, instrumentId));
                if (result == TradeLogResult.APPENDED)
                {
                    appended++;
                    if (refused > 0)
                    {
                        appendedAfterRefusal++;
                    }
                    if (appended == 1)
                    {
                        System.out.println("appending");
                        System.out.flush();
                    }
                }
                else if (result == TradeLogResult.STALE_TOKEN)
                {
                    refused++;
                }
                if (untilRefused)
                {
                    LockSupport.parkNanos(PAUSE_NS);
                }
                if (untilRefused && refused > MORE_AFTER_REFUSAL)
                {
                    break;
                }
                if (untilRefused && refused == 0 && System.nanoTime() > deadlineNs)
                {
                    System.out.println("never refused after " + appended + " appends");
                    System.exit(2);
                }
            }
        }
        System.out.println("appended " + appended + " refused " + refused + " appended-after-refusal " +
            appendedAfterRefusal);
        System.out.flush();
    }
}
