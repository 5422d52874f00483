package io.tickkeeper.coordinator.election;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps every election callback, in order, with the time it arrived.
 */
final class RecordingListener implements PrimaryListener
{
    /** One callback. */
    record Event(String kind, long epoch, PrimaryInfo primary, String reason, long atNs)
    {
    }

    private final List<Event> events = new ArrayList<>();
    private final List<Long> sharedEpochs;
    private final String node;

    RecordingListener(final String node, final List<Long> sharedEpochs)
    {
        this.node = node;
        this.sharedEpochs = sharedEpochs;
    }

    @Override
    public synchronized void onPrimary(final long epoch)
    {
        events.add(new Event("primary", epoch, null, null, System.nanoTime()));
        synchronized (sharedEpochs)
        {
            sharedEpochs.add(epoch);
        }
    }

    @Override
    public synchronized void onFollower(final PrimaryInfo primaryOrNull)
    {
        events.add(new Event("follower", 0, primaryOrNull, null, System.nanoTime()));
    }

    @Override
    public synchronized void onNotPrimary(final String reason)
    {
        events.add(new Event("not-primary", 0, null, reason, System.nanoTime()));
    }

    synchronized List<Event> events()
    {
        return new ArrayList<>(events);
    }

    synchronized boolean sawPrimary(final long epoch)
    {
        return events.stream().anyMatch(event -> "primary".equals(event.kind()) && event.epoch() == epoch);
    }

    synchronized boolean sawFollowerOf(final String primaryNode, final long epoch)
    {
        return events.stream().anyMatch(event -> "follower".equals(event.kind()) && event.primary() != null
            && event.primary().node().equals(primaryNode) && event.primary().epoch() == epoch);
    }

    synchronized long notPrimaryCount()
    {
        return events.stream().filter(event -> "not-primary".equals(event.kind())).count();
    }

    String node()
    {
        return node;
    }
}
