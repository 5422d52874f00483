package io.tickkeeper.strategy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The strategy engine's deterministic state machine: the bots, each running a {@link Strategy}, and what the engine
 * keeps for them. Typed input methods (a market tick, an execution report, a cancel reject, a timer tick, a
 * parameter change) each carry their time; commands for the risk manager go to the {@link RiskCommandSink}. No
 * clock, no unseeded randomness, no I/O but a log line when a strategy is disabled; {@link #stateHash()} hashes
 * the canonical snapshot bytes, so two engines fed the same inputs prove they are equal. One thread.
 *
 * <p>Market ticks are fenced like every consumer of the feed does: a tick from an older feed token, or with a feed
 * sequence not above the last one applied, is dropped and counted. Risk events go to the bot trading for their
 * account; one for no bot's account is counted.
 */
public final class StrategyEngine
{
    /** Default instruments: ids 1..64. */
    public static final int DEFAULT_MAX_INSTRUMENTS = 64;
    /** Default most open orders a bot may have. */
    public static final int DEFAULT_MAX_OPEN_ORDERS = 64;

    private static final int MAGIC = 0x53545247;
    private static final int VERSION = 1;

    private final int maxInstruments;
    private final int maxOpenOrders;
    private final RiskCommandSink sink;
    private final BotRuntime[] bots;
    private final long[] lastPrices;
    private final StateWriter writer = new StateWriter();
    private final StateReader reader = new StateReader();
    private final ExpandableArrayBuffer hashScratch = new ExpandableArrayBuffer(4096);
    private MutableDirectBuffer writing;
    private long commandSequence;
    private long highestFeedToken;
    private long lastFeedSequence;
    private long droppedTicks;
    private long unroutedEvents;
    private long unknownBotParameters;
    private boolean inInput;
    private long inputTimestampNs;

    /**
     * Builds the bots: each strategy is made by {@code factory} and started with its context. A strategy that cannot
     * be made (a {@link StrategyLoadException}) or whose start throws is disabled, with its reason, and the other
     * bots run.
     *
     * @param specs          the bots; names and accounts unique.
     * @param factory        makes a bot's strategy, usually {@link StrategyLoader#load(BotSpec)}.
     * @param maxInstruments instruments are 1..maxInstruments.
     * @param maxOpenOrders  the most open orders a bot may have.
     * @param sink           where commands go.
     */
    public StrategyEngine(
        final List<BotSpec> specs, final Function<BotSpec, Strategy> factory, final int maxInstruments,
        final int maxOpenOrders, final RiskCommandSink sink)
    {
        if (maxInstruments < 1)
        {
            throw new IllegalArgumentException("maxInstruments must be positive: " + maxInstruments);
        }
        if (maxOpenOrders < 1)
        {
            throw new IllegalArgumentException("maxOpenOrders must be positive: " + maxOpenOrders);
        }
        this.maxInstruments = maxInstruments;
        this.maxOpenOrders = maxOpenOrders;
        this.sink = sink;
        this.lastPrices = new long[maxInstruments + 1];
        final Set<String> names = new HashSet<>();
        final Set<Integer> accounts = new HashSet<>();
        final List<BotRuntime> built = new ArrayList<>();
        for (final BotSpec spec : specs)
        {
            if (!names.add(spec.name()))
            {
                throw new IllegalArgumentException("two bots are named " + spec.name());
            }
            if (!accounts.add(spec.accountId()))
            {
                throw new IllegalArgumentException("two bots trade for account " + spec.accountId() +
                    ": reports could not be told apart");
            }
            Strategy strategy = null;
            String failure = null;
            try
            {
                strategy = factory.apply(spec);
            }
            catch (final StrategyLoadException ex)
            {
                failure = ex.getMessage();
            }
            built.add(new BotRuntime(this, spec, strategy, failure));
        }
        bots = built.toArray(new BotRuntime[0]);
    }

    // ---- inputs ----

    /**
     * A reference price from the feed.
     *
     * @return false when the tick was dropped (older token, or not a newer feed sequence).
     */
    public boolean onMarketTick(
        final long timestampNs, final int instrumentId, final long price, final long feedToken,
        final long feedSequence)
    {
        if (feedToken < highestFeedToken || feedSequence <= lastFeedSequence || instrumentId < 1 ||
            instrumentId > maxInstruments || price <= 0)
        {
            droppedTicks++;
            return false;
        }
        highestFeedToken = feedToken;
        lastFeedSequence = feedSequence;
        lastPrices[instrumentId] = price;
        begin(timestampNs);
        try
        {
            for (final BotRuntime bot : bots)
            {
                bot.marketData(instrumentId, price, timestampNs);
            }
        }
        finally
        {
            inInput = false;
        }
        return true;
    }

    /** An execution report about a bot's order. */
    public void onExecution(final ExecutionReport report)
    {
        final BotRuntime bot = bot(report.accountId());
        if (bot == null)
        {
            unroutedEvents++;
            return;
        }
        begin(report.timestampNs());
        try
        {
            bot.execution(report);
        }
        finally
        {
            inInput = false;
        }
    }

    /** A refusal of a bot's cancel or replace. */
    public void onCancelReject(final CancelReject reject)
    {
        final BotRuntime bot = bot(reject.accountId());
        if (bot == null)
        {
            unroutedEvents++;
            return;
        }
        begin(reject.timestampNs());
        try
        {
            bot.cancelReject(reject);
        }
        finally
        {
            inInput = false;
        }
    }

    /** A timer tick, to every bot. */
    public void onTimer(final long timestampNs)
    {
        begin(timestampNs);
        try
        {
            for (final BotRuntime bot : bots)
            {
                bot.timer(timestampNs);
            }
        }
        finally
        {
            inInput = false;
        }
    }

    /**
     * A bot's live parameter changed.
     *
     * @param botName the bot.
     * @param key     the parameter.
     * @param value   the new value, or null when it was removed (back to the configured value).
     * @return false when no bot has that name or the bot refused the value.
     */
    public boolean onParameter(final long timestampNs, final String botName, final String key, final String value)
    {
        for (final BotRuntime bot : bots)
        {
            if (bot.spec().name().equals(botName))
            {
                begin(timestampNs);
                try
                {
                    return bot.parameter(key, value, timestampNs);
                }
                finally
                {
                    inInput = false;
                }
            }
        }
        unknownBotParameters++;
        return false;
    }

    // ---- what the state says ----

    /** @return how many bots there are. */
    public int botCount()
    {
        return bots.length;
    }

    /**
     * @param name a bot's name.
     * @return that bot's context: its name, account, positions, open orders and parameters; read it only while the
     *         engine is not applying an input.
     * @throws IllegalArgumentException when no bot has that name.
     */
    public StrategyContext bot(final String name)
    {
        return runtime(name);
    }

    /** @return whether the named bot is enabled. */
    public boolean enabled(final String name)
    {
        return runtime(name).enabled();
    }

    /** @return why the named bot is disabled ("" while enabled). */
    public String disabledReason(final String name)
    {
        return runtime(name).disabledReason();
    }

    /** @return how many times the named bot's strategy threw. */
    public long failures(final String name)
    {
        return runtime(name).failures();
    }

    /** @return how many parameter values the named bot refused. */
    public long refusedParameters(final String name)
    {
        return runtime(name).refusedParameters();
    }

    /** @return ticks dropped (stale feed token, repeated feed sequence, unknown instrument, bad price). */
    public long droppedTicks()
    {
        return droppedTicks;
    }

    /** @return risk events for an account no bot trades for. */
    public long unroutedEvents()
    {
        return unroutedEvents;
    }

    /** @return how many commands the engine sent. */
    public long commandSequence()
    {
        return commandSequence;
    }

    /** @return the hash of the whole state: of its canonical snapshot bytes. */
    public long stateHash()
    {
        final int length = writeSnapshot(hashScratch);
        long hash = 0xCBF2_9CE4_8422_2325L;
        int i = 0;
        for (; i + Long.BYTES <= length; i += Long.BYTES)
        {
            hash = (hash ^ hashScratch.getLong(i)) * 0x0000_0100_0000_01B3L;
            hash ^= hash >>> 29;
        }
        for (; i < length; i++)
        {
            hash = (hash ^ hashScratch.getByte(i)) * 0x0000_0100_0000_01B3L;
        }
        return hash ^ length;
    }

    /**
     * Writes the whole state.
     *
     * @param buffer an expandable buffer.
     * @return how many bytes were written from offset 0.
     */
    public int writeSnapshot(final MutableDirectBuffer buffer)
    {
        writing = buffer;
        writer.wrap(buffer, 0);
        writer.putInt(MAGIC);
        writer.putInt(VERSION);
        writer.putInt(maxInstruments);
        writer.putLong(commandSequence);
        writer.putLong(highestFeedToken);
        writer.putLong(lastFeedSequence);
        writer.putLong(droppedTicks);
        writer.putLong(unroutedEvents);
        writer.putLong(unknownBotParameters);
        for (int instrumentId = 1; instrumentId <= maxInstruments; instrumentId++)
        {
            writer.putLong(lastPrices[instrumentId]);
        }
        writer.putInt(bots.length);
        for (final BotRuntime bot : bots)
        {
            bot.write(writer);
        }
        writing = null;
        return writer.position();
    }

    /**
     * Loads a snapshot into this engine, freshly built from the same bots.
     *
     * @throws IllegalArgumentException when the snapshot does not fit this engine.
     */
    public void readSnapshot(final DirectBuffer buffer, final int offset, final int length)
    {
        reader.wrap(buffer, offset, length);
        if (reader.getInt() != MAGIC)
        {
            throw new IllegalArgumentException("not a strategy engine snapshot");
        }
        final int version = reader.getInt();
        if (version != VERSION)
        {
            throw new IllegalArgumentException("strategy snapshot version " + version + ", expected " + VERSION);
        }
        final int instruments = reader.getInt();
        if (instruments != maxInstruments)
        {
            throw new IllegalArgumentException("snapshot has " + instruments + " instruments, the engine " +
                maxInstruments);
        }
        commandSequence = reader.getLong();
        highestFeedToken = reader.getLong();
        lastFeedSequence = reader.getLong();
        droppedTicks = reader.getLong();
        unroutedEvents = reader.getLong();
        unknownBotParameters = reader.getLong();
        for (int instrumentId = 1; instrumentId <= maxInstruments; instrumentId++)
        {
            lastPrices[instrumentId] = reader.getLong();
        }
        final int count = reader.getInt();
        if (count != bots.length)
        {
            throw new IllegalArgumentException("snapshot has " + count + " bots, the configuration " + bots.length);
        }
        for (final BotRuntime bot : bots)
        {
            bot.read(reader);
        }
        if (reader.remaining() != 0)
        {
            throw new IllegalArgumentException("snapshot has " + reader.remaining() + " bytes after the last bot");
        }
    }

    // ---- for the bots ----

    int maxInstruments()
    {
        return maxInstruments;
    }

    int maxOpenOrders()
    {
        return maxOpenOrders;
    }

    long lastPrice(final int instrumentId)
    {
        return instrumentId > 0 && instrumentId <= maxInstruments ? lastPrices[instrumentId] : 0;
    }

    void checkInInput()
    {
        if (!inInput)
        {
            throw new IllegalStateException("orders can only be sent while the engine handles an input");
        }
    }

    void sendNewOrder(final int accountId, final WorkingOrder order)
    {
        sink.newOrder(++commandSequence, inputTimestampNs, accountId, order.instrumentId, order.clOrdId, order.side,
            order.orderType, order.price, order.quantity);
    }

    void sendCancel(final int accountId, final WorkingOrder order)
    {
        sink.cancel(++commandSequence, inputTimestampNs, accountId, order.instrumentId, order.requestClOrdId,
            order.clOrdId);
    }

    void sendReplace(final int accountId, final WorkingOrder order, final long newPrice, final long newQuantity)
    {
        sink.replace(++commandSequence, inputTimestampNs, accountId, order.instrumentId, order.requestClOrdId,
            order.clOrdId, newPrice, newQuantity);
    }

    void patchLength(final int at, final int length)
    {
        writing.putInt(at, length);
    }

    private void begin(final long timestampNs)
    {
        inInput = true;
        inputTimestampNs = timestampNs;
    }

    private BotRuntime bot(final int accountId)
    {
        for (final BotRuntime bot : bots)
        {
            if (bot.spec().accountId() == accountId)
            {
                return bot;
            }
        }
        return null;
    }

    private BotRuntime runtime(final String name)
    {
        for (final BotRuntime bot : bots)
        {
            if (bot.spec().name().equals(name))
            {
                return bot;
            }
        }
        throw new IllegalArgumentException("no bot named " + name);
    }
}
