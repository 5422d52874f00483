package io.tickkeeper.matching.client;

import io.tickkeeper.coordinator.election.PrimaryInfo;
import org.agrona.DirectBuffer;

/**
 * What a {@link MatchingClient} reports, on its own thread, in the order it learns it. Every method has an empty
 * default, so a listener implements only what it needs.
 */
public interface MatchingClientListener
{
    /**
     * A command was answered (once per command; a repeated answer is not reported again).
     *
     * @param acknowledgement the answer.
     */
    default void onAcknowledged(final Acknowledgement acknowledgement)
    {
    }

    /**
     * A command of this client traded.
     *
     * @param fill the trade.
     */
    default void onFill(final Fill fill)
    {
    }

    /**
     * Any other event caused by this client's commands (expiries, STP cancels, ...), as SBE bytes.
     *
     * @param templateId the event's template.
     * @param epoch      the epoch it carries.
     * @param buffer     holds it; valid during this call only.
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
