package io.tickkeeper.risk;

import java.util.ArrayDeque;

/**
 * The risk state's view of one matching shard: the forward counter (the client sequence of the next forwarded
 * command), how far matching has answered, the newest report applied, and the forwards still unanswered.
 */
final class ShardState
{
    final int shard;
    long lastForwardSequence;
    long answeredThrough;
    long lastReportSequence;
    int lastReportEventIndex = -1;
    final ArrayDeque<ForwardedCommand> unanswered = new ArrayDeque<>();

    ShardState(final int shard)
    {
        this.shard = shard;
    }

    boolean isNewReport(final long matchingSequence, final int eventIndex)
    {
        return matchingSequence > lastReportSequence ||
            (matchingSequence == lastReportSequence && eventIndex > lastReportEventIndex);
    }

    void answered(final long clientSequence)
    {
        if (clientSequence > answeredThrough)
        {
            answeredThrough = clientSequence;
            while (!unanswered.isEmpty() && unanswered.peekFirst().clientSequence <= clientSequence)
            {
                unanswered.pollFirst();
            }
        }
    }
}
