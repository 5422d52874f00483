package io.tickkeeper.matching;

import java.util.List;

/**
 * Describes where two event streams part, for failure messages a person can act on.
 */
final class EventStreamDiff
{
    private static final int CONTEXT = 3;

    private EventStreamDiff()
    {
    }

    /**
     * @return null when the streams are equal, otherwise the index of the first difference, both events there
     *         and a few events of each stream around it.
     */
    static String firstDifference(
        final String expectedName, final List<MatchingEvent> expected,
        final String actualName, final List<MatchingEvent> actual)
    {
        if (expected.equals(actual))
        {
            return null;
        }
        int index = 0;
        while (index < expected.size() && index < actual.size() && expected.get(index).equals(actual.get(index)))
        {
            index++;
        }
        final StringBuilder text = new StringBuilder(512)
            .append("event streams differ at event ").append(index)
            .append(" (").append(expectedName).append(": ").append(expected.size()).append(" events, ")
            .append(actualName).append(": ").append(actual.size()).append(" events)\n");
        appendAround(text, expectedName, expected, index);
        appendAround(text, actualName, actual, index);
        return text.toString();
    }

    private static void appendAround(
        final StringBuilder text, final String name, final List<MatchingEvent> events, final int index)
    {
        text.append(name).append(":\n");
        final int from = Math.max(0, index - CONTEXT);
        final int to = Math.min(events.size(), index + CONTEXT + 1);
        for (int i = from; i < to; i++)
        {
            text.append(i == index ? "  >> " : "     ").append(i).append(": ").append(events.get(i)).append('\n');
        }
        if (index >= events.size())
        {
            text.append("  >> ").append(index).append(": (no event)\n");
        }
    }
}
