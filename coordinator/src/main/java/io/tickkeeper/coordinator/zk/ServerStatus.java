package io.tickkeeper.coordinator.zk;

/**
 * One server's state and figures, from its {@code srvr} and {@code mntr} answers (and, for the last election,
 * its log when the launcher wrote it).
 *
 * @param id                  server id, 1-based.
 * @param clientPort          its client port.
 * @param pid                 its process id, or -1 when no live process is known.
 * @param mode                what it is doing.
 * @param zxid                last transaction id it has seen, or -1 when unknown.
 * @param connections         live client connections.
 * @param avgLatencyMs        average request latency.
 * @param maxLatencyMs        largest request latency.
 * @param outstandingRequests requests queued and not yet answered.
 * @param elections           leader elections this server has taken part in since it started.
 * @param lastElectionMs      how long its most recent leader election took, or -1 when unknown.
 * @param maxElectionMs       how long its slowest leader election took, or -1 when unknown.
 */
public record ServerStatus(
    int id,
    int clientPort,
    long pid,
    ServerMode mode,
    long zxid,
    long connections,
    double avgLatencyMs,
    long maxLatencyMs,
    long outstandingRequests,
    long elections,
    long lastElectionMs,
    long maxElectionMs)
{
}
