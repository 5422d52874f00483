package io.tickkeeper.matching.drill;

import java.nio.file.Path;
import java.util.List;

/**
 * The settings of one local drill, checked once.
 *
 * @param kills            how many times the primary is killed with SIGKILL.
 * @param freezeAfterKill  after which kill the primary is frozen once with SIGSTOP (0: before the first).
 * @param ratePerSecond    orders per second of the crossing flow.
 * @param portBase         first of the ports used (ZooKeeper +0..+22, nodes +30..+41, client +50).
 * @param sessionTimeoutMs the nodes' ZooKeeper session timeout.
 * @param settleMs         pause under load between a rejoin and the next fault.
 * @param workDir          ensemble, journals and logs of this run (emptied first).
 * @param resultsDir       where the report goes.
 * @param instruments      the shard's instruments, as the engines take them.
 */
record DrillSettings(
    int kills,
    int freezeAfterKill,
    int ratePerSecond,
    int portBase,
    int sessionTimeoutMs,
    long settleMs,
    Path workDir,
    Path resultsDir,
    String instruments)
{
    /** The nodes of the pair. */
    static final List<String> NODES = List.of("a", "b");

    /**
     * Checks the fields.
     */
    DrillSettings
    {
        if (kills < 1)
        {
            throw new IllegalArgumentException("kills must be at least 1: " + kills);
        }
        if (freezeAfterKill < 0 || freezeAfterKill > kills)
        {
            throw new IllegalArgumentException("freezeAfterKill must be in 0.." + kills + ": " + freezeAfterKill);
        }
        if (ratePerSecond < 1)
        {
            throw new IllegalArgumentException("ratePerSecond must be positive: " + ratePerSecond);
        }
        if (portBase < 1024 || portBase > 65_000)
        {
            throw new IllegalArgumentException("portBase must be in 1024..65000: " + portBase);
        }
        if (sessionTimeoutMs < 400)
        {
            throw new IllegalArgumentException("sessionTimeoutMs must be at least 400: " + sessionTimeoutMs);
        }
    }

    int zkClientPortBase()
    {
        return portBase;
    }

    int zkQuorumPortBase()
    {
        return portBase + 10;
    }

    int zkElectionPortBase()
    {
        return portBase + 20;
    }

    /** @return the client port of node {@code index} (0 for a, 1 for b). */
    int clientPort(final int index)
    {
        return portBase + 30 + 10 * index;
    }

    /** @return the replication port of node {@code index}. */
    int replicationPort(final int index)
    {
        return portBase + 31 + 10 * index;
    }

    int responsePort()
    {
        return portBase + 50;
    }

    /** @return one line per setting, for the report. */
    List<String> describe()
    {
        return List.of(
            "kills (SIGKILL of the primary): " + kills + "; one SIGSTOP freeze of the primary after kill "
                + freezeAfterKill,
            "load: crossing limit orders at " + ratePerSecond + "/s through MatchingClient",
            "ZooKeeper: 3 servers on 127.0.0.1:" + zkClientPortBase() + "..+2, tickTime 200 ms, minSessionTimeout "
                + "400 ms; node session timeout " + sessionTimeoutMs + " ms",
            "nodes: a (client " + clientPort(0) + ", replication " + replicationPort(0) + "), b (client "
                + clientPort(1) + ", replication " + replicationPort(1) + ")",
            "instruments: " + instruments,
            "work dir: " + workDir);
    }
}
