package io.tickkeeper.matching.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.tickkeeper.protocol.sbe.MessageHeaderDecoder;
import io.tickkeeper.runtime.OutputPublisher;
import org.agrona.BitUtil;
import org.agrona.DirectBuffer;

/** Records every output as "sequence/hex bytes", and counts them by SBE template id. */
class EventTape implements OutputPublisher
{
    private final List<String> events = new ArrayList<>();
    private final Map<Integer, Integer> countsByTemplate = new TreeMap<>();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();

    @Override
    public void onOutput(final long sequence, final DirectBuffer buffer, final int offset, final int length)
    {
        final byte[] bytes = new byte[length];
        buffer.getBytes(offset, bytes);
        header.wrap(buffer, offset);
        synchronized (this)
        {
            events.add(sequence + "/" + BitUtil.toHex(bytes));
            countsByTemplate.merge(header.templateId(), 1, Integer::sum);
        }
    }

    synchronized List<String> events()
    {
        return List.copyOf(events);
    }

    synchronized Map<Integer, Integer> countsByTemplate()
    {
        return Map.copyOf(countsByTemplate);
    }
}
