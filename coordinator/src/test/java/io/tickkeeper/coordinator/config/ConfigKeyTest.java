package io.tickkeeper.coordinator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

class ConfigKeyTest
{
    @Test
    void shouldDecodeAnIntegerWithinItsRange()
    {
        assertThat(ConfigKeys.RISK_MAX_ORDER_QTY.decode(" 250 ")).isEqualTo(250L);
        assertThat(ConfigKeys.RISK_PRICE_BAND_BPS.decode("10000")).isEqualTo(10_000L);
    }

    @Test
    void shouldRefuseAnIntegerOutsideItsRangeNamingKeyAndRange()
    {
        assertThatThrownBy(() -> ConfigKeys.RISK_MAX_ORDER_QTY.decode("0"))
            .isInstanceOfSatisfying(ConfigException.class,
                ex -> assertThat(ex.reason()).isEqualTo(ConfigException.Reason.INVALID_VALUE))
            .hasMessage("risk.max-order-qty must be between 1 and 1000000000, got 0");
        assertThatThrownBy(() -> ConfigKeys.RISK_PRICE_BAND_BPS.decode("10001"))
            .hasMessage("risk.price-band-bps must be between 1 and 10000, got 10001");
    }

    @Test
    void shouldRefuseValuesOfTheWrongJsonType()
    {
        assertThatThrownBy(() -> ConfigKeys.RISK_MAX_ORDER_QTY.decode("\"100\""))
            .hasMessage("risk.max-order-qty must be an integer, got \"100\"");
        assertThatThrownBy(() -> ConfigKeys.RISK_MAX_ORDER_QTY.decode("1.5"))
            .hasMessage("risk.max-order-qty must be an integer, got 1.5");
        assertThatThrownBy(() -> ConfigKeys.RISK_MAX_ORDER_QTY.decode("1e3"))
            .hasMessage("risk.max-order-qty must be an integer, got 1000.0");
        assertThatThrownBy(() -> ConfigKeys.RISK_KILL_SWITCH.decode("\"true\""))
            .hasMessage("risk.kill-switch must be true or false, got \"true\"");
        assertThatThrownBy(() -> ConfigKeys.RISK_MAX_ORDER_QTY.decode("99999999999999999999"))
            .hasMessageStartingWith("risk.max-order-qty must be an integer");
        assertThatThrownBy(() -> ConfigKeys.RISK_KILL_SWITCH.decode("1"))
            .hasMessage("risk.kill-switch must be true or false, got 1");
        assertThatThrownBy(() -> ConfigKeys.FEED_VOLATILITY.decode("\"0.2\""))
            .hasMessage("feed.volatility must be a finite number, got \"0.2\"");
        assertThatThrownBy(() -> ConfigKeys.FEED_VOLATILITY.decode("1e400"))
            .hasMessageStartingWith("feed.volatility must be a finite number");
    }

    @Test
    void shouldRefuseTextThatIsNotExactlyOneJsonValue()
    {
        assertThatThrownBy(() -> ConfigKeys.RISK_MAX_ORDER_QTY.decode("ten"))
            .hasMessageStartingWith("risk.max-order-qty: not valid JSON (");
        assertThatThrownBy(() -> ConfigKeys.RISK_MAX_ORDER_QTY.decode("10 20"))
            .hasMessageStartingWith("risk.max-order-qty: not valid JSON (");
        assertThatThrownBy(() -> ConfigKeys.RISK_MAX_ORDER_QTY.decode(""))
            .hasMessage("risk.max-order-qty: no value given");
        assertThatThrownBy(() -> ConfigKeys.RISK_KILL_SWITCH.decode("null"))
            .hasMessage("risk.kill-switch: null is not a value");
        assertThatThrownBy(() -> ConfigKeys.FEED_VOLATILITY.decode("NaN"))
            .hasMessageStartingWith("feed.volatility: not valid JSON (");
    }

    @Test
    void shouldAcceptAnIntegerForANumberKeyAndCheckItsRange()
    {
        assertThat(ConfigKeys.FEED_VOLATILITY.decode("1")).isEqualTo(1.0);
        assertThat(ConfigKeys.FEED_DRIFT.decode("-0.25")).isEqualTo(-0.25);
        assertThatThrownBy(() -> ConfigKeys.FEED_DRIFT.decode("-1.5"))
            .hasMessage("feed.drift must be between -1.0 and 1.0, got -1.5");
    }

