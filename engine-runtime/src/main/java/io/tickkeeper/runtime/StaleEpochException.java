package io.tickkeeper.runtime;

/**
 * An input carried an epoch lower than one the journal already holds: it comes from a fenced primary. The
 * journaller refuses it, which stops the pipeline before any output of that input can leave.
 */
public final class StaleEpochException extends IllegalStateException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param sequence     the sequence the refused input carried.
     * @param epoch        the epoch it carried.
     * @param highestEpoch the highest epoch already journalled.
     */
    public StaleEpochException(final long sequence, final long epoch, final long highestEpoch)
    {
        super("input " + sequence + " of epoch " + epoch + " refused: epoch " + highestEpoch + " is journalled");
    }
}
