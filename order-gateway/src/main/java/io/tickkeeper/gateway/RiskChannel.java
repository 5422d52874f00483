package io.tickkeeper.gateway;

import org.agrona.MutableDirectBuffer;

/**
 * The gateway's one path to the risk manager: it takes encoded risk commands (templates 501-505) and hands back
 * risk events (551-553). An implementation follows the risk primary, says hello, stamps the command's
 * {@code clientSessionId} and {@code clientSequence} into its input frame, resends unanswered commands to a new
 * primary and drops events of a stale epoch; the gateway sees none of that.
 */
public interface RiskChannel
{
    /**
     * Starts delivering risk events to the listener, on the channel's own thread. Call once, before any send.
     *
     * @param listener takes every event meant for this gateway's session and every public event.
     */
    void start(RiskEventListener listener);

    /** @return the client session id this gateway's commands carry and its events are routed by. */
    long sessionId();

    /**
     * Sends one command. The channel stamps the frame's session and sequence (in place) and copies the bytes
     * before it returns; the caller may reuse its buffer at once.
     *
     * @param buffer holds the command, message header first.
     * @param offset where the header starts.
     * @param length how many bytes the command has, header included.
     */
    void send(MutableDirectBuffer buffer, int offset, int length);
}