    @Test
    void shouldMapAnObjectValueToItsRecordStrictly()
    {
        final AccountKillSwitches switches = ConfigKeys.RISK_ACCOUNT_KILL_SWITCHES.decode("{\"killed\":[12,7,12]}");

        assertThat(switches.killed()).containsExactly(7, 12);
        assertThat(switches.isKilled(7)).isTrue();
        assertThat(switches.isKilled(8)).isFalse();
        assertThatThrownBy(() -> ConfigKeys.RISK_ACCOUNT_KILL_SWITCHES.decode("{\"killed\":[7],\"extra\":1}"))
            .hasMessageContaining("risk.account-kill-switches: ").hasMessageContaining("extra");
        assertThatThrownBy(() -> ConfigKeys.RISK_ACCOUNT_KILL_SWITCHES.decode("{}"))
            .hasMessageContaining("killed");
        assertThatThrownBy(() -> ConfigKeys.RISK_ACCOUNT_KILL_SWITCHES.decode("{\"killed\":[\"7\"]}"))
            .hasMessageStartingWith("risk.account-kill-switches: ");
        assertThatThrownBy(() -> ConfigKeys.RISK_ACCOUNT_KILL_SWITCHES.decode("{\"killed\":[1.5]}"))
            .hasMessageStartingWith("risk.account-kill-switches: ");
        assertThatThrownBy(() -> ConfigKeys.RISK_ACCOUNT_KILL_SWITCHES.decode("{\"killed\":[3,-4]}"))
            .hasMessage("risk.account-kill-switches account ids must not be negative, got -4");
        assertThatThrownBy(() -> ConfigKeys.RISK_ACCOUNT_KILL_SWITCHES.decode("[7]"))
            .hasMessage("risk.account-kill-switches must be a JSON object, got [7]");
    }

    @Test
    void shouldRefuseDuplicateFieldsInAnObject()
    {
        assertThatThrownBy(() -> ConfigKeys.RISK_ACCOUNT_KILL_SWITCHES.decode("{\"killed\":[1],\"killed\":[2]}"))
            .hasMessageStartingWith("risk.account-kill-switches: not valid JSON (");
    }

    @Test
    void shouldEncodeValuesCanonically()
    {
        assertThat(ConfigKeys.RISK_MAX_ORDER_QTY.encode(ConfigKeys.RISK_MAX_ORDER_QTY.decode(" 250\n")))
            .isEqualTo("250");
        assertThat(ConfigKeys.RISK_KILL_SWITCH.encode(true)).isEqualTo("true");
        assertThat(ConfigKeys.FEED_VOLATILITY.encode(0.25)).isEqualTo("0.25");
        assertThat(ConfigKeys.RISK_ACCOUNT_KILL_SWITCHES.encode(
            ConfigKeys.RISK_ACCOUNT_KILL_SWITCHES.decode("{ \"killed\" : [ 9, 3 ] }")))
            .isEqualTo("{\"killed\":[3,9]}");
    }

    @Test
    void shouldRefuseAKeyWhoseDefaultFailsItsOwnValidation()
    {
        assertThatThrownBy(() -> ConfigKey.ofLong("test.bad-default", 0L, 1L, 10L, "doc"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("default of test.bad-default fails its own validation: must be between 1 and 10, got 0");
        assertThatThrownBy(() -> ConfigKey.ofObject("test.object", AccountKillSwitches.class,
            new AccountKillSwitches(new TreeSet<>()), "any", value -> Optional.of("never valid"), "doc"))
            .hasMessage("default of test.object fails its own validation: never valid");
    }

    @Test
    void shouldRefuseAKeyNameThatIsNotOneZnodeName()
    {
        assertThatThrownBy(() -> ConfigKey.ofBoolean("risk/kill", false, "doc"))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseUnknownAndDuplicateKeysInARegistry()
    {
        final ConfigRegistry registry = ConfigKeys.registry();

        assertThat(registry.require("risk.kill-switch")).isSameAs(ConfigKeys.RISK_KILL_SWITCH);
        assertThat(registry.find("risk.max-order-quantity")).isEmpty();
        assertThatThrownBy(() -> registry.require("risk.max-order-quantity"))
            .isInstanceOfSatisfying(ConfigException.class,
                ex -> assertThat(ex.reason()).isEqualTo(ConfigException.Reason.UNKNOWN_KEY))
            .hasMessage("unknown config key: risk.max-order-quantity");
        assertThatThrownBy(() -> new ConfigRegistry(ConfigKeys.RISK_KILL_SWITCH, ConfigKeys.RISK_KILL_SWITCH))
            .hasMessage("config key registered twice: risk.kill-switch");
    }
}
