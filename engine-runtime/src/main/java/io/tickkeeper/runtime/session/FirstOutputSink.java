package io.tickkeeper.runtime.session;

import io.tickkeeper.runtime.OutputSink;
import org.agrona.MutableDirectBuffer;

/**
 * Passes an input's outputs through to the real output area and notes where the first one lies, so that it can
 * be kept as the command's answer. Reused for every input.
 */
final class FirstOutputSink implements OutputSink
{
    private OutputSink out;
    private int claimedOffset;
    private int firstOffset;
    private int firstLength;
    private boolean captured;

    void wrap(final OutputSink out)
    {
        this.out = out;
        captured = false;
        firstOffset = 0;
        firstLength = 0;
    }

    @Override
    public MutableDirectBuffer buffer()
    {
        return out.buffer();
    }

    @Override
    public int claim(final int maxLength)
    {
        claimedOffset = out.claim(maxLength);
        return claimedOffset;
    }

    @Override
    public void commit(final int length)
    {
        out.commit(length);
        if (!captured)
        {
            captured = true;
            firstOffset = claimedOffset;
            firstLength = length;
        }
    }

    /** @return where the first output starts in {@link #buffer()}; valid when {@link #firstLength()} > 0. */
    int firstOffset()
    {
        return firstOffset;
    }

    /** @return the first output's length, 0 when the input had none. */
    int firstLength()
    {
        return firstLength;
    }
}
