package io.tickkeeper.runtime.replication;

/** The primary's view of its standby, kept by the {@link Replicator}. */
public enum StandbyState
{
    /** No standby: nothing is sent. */
    NONE,
    /** A standby asked to catch up; the replicator streams it the inputs it lacks from the journal. */
    CATCHING_UP,
    /** The standby has every input up to the live one and gets each new input as it is sequenced. */
    LIVE,
    /** The standby acknowledged up to the live input: it is in sync, and outputs wait for its acknowledgement. */
    IN_SYNC
}
