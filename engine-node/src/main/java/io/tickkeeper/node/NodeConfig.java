package io.tickkeeper.node;

import java.nio.file.Path;

import io.tickkeeper.coordinator.ZkPaths;

/**
 * The settings of one {@link ReplicatedNode}, checked once.
 *
 * @param service           the service name in ZooKeeper ({@code matching-engine}, {@code risk-manager}, ...).
 * @param shard             the shard this node serves.
 * @param node              this node's name, unique in the shard.
 * @param host              the address it listens on and publishes.
 * @param clientPort        the UDP port of its client ingress (served while primary).
 * @param replicationPort   the UDP port where, as primary, it takes its standby's catch-up requests and acks.
 * @param peerHost          the other node's host.
 * @param peerReplicationPort the other node's replication port.
 * @param dataDir           where its journal and snapshots live.
 * @param sessionTimeoutMs  its ZooKeeper session timeout.
 * @param blockOnStandbyLoss whether, as primary, to stop acknowledging while no standby is in sync (else go on
 *                          alone).
 */
public record NodeConfig(
    String service,
    String shard,
    String node,
    String host,
    int clientPort,
    int replicationPort,
    String peerHost,
    int peerReplicationPort,
    Path dataDir,
    int sessionTimeoutMs,
    boolean blockOnStandbyLoss)
{
    /**
     * Checks the fields.
     */
    public NodeConfig
    {
        ZkPaths.checkName(service);
        ZkPaths.checkName(shard);
        ZkPaths.checkName(node);
        checkPort("clientPort", clientPort);
        checkPort("replicationPort", replicationPort);
        checkPort("peerReplicationPort", peerReplicationPort);
        if (clientPort == replicationPort)
        {
            throw new IllegalArgumentException("clientPort and replicationPort must differ: " + clientPort);
        }
        if (host == null || host.isBlank() || peerHost == null || peerHost.isBlank())
        {
            throw new IllegalArgumentException("host and peerHost must be given");
        }
        if (dataDir == null)
        {
            throw new IllegalArgumentException("dataDir must be given");
        }
        if (sessionTimeoutMs < 100)
        {
            throw new IllegalArgumentException("sessionTimeoutMs must be at least 100: " + sessionTimeoutMs);
        }
    }

    /** @return where clients reach this node while it is primary: {@code host:clientPort}. */
    public String clientEndpoint()
    {
        return host + ':' + clientPort;
    }

    /** @return the journal directory. */
    public Path journalDir()
    {
        return dataDir.resolve("journal");
    }

    /** @return the snapshot directory. */
    public Path snapshotDir()
    {
        return dataDir.resolve("snapshots");
    }

    private static void checkPort(final String name, final int port)
    {
        if (port < 1 || port > 65_535)
        {
            throw new IllegalArgumentException(name + " must be a port number: " + port);
        }
    }
}
