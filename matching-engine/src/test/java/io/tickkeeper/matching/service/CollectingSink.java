package io.tickkeeper.matching.service;

import java.util.ArrayList;
import java.util.List;

import io.tickkeeper.runtime.OutputSink;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;

/** An {@link OutputSink} for unit tests: outputs back to back, with their offsets and lengths kept. */
final class CollectingSink implements OutputSink
{
    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(256);
    private final List<int[]> outputs = new ArrayList<>();
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
        return limit;
    }

    @Override
    public void commit(final int length)
    {
        outputs.add(new int[]{claimed, length});
        limit = claimed + length;
        claimed = -1;
    }

    int count()
    {
        return outputs.size();
    }

    int offset(final int index)
    {
        return outputs.get(index)[0];
    }

    int length(final int index)
    {
        return outputs.get(index)[1];
    }
}
