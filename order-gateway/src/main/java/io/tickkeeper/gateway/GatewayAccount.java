package io.tickkeeper.gateway;

/**
 * One FIX logon the gateway accepts: its credentials and what it maps to. A trading logon maps to one risk
 * account; a drop-copy logon maps to none and receives a copy of every execution report.
 *
 * @param username           Username(553) of the logon.
 * @param password           Password(554) of the logon.
 * @param accountId          the risk account (> 0), or 0 for a drop-copy logon.
 * @param cancelOnDisconnect whether the risk manager cancels the account's open orders when it logs off.
 * @param dropCopy           whether this is a drop-copy logon.
 */
public record GatewayAccount(String username, String password, int accountId, boolean cancelOnDisconnect,
    boolean dropCopy)
{
    /** Checks the fields: a trading logon has an account, a drop-copy logon has none. */
    public GatewayAccount
    {
        if (username == null || username.isEmpty())
        {
            throw new IllegalArgumentException("username must not be empty");
        }
        if (password == null || password.isEmpty())
        {
            throw new IllegalArgumentException("password of " + username + " must not be empty");
        }
        if (dropCopy ? accountId != 0 : accountId <= 0)
        {
            throw new IllegalArgumentException(dropCopy
                ? "drop-copy logon " + username + " must not have an account: " + accountId
                : "account of " + username + " must be > 0: " + accountId);
        }
    }

    @Override
    public String toString()
    {
        return "GatewayAccount[" + username + ", account " + accountId + (dropCopy ? ", drop copy" : "")
            + (cancelOnDisconnect ? ", cancel on disconnect" : "") + "]";
    }
}
