package io.tickkeeper.matching.drill;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.CRC32;

import io.tickkeeper.matching.InstrumentSpec;
import io.tickkeeper.protocol.sbe.EventFrameDecoder;
import io.tickkeeper.protocol.sbe.InputFrameDecoder;
import io.tickkeeper.protocol.sbe.MessageHeaderDecoder;
import io.tickkeeper.protocol.sbe.OrderAcceptedDecoder;
import io.tickkeeper.protocol.sbe.TradeDecoder;
import io.tickkeeper.runtime.InputHandler;
import io.tickkeeper.runtime.JournalReplayer;
import io.tickkeeper.runtime.OutputPublisher;
import io.tickkeeper.runtime.journal.Journal;
import io.tickkeeper.runtime.journal.JournalReader;
import org.agrona.DirectBuffer;

/**
 * What one node's journal holds, found by replaying it into a fresh engine after the drill has stopped the node:
 * the inputs (epoch order, a checksum per sequence), every order accepted per client order key, every trade, and
 * the final state hash. An answer the session table repeats for a resent command keeps the sequence of the input
 * that first caused it, so it is told apart from a second application.
 */
final class JournalAudit
{
    private final String node;
    private final List<Long> inputChecksums = new ArrayList<>();
    private final Map<OrderKey, List<Long>> acceptedOrderIds = new HashMap<>();
    private final Map<Long, OrderKey> orderKeys = new HashMap<>();
    private final Map<Long, Long> orderQuantities = new HashMap<>();
    private final Map<Long, Long> filledQuantities = new HashMap<>();
    private final Map<TradeKey, Integer> tradeCounts = new HashMap<>();
    private long lastSequence;
    private long highestEpoch;
    private long staleEpochInputs;
    private long trades;
    private long resentAnswers;
    private long duplicateFills;
    private long stateHash;

    private JournalAudit(final String node)
    {
        this.node = node;
    }

    /**
     * Replays a stopped node's journal.
     *
     * @param node         the node's name.
     * @param journalDir   its journal directory.
     * @param instruments  the shard's instruments.
     * @param replayEngine builds a fresh engine over the instruments: the handler the node runs and the state hash.
     * @return what the journal holds.
     */
    static JournalAudit of(
        final String node, final Path journalDir, final InstrumentSpec[] instruments,
        final Function<InstrumentSpec[], ReplayEngine> replayEngine)
    {
        final JournalAudit audit = new JournalAudit(node);
        try (Journal journal = Journal.open(journalDir))
        {
            audit.scanInputs(journal);
            final ReplayEngine engine = replayEngine.apply(instruments);
            final EventScanner scanner = audit.new EventScanner();
            audit.lastSequence = JournalReplayer.replay(journal, 0, engine.handler(), scanner);
            audit.stateHash = engine.stateHash();
        }
        return audit;
    }

    String node()
    {
        return node;
    }

    long lastSequence()
    {
        return lastSequence;
    }

    long stateHash()
    {
        return stateHash;
    }

    long inputs()
    {
        return inputChecksums.size();
    }

    long trades()
    {
        return trades;
    }

    /** @return acceptances answered again to a resend (the kept answer of an earlier input), not applied again. */
    long resentAnswers()
    {
        return resentAnswers;
    }

    /** @return inputs whose epoch is lower than that of an input before them. */
    long staleEpochInputs()
    {
        return staleEpochInputs;
    }

    /** @return trades of an order that is a second acceptance of one client order, or that overfill an order. */
    long duplicateFills()
    {
        return duplicateFills;
    }

    long highestEpoch()
    {
        return highestEpoch;
    }

    /**
     * @param key a client order key.
     * @return the engine order ids accepted for it, in journal order (empty when none).
     */
    List<Long> accepted(final OrderKey key)
    {
        return acceptedOrderIds.getOrDefault(key, List.of());
    }

    /**
     * @param key a trade as a client saw it.
     * @return how many times the replay produced it.
     */
    int tradeCount(final TradeKey key)
    {
        return tradeCounts.getOrDefault(key, 0);
    }

    /**
     * @param other another node's journal.
     * @return how many sequences both hold with different bytes, plus the sequences only one of them holds.
     */
    long inputDifferences(final JournalAudit other)
    {
        final int common = Math.min(inputChecksums.size(), other.inputChecksums.size());
        long differences = Math.abs(inputChecksums.size() - other.inputChecksums.size());
        for (int i = 0; i < common; i++)
        {
            if (!inputChecksums.get(i).equals(other.inputChecksums.get(i)))
            {
                differences++;
            }
        }
        return differences;
    }

