package io.tickkeeper.matching.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import io.tickkeeper.matching.InstrumentSpec;
import io.tickkeeper.matching.OrderType;
import io.tickkeeper.matching.Side;
import io.tickkeeper.matching.StpMode;
import io.tickkeeper.matching.service.BuildDirTempDirFactory;
import io.tickkeeper.matching.service.MatchingCommandEncoder;
import io.tickkeeper.protocol.sbe.InputFrameEncoder;
import io.tickkeeper.protocol.sbe.MessageHeaderEncoder;
import io.tickkeeper.runtime.journal.Journal;
import io.tickkeeper.runtime.journal.JournalAppender;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalAuditTest
{
    private static final InstrumentSpec[] INSTRUMENTS = {new InstrumentSpec(1, 1, 1, 1, 1_000_000, 5_000, 10_000)};
    private static final long BUYER = 7;
    private static final long SELLER = 8;

    @TempDir(factory = BuildDirTempDirFactory.class)
    Path dir;

    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(MatchingCommandEncoder.MAX_LENGTH);
    private final MatchingCommandEncoder encoder = new MatchingCommandEncoder();
    private final InputFrameEncoder frame = new InputFrameEncoder();
    private long sequence;

    @Test
    void shouldFindEveryAcceptedOrderOnceAndEveryTradeInACleanJournal()
    {
        try (Journal journal = Journal.open(dir.resolve("a")); JournalAppender appender = journal.newAppender())
        {
            order(appender, 1, BUYER, 1, 11, Side.BUY);
            order(appender, 1, SELLER, 1, 21, Side.SELL);
            order(appender, 2, BUYER, 2, 12, Side.BUY);
            order(appender, 2, SELLER, 2, 22, Side.SELL);
        }

        final JournalAudit audit = audit("a");

        assertThat(audit.lastSequence()).isEqualTo(4);
        assertThat(audit.trades()).isEqualTo(2);
        assertThat(audit.duplicateFills()).isZero();
        assertThat(audit.staleEpochInputs()).isZero();
        assertThat(audit.highestEpoch()).isEqualTo(2);
        assertThat(audit.accepted(new JournalAudit.OrderKey(BUYER, 11))).hasSize(1);
        assertThat(audit.accepted(new JournalAudit.OrderKey(BUYER, 99))).isEmpty();
        assertThat(audit.inputDifferences(audit("a"))).isZero();
    }

    @Test
    void shouldCountAnOrderAppliedTwiceItsSecondFillAndAStaleEpoch()
    {
        try (Journal journal = Journal.open(dir.resolve("b")); JournalAppender appender = journal.newAppender())
        {
            order(appender, 2, BUYER, 1, 11, Side.BUY);
            order(appender, 2, SELLER, 1, 21, Side.SELL);
            order(appender, 1, BUYER, 2, 11, Side.BUY);
            order(appender, 2, SELLER, 2, 22, Side.SELL);
        }

        final JournalAudit audit = audit("b");

        assertThat(audit.accepted(new JournalAudit.OrderKey(BUYER, 11))).hasSize(2);
        assertThat(audit.trades()).isEqualTo(2);
        assertThat(audit.duplicateFills()).isEqualTo(1);
        assertThat(audit.staleEpochInputs()).isEqualTo(1);
    }

    @Test
    void shouldCountInputsThatDifferBetweenTwoJournals()
    {
        try (Journal a = Journal.open(dir.resolve("c")); JournalAppender appender = a.newAppender())
        {
            order(appender, 1, BUYER, 1, 11, Side.BUY);
            order(appender, 1, SELLER, 1, 21, Side.SELL);
        }
        sequence = 0;
        try (Journal b = Journal.open(dir.resolve("d")); JournalAppender appender = b.newAppender())
        {
            order(appender, 1, BUYER, 1, 11, Side.BUY);
            order(appender, 1, SELLER, 1, 23, Side.SELL);
            order(appender, 1, SELLER, 2, 24, Side.SELL);
        }

        final JournalAudit c = audit("c");
        final JournalAudit d = audit("d");

        assertThat(c.inputDifferences(d)).isEqualTo(2);
        assertThat(c.stateHash()).isNotEqualTo(d.stateHash());
    }

    private JournalAudit audit(final String name)
    {
        return JournalAudit.of(name, dir.resolve(name), INSTRUMENTS, MatchingReplayEngine::new);
    }

    private void order(
        final JournalAppender appender, final long epoch, final long session, final long clientSequence,
        final long clientOrderId, final Side side)
    {
        final int length = encoder.newOrder(buffer, 0, session, clientSequence, 1_000 * (sequence + 1), 1,
            (int)session, clientOrderId, side, OrderType.LIMIT_GTC, 10_000, 5, StpMode.NONE);
        sequence++;
        frame.wrap(buffer, MessageHeaderEncoder.ENCODED_LENGTH).epoch(epoch).sequence(sequence);
        appender.append(sequence, buffer, 0, length);
    }
}
