package io.tickkeeper.runtime.session;

import java.util.ArrayList;
import java.util.List;

import io.tickkeeper.protocol.sbe.CommandRefusedDecoder;
import io.tickkeeper.protocol.sbe.EndOfDayEncoder;
import io.tickkeeper.protocol.sbe.MessageHeaderDecoder;
import io.tickkeeper.protocol.sbe.MessageHeaderEncoder;
import io.tickkeeper.protocol.sbe.OrderExpiredDecoder;
import io.tickkeeper.protocol.sbe.RefusalReason;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeduplicatingHandlerTest
{
    private static final long SESSION = 0x7A11_5E55_1011_0001L;
    private static final long OTHER_SESSION = -42;

    private final ExpandableArrayBuffer input = new ExpandableArrayBuffer(64);
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private long sequence;

    @Test
    void shouldApplyEachCommandOnceAndAnswerAResendWithItsOriginalAnswer()
    {
        final CountingService service = new CountingService(2);
        final DeduplicatingHandler handler = new DeduplicatingHandler(service, new SessionTable());
        final List<byte[]> firstAnswers = new ArrayList<>();
        for (long clientSequence = 1; clientSequence <= 3; clientSequence++)
        {
            final RecordedOutputs out = apply(handler, 1, SESSION, clientSequence);
            assertThat(out.outputs()).hasSize(2);
            firstAnswers.add(out.outputs().get(0));
        }

        final RecordedOutputs resent = apply(handler, 2, SESSION, 2);

        assertThat(service.applied()).isEqualTo(3);
        assertThat(handler.answeredAgain()).isEqualTo(1);
        assertThat(resent.outputs()).hasSize(1);
        final OrderExpiredDecoder again = expired(resent.outputs().get(0));
        assertThat(again.frame().epoch()).isEqualTo(2);
        assertThat(again.frame().sequence()).isEqualTo(2);
        assertThat(again.frame().clientSequence()).isEqualTo(2);
        assertThat(again.orderId()).isEqualTo(2);
        final byte[] expected = firstAnswers.get(1).clone();
        new UnsafeBuffer(expected).putLong(MessageHeaderDecoder.ENCODED_LENGTH, 2);
        assertThat(resent.outputs().get(0)).isEqualTo(expected);
    }

    @Test
    void shouldRefuseACommandOlderThanTheWindowAsTooOld()
    {
        final CountingService service = new CountingService(1);
        final DeduplicatingHandler handler = new DeduplicatingHandler(service, new SessionTable(4, 128, 8));
        for (long clientSequence = 1; clientSequence <= 10; clientSequence++)
        {
            apply(handler, 1, SESSION, clientSequence);
        }

        final CommandRefusedDecoder tooOld = refused(apply(handler, 1, SESSION, 6));
        final OrderExpiredDecoder insideWindow = expired(apply(handler, 1, SESSION, 7).outputs().get(0));

        assertThat(tooOld.reason()).isEqualTo(RefusalReason.TOO_OLD);
        assertThat(tooOld.lastAppliedClientSequence()).isEqualTo(10);
        assertThat(tooOld.frame().clientSessionId()).isEqualTo(SESSION);
        assertThat(tooOld.frame().clientSequence()).isEqualTo(6);
        assertThat(insideWindow.orderId()).isEqualTo(7);
        assertThat(service.applied()).isEqualTo(10);
    }

    @Test
    void shouldApplyASequenceThatSkipsAheadAndRefuseTheSkippedOneLater()
    {
        final CountingService service = new CountingService(1);
        final DeduplicatingHandler handler = new DeduplicatingHandler(service, new SessionTable());
        apply(handler, 1, SESSION, 1);
        apply(handler, 1, SESSION, 5);

        final CommandRefusedDecoder skipped = refused(apply(handler, 1, SESSION, 3));

        assertThat(service.applied()).isEqualTo(2);
        assertThat(skipped.reason()).isEqualTo(RefusalReason.SEQUENCE_SKIPPED);
        assertThat(skipped.lastAppliedClientSequence()).isEqualTo(5);
    }

    @Test
    void shouldAlwaysApplyInputsWithoutAClientSession()
    {
        final CountingService service = new CountingService(1);
        final DeduplicatingHandler handler = new DeduplicatingHandler(service, new SessionTable());
        apply(handler, 1, 0, 0);
        apply(handler, 1, 0, 0);

        assertThat(service.applied()).isEqualTo(2);
        assertThat(handler.answeredAgain()).isZero();
    }

    @Test
    void shouldKeepSessionsApartAndRefuseANewSessionWhenTheTableIsFull()
    {
        final CountingService service = new CountingService(1);
        final SessionTable table = new SessionTable(8, 128, 1);
        final DeduplicatingHandler handler = new DeduplicatingHandler(service, table);
        apply(handler, 1, SESSION, 1);

        final CommandRefusedDecoder full = refused(apply(handler, 1, OTHER_SESSION, 1));

        assertThat(full.reason()).isEqualTo(RefusalReason.TOO_MANY_SESSIONS);
        assertThat(table.sessionCount()).isEqualTo(1);
        assertThat(table.lastApplied(SESSION)).isEqualTo(1);
        assertThat(table.lastApplied(OTHER_SESSION)).isZero();
    }

    @Test
    void shouldNotApplyAgainACommandThatHadNoOutputAndAnswerItWithNothing()
    {
        final CountingService service = new CountingService(0);
        final DeduplicatingHandler handler = new DeduplicatingHandler(service, new SessionTable());
        apply(handler, 1, SESSION, 1);

        final RecordedOutputs resent = apply(handler, 1, SESSION, 1);

        assertThat(service.applied()).isEqualTo(1);
        assertThat(resent.outputs()).isEmpty();
        assertThat(handler.answeredAgain()).isEqualTo(1);
    }

    @Test
    void shouldRefuseANonPositiveClientSequenceAsMalformed()
    {
        final CountingService service = new CountingService(1);
        final DeduplicatingHandler handler = new DeduplicatingHandler(service, new SessionTable());

        assertThat(refused(apply(handler, 1, SESSION, 0)).reason()).isEqualTo(RefusalReason.MALFORMED);
        assertThat(service.applied()).isZero();
    }

    @Test
    void shouldStopOnAnAnswerLongerThanTheTableKeeps()
    {
        final DeduplicatingHandler handler =
            new DeduplicatingHandler(new CountingService(1), new SessionTable(8, 16, 8));

        assertThatThrownBy(() -> apply(handler, 1, SESSION, 1))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("maxAnswerLength 16");
    }

    @Test
    void shouldGiveEqualStateHashesToReplicasFedTheSameInputsIncludingResends()
    {
        final SessionTable primaryTable = new SessionTable(16, 128, 8);
        final SessionTable replicaTable = new SessionTable(16, 128, 8);
        final SessionTable divergentTable = new SessionTable(16, 128, 8);
        final DeduplicatingHandler primary = new DeduplicatingHandler(new CountingService(1), primaryTable);
        final DeduplicatingHandler replica = new DeduplicatingHandler(new CountingService(1), replicaTable);
        final DeduplicatingHandler divergent = new DeduplicatingHandler(new CountingService(1), divergentTable);
        final long[][] inputs = {
            {SESSION, 1}, {OTHER_SESSION, 1}, {SESSION, 2}, {SESSION, 1}, {OTHER_SESSION, 2}, {SESSION, 3},
            {SESSION, 2}, {OTHER_SESSION, 1}, {0, 0}, {SESSION, 40}, {SESSION, 3}};
        for (final long[] key : inputs)
        {
            final long at = sequence;
            final RecordedOutputs fromPrimary = apply(primary, 3, key[0], key[1]);
            sequence = at;
            final RecordedOutputs fromReplica = apply(replica, 3, key[0], key[1]);
            assertThat(fromReplica.outputs()).containsExactlyElementsOf(fromPrimary.outputs());
            assertThat(replicaTable.stateHash()).isEqualTo(primaryTable.stateHash());
        }
        for (final long[] key : inputs)
        {
            if (key[0] != SESSION || key[1] != 40)
            {
                apply(divergent, 3, key[0], key[1]);
            }
        }

        assertThat(primaryTable.lastApplied(SESSION)).isEqualTo(40);
        assertThat(primaryTable.lastApplied(OTHER_SESSION)).isEqualTo(2);
        assertThat(divergentTable.stateHash()).isNotEqualTo(primaryTable.stateHash());
    }

    @Test
    void shouldRestoreFromASnapshotAndAnswerAResendExactlyAsTheOriginalDoes()
    {
        final SessionTable table = new SessionTable(8, 128, 8);
        final DeduplicatingHandler original = new DeduplicatingHandler(new CountingService(1), table);
        for (long clientSequence = 1; clientSequence <= 11; clientSequence++)
        {
            apply(original, 1, SESSION, clientSequence);
        }
        apply(original, 1, OTHER_SESSION, 1);
        final ExpandableArrayBuffer snapshot = new ExpandableArrayBuffer(64);
        final int length = table.writeSnapshot(snapshot, 8);

        final SessionTable restored = new SessionTable(8, 128, 8);
        restored.readSnapshot(snapshot, 8, length);
        final DeduplicatingHandler copy = new DeduplicatingHandler(new CountingService(1), restored);

        assertThat(restored.stateHash()).isEqualTo(table.stateHash());
        assertThat(restored.sessionCount()).isEqualTo(2);
        final long at = sequence;
        final RecordedOutputs fromOriginal = apply(original, 2, SESSION, 6);
        sequence = at;
        final RecordedOutputs fromCopy = apply(copy, 2, SESSION, 6);
        assertThat(fromCopy.outputs()).containsExactlyElementsOf(fromOriginal.outputs());
        assertThat(expired(fromCopy.outputs().get(0)).orderId()).isEqualTo(6);
        assertThat(refused(apply(copy, 2, SESSION, 3)).reason()).isEqualTo(RefusalReason.TOO_OLD);
    }

    @Test
    void shouldRefuseASnapshotThatIsNotASessionTable()
    {
        final ExpandableArrayBuffer bytes = new ExpandableArrayBuffer(16);
        bytes.putLong(0, 99);

        assertThatThrownBy(() -> new SessionTable().readSnapshot(bytes, 0, 8))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("not a session table snapshot");
    }

    private RecordedOutputs apply(
        final DeduplicatingHandler handler, final long epoch, final long sessionId, final long clientSequence)
    {
        final EndOfDayEncoder encoder = new EndOfDayEncoder().wrapAndApplyHeader(input, 0, new MessageHeaderEncoder());
        sequence++;
        encoder.frame().epoch(epoch).sequence(sequence).clientSessionId(sessionId).clientSequence(clientSequence)
            .timestampNs(1_000 * sequence);
        final RecordedOutputs out = new RecordedOutputs();
        handler.onInput(sequence, input, 0, MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength(), out);
        return out;
    }

    private OrderExpiredDecoder expired(final byte[] output)
    {
        final OrderExpiredDecoder decoder = new OrderExpiredDecoder();
        decoder.wrapAndApplyHeader(new UnsafeBuffer(output), 0, header);
        return decoder;
    }

    private CommandRefusedDecoder refused(final RecordedOutputs out)
    {
        assertThat(out.outputs()).hasSize(1);
        final CommandRefusedDecoder decoder = new CommandRefusedDecoder();
        decoder.wrapAndApplyHeader(new UnsafeBuffer(out.outputs().get(0)), 0, header);
        return decoder;
    }
}
