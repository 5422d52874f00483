package io.tickkeeper.coordinator.config;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The accounts whose new orders the risk manager refuses, each on its own kill switch; JSON
 * {@code {"killed":[7,12]}}. The platform-wide switch is {@link ConfigKeys#RISK_KILL_SWITCH}.
 *
 * @param killed the account ids whose switch is on, in ascending order.
 */
public record AccountKillSwitches(SortedSet<Integer> killed)
{
    /** No account killed. */
    public static final AccountKillSwitches NONE = new AccountKillSwitches(new TreeSet<>());

    /**
     * @param killed the account ids whose switch is on; copied.
     */
    public AccountKillSwitches
    {
        killed = Collections.unmodifiableSortedSet(new TreeSet<>(killed));
    }

    /**
     * @param accountId an account id.
     * @return whether that account's kill switch is on.
     */
    public boolean isKilled(final int accountId)
    {
        return killed.contains(accountId);
    }
}
