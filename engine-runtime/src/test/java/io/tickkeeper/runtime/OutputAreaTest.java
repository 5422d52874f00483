package io.tickkeeper.runtime;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutputAreaTest
{
    private final OutputArea area = new OutputArea(16);
    private final List<String> published = new ArrayList<>();
    private final OutputPublisher publisher = (sequence, buffer, offset, length) ->
        published.add(sequence + "@" + offset + ":" + buffer.getStringWithoutLengthAscii(offset, length));

    @Test
    void shouldPublishCommittedOutputsInOrderEachEightByteAligned()
    {
        write("abc");
        write("");
        write("a longer output that makes the area grow");

        assertThat(area.publishTo(9, publisher)).isEqualTo(3);
        assertThat(published).containsExactly(
            "9@8:abc", "9@24:", "9@32:a longer output that makes the area grow");
    }

    @Test
    void shouldBeEmptyAfterReset()
    {
        write("abc");
        area.reset();

        assertThat(area.publishTo(1, publisher)).isZero();
        assertThat(published).isEmpty();
    }

    @Test
    void shouldRefuseACommitLongerThanTheClaimOrWithoutAClaim()
    {
        assertThatThrownBy(() -> area.commit(1)).hasMessage("commit without a claim");
        area.claim(4);
        assertThatThrownBy(() -> area.commit(5)).hasMessage("length must be in 0..4: 5");
        assertThatThrownBy(() -> area.claim(4)).hasMessage("the previous claim was not committed");
    }

    private void write(final String text)
    {
        final int offset = area.claim(text.length());
        area.buffer().putStringWithoutLengthAscii(offset, text);
        area.commit(text.length());
    }
}
