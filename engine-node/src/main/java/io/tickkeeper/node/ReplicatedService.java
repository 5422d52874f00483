package io.tickkeeper.node;

import java.nio.file.Path;

import io.tickkeeper.node.edge.CommandIngress;
import io.tickkeeper.runtime.EnginePipeline;
import org.agrona.DirectBuffer;

/**
 * What a {@link ReplicatedNode} needs from the service it runs as primary or hot standby: how to build its pipeline,
 * how to check a client's command, and, optionally, what the service does with its own outputs and while it is
 * primary. One instance serves the node's whole life (every incarnation); the node calls {@link #newPipeline} on
 * its control thread, {@link #checkCommand} on the ingress thread, {@link #routeOutput} on the output stage's
 * thread and the primary hooks on its control thread.
 */
public interface ReplicatedService
{
    /**
     * @return a short name for threads, log lines and the Aeron directory ({@code matching}, {@code risk}); letters,
     *         digits and '-' only.
     */
    String name();

    /**
     * Builds the service's pipeline for one incarnation of the node; nothing runs until the node starts it.
     *
     * @param runtime           the runtime settings the node chose (name, journal directory, output publisher,
     *                          replication gate, journal listener); the service sets its input handler and
     *                          snapshotter, and may set sizes (ring, maxInputLength, ...).
     * @param snapshotDirectory where this incarnation's snapshots live.
     * @return the pipeline.
     */
    ServicePipeline newPipeline(EnginePipeline.Context runtime, Path snapshotDirectory);

    /**
     * Checks a client command's bytes before the ingress sequences it.
     *
     * @param buffer holds the command.
     * @param offset where it starts.
     * @param length how many bytes it has.
     * @throws IllegalArgumentException when the bytes are not a command the service takes.
     */
    void checkCommand(DirectBuffer buffer, int offset, int length);

    /** @return the largest client command the ingress takes, in bytes; at most the pipeline's maxInputLength. */
    default int maxCommandLength()
    {
        return CommandIngress.Context.DEFAULT_MAX_COMMAND_LENGTH;
    }

    /**
     * The primary's outputs, before the client routes: return true to consume one (it then goes to no client
     * session), false to let it go to the session whose command caused it. Called on the output stage's thread
     * only while the node is primary and its lease holds. Consumes nothing unless overridden.
     *
     * @param sequence the sequence of the input that caused it.
     * @param buffer   holds the output; valid during this call only.
     * @param offset   where it starts.
     * @param length   how many bytes it has.
     * @return whether the service consumed it.
     */
    default boolean routeOutput(final long sequence, final DirectBuffer buffer, final int offset, final int length)
    {
        return false;
    }

    /**
     * The node became primary of {@code epoch} and opened its client edge. Called on the node's control thread;
     * return quickly (start a thread for long work).
     *
     * @param epoch  the epoch this node won.
     * @param inputs sequences inputs the service generates itself ({@code clientSessionId 0}); valid until
     *               {@link #onNotPrimary()}.
     */
    default void onPrimary(final long epoch, final InputPublisher inputs)
    {
    }

    /**
     * The node is no longer primary (fenced, its pipeline failed, or it is closing): the service stops what
     * {@link #onPrimary} started. Called on the node's control thread, once after each {@link #onPrimary}.
     */
    default void onNotPrimary()
    {
    }
}
