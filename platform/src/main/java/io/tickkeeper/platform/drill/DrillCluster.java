package io.tickkeeper.platform.drill;

import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The cluster a failover drill kills nodes of: the platform's processes on this machine, or the containers of the
 * compose cluster. A service is named by the drill ({@code feed}, {@code strategy}, {@code risk}, {@code matching},
 * {@code matching/1}, {@code zookeeper}); a node by what {@link #kill} and {@link #restart} take.
 */
public interface DrillCluster
{
    /**
     * @param service a service name the cluster knows.
     * @return the node now primary of the service (holder of the feed lock, ZooKeeper leader), if there is one.
     */
    Optional<String> primary(String service);

    /**
     * Kills a node at once (SIGKILL).
     *
     * @param node the node.
     * @throws Exception when it cannot be killed.
     */
    void kill(String node) throws Exception;

    /**
     * Starts a killed node again and waits until it has rejoined (an in-sync standby, a waiting lock contender, an
     * open FIX port, a serving ZooKeeper server).
     *
     * @param node the node.
     * @throws Exception when it cannot be started or does not rejoin in time.
     */
    void restart(String node) throws Exception;

    /**
     * Waits until a condition holds.
     *
     * @param what      what is waited for (in the failure message).
     * @param condition the condition.
     * @throws InterruptedException  when interrupted.
     * @throws IllegalStateException when it does not hold in time.
     */
    void await(String what, BooleanSupplier condition) throws InterruptedException;
}
