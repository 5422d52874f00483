package io.tickkeeper.strategy;

import java.util.HashMap;
import java.util.Map;

import io.tickkeeper.protocol.sbe.OrderType;
import io.tickkeeper.strategy.RecordingSink.Command;
import io.tickkeeper.strategy.RecordingSink.Kind;

/**
 * A stand-in for the risk manager and the book in engine tests: answers every command once, deterministically:
 * a new order is acknowledged (an IOC or market order is then filled in full), every other resting order gets a
 * partial fill of 1, a cancel is confirmed, a replace is confirmed.
 */
public final class Exchange
{
    private final Reports reports = new Reports();
    private final Map<String, Command> orders = new HashMap<>();
    private int answered;

    /** Answers the commands the sink recorded since the last call, feeding the answers to the engine. */
    public void answer(final StrategyEngine engine, final RecordingSink sink, final long timestampNs)
    {
        while (answered < sink.commands.size())
        {
            final Command command = sink.commands.get(answered++);
            switch (command.kind())
            {
                case NEW:
                    orders.put(command.clOrdId(), command);
                    engine.onExecution(reports.ack(command, timestampNs));
                    if (command.type() == OrderType.IOC || command.type() == OrderType.MARKET)
                    {
                        engine.onExecution(reports.fill(command, command.quantity(), 0, timestampNs));
                    }
                    else if (command.clientSequence() % 2 == 0 && command.quantity() > 1)
                    {
                        engine.onExecution(reports.fill(command, 1, 0, timestampNs));
                    }
                    break;
                case CANCEL:
                    final Command cancelled = orders.remove(command.origClOrdId());
                    if (cancelled != null)
                    {
                        engine.onExecution(reports.cancelled(command, cancelled, timestampNs));
                    }
                    break;
                case REPLACE:
                    final Command original = orders.remove(command.origClOrdId());
                    if (original != null)
                    {
                        engine.onExecution(reports.replaced(command, original, timestampNs));
                        orders.put(command.clOrdId(), new Command(Kind.NEW, command.clientSequence(),
                            timestampNs, command.accountId(), command.instrumentId(), command.clOrdId(), "",
                            original.side(), original.type(), command.price(), command.quantity()));
                    }
                    break;
                default:
                    throw new IllegalStateException("unknown command " + command);
            }
        }
    }

    /** @return an exchange holding the same open orders, for an engine restored from the same state. */
    public Exchange copy()
    {
        final Exchange copy = new Exchange();
        copy.orders.putAll(orders);
        copy.answered = answered;
        return copy;
    }

    /** @return the commands answered so far. */
    public int answered()
    {
        return answered;
    }

    /** Forgets the commands of a sink that was drained. */
    public void reset()
    {
        answered = 0;
    }
}
