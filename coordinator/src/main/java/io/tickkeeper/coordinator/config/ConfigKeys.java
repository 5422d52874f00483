package io.tickkeeper.coordinator.config;

import java.util.Optional;

/**
 * The live configuration keys of the platform. docs/config.md documents each one; a test keeps the two in step.
 * Money and size units are the matching engine's fixed-point units (docs/matching.md): a notional is
 * {@code price × quantity} in those units.
 */
public final class ConfigKeys
{
    /** Largest number of accounts the per-account kill switches may name. */
    public static final int MAX_KILLED_ACCOUNTS = 10_000;

    /** Largest quantity of a single new order. */
    public static final ConfigKey<Long> RISK_MAX_ORDER_QTY = ConfigKey.ofLong(
        "risk.max-order-qty", 10_000L, 1L, 1_000_000_000L,
        "Largest quantity of one new order, in quantity units; a larger order is rejected before matching.");

    /** Largest notional of a single new order. */
    public static final ConfigKey<Long> RISK_MAX_NOTIONAL = ConfigKey.ofLong(
        "risk.max-notional", 1_000_000_000L, 1L, 1_000_000_000_000_000L,
        "Largest notional (price x quantity) of one new order; market orders are valued at the reference price.");

    /** Price band around the reference price. */
    public static final ConfigKey<Long> RISK_PRICE_BAND_BPS = ConfigKey.ofLong(
        "risk.price-band-bps", 500L, 1L, 10_000L,
        "Largest distance of a limit price from the reference price, in basis points (500 = 5%).");

    /** Largest absolute net position of an account in one instrument. */
    public static final ConfigKey<Long> RISK_POSITION_LIMIT = ConfigKey.ofLong(
        "risk.position-limit", 100_000L, 1L, 1_000_000_000_000L,
        "Largest absolute net position of one account in one instrument, counting the order being checked.");

    /** New-order rate limit per account. */
    public static final ConfigKey<Long> RISK_ORDERS_PER_SECOND = ConfigKey.ofLong(
        "risk.orders-per-second", 1_000L, 1L, 1_000_000L,
        "Most new orders one account may send in any one-second window; more are rejected.");

    /** Daily traded-notional limit per account. */
    public static final ConfigKey<Long> RISK_DAILY_NOTIONAL = ConfigKey.ofLong(
        "risk.daily-notional", 1_000_000_000_000L, 1L, Long.MAX_VALUE,
        "Largest notional one account may trade (filled plus open orders) in one trading day.");

    /** Platform-wide kill switch. */
    public static final ConfigKey<Boolean> RISK_KILL_SWITCH = ConfigKey.ofBoolean(
        "risk.kill-switch", false,
        "When true, every new order of every account is rejected; cancels are still accepted.");

    /** Per-account kill switches. */
    public static final ConfigKey<AccountKillSwitches> RISK_ACCOUNT_KILL_SWITCHES = ConfigKey.ofObject(
        "risk.account-kill-switches", AccountKillSwitches.class, AccountKillSwitches.NONE,
        "{\"killed\":[account ids]}: ids in [0, 2147483647], at most " + MAX_KILLED_ACCOUNTS + " of them",
        ConfigKeys::checkKilledAccounts,
        "New orders of the listed accounts are rejected; cancels are still accepted.");

    /** Volatility of the synthetic reference prices. */
    public static final ConfigKey<Double> FEED_VOLATILITY = ConfigKey.ofDouble(
        "feed.volatility", 0.3, 0.0, 5.0,
        "Annualised volatility of the geometric Brownian motion of each instrument's price (0.3 = 30%).");

    /** Drift of the synthetic reference prices. */
    public static final ConfigKey<Double> FEED_DRIFT = ConfigKey.ofDouble(
        "feed.drift", 0.0, -1.0, 1.0,
        "Annualised drift of each instrument's price (0.05 = +5% a year).");

    /** Rate of price jumps. */
    public static final ConfigKey<Double> FEED_JUMP_RATE = ConfigKey.ofDouble(
        "feed.jump-rate", 0.01, 0.0, 10.0,
        "Expected number of price jumps per instrument per second (a Poisson rate; 0 = no jumps).");

    /** Reference price updates per second. */
    public static final ConfigKey<Long> FEED_TICK_RATE_HZ = ConfigKey.ofLong(
        "feed.tick-rate-hz", 10L, 1L, 100_000L,
        "Reference price updates per instrument per second.");

    /** Time between kills of a drill. */
    public static final ConfigKey<Long> DRILL_KILL_INTERVAL_MS = ConfigKey.ofLong(
        "drill.kill-interval-ms", 30_000L, 1_000L, 3_600_000L,
        "Time between two node kills of a continuous drill, in milliseconds.");

    /** Counter written by the propagation probe. */
    public static final ConfigKey<Long> PROBE_SEQUENCE = ConfigKey.ofLong(
        "probe.sequence", 0L, 0L, Long.MAX_VALUE,
        "Written by ConfigPropagationProbe to time how fast a change reaches every watcher; nothing else reads it.");

    private static final ConfigRegistry REGISTRY = new ConfigRegistry(
        RISK_MAX_ORDER_QTY,
        RISK_MAX_NOTIONAL,
        RISK_PRICE_BAND_BPS,
        RISK_POSITION_LIMIT,
        RISK_ORDERS_PER_SECOND,
        RISK_DAILY_NOTIONAL,
        RISK_KILL_SWITCH,
        RISK_ACCOUNT_KILL_SWITCHES,
        FEED_VOLATILITY,
        FEED_DRIFT,
        FEED_JUMP_RATE,
        FEED_TICK_RATE_HZ,
        DRILL_KILL_INTERVAL_MS,
        PROBE_SEQUENCE);

    private ConfigKeys()
    {
    }

    /** @return the registry of every key above. */
    public static ConfigRegistry registry()
    {
        return REGISTRY;
    }

    private static Optional<String> checkKilledAccounts(final AccountKillSwitches switches)
    {
        if (switches.killed().size() > MAX_KILLED_ACCOUNTS)
        {
            return Optional.of("may name at most " + MAX_KILLED_ACCOUNTS + " accounts, got "
                + switches.killed().size());
        }
        if (!switches.killed().isEmpty() && switches.killed().first() < 0)
        {
            return Optional.of("account ids must not be negative, got " + switches.killed().first());
        }
        return Optional.empty();
    }
}
