package io.tickkeeper.coordinator.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class ConfigDocsTest
{
    private static final Path DOC = Path.of("..", "docs", "config.md");

    @Test
    void shouldDocumentEveryKeyWithItsTypeRangeAndDefault() throws IOException
    {
        final List<String> lines = Files.readAllLines(DOC, StandardCharsets.UTF_8);

        for (final ConfigKey<?> key : ConfigKeys.registry().keys())
        {
            final String prefix = "| `" + key.name() + "` |";
            assertThat(lines).as("a row for %s in %s", key.name(), DOC)
                .filteredOn(line -> line.startsWith(prefix)).singleElement()
                .satisfies(row -> assertThat(row).startsWith(
                    prefix + " " + key.typeName() + " | " + key.range() + " | `" + defaultJson(key) + "` | "));
        }
    }

    private static <T> String defaultJson(final ConfigKey<T> key)
    {
        return key.encode(key.defaultValue());
    }
}
