package io.tickkeeper.gateway;

import org.agrona.DirectBuffer;

/** Takes the risk manager's events as SBE bytes, on the {@link RiskChannel}'s thread. */
@FunctionalInterface
public interface RiskEventListener
{
    /**
     * One event.
     *
     * @param buffer holds it, message header first; valid during this call only.
     * @param offset where the header starts.
     * @param length how many bytes the event has, header included.
     */
    void onRiskEvent(DirectBuffer buffer, int offset, int length);
}
