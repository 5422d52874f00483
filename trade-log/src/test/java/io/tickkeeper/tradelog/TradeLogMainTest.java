package io.tickkeeper.tradelog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TradeLogMainTest
{
    @TempDir
    Path directory;

    private final StringWriter out = new StringWriter();

    @Test
    void shouldPrintEveryRecordAndVerifyAnIntactLog()
    {
        try (TradeLog log = TradeLog.open(directory))
        {
            log.append(Trades.fill(1L, 1L, 1));
            log.append(Trades.fill(1L, 2L, 1));
            log.append(Trades.fill(2L, 1L, 5));
        }

        final int exit = run("--dir", directory.toString(), "--verify");

        assertThat(exit).isZero();
        assertThat(out.toString().lines()).containsExactly(
            "token 1 trade 1 TK1 2 @ 100.01 buy 2/acct 3 sell 3/acct 4 aggressor SELL epoch 1 seq 11 ts 1000",
            "token 1 trade 2 TK1 3 @ 100.02 buy 4/acct 3 sell 5/acct 4 aggressor BUY epoch 1 seq 12 ts 2000",
            "token 2 trade 1 TK5 2 @ 100.01 buy 2/acct 3 sell 3/acct 4 aggressor SELL epoch 1 seq 11 ts 1000",
            "records 3", "instruments 2", "token 1 records 2", "token 2 records 1", "violations 0", "VERIFIED");
    }

    @Test
    void shouldPrintCsvRows()
    {
        try (TradeLog log = TradeLog.open(directory))
        {
            log.append(Trades.fill(4L, 9L, 2));
        }

        final int exit = run("--dir", directory.toString(), "--format", "csv");

        assertThat(exit).isZero();
        assertThat(out.toString().lines()).containsExactly(TradeRecordFormat.CSV_HEADER,
            "4,9,1,19,9000,10009,3,18,19,2,3,4,SELL");
    }

    @Test
    void shouldReportADecreasingTokenAndARepeatedFillWrittenAroundTheLog()
    {
        final TradeRecordCodec codec = new TradeRecordCodec();
        try (SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(directory)
            .rollCycle(TradeLog.DEFAULT_ROLL_CYCLE).build();
            ExcerptAppender appender = queue.createAppender())
        {
            for (final TradeRecord record : new TradeRecord[] {
                Trades.fill(2L, 1L, 1), Trades.fill(1L, 2L, 1), Trades.fill(2L, 2L, 1), Trades.fill(2L, 3L, 1)})
            {
                try (DocumentContext context = appender.writingDocument())
                {
                    codec.encode(record, context.wire().bytes());
                }
            }
        }

        final int exit = run("--dir", directory.toString(), "--format", "none", "--verify");

        assertThat(exit).isEqualTo(TradeLogMain.EXIT_VIOLATIONS);
        assertThat(out.toString()).contains("records 4", "violations 2", "FAILED",
            "has writer token 1 after token 2", "repeats instrument 1 tradeId 2");
    }

    @Test
    void shouldFailOnAMissingDirectory()
    {
        assertThat(run("--dir", directory.resolve("absent").toString(), "--verify")).isEqualTo(1);
    }

    private int run(final String... args)
    {
        final CommandLine commandLine = TradeLogMain.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(new StringWriter(), true));
        return commandLine.execute(args);
    }
}
