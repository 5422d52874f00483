package io.tickkeeper.risk;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

import io.tickkeeper.protocol.sbe.OrderType;
import io.tickkeeper.protocol.sbe.RiskLimitKind;
import io.tickkeeper.protocol.sbe.Side;

/**
 * A seeded random input stream for a risk engine, with the real matching engine behind it: client orders, cancels,
 * replaces and status requests from several accounts and sessions, log-ons and log-offs, feed ticks, limit changes,
 * the reports matching sends back for the forwards (delivered late, in order), repeated reports, end of day, and
 * failovers (forwards not yet sent are lost; the new primary's RiskPrimaryStarted sends them again). Each input is
 * applied to a live engine as it is generated, so the reports are the ones matching really gives; the inputs are
 * kept so that other engines can be fed the same stream.
 */
final class RandomRiskFlow
{
    static final int ACCOUNTS = 6;
    static final int INSTRUMENTS = 8;
    static final long T0 = 1_750_000_000_000_000_000L;

    private final Random random;
    private final RiskEngine live;
    private final Recorder liveOutputs;
    private final MatchingSim matching;
    private final List<Consumer<RiskEngine>> inputs = new ArrayList<>();
    private final List<Consumer<RiskEngine>> reports = new ArrayList<>();
    private final ArrayDeque<Recorder.Forward> unsent = new ArrayDeque<>();
    private final Map<Integer, List<String>> clOrdIds = new HashMap<>();
    private final long[] references = new long[INSTRUMENTS + 1];
    private final long[] sessions = new long[ACCOUNTS + 1];
    private long now = T0;
    private long feedSequence;
    private long feedToken = 1;
    private int nextClOrdId;
    private int failovers;

    RandomRiskFlow(final long seed, final RiskConfig config)
    {
        random = new Random(seed);
        liveOutputs = new Recorder();
        live = new RiskEngine(config, liveOutputs);
        matching = new MatchingSim(config);
        for (int i = 1; i <= INSTRUMENTS; i++)
        {
            references[i] = 5_000 + 1_000L * i;
        }
        for (int a = 1; a <= ACCOUNTS; a++)
        {
            sessions[a] = 1_000 + a;
        }
    }

    static RiskConfig config()
    {
        return new RiskConfig(new int[]{1, 2, 3, 4}, new int[]{5, 6, 7, 8})
            .maxOrderQuantity(500)
            .maxNotional(6_000_000)
            .priceBandBps(300)
            .positionLimit(1_500)
            .ordersPerSecond(20)
            .dailyNotional(400_000_000)
            .maxOpenOrdersPerAccount(30)
            .finishedOrdersKept(200);
    }

    /** @return the live engine the stream was generated against. */
    RiskEngine live()
    {
        return live;
    }

    /** @return every output of the live engine so far. */
    List<Object> liveOutputs()
    {
        return liveOutputs.outputs;
    }

    /** @return the inputs so far, in order. */
    List<Consumer<RiskEngine>> inputs()
    {
        return inputs;
    }

    /** @return how many failovers the stream had. */
    int failovers()
    {
        return failovers;
    }

    /** Generates (and applies to the live engine) the next input. */
    void step()
    {
        now += random.nextInt(30_000_000);
        final int roll = random.nextInt(1_000);
        if (roll < 300)
        {
            newOrder();
        }
        else if (roll < 380)
        {
            final int account = account();
            final String target = knownClOrdId(account);
            final String id = "c" + nextClOrdId++;
            final int instrument = instrument();
            final long t = now;
            final long session = sessions[account];
            add(e -> e.cancel(t, session, instrument, account, id, target));
        }
        else if (roll < 440)
        {
            replace();
        }
        else if (roll < 470)
        {
            final int account = account();
            final String target = knownClOrdId(account);
            final long t = now;
            final long session = sessions[account];
            add(e -> e.orderStatus(t, session, account, target));
        }
        else if (roll < 490)
        {
            session();
        }
        else if (roll < 590)
        {
            tick();
        }
        else if (roll < 600)
        {
            limit();
        }
        else if (roll < 985)
        {
            deliver(1 + random.nextInt(4));
        }
        else if (roll < 994)
        {
            if (!reports.isEmpty())
            {
                add(reports.get(random.nextInt(reports.size())));
            }
        }
        else if (roll < 996)
        {
            failovers++;
            unsent.clear();
            final long t = now;
            add(e -> e.primaryStarted(t));
        }
        else
        {
            endOfDay();
        }
    }

    private void newOrder()
    {
        final int account = account();
        final int instrument = random.nextInt(50) == 0 ? INSTRUMENTS + 1 : instrument();
        final Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        final int typeRoll = random.nextInt(100);
        final OrderType type = typeRoll < 50 ? OrderType.LIMIT_GTC : typeRoll < 65 ? OrderType.LIMIT_DAY :
            typeRoll < 75 ? OrderType.IOC : typeRoll < 85 ? OrderType.MARKET : typeRoll < 90 ? OrderType.FOK :
            OrderType.POST_ONLY;
        final long reference = references[Math.min(instrument, INSTRUMENTS)];
        final long price = type == OrderType.MARKET ? 0 :
            Math.max(1, reference + reference * (random.nextInt(801) - 400) / 10_000);
        final int quantityRoll = random.nextInt(100);
        final long quantity = quantityRoll == 0 ? 0 : quantityRoll == 1 ? 700 : 1 + random.nextInt(300);
        final List<String> ids = clOrdIds.computeIfAbsent(account, a -> new ArrayList<>());
        final String id = random.nextInt(50) == 0 && !ids.isEmpty() ? ids.get(random.nextInt(ids.size())) :
            "o" + nextClOrdId++;
        ids.add(id);
        final long t = now;
        final long session = sessions[account];
        add(e -> e.newOrder(t, session, instrument, account, id, side, type, price, quantity));
    }

