package io.tickkeeper.runtime;

import java.util.ArrayList;
import java.util.List;

import org.agrona.DirectBuffer;

/** Keeps every output it is given, as text "sequence:index:total", for comparing output streams. */
class RecordingPublisher implements OutputPublisher
{
    private final List<String> outputs = new ArrayList<>();
    private volatile int count;

    @Override
    public void onOutput(final long sequence, final DirectBuffer buffer, final int offset, final int length)
    {
        if (length != CountingMachine.OUTPUT_LENGTH || buffer.getLong(offset) != sequence)
        {
            throw new IllegalStateException("bad output for sequence " + sequence);
        }
        synchronized (outputs)
        {
            outputs.add(sequence + ":" + buffer.getLong(offset + Long.BYTES) + ":" +
                buffer.getLong(offset + 2 * Long.BYTES));
        }
        count++;
    }

    List<String> outputs()
    {
        synchronized (outputs)
        {
            return List.copyOf(outputs);
        }
    }

    int count()
    {
        return count;
    }
}
