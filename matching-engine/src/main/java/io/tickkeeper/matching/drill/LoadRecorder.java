package io.tickkeeper.matching.drill;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

import io.tickkeeper.matching.client.Acknowledgement;
import io.tickkeeper.matching.client.Fill;
import io.tickkeeper.matching.client.MatchingClientListener;

/**
 * What the drill's client saw, as it saw it: every answer in arrival order (for failover times and the epoch
 * order of what it accepted), every fill, and the order-to-answer latency. Thread-safe.
 */
final class LoadRecorder implements MatchingClientListener
{
    private final List<Acknowledgement> answers = new ArrayList<>();
    private final List<Fill> fills = new ArrayList<>();
    private final Histogram latencyUs = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
    private long highestEpochAccepted;
    private long staleEpochAccepted;

    @Override
    public synchronized void onAcknowledged(final Acknowledgement ack)
    {
        answers.add(ack);
        if (ack.epoch() < highestEpochAccepted)
        {
            staleEpochAccepted++;
        }
        highestEpochAccepted = Math.max(highestEpochAccepted, ack.epoch());
        latencyUs.recordValue(Math.min(latencyUs.getHighestTrackableValue(),
            Math.max(0, TimeUnit.NANOSECONDS.toMicros(ack.answeredNs() - ack.submittedNs()))));
    }

    @Override
    public synchronized void onFill(final Fill fill)
    {
        fills.add(fill);
        if (fill.epoch() < highestEpochAccepted)
        {
            staleEpochAccepted++;
        }
    }

    /**
     * @param aboveEpoch an epoch.
     * @param sinceNs    a {@link System#nanoTime()}.
     * @return the first answer of a higher epoch that arrived after that time, or null.
     */
    synchronized Acknowledgement firstAnswerAbove(final long aboveEpoch, final long sinceNs)
    {
        for (final Acknowledgement ack : answers)
        {
            if (ack.epoch() > aboveEpoch && ack.answeredNs() - sinceNs >= 0)
            {
                return ack;
            }
        }
        return null;
    }

    synchronized int answerCount()
    {
        return answers.size();
    }

    synchronized List<Acknowledgement> answers()
    {
        return List.copyOf(answers);
    }

    synchronized List<Fill> fills()
    {
        return List.copyOf(fills);
    }

    /** @return answers and fills taken with an epoch lower than one of an answer taken before them. */
    synchronized long staleEpochAccepted()
    {
        return staleEpochAccepted;
    }

    synchronized Histogram latencyUs()
    {
        return latencyUs.copy();
    }
}
