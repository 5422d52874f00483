package io.tickkeeper.matching.client;

/** How the engine answered a client's command. */
public enum AckKind
{
    /** A new order was accepted and got its order id. */
    ACCEPTED,
    /** The command was rejected by the engine's business rules (a result code); nothing changed. */
    REJECTED,
    /** A cancel took the order off the book. */
    CANCELLED,
    /** A replace changed the order. */
    REPLACED,
    /** The command was not applied: too old, skipped, malformed or too many sessions (a refusal reason). */
    REFUSED
}
