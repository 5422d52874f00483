package io.tickkeeper.risk.node;

import io.tickkeeper.node.InputPublisher;
import org.agrona.DirectBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inputs the risk primary sequences itself during one primary term (matching reports, reference prices,
 * limits, the RiskPrimaryStarted): a switch in front of the node's {@link InputPublisher}. Once {@link #stop()}
 * ran, or the node refused an input because it is no longer primary, nothing more is published and every source
 * (the matching clients' listeners, the feed poller, the config listener) sees {@link #active()} false. Thread-safe.
 */
final class TermInputs
{
    private static final Logger LOG = LoggerFactory.getLogger(TermInputs.class);

    private final InputPublisher inputs;
    private volatile boolean active = true;
    private volatile long published;

    TermInputs(final InputPublisher inputs)
    {
        this.inputs = inputs;
    }

    /**
     * Sequences one input unless the term is over.
     *
     * @return whether it was sequenced.
     */
    boolean publish(final DirectBuffer buffer, final int offset, final int length)
    {
        if (!active)
        {
            return false;
        }
        try
        {
            inputs.publish(buffer, offset, length);
            published++;
            return true;
        }
        catch (final IllegalStateException ex)
        {
            active = false;
            LOG.info("risk primary term over: {}", ex.getMessage());
            return false;
        }
        catch (final IllegalArgumentException ex)
        {
            LOG.error("risk input refused: {}", ex.getMessage());
            return false;
        }
    }

    /** Ends the term: nothing is published any more. */
    void stop()
    {
        active = false;
    }

    /** @return whether inputs are still published. */
    boolean active()
    {
        return active;
    }

    /** @return how many inputs were sequenced (an estimate when several threads publish). */
    long published()
    {
        return published;
    }
}
