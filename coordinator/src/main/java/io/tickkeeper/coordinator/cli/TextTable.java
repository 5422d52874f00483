package io.tickkeeper.coordinator.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table with left-aligned columns padded to their widest cell, for {@code tickctl} output.
 */
final class TextTable
{
    private static final String GAP = "  ";

    private final List<String[]> rows = new ArrayList<>();
    private final int columns;

    TextTable(final String... headers)
    {
        this.columns = headers.length;
        rows.add(headers.clone());
    }

    TextTable row(final String... cells)
    {
        if (cells.length != columns)
        {
            throw new IllegalArgumentException("expected " + columns + " cells, got " + cells.length);
        }
        rows.add(cells.clone());
        return this;
    }

    String render()
    {
        final int[] widths = new int[columns];
        for (final String[] row : rows)
        {
            for (int column = 0; column < columns; column++)
            {
                widths[column] = Math.max(widths[column], row[column].length());
            }
        }
        final StringBuilder text = new StringBuilder();
        for (final String[] row : rows)
        {
            final StringBuilder line = new StringBuilder();
            for (int column = 0; column < columns; column++)
            {
                line.append(row[column]);
                if (column < columns - 1)
                {
                    line.append(" ".repeat(widths[column] - row[column].length())).append(GAP);
                }
            }
            text.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        return text.toString();
    }
}
