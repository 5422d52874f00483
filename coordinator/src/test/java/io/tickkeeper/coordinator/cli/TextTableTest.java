package io.tickkeeper.coordinator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextTableTest
{
    @Test
    void shouldPadEveryColumnToItsWidestCell()
    {
        final String text = new TextTable("a", "bb", "c").row("xxx", "y", "z").row("", "yyyy", "").render();

        assertThat(text.lines()).containsExactly(
            "a    bb    c",
            "xxx  y     z",
            "     yyyy");
    }

    @Test
    void shouldRefuseARowWithTheWrongNumberOfCells()
    {
        assertThatThrownBy(() -> new TextTable("a", "b").row("only one")).isInstanceOf(IllegalArgumentException.class);
    }
}