    private void replace()
    {
        final int account = account();
        final String target = knownClOrdId(account);
        final String id = "r" + nextClOrdId++;
        clOrdIds.computeIfAbsent(account, a -> new ArrayList<>()).add(id);
        final int instrument = instrument();
        final long price = Math.max(1, references[instrument] + references[instrument] *
            (random.nextInt(601) - 300) / 10_000);
        final long quantity = 1 + random.nextInt(400);
        final long t = now;
        final long session = sessions[account];
        add(e -> e.replace(t, session, instrument, account, id, target, price, quantity));
    }

    private void session()
    {
        final int account = account();
        final long session = (random.nextBoolean() ? 1_000 : 2_000) + account;
        final boolean connected = random.nextInt(3) != 0;
        final boolean cancelOnDisconnect = random.nextBoolean();
        sessions[account] = connected ? session : sessions[account];
        final long t = now;
        add(e -> e.accountSession(t, session, account, connected, cancelOnDisconnect));
    }

    private void tick()
    {
        final int instrument = 1 + random.nextInt(INSTRUMENTS - 1);
        references[instrument] = Math.max(100,
            references[instrument] + references[instrument] * (random.nextInt(161) - 80) / 10_000);
        final long price = references[instrument];
        final long sequence = random.nextInt(20) == 0 ? Math.max(0, feedSequence - 3) : ++feedSequence;
        if (random.nextInt(500) == 0)
        {
            feedToken++;
        }
        final long token = feedToken;
        final long t = now;
        add(e -> e.referencePrice(t, instrument, price, token, sequence));
    }

    private void limit()
    {
        final RiskLimitKind[] kinds = {RiskLimitKind.MAX_ORDER_QUANTITY, RiskLimitKind.MAX_NOTIONAL,
            RiskLimitKind.PRICE_BAND_BPS, RiskLimitKind.POSITION_LIMIT, RiskLimitKind.ORDERS_PER_SECOND,
            RiskLimitKind.DAILY_NOTIONAL, RiskLimitKind.GLOBAL_KILL, RiskLimitKind.ACCOUNT_KILL};
        final RiskLimitKind kind = kinds[random.nextInt(kinds.length)];
        final long value = switch (kind)
        {
            case MAX_ORDER_QUANTITY -> 200 + random.nextInt(400);
            case MAX_NOTIONAL -> 2_000_000 + random.nextInt(6_000_000);
            case PRICE_BAND_BPS -> 100 + random.nextInt(400);
            case POSITION_LIMIT -> 500 + random.nextInt(2_000);
            case ORDERS_PER_SECOND -> 5 + random.nextInt(30);
            case DAILY_NOTIONAL -> 100_000_000 + random.nextInt(400_000_000);
            default -> random.nextInt(4) == 0 ? 1 : 0;
        };
        final int account = kind == RiskLimitKind.ACCOUNT_KILL ? account() : 0;
        final long t = now;
        add(e -> e.limitUpdate(t, kind, account, value));
    }

    private void deliver(final int count)
    {
        for (int i = 0; i < count && !unsent.isEmpty(); i++)
        {
            for (final MatchingSim.Report report : matching.apply(unsent.pollFirst()))
            {
                addReport(report);
            }
        }
    }

    private void endOfDay()
    {
        now = Math.floorDiv(now, RiskEngine.DAY_NS) * RiskEngine.DAY_NS + RiskEngine.DAY_NS;
        deliver(unsent.size());
        for (final MatchingSim.Report report : matching.endOfDay(now))
        {
            addReport(report);
        }
    }

    private void addReport(final MatchingSim.Report report)
    {
        final long at = now;
        final Consumer<RiskEngine> input = e -> report.applyTo(e, at);
        reports.add(input);
        add(input);
    }

    private void add(final Consumer<RiskEngine> input)
    {
        inputs.add(input);
        final int before = liveOutputs.outputs.size();
        input.accept(live);
        final List<Object> outputs = liveOutputs.outputs;
        for (int i = before; i < outputs.size(); i++)
        {
            if (outputs.get(i) instanceof Recorder.Forward forward)
            {
                unsent.addLast(forward);
            }
        }
    }

    private int account()
    {
        return 1 + random.nextInt(ACCOUNTS);
    }

    private int instrument()
    {
        return 1 + random.nextInt(INSTRUMENTS);
    }

    private String knownClOrdId(final int account)
    {
        final List<String> ids = clOrdIds.get(account);
        if (ids == null || ids.isEmpty() || random.nextInt(20) == 0)
        {
            return "unknown" + random.nextInt(5);
        }
        return ids.get(Math.max(0, ids.size() - 1 - random.nextInt(Math.min(ids.size(), 15))));
    }
}
