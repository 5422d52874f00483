package io.tickkeeper.gateway;

/**
 * Where a gateway takes its drop-copy reports and public trades from. The risk manager routes an execution report
 * to the session whose command caused it and a public trade to no session, so without a broadcast a drop copy only
 * sees the accounts logged on through its own gateway, and market data no trades.
 */
public enum PublicEvents
{
    /**
     * From the gateway's own risk session: drop copies get the reports of the accounts logged on here, market data
     * the trades the session happens to receive.
     */
    OWN_SESSION,

    /**
     * From the risk primary's broadcast ({@link RiskBroadcastListener}): drop copies get every account's reports,
     * market data every public trade; the own session serves only the accounts' own sessions.
     */
    BROADCAST
}
