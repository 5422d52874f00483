package io.tickkeeper.runtime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.tickkeeper.runtime.journal.Journal;
import io.tickkeeper.runtime.journal.JournalAppender;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JournalReplayerTest
{
    @TempDir
    Path dir;

    private final ExpandableArrayBuffer input = new ExpandableArrayBuffer(128);

    @Test
    void shouldFeedEveryInputAfterTheSequenceWithItsOutputs()
    {
        try (Journal journal = Journal.open(dir))
        {
            journal(journal, 1, 2, 3, 4, 5);
            final List<Long> applied = new ArrayList<>();
            final CountingMachine machine = new CountingMachine();
            final RecordingPublisher publisher = new RecordingPublisher();

            final long last = JournalReplayer.replay(journal, 2, (sequence, buffer, offset, length, out) ->
            {
                applied.add(sequence);
                machine.onInput(sequence, buffer, offset, length, out);
            }, publisher);

            assertThat(last).isEqualTo(5);
            assertThat(applied).containsExactly(3L, 4L, 5L);
            assertThat(publisher.outputs()).containsExactly("4:0:4", "5:0:5", "5:1:5");
        }
    }

    @Test
    void shouldReplayNothingWhenTheStateIsAlreadyAtTheEnd()
    {
        try (Journal journal = Journal.open(dir))
        {
            journal(journal, 1, 2);
            assertThat(JournalReplayer.replay(journal, 2, new CountingMachine(), new RecordingPublisher()))
                .isEqualTo(2);
        }
    }

    @Test
    void shouldRefuseAJournalThatEndsBeforeTheState()
    {
        try (Journal journal = Journal.open(dir))
        {
            journal(journal, 1, 2);
            assertThatThrownBy(() -> replayAfter(journal, 5))
                .isInstanceOf(IllegalStateException.class).hasMessage("journal ends at sequence 2, before 5");
        }
    }

    @Test
    void shouldRefuseAJournalThatStartsAfterTheState()
    {
        try (Journal journal = Journal.open(dir))
        {
            journal(journal, 4, 5);
            assertThatThrownBy(() -> replayAfter(journal, 0))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not hold sequence 1");
        }
    }

    @Test
    void shouldRefuseAGapInTheJournal()
    {
        try (Journal journal = Journal.open(dir))
        {
            journal(journal, 1, 2, 4);
            assertThatThrownBy(() -> replayAfter(journal, 0))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("expected sequence 3");
        }
    }

    private static long replayAfter(final Journal journal, final long sequence)
    {
        return JournalReplayer.replay(journal, sequence, new CountingMachine(), new RecordingPublisher());
    }

    private void journal(final Journal journal, final long... sequences)
    {
        try (JournalAppender appender = journal.newAppender())
        {
            for (final long sequence : sequences)
            {
                final int length = TestInputs.encode(input, 0, sequence, sequence, sequence);
                InputFrame.stamp(input, 0, 1, sequence);
                appender.append(sequence, input, 0, length);
            }
        }
    }
}
