package io.tickkeeper.runtime.replication;

/** What a primary does once its standby has been dropped from the in-sync set. */
public enum StandbyLossPolicy
{
    /**
     * Go on alone: outputs leave once the local journal and the logic have passed an input. Availability wins; an
     * input acknowledged while alone lives on one machine until a standby has caught up again.
     */
    CONTINUE,
    /**
     * Stop acknowledging: outputs wait until a standby is back in sync and holds the input. Durability wins;
     * clients see a stall instead.
     */
    BLOCK
}
