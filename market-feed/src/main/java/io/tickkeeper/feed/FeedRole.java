package io.tickkeeper.feed;

/**
 * The lifecycle of a {@link FeedNode}.
 */
public enum FeedRole
{
    /** Built, not started. */
    LATENT,
    /** Mirrors the stream and waits for the feed lock. */
    STANDBY,
    /** Holds the lock: drains what is still in flight, takes the checkpoint if it is ahead, then publishes. */
    TAKING_OVER,
    /** Publishes with the lock's fencing token. */
    HOLDING,
    /** Closed. */
    CLOSED
}
