package io.tickkeeper.risk.node;

import java.util.EnumMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import io.tickkeeper.coordinator.config.ConfigKey;
import io.tickkeeper.coordinator.config.ConfigKeys;
import io.tickkeeper.coordinator.config.LiveConfig;
import io.tickkeeper.protocol.sbe.RiskLimitKind;
import io.tickkeeper.risk.service.RiskCommandEncoder;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Turns the live {@code risk.*} configuration into RiskLimitUpdate inputs while the node is primary. At the start of
 * a term ({@link #begin}) it sequences every limit in force, the global kill switch, "every account's switch off"
 * (account 0, value 0: the replicated state may hold switches on that the configuration has since switched off)
 * and then each killed account; afterwards every change of a key ({@link LiveConfig} listener, on the ZooKeeper
 * event thread) sequences only what differs from what this term sequenced. A value that fails its key's validation
 * never arrives: {@code LiveConfig} keeps the last good one. Thread-safe (one lock).
 */
final class LimitRelay
{
    private static final Map<RiskLimitKind, ConfigKey<Long>> NUMERIC = new EnumMap<>(RiskLimitKind.class);

    static
    {
        NUMERIC.put(RiskLimitKind.MAX_ORDER_QUANTITY, ConfigKeys.RISK_MAX_ORDER_QTY);
        NUMERIC.put(RiskLimitKind.MAX_NOTIONAL, ConfigKeys.RISK_MAX_NOTIONAL);
        NUMERIC.put(RiskLimitKind.PRICE_BAND_BPS, ConfigKeys.RISK_PRICE_BAND_BPS);
        NUMERIC.put(RiskLimitKind.POSITION_LIMIT, ConfigKeys.RISK_POSITION_LIMIT);
        NUMERIC.put(RiskLimitKind.ORDERS_PER_SECOND, ConfigKeys.RISK_ORDERS_PER_SECOND);
        NUMERIC.put(RiskLimitKind.DAILY_NOTIONAL, ConfigKeys.RISK_DAILY_NOTIONAL);
    }

    private final LiveConfig config;
    private final EpochNanoClock clock;
    private final RiskCommandEncoder encoder = new RiskCommandEncoder();
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[RiskCommandEncoder.MAX_LENGTH]);
    private final Map<RiskLimitKind, Long> sent = new EnumMap<>(RiskLimitKind.class);
    private final SortedSet<Integer> killedSent = new TreeSet<>();
    private TermInputs inputs;

    /**
     * Registers a listener on every risk key; nothing is published before {@link #begin}.
     *
     * @param config the live configuration (started by its owner).
     * @param clock  stamps the inputs' time.
     */
    LimitRelay(final LiveConfig config, final EpochNanoClock clock)
    {
        this.config = config;
        this.clock = clock;
        for (final ConfigKey<Long> key : NUMERIC.values())
        {
            config.addListener(key, value -> sync());
        }
        config.addListener(ConfigKeys.RISK_KILL_SWITCH, value -> sync());
        config.addListener(ConfigKeys.RISK_ACCOUNT_KILL_SWITCHES, value -> sync());
    }

    /** A term starts: sequences every limit in force, then follows changes. */
    synchronized void begin(final TermInputs termInputs)
    {
        inputs = termInputs;
        sent.clear();
        killedSent.clear();
        final long now = clock.nanoTime();
        for (final Map.Entry<RiskLimitKind, ConfigKey<Long>> limit : NUMERIC.entrySet())
        {
            publish(now, limit.getKey(), 0, config.get(limit.getValue()));
        }
        publish(now, RiskLimitKind.GLOBAL_KILL, 0, config.get(ConfigKeys.RISK_KILL_SWITCH) ? 1 : 0);
        publish(now, RiskLimitKind.ACCOUNT_KILL, 0, 0);
        for (final int account : config.get(ConfigKeys.RISK_ACCOUNT_KILL_SWITCHES).killed())
        {
            if (account > 0)
            {
                publish(now, RiskLimitKind.ACCOUNT_KILL, account, 1);
            }
        }
        killedSent.addAll(config.get(ConfigKeys.RISK_ACCOUNT_KILL_SWITCHES).killed());
    }

    /** The term is over: changes are no longer sequenced. */
    synchronized void end()
    {
        inputs = null;
    }

    /** Sequences what changed since the term's last publication. */
    synchronized void sync()
    {
        if (inputs == null || !inputs.active())
        {
            return;
        }
        final long now = clock.nanoTime();
        for (final Map.Entry<RiskLimitKind, ConfigKey<Long>> limit : NUMERIC.entrySet())
        {
            final long value = config.get(limit.getValue());
            if (!Long.valueOf(value).equals(sent.get(limit.getKey())))
            {
                publish(now, limit.getKey(), 0, value);
            }
        }
        final long kill = config.get(ConfigKeys.RISK_KILL_SWITCH) ? 1 : 0;
        if (!Long.valueOf(kill).equals(sent.get(RiskLimitKind.GLOBAL_KILL)))
        {
            publish(now, RiskLimitKind.GLOBAL_KILL, 0, kill);
        }
        final SortedSet<Integer> killed = config.get(ConfigKeys.RISK_ACCOUNT_KILL_SWITCHES).killed();
        for (final int account : killed)
        {
            if (account > 0 && !killedSent.contains(account))
            {
                publish(now, RiskLimitKind.ACCOUNT_KILL, account, 1);
            }
        }
        for (final int account : killedSent)
        {
            if (account > 0 && !killed.contains(account))
            {
                publish(now, RiskLimitKind.ACCOUNT_KILL, account, 0);
            }
        }
        killedSent.clear();
        killedSent.addAll(killed);
    }

    private void publish(final long now, final RiskLimitKind kind, final int account, final long value)
    {
        final int length = encoder.limitUpdate(buffer, 0, now, kind, account, value);
        if (inputs.publish(buffer, 0, length) && account == 0)
        {
            sent.put(kind, value);
        }
    }
}
