package io.tickkeeper.matching.client;

/**
 * The answer a client had to one of its commands: what the drill checks against the engines' final state.
 *
 * @param clientSequence the command's client sequence.
 * @param kind           how it was answered.
 * @param orderId        the order id it got or targeted (0 when none).
 * @param code           the result code (for REJECTED) or refusal reason number (for REFUSED), else 0.
 * @param epoch          the epoch of the primary that answered.
 * @param sequence       the engine sequence at which the command was applied (0 for a refusal before sequencing).
 * @param submittedNs    when the command was first submitted ({@link System#nanoTime()}).
 * @param answeredNs     when the answer arrived ({@link System#nanoTime()}).
 * @param resent         whether the command had been resent before it was answered.
 */
public record Acknowledgement(
    long clientSequence, AckKind kind, long orderId, int code, long epoch, long sequence, long submittedNs,
    long answeredNs, boolean resent)
{
}
