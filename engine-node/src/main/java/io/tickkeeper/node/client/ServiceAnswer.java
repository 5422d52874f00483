package io.tickkeeper.node.client;

/**
 * The first answer a {@link ServiceClient} received for one of its commands.
 *
 * @param clientSequence the command's client sequence.
 * @param templateId     the answering event's template (CommandRefused for a refusal such as TOO_OLD).
 * @param epoch          the epoch the answer carries.
 * @param sequence       the service sequence of the input that caused it.
 * @param submittedNs    when the command was handed to the client ({@link System#nanoTime()}).
 * @param answeredNs     when the answer arrived ({@link System#nanoTime()}).
 * @param resent         whether the command was sent more than once before it was answered.
 */
public record ServiceAnswer(
    long clientSequence,
    int templateId,
    long epoch,
    long sequence,
    long submittedNs,
    long answeredNs,
    boolean resent)
{
}
