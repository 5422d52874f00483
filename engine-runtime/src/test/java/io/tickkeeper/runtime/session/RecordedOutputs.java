package io.tickkeeper.runtime.session;

import java.util.ArrayList;
import java.util.List;

import io.tickkeeper.runtime.OutputSink;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;

/** An output sink for tests: every committed output is kept as its own byte array. */
final class RecordedOutputs implements OutputSink
{
    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(256);
    private final List<byte[]> outputs = new ArrayList<>();
    private int limit;
    private int claimed = -1;

    @Override
    public MutableDirectBuffer buffer()
    {
        return buffer;
    }

    @Override
    public int claim(final int maxLength)
    {
        claimed = limit;
        buffer.checkLimit(limit + maxLength);
        return claimed;
    }

    @Override
    public void commit(final int length)
    {
        final byte[] bytes = new byte[length];
        buffer.getBytes(claimed, bytes);
        outputs.add(bytes);
        limit = claimed + length;
        claimed = -1;
    }

    List<byte[]> outputs()
    {
        return outputs;
    }

    void clear()
    {
        outputs.clear();
        limit = 0;
    }
}