    private void scanInputs(final Journal journal)
    {
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final InputFrameDecoder frame = new InputFrameDecoder();
        final CRC32 crc = new CRC32();
        try (JournalReader reader = journal.newReader())
        {
            if (journal.lastSequence() == 0 || !reader.seek(1))
            {
                return;
            }
            while (reader.next())
            {
                final DirectBuffer buffer = reader.buffer();
                header.wrap(buffer, 0);
                frame.wrap(buffer, MessageHeaderDecoder.ENCODED_LENGTH);
                final long epoch = frame.epoch();
                if (epoch < highestEpoch)
                {
                    staleEpochInputs++;
                }
                highestEpoch = Math.max(highestEpoch, epoch);
                crc.reset();
                for (int i = 0; i < reader.length(); i++)
                {
                    crc.update(buffer.getByte(i));
                }
                inputChecksums.add(crc.getValue());
            }
        }
    }

    /** Collects accepted orders and trades from the replayed events. */
    private final class EventScanner implements OutputPublisher
    {
        private final MessageHeaderDecoder header = new MessageHeaderDecoder();
        private final OrderAcceptedDecoder accepted = new OrderAcceptedDecoder();
        private final TradeDecoder trade = new TradeDecoder();

        @Override
        public void onOutput(final long sequence, final DirectBuffer buffer, final int offset, final int length)
        {
            header.wrap(buffer, offset);
            final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
            if (header.templateId() == OrderAcceptedDecoder.TEMPLATE_ID)
            {
                accepted.wrap(buffer, body, header.blockLength(), header.version());
                final EventFrameDecoder frame = accepted.frame();
                if (frame.sequence() != sequence)
                {
                    resentAnswers++;
                    return;
                }
                final OrderKey key = new OrderKey(frame.clientSessionId(), accepted.clientOrderId());
                final List<Long> ids = acceptedOrderIds.computeIfAbsent(key, ignored -> new ArrayList<>());
                ids.add(accepted.orderId());
                orderKeys.put(accepted.orderId(), key);
                orderQuantities.put(accepted.orderId(), accepted.quantity());
            }
            else if (header.templateId() == TradeDecoder.TEMPLATE_ID)
            {
                trade.wrap(buffer, body, header.blockLength(), header.version());
                if (trade.frame().sequence() != sequence)
                {
                    resentAnswers++;
                    return;
                }
                trades++;
                tradeCounts.merge(new TradeKey(sequence, trade.takerOrderId(), trade.makerOrderId(), trade.quantity()),
                    1, Integer::sum);
                final boolean takerOverfilled = overfills(trade.takerOrderId(), trade.quantity());
                final boolean makerOverfilled = overfills(trade.makerOrderId(), trade.quantity());
                if (takerOverfilled || makerOverfilled || isSecondCopy(trade.takerOrderId())
                    || isSecondCopy(trade.makerOrderId()))
                {
                    duplicateFills++;
                }
            }
        }

        private boolean isSecondCopy(final long orderId)
        {
            final OrderKey key = orderKeys.get(orderId);
            if (key == null)
            {
                return false;
            }
            final List<Long> ids = acceptedOrderIds.get(key);
            return ids.size() > 1 && ids.get(0) != orderId;
        }

        private boolean overfills(final long orderId, final long quantity)
        {
            final long filled = filledQuantities.merge(orderId, quantity, Long::sum);
            final Long ordered = orderQuantities.get(orderId);
            return ordered != null && filled > ordered;
        }
    }

    /**
     * A client's order as the client names it.
     *
     * @param clientSessionId the client session that sent it.
     * @param clientOrderId   the client's id for it.
     */
    record OrderKey(long clientSessionId, long clientOrderId)
    {
    }

    /**
     * One trade: the input that caused it, the two orders and the quantity.
     *
     * @param sequence     the sequence of the taker's command.
     * @param takerOrderId the incoming order.
     * @param makerOrderId the resting order.
     * @param quantity     the traded quantity.
     */
    record TradeKey(long sequence, long takerOrderId, long makerOrderId, long quantity)
    {
    }

    /**
     * A fresh engine for a replay: the handler the node runs, and the state hash once replayed.
     */
    interface ReplayEngine
    {
        /** @return the handler to feed the journal to. */
        InputHandler handler();

        /** @return the engine's state hash. */
        long stateHash();
    }
}
