package io.tickkeeper.tradelog;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code trade-log}: prints a trade log's records and, with {@code --verify}, checks its invariants (writer tokens
 * never decrease, every fill once, tradeIds increasing per instrument) and prints the counts. Reads only.
 */
@Command(name = "trade-log", mixinStandardHelpOptions = true, version = "trade-log 0.1.0",
    description = "Print and verify a trade log (docs/trade-log.md).",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:printed; with --verify, the log is intact", "1:failed (unreadable log)", "2:usage error",
        "3:--verify found violations"})
public final class TradeLogMain implements Callable<Integer>
{
    /** Exit code when verification finds a violation. */
    public static final int EXIT_VIOLATIONS = 3;

    /** How records are printed. */
    enum Format
    {
        TEXT, CSV, NONE
    }

    @Option(names = "--dir", required = true, description = "The trade log's directory, e.g. var/trade-log.")
    private Path directory;

    @Option(names = "--format", defaultValue = "TEXT",
        description = "text, csv or none (default: text).")
    private Format format;

    @Option(names = "--verify", description = "Check the log's invariants, print the counts, exit 3 on a violation.")
    private boolean verify;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /**
     * @param args command-line arguments; {@code --help} lists them.
     */
    public static void main(final String[] args)
    {
        final String chronicleLogLevel = "org.slf4j.simpleLogger.log.net.openhft";
        if (System.getProperty(chronicleLogLevel) == null)
        {
            System.setProperty(chronicleLogLevel, "error");
        }
        System.exit(commandLine().execute(args));
    }

    /**
     * @return the command line of a new {@code trade-log} command (formats are case-insensitive).
     */
    public static CommandLine commandLine()
    {
        return new CommandLine(new TradeLogMain()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        final TradeLogVerifier verifier = new TradeLogVerifier();
        final TradeRecord record = new TradeRecord();
        try (TradeLogReader reader = TradeLogReader.open(directory))
        {
            if (format == Format.CSV)
            {
                out.println(TradeRecordFormat.CSV_HEADER);
            }
            while (reader.next(record))
            {
                if (format == Format.TEXT)
                {
                    out.println(TradeRecordFormat.text(record));
                }
                else if (format == Format.CSV)
                {
                    out.println(TradeRecordFormat.csv(record));
                }
                verifier.accept(record, reader.index());
            }
        }
        catch (final RuntimeException ex)
        {
            spec.commandLine().getErr().println("trade-log: " + ex.getMessage());
            return 1;
        }
        if (!verify)
        {
            out.flush();
            return 0;
        }
        for (final String line : verifier.summary())
        {
            out.println(line);
        }
        out.flush();
        return verifier.passed() ? 0 : EXIT_VIOLATIONS;
    }
}
