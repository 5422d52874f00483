package io.tickkeeper.node.client;

import io.tickkeeper.coordinator.election.PrimaryInfo;
import org.agrona.DirectBuffer;

/**
 * What a {@link ServiceClient} reports, on its own thread, in the order it learns it. Every method has an empty
 * default, so a listener implements only what it needs. The buffers are valid during the call only.
 */
public interface ServiceClientListener
{
    /**
     * A command was answered (once per command; a repeated answer is not reported again).
     *
     * @param answer what answered which command, and when.
     * @param buffer holds the answering event (SBE message header, then the event).
     * @param offset where it starts.
     * @param length how many bytes it has.
     */
    default void onAnswer(final ServiceAnswer answer, final DirectBuffer buffer, final int offset, final int length)
    {
    }

    /**
     * Any other event of this client's session (a later event of an answered command, an event whose template
     * answers nothing), as SBE bytes.
     *
     * @param templateId the event's template.
     * @param epoch      the epoch it carries.
     * @param buffer     holds it.
     * @param offset     where it starts.
     * @param length     how many bytes it has.
     */
    default void onEvent(final int templateId, final long epoch, final DirectBuffer buffer, final int offset,
        final int length)
    {
    }

    /**
     * The client follows a new primary.
     *
     * @param primary the primary znode's content.
     */
    default void onPrimaryChanged(final PrimaryInfo primary)
    {
    }
}
