package io.tickkeeper.strategy;

import java.util.ArrayList;
import java.util.List;

import io.tickkeeper.protocol.sbe.OrderType;
import io.tickkeeper.protocol.sbe.Side;

/** Records the engine's commands, in order. */
public final class RecordingSink implements RiskCommandSink
{
    /** What kind of command. */
    public enum Kind
    {
        NEW, CANCEL, REPLACE
    }

    /** One command. */
    public record Command(
        Kind kind, long clientSequence, long timestampNs, int accountId, int instrumentId, String clOrdId,
        String origClOrdId, Side side, OrderType type, long price, long quantity)
    {
    }

    public final List<Command> commands = new ArrayList<>();

    @Override
    public void newOrder(
        final long clientSequence, final long timestampNs, final int accountId, final int instrumentId,
        final String clOrdId, final Side side, final OrderType type, final long price, final long quantity)
    {
        commands.add(new Command(Kind.NEW, clientSequence, timestampNs, accountId, instrumentId, clOrdId, "", side,
            type, price, quantity));
    }

    @Override
    public void cancel(
        final long clientSequence, final long timestampNs, final int accountId, final int instrumentId,
        final String clOrdId, final String origClOrdId)
    {
        commands.add(new Command(Kind.CANCEL, clientSequence, timestampNs, accountId, instrumentId, clOrdId,
            origClOrdId, null, null, 0, 0));
    }

    @Override
    public void replace(
        final long clientSequence, final long timestampNs, final int accountId, final int instrumentId,
        final String clOrdId, final String origClOrdId, final long newPrice, final long newQuantity)
    {
        commands.add(new Command(Kind.REPLACE, clientSequence, timestampNs, accountId, instrumentId, clOrdId,
            origClOrdId, null, null, newPrice, newQuantity));
    }

    /** @return the commands recorded since the last call, and forgets them. */
    public List<Command> drain()
    {
        final List<Command> drained = new ArrayList<>(commands);
        commands.clear();
        return drained;
    }
}
