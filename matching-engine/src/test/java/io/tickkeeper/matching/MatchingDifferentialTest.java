package io.tickkeeper.matching;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Holds the fast {@link MatchingEngine} to the naive {@link ReferenceMatcher}: seeded random command streams in
 * several regimes, and after every single command the events of that command and the state hashes must be equal
 * (best prices too; whole book views every {@value #BOOK_CHECK_EVERY} commands). Prints per regime what it
 * exercised, and asserts that every event kind, every reject code, every order type and every STP mode came up.
 */
final class MatchingDifferentialTest
{
    private static final int BOOK_CHECK_EVERY = 1_000;
    private static final int RECENT_COMMANDS = 40;
    private static final long MIN_TOTAL_COMMANDS = 1_000_000;

    /** Listed out of id order; different ticks, lots, minimums and bands. */
    private static final InstrumentSpec[] INSTRUMENTS = {
        new InstrumentSpec(42, 25, 100, 100, 100_000, 50, 1_000_000),
        new InstrumentSpec(1, 1, 1, 1, 1_000, 1_000, 10_000),
        new InstrumentSpec(7, 5, 10, 20, 5_000, 300, 20_000),
    };
    private static final int UNKNOWN_INSTRUMENT = 2;

    private static final CommandGenerator.Regime SELF_TRADES = new CommandGenerator.Regime(
        "two accounts, self trades everywhere", 0x5EED_0001L, 240_000, 2, 300, 35, 20, 15, 15, 8, 7, 4_000, 30, false);
    private static final CommandGenerator.Regime CROWD = new CommandGenerator.Regime(
        "a crowd of accounts", 0x5EED_0002L, 240_000, 500, 800, 35, 20, 15, 15, 8, 7, 20_000, 50, false);
    private static final CommandGenerator.Regime THIN_BOOK = new CommandGenerator.Regime(
        "aggressive flow into a thin book", 0x5EED_0003L, 240_000, 20, 100, 15, 50, 10, 10, 8, 7, 10_000, 10, false);
    /** The reference hashes every open order after every command, so this regime is shorter. */
    private static final CommandGenerator.Regime DEEP_BOOK = new CommandGenerator.Regime(
        "deep book", 0x5EED_0004L, 60_000, 40, 2_200, 55, 6, 14, 15, 6, 4, 30_000, 100, false);
    private static final CommandGenerator.Regime FAULTY = new CommandGenerator.Regime(
        "faulty input and jumpy reference prices", 0x5EED_0005L, 240_000, 5, 400, 25, 15, 12, 13, 25, 10, 2_000, 40,
        true);
    private static final List<CommandGenerator.Regime> REGIMES =
        List.of(SELF_TRADES, CROWD, THIN_BOOK, DEEP_BOOK, FAULTY);

    /** What one regime's run exercised. */
    private record RunSummary(EventCoverage coverage, int peakOpenOrders, double emptySidePercent)
    {
    }

    @Test
    void shouldAgreeWithTheReferenceOnEveryEventAndStateHashAfterEveryCommand()
    {
        final EventCoverage total = new EventCoverage();
        final Map<CommandGenerator.Regime, RunSummary> summaries = new HashMap<>();
        long totalCommands = 0;
        for (final CommandGenerator.Regime regime : REGIMES)
        {
            final RunSummary summary = run(regime);
            summaries.put(regime, summary);
            total.addAll(summary.coverage());
            totalCommands += regime.commands();
        }
        System.out.printf("all regimes: %,d commands%n%s%n", totalCommands, total);

        assertThat(totalCommands).isGreaterThanOrEqualTo(MIN_TOTAL_COMMANDS);
        assertThat(summaries.get(DEEP_BOOK).peakOpenOrders()).as("deep book peak").isGreaterThanOrEqualTo(2_000);
        assertThat(summaries.get(THIN_BOOK).emptySidePercent()).as("thin book emptiness").isGreaterThan(50.0);
        assertThat(summaries.get(SELF_TRADES).coverage().count(EventCoverage.cancelledKey(
            CancelReason.SELF_TRADE_PREVENTION))).as("self-trade cancels with two accounts").isGreaterThan(10_000);
        for (final ResultCode code : ResultCode.values())
        {
            assertThat(total.keys()).contains(EventCoverage.rejectedKey(code));
        }
        for (final OrderType type : OrderType.values())
        {
            assertThat(total.keys()).contains(EventCoverage.acceptedKey(type));
        }
        for (final CancelReason reason : CancelReason.values())
        {
            assertThat(total.keys()).contains(EventCoverage.cancelledKey(reason));
        }
        for (final StpMode stpMode : StpMode.values())
        {
            assertThat(total.keys()).contains(EventCoverage.stpKey(stpMode));
        }
        assertThat(total.keys()).contains(
            EventCoverage.TRADE, EventCoverage.SELF_TRADE, EventCoverage.EXPIRED,
            EventCoverage.replacedKey(true), EventCoverage.replacedKey(false),
            "command Cancel", "command Replace", "command SetReferencePrice", "command EndOfDay");
    }

    @Test
    void shouldMakeTheSameCommandsFromTheSameSeed()
    {
        final CommandGenerator.Regime regime = SELF_TRADES;
        final ReferenceMatcher first = new ReferenceMatcher(INSTRUMENTS, new RecordingListener());
        final ReferenceMatcher second = new ReferenceMatcher(INSTRUMENTS, new RecordingListener());
        final CommandGenerator firstCommands = new CommandGenerator(regime, INSTRUMENTS, first);
        final CommandGenerator secondCommands = new CommandGenerator(regime, INSTRUMENTS, second);

        for (int i = 0; i < 10_000; i++)
        {
            final MatcherCommand command = firstCommands.next();
            assertThat(secondCommands.next()).isEqualTo(command);
            command.applyTo(first);
            command.applyTo(second);
        }
        assertThat(second.stateHash()).isEqualTo(first.stateHash());
    }

    private static RunSummary run(final CommandGenerator.Regime regime)
    {
        final RecordingListener referenceEvents = new RecordingListener();
        final RecordingListener engineEvents = new RecordingListener();
        final ReferenceMatcher reference = new ReferenceMatcher(INSTRUMENTS, referenceEvents);
        final OrderMatcher engine = new MatchingEngine(INSTRUMENTS, engineEvents);
        final CommandGenerator generator = new CommandGenerator(regime, INSTRUMENTS, reference);
        final ArrayDeque<MatcherCommand> recent = new ArrayDeque<>(RECENT_COMMANDS);
        final EventCoverage coverage = new EventCoverage();
        final long startNs = System.nanoTime();
        long openOrdersSum = 0;
        int openOrdersPeak = 0;
        long commandsWithAnEmptySide = 0;

        for (int index = 0; index < regime.commands(); index++)
        {
            final MatcherCommand command = generator.next();
            if (recent.size() == RECENT_COMMANDS)
            {
                recent.removeFirst();
            }
            recent.addLast(command);

            command.applyTo(reference);
            command.applyTo(engine);

            final List<MatchingEvent> expected = referenceEvents.drain();
            final List<MatchingEvent> actual = engineEvents.drain();
            final String difference = EventStreamDiff.firstDifference("reference", expected, "engine", actual);
            if (difference != null)
            {
                fail(report(regime, index, recent, difference));
            }
            if (reference.stateHash() != engine.stateHash())
            {
                fail(report(regime, index, recent, "state hashes differ after equal events " + expected));
            }
            for (final InstrumentSpec spec : INSTRUMENTS)
            {
                final BookView expectedBook = reference.book(spec.instrumentId());
                final BookView actualBook = engine.book(spec.instrumentId());
                if (expectedBook.bestBid() != actualBook.bestBid() || expectedBook.bestAsk() != actualBook.bestAsk())
                {
                    fail(report(regime, index, recent, "best prices of instrument " + spec.instrumentId()
                        + " differ: reference " + expectedBook.bestBid() + "/" + expectedBook.bestAsk()
                        + ", engine " + actualBook.bestBid() + "/" + actualBook.bestAsk()));
                }
                if (expectedBook.bestBid() == BookView.NO_PRICE || expectedBook.bestAsk() == BookView.NO_PRICE)
                {
                    commandsWithAnEmptySide++;
                }
            }
            if (index % BOOK_CHECK_EVERY == 0 || index == regime.commands() - 1)
            {
                assertSameBooks(regime, index, recent, reference, engine);
            }

            coverage.count(command);
            coverage.count(expected);
            final int openOrders = reference.openOrderCount();
            openOrdersSum += openOrders;
            openOrdersPeak = Math.max(openOrdersPeak, openOrders);
        }

        final long elapsedMs = (System.nanoTime() - startNs) / 1_000_000;
        final double emptySidePercent =
            100.0 * commandsWithAnEmptySide / ((long)regime.commands() * INSTRUMENTS.length);
        System.out.printf(
            "regime '%s' seed %#x: %,d commands in %,d ms; open orders mean %,d peak %,d; "
                + "an empty book side after %.1f%% of instrument-commands%n%s%n",
            regime.name(), regime.seed(), regime.commands(), elapsedMs, openOrdersSum / regime.commands(),
            openOrdersPeak, emptySidePercent, coverage);
        return new RunSummary(coverage, openOrdersPeak, emptySidePercent);
    }

    private static void assertSameBooks(
        final CommandGenerator.Regime regime, final int index, final ArrayDeque<MatcherCommand> recent,
        final ReferenceMatcher reference, final OrderMatcher engine)
    {
        if (engine.book(UNKNOWN_INSTRUMENT) != null)
        {
            fail(report(regime, index, recent, "engine has a book for unknown instrument " + UNKNOWN_INSTRUMENT));
        }
        for (final InstrumentSpec spec : INSTRUMENTS)
        {
            final BookSnapshot expected = BookSnapshot.of(reference.book(spec.instrumentId()));
            final BookSnapshot actual = BookSnapshot.of(engine.book(spec.instrumentId()));
            if (!expected.equals(actual))
            {
                fail(report(regime, index, recent, describeBookDifference(expected, actual)));
            }
            assertSameAtProbePrices(regime, index, recent, spec, reference.book(spec.instrumentId()),
                engine.book(spec.instrumentId()));
        }
    }

    /** Per-price queries must agree also where no level is: around the reference price, off tick, absurd. */
    private static void assertSameAtProbePrices(
        final CommandGenerator.Regime regime, final int index, final ArrayDeque<MatcherCommand> recent,
        final InstrumentSpec spec, final BookView expected, final BookView actual)
    {
        final long tick = spec.tickSize();
        final long center = expected.referencePrice() - expected.referencePrice() % tick;
        final long[] probes = {
            center - 2 * tick, center - tick, center, center + 1, center + tick, center + 2 * tick,
            0, -tick, InstrumentSpec.MAX_PRICE, Long.MAX_VALUE, Long.MIN_VALUE,
        };
        for (final Side side : Side.values())
        {
            for (final long price : probes)
            {
                if (expected.quantityAt(side, price) != actual.quantityAt(side, price)
                    || expected.orderCountAt(side, price) != actual.orderCountAt(side, price))
                {
                    fail(report(regime, index, recent, side + " quantity/order count at " + price + " of instrument "
                        + spec.instrumentId() + " differ: reference " + expected.quantityAt(side, price) + "/"
                        + expected.orderCountAt(side, price) + ", engine " + actual.quantityAt(side, price) + "/"
                        + actual.orderCountAt(side, price)));
                }
            }
        }
    }

    private static String describeBookDifference(final BookSnapshot expected, final BookSnapshot actual)
    {
        final StringBuilder text = new StringBuilder("book views of instrument ")
            .append(expected.instrumentId()).append(" differ:\n");
        if (expected.instrumentId() != actual.instrumentId() || expected.referencePrice() != actual.referencePrice()
            || expected.bestBid() != actual.bestBid() || expected.bestAsk() != actual.bestAsk())
        {
            text.append("  reference: id ").append(expected.instrumentId()).append(" ref ")
                .append(expected.referencePrice()).append(" bid ").append(expected.bestBid()).append(" ask ")
                .append(expected.bestAsk()).append('\n')
                .append("  engine:    id ").append(actual.instrumentId()).append(" ref ")
                .append(actual.referencePrice()).append(" bid ").append(actual.bestBid()).append(" ask ")
                .append(actual.bestAsk()).append('\n');
        }
        appendLevelDifference(text, "bids", expected.bids(), actual.bids());
        appendLevelDifference(text, "asks", expected.asks(), actual.asks());
        return text.toString();
    }

    private static void appendLevelDifference(
        final StringBuilder text, final String sideName, final List<BookSnapshot.Level> expected,
        final List<BookSnapshot.Level> actual)
    {
        final int levels = Math.max(expected.size(), actual.size());
        for (int i = 0; i < levels; i++)
        {
            final BookSnapshot.Level expectedLevel = i < expected.size() ? expected.get(i) : null;
            final BookSnapshot.Level actualLevel = i < actual.size() ? actual.get(i) : null;
            if (!Objects.equals(expectedLevel, actualLevel))
            {
                text.append("  ").append(sideName).append(" level ").append(i).append(" of ")
                    .append(expected.size()).append('/').append(actual.size()).append(": reference ")
                    .append(expectedLevel).append(", engine ").append(actualLevel).append('\n');
                return;
            }
        }
    }

    private static String report(
        final CommandGenerator.Regime regime, final int index, final ArrayDeque<MatcherCommand> recent,
        final String difference)
    {
        final StringBuilder text = new StringBuilder(4_096)
            .append("regime '").append(regime.name()).append("' seed ").append(Long.toHexString(regime.seed()))
            .append(": engine and reference disagree after command ").append(index).append('\n')
            .append(difference).append("\nthe last ").append(recent.size()).append(" commands, oldest first:\n");
        for (final MatcherCommand command : recent)
        {
            text.append("  ").append(command).append('\n');
        }
        return text.toString();
    }
}
