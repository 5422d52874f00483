package io.tickkeeper.runtime;

/**
 * Told by the journaller how far the journal has got: once per batch, on the journaller's thread, right after the
 * batch's last input was appended (and synced, when the pipeline syncs on batch end). A standby acknowledges its
 * primary from here. Must be quick and must not throw.
 */
@FunctionalInterface
public interface JournalListener
{
    /**
     * @param epoch    the epoch of the last input journalled.
     * @param sequence the sequence of the last input journalled.
     */
    void onJournalled(long epoch, long sequence);
}
