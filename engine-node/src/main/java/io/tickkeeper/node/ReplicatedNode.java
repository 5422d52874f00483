package io.tickkeeper.node;

import java.io.Closeable;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.agrona.DirectBuffer;
import org.agrona.collections.Long2LongHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tickkeeper.coordinator.ZkPaths;
import io.tickkeeper.coordinator.election.PrimaryElection;
import io.tickkeeper.coordinator.election.PrimaryInfo;
import io.tickkeeper.coordinator.election.PrimaryListener;
import io.tickkeeper.coordinator.membership.MemberInfo;
import io.tickkeeper.coordinator.membership.MemberRegistration;
import io.tickkeeper.node.edge.CommandIngress;
import io.tickkeeper.node.edge.EdgeRole;
import io.tickkeeper.node.edge.ResponsePublisher;
import io.tickkeeper.node.edge.ResponseRoutes;
import io.tickkeeper.protocol.sbe.InputFrameDecoder;
import io.tickkeeper.protocol.sbe.MessageHeaderDecoder;
import io.tickkeeper.runtime.EnginePipeline;
import io.tickkeeper.runtime.PipelineState;
import io.tickkeeper.runtime.journal.Journal;
import io.tickkeeper.runtime.replication.JournalGenerations;
import io.tickkeeper.runtime.replication.Replicator;
import io.tickkeeper.runtime.replication.ReplicatorListener;
import io.tickkeeper.runtime.replication.StandbyLossPolicy;
import io.tickkeeper.runtime.replication.StandbyReplica;
import io.tickkeeper.runtime.transport.AeronTransport;

/**
 * One node of a replicated service's shard (the matching engine, the risk manager, ...), primary or hot standby,
 * composed in one place around the {@link ReplicatedService} it runs:
 * <pre>
 *   ZooKeeper: MemberRegistration (role, epoch, endpoint, applied sequence, lag)   InSyncSet   PrimaryElection
 *   client edge: CommandIngress (service.checkCommand) -&gt; ServicePipeline.publish
 *                outputs -&gt; LeaseGatedPublisher -&gt; ResponsePublisher (service.routeOutput, then client routes)
 *   ServicePipeline (service.newPipeline; JournalGenerations' current journal + snapshots):
 *                gates = journaller, Replicator; logic
 *   standby side: StandbyReplica -&gt; publishSequenced, acknowledging from the journaller
 * </pre>
 * The {@link NodeState} changes in ONE method, {@link #transition}, which publishes it to the member znode. Every
 * change of role runs on the node's control thread; election and replication callbacks only hand work to it,
 * except that losing the primary role stops sequencing at once, on the caller's thread.
 * <ul>
 *   <li>REPLAYING: a fresh incarnation (pipeline, replicator, replica) recovers from the journal's current
 *       generation, after truncating it when the primary said so.</li>
 *   <li>CATCHING_UP: the replica follows the primary ({@code --peer}). The node becomes STANDBY when the in-sync
 *       znode lists it in a version written after this incarnation began following (so an old listing of a node
 *       that died is never trusted), or, with no primary at all, when the znode lists it or does not exist yet
 *       (the first node of an empty shard bootstraps it).</li>
 *   <li>STANDBY: campaigns. On winning (the election bumped the epoch and published the primary znode): promotes the
 *       replica (it applies nothing more and goes on refusing stale frames), finishes every input it already holds,
 *       moves the pipeline to the new epoch, sets the in-sync set to itself, leads the replicator and opens the
 *       client edge: PRIMARY; then the service's {@link ReplicatedService#onPrimary} hook runs with an
 *       {@link InputPublisher} for the inputs the service generates itself.</li>
 *   <li>PRIMARY: adds the standby to the in-sync set when the replicator says it is in sync, removes it when it is
 *       dropped. On SUSPENDED/LOST (or a standby reporting a newer epoch): stops sequencing and emitting at once,
 *       FENCED ({@link ReplicatedService#onNotPrimary} runs), then rebuilds as a standby.</li>
 *   <li>A pipeline that failed (a stage threw, e.g. its journaller refused a stale epoch) is rebuilt the same way.</li>
 * </ul>
 * {@link #close()} (SIGTERM) stops taking commands, drains, releases the election (the standby takes over at once)
 * and closes everything.
 */
public final class ReplicatedNode implements Closeable
{
    private static final Logger LOG = LoggerFactory.getLogger(ReplicatedNode.class);
    private static final long TICK_MS = 100;
    private static final long DRAIN_TIMEOUT_MS = 3_000;
    private static final long CLOSE_TIMEOUT_MS = 20_000;
    private static final long SNAPSHOT_EVERY_INPUTS = 50_000;
    private static final int MAX_CLIENT_SESSIONS = 1_024;
    private static final long CATCH_UP_STALL_MS = 3_000;
    private static final int SERVICE_INPUT_MIN_LENGTH =
        MessageHeaderDecoder.ENCODED_LENGTH + InputFrameDecoder.ENCODED_LENGTH;
    private static final int SERVICE_INPUT_SESSION_OFFSET =
        MessageHeaderDecoder.ENCODED_LENGTH + InputFrameDecoder.clientSessionIdEncodingOffset();
    private static final int CLIENT_SEQUENCE_OFFSET =
        MessageHeaderDecoder.ENCODED_LENGTH + InputFrameDecoder.clientSequenceEncodingOffset();
    private static final long NONE_REFUSED = Long.MIN_VALUE;

    private enum Lifecycle
    {
        LATENT, STARTED, CLOSED
    }

    private final NodeConfig config;
    private final ReplicatedService service;
    private final CuratorFramework client;
    private final String name;
    private final AtomicReference<Lifecycle> lifecycle = new AtomicReference<>(Lifecycle.LATENT);
    private final ScheduledExecutorService control;
    private final AeronTransport transport;
    private final EdgeRole edgeRole = new EdgeRole();
    private final InSyncSet inSync;
    private final CuratorCache primaryCache;
    private final CuratorCache membersCache;
    private final MemberRegistration member;
    private final String primaryPath;
    private final String membersPath;

    /** Ingress thread only: per session, the lowest client sequence refused while later ones may be in flight. */
    private final Long2LongHashMap refusedSessions = new Long2LongHashMap(NONE_REFUSED);
    /** Ingress thread only: the primary term {@link #refusedSessions} belongs to. */
    private long refusalsEpoch;
    private ResponseRoutes routes;
    private CommandIngress ingress;
    private LeaseGatedPublisher output;

    private volatile NodeState state = NodeState.STARTING;
    private volatile ServicePipeline pipeline;
    private volatile long epoch;
    private Replicator replicator;
    private StandbyReplica replica;
    private volatile PrimaryElection election;
    private boolean servicePrimary;
    private String followedPrimary;
    private int inSyncVersionAtFollow = Integer.MAX_VALUE;
    private boolean standbyPresent;
    private long catchUpSequence;
    private long catchUpProgressNs;

    /**
     * @param config  the node's settings.
     * @param service the service this node replicates.
     * @param client  a started client carrying the service's credentials; its owner closes it after this node.
     */
    public ReplicatedNode(final NodeConfig config, final ReplicatedService service, final CuratorFramework client)
    {
        this.config = config;
        this.service = service;
        this.client = client;
        this.name = config.service() + '/' + config.shard() + '/' + config.node();
        this.control = Executors.newSingleThreadScheduledExecutor(runnable ->
        {
            final Thread thread = new Thread(runnable, "node-" + config.node());
            thread.setDaemon(true);
            return thread;
        });
        this.transport = new AeronTransport(new AeronTransport.Context().name(service.name() + '-' + config.node()));
        this.inSync = new InSyncSet(client, config.service(), config.shard());
        this.primaryPath = ZkPaths.primary(config.service(), config.shard());
        this.membersPath = ZkPaths.members(config.service(), config.shard());
        this.primaryCache = CuratorCache.build(client, primaryPath, CuratorCache.Options.SINGLE_NODE_CACHE);
        this.membersCache = CuratorCache.build(client, membersPath);
        this.member = MemberRegistration.create(client, config.service(), config.shard(),
            new MemberInfo(config.node(), NodeState.STARTING.role(), 0, config.clientEndpoint(), 0, 0),
            MemberRegistration.DEFAULT_MIN_WRITE_INTERVAL_MS);
    }

    /**
     * Starts the node: transport, client edge (refusing commands until primary), member znode, ZooKeeper caches,
     * then the first incarnation (replay, catch-up, standby, campaign) on the control thread.
     *
     * @throws IllegalStateException when already started or closed.
     */
    public void start()
    {
        if (!lifecycle.compareAndSet(Lifecycle.LATENT, Lifecycle.STARTED))
        {
            throw new IllegalStateException("node " + name + " was already started or closed");
        }
        transport.start();
        routes = new ResponseRoutes(transport.aeron(), MAX_CLIENT_SESSIONS);
        output = new LeaseGatedPublisher(new ResponsePublisher(routes, edgeRole, service::routeOutput));
        ingress = new CommandIngress(new CommandIngress.Context()
            .name("ingress-" + config.node())
            .aeron(transport.aeron())
            .endpoint(config.clientEndpoint())
            .sequencer(this::sequence)
            .check(service::checkCommand)
            .maxCommandLength(service.maxCommandLength())
            .routes(routes)
            .role(edgeRole));
        ingress.start();
        member.start();
        inSync.addListener(() -> post(this::tick));
        inSync.start();
        primaryCache.listenable().addListener(CuratorCacheListener.builder()
            .forAll((type, oldData, data) -> post(this::tick)).build());
        primaryCache.start();
        membersCache.start();
        control.scheduleWithFixedDelay(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
        post(() -> rebuild(-1, "started"));
    }

    /** @return where the node stands. */
    public NodeState state()
    {
        return state;
    }

    /** @return the highest epoch this node knows (its own while primary). */
    public long epoch()
    {
        return epoch;
    }

    /**
     * Graceful stop: refuses new commands, lets the pipeline finish what it holds, releases the election so the
     * standby takes over at once, then closes everything. Idempotent; waits up to 20 s.
     */
    @Override
    public void close()
    {
        if (lifecycle.compareAndSet(Lifecycle.LATENT, Lifecycle.CLOSED))
        {
            control.shutdownNow();
            return;
        }
        if (!lifecycle.compareAndSet(Lifecycle.STARTED, Lifecycle.CLOSED))
        {
            return;
        }
        edgeRole.becomeStandby();
        final Future<?> shutdown = control.submit(this::shutDown);
        try
        {
            shutdown.get(CLOSE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        catch (final ExecutionException | TimeoutException ex)
        {
            LOG.warn("{}: shutdown did not complete cleanly: {}", name, ex.toString());
        }
        control.shutdownNow();
    }

    /**
     * Ingress thread, only while primary: sequences one checked client command. A command the pipeline does not take
     * (an IllegalStateException: no pipeline, or a service holding client commands back while its primary hook
     * runs) is refused NOT_PRIMARY, and so is every later command of its session until the session resends from
     * that one: its client has later commands in flight, and taking one of them would apply the session's commands
     * out of order (the refused one, resent, would then be refused for good as SEQUENCE_SKIPPED).
     */
    private long sequence(final DirectBuffer buffer, final int offset, final int length)
    {
        final long sessionId = buffer.getLong(offset + SERVICE_INPUT_SESSION_OFFSET, MessageHeaderDecoder.BYTE_ORDER);
        if (sessionId == 0)
        {
            return publish(buffer, offset, length);
        }
        final long clientSequence = buffer.getLong(offset + CLIENT_SEQUENCE_OFFSET, MessageHeaderDecoder.BYTE_ORDER);
        final long termEpoch = epoch;
        if (termEpoch != refusalsEpoch)
        {
            // Another term: what this node refused before, another primary may have applied since.
            refusedSessions.clear();
            refusalsEpoch = termEpoch;
        }
        final long refusedFrom = refusedFrom(sessionId);
        if (refusedFrom != NONE_REFUSED && clientSequence > refusedFrom)
        {
            throw new IllegalStateException("session " + sessionId + " must resend from " + refusedFrom);
        }
        try
        {
            final long sequence = publish(buffer, offset, length);
            if (refusedFrom != NONE_REFUSED)
            {
                refusedSessions.remove(sessionId);
            }
            return sequence;
        }
        catch (final IllegalStateException ex)
        {
            if (refusedFrom == NONE_REFUSED || clientSequence < refusedFrom)
            {
                if (refusedSessions.size() >= MAX_CLIENT_SESSIONS)
                {
                    refusedSessions.clear();
                }
                refusedSessions.put(sessionId, clientSequence);
            }
            throw ex;
        }
    }

    /** Ingress thread: the lowest refused client sequence of a session still waiting for its resend. */
    private long refusedFrom(final long sessionId)
    {
        return refusedSessions.isEmpty() ? NONE_REFUSED : refusedSessions.get(sessionId);
    }

    private long publish(final DirectBuffer buffer, final int offset, final int length)
    {
        final ServicePipeline current = pipeline;
        if (current == null)
        {
            throw new IllegalStateException("node " + name + " has no pipeline");
        }
        return current.publish(buffer, offset, length);
    }

    /** Any thread, while primary: sequences one input the service generated itself (no client's session). */
    private long publishServiceInput(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < SERVICE_INPUT_MIN_LENGTH)
        {
            throw new IllegalArgumentException("input of " + length + " bytes is shorter than an input frame");
        }
        if (buffer.getLong(offset + SERVICE_INPUT_SESSION_OFFSET, MessageHeaderDecoder.BYTE_ORDER) != 0)
        {
            throw new IllegalArgumentException("a service's own input must carry clientSessionId 0");
        }
        if (!edgeRole.isPrimary())
        {
            throw new IllegalStateException("node " + name + " is not primary");
        }
        return publish(buffer, offset, length);
    }

    /**
     * The one place the state changes; publishes it to the member znode.
     *
     * @return whether the move was allowed.
     */
    private synchronized boolean transition(final NodeState next, final String reason)
    {
        final NodeState previous = state;
        if (!previous.canMoveTo(next))
        {
            LOG.warn("{}: refused move {} -> {} ({})", name, previous, next, reason);
            return false;
        }
        state = next;
        LOG.info("{}: {} -> {} ({})", name, previous, next, reason);
        publishMember();
        return true;
    }

    /** Control thread: a fresh incarnation from the journal's current generation. */
    private void rebuild(final long truncateTo, final String reason)
    {
        if (lifecycle.get() != Lifecycle.STARTED)
        {
            return;
        }
        serviceNotPrimary();
        closeElection();
        closeIncarnation();
        if (state != NodeState.REPLAYING)
        {
            transition(NodeState.REPLAYING, reason);
        }
        final JournalGenerations generations = new JournalGenerations(config.dataDir());
        if (truncateTo >= 0)
        {
            final long kept = generations.truncate(truncateTo, Journal.DEFAULT_ROLL_CYCLE);
            LOG.info("{}: journal truncated to sequence {} ({} inputs kept) in generation {}", name, truncateTo, kept,
                generations.generation());
        }
        replica = new StandbyReplica(new StandbyReplica.Context()
            .name("replica-" + config.node())
            .transport(transport)
            .endpoint(config.host() + ':' + config.replicationPort())
            .listener(sequence -> post(() -> rebuild(sequence, "the primary ordered a truncation to " + sequence))));
        replicator = new Replicator(new Replicator.Context()
            .name("replicator-" + config.node())
            .transport(transport)
            .controlChannel(AeronTransport.udp(config.host(), config.replicationPort()))
            .policy(config.blockOnStandbyLoss() ? StandbyLossPolicy.BLOCK : StandbyLossPolicy.CONTINUE)
            .standbyAckTimeoutMs(2L * config.sessionTimeoutMs())
            .listener(new ReplicationEvents()));
        final ServicePipeline fresh = service.newPipeline(new EnginePipeline.Context()
            .name(service.name() + '-' + config.shard() + '-' + config.node())
            .journalDirectory(generations.journalDirectory())
            .outputPublisher(output)
            .addGate(replicator)
            .journalListener(replica), generations.snapshotDirectory());
        final long recovered = fresh.start();
        pipeline = fresh;
        epoch = Math.max(epoch, fresh.runtime().epoch());
        replica.start(fresh.runtime());
        followedPrimary = null;
        inSyncVersionAtFollow = Integer.MAX_VALUE;
        transition(NodeState.CATCHING_UP, "replayed generation " + generations.generation() + " to sequence "
            + recovered + " (epoch " + fresh.runtime().epoch() + ")");
        tick();
    }

    /** Control thread, every {@value #TICK_MS} ms and on every ZooKeeper change it follows. */
    private void tick()
    {
        if (lifecycle.get() != Lifecycle.STARTED)
        {
            return;
        }
        try
        {
            final NodeState now = state;
            final ServicePipeline current = pipeline;
            if (current != null && current.state() == PipelineState.FAILED)
            {
                recoverFromFailure(now, current);
                return;
            }
            if (now == NodeState.CATCHING_UP || now == NodeState.STANDBY)
            {
                followAndJoin(now);
            }
            else if (now == NodeState.PRIMARY)
            {
                watchStandby();
            }
            campaignWhenEligible();
            snapshotWhenDue();
            publishMember();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        catch (final Exception ex)
        {
            LOG.warn("{}: tick failed: {}", name, ex.toString());
        }
    }

    /**
     * Control thread: a stage of the pipeline threw (a stale epoch refused by the journaller, a replicator that may no
     * longer let outputs out): the state may be half-changed, so the incarnation is rebuilt from the journal.
     */
    private void recoverFromFailure(final NodeState now, final ServicePipeline failed)
    {
        final String reason = "pipeline failed: " + failed.runtime().failure();
        if (now == NodeState.PRIMARY)
        {
            edgeRole.becomeStandby();
            serviceNotPrimary();
            transition(NodeState.FENCED, reason);
        }
        rebuild(-1, reason);
    }

    /** Control thread: follows the primary with the replica; becomes STANDBY once listed in sync (or leaves it). */
    private void followAndJoin(final NodeState now) throws Exception
    {
        final PrimaryInfo primary = currentPrimary();
        final boolean otherPrimary = primary != null && !primary.node().equals(config.node());
        if (otherPrimary)
        {
            epoch = Math.max(epoch, primary.epoch());
            replica.fence(primary.epoch());
            final String key = primary.node() + '@' + primary.epoch();
            if (!key.equals(followedPrimary))
            {
                inSyncVersionAtFollow = inSync.readVersion();
                replica.follow(AeronTransport.udp(config.peerHost(), config.peerReplicationPort()));
                followedPrimary = key;
                markCatchUpProgress();
                LOG.info("{}: following primary {} of epoch {} (in-sync version {})", name, primary.node(),
                    primary.epoch(), inSyncVersionAtFollow);
            }
            else if (now == NodeState.CATCHING_UP && rebuildWhenStalled())
            {
                return;
            }
        }
        final Set<String> listed = inSync.members();
        final boolean eligible;
        if (otherPrimary)
        {
            eligible = listed.contains(config.node()) && inSync.version() > inSyncVersionAtFollow;
        }
        else if (primary == null)
        {
            eligible = listed.contains(config.node())
                || inSync.version() < 0 && inSync.read() == null && inSync.bootstrap(config.node());
        }
        else
        {
            eligible = false;
        }
        if (now == NodeState.CATCHING_UP && eligible)
        {
            transition(NodeState.STANDBY, otherPrimary ? "listed in sync by " + primary.node()
                : "listed in sync with no primary");
        }
        else if (now == NodeState.STANDBY && !eligible && otherPrimary)
        {
            transition(NodeState.CATCHING_UP, "no longer listed in sync");
        }
    }

    private void markCatchUpProgress()
    {
        catchUpSequence = pipeline.runtime().publishedSequence();
        catchUpProgressNs = System.nanoTime();
    }

    /**
     * Control thread, catching up: when no input has arrived for {@value #CATCH_UP_STALL_MS} ms while the node is
     * not yet in sync, the catch-up is stuck (the primary's replicator treats the replica's repeated request as one
     * it already serves, while the replica waits for inputs that never came), so the node starts a fresh
     * incarnation, whose replica is a new session with a new request.
     *
     * @return whether it rebuilt.
     */
    private boolean rebuildWhenStalled()
    {
        final long published = pipeline.runtime().publishedSequence();
        if (published != catchUpSequence)
        {
            markCatchUpProgress();
            return false;
        }
        if (System.nanoTime() - catchUpProgressNs <= TimeUnit.MILLISECONDS.toNanos(CATCH_UP_STALL_MS))
        {
            return false;
        }
        LOG.warn("{}: catching up made no progress for {} ms at sequence {}; starting a new replica session", name,
            CATCH_UP_STALL_MS, published);
        rebuild(-1, "catch-up stalled at sequence " + published);
        return true;
    }

    /** Control thread, primary: tells the replicator at once when the standby's member znode has gone. */
    private void watchStandby()
    {
        final boolean present = otherMember().isPresent();
        if (standbyPresent && !present)
        {
            replicator.standbyLeft();
        }
        standbyPresent = present;
    }

    /** Control thread: only a STANDBY (listed in sync) campaigns; the PRIMARY keeps its election. */
    private void campaignWhenEligible()
    {
        final NodeState now = state;
        if (now == NodeState.STANDBY && election == null)
        {
            election = PrimaryElection.create(client, config.service(), config.shard(), config.node(),
                config.clientEndpoint(), new ElectionEvents());
            output.gateOn(election);
            election.start();
            LOG.info("{}: campaigning", name);
        }
        else if (now != NodeState.STANDBY && now != NodeState.PRIMARY && election != null)
        {
            closeElection();
        }
    }

    /** Control thread: bounds replay time with a snapshot every {@value #SNAPSHOT_EVERY_INPUTS} inputs. */
    private void snapshotWhenDue()
    {
        final ServicePipeline current = pipeline;
        final NodeState now = state;
        if (current != null && (now == NodeState.PRIMARY || now == NodeState.STANDBY)
            && current.outputSequence() - current.lastSnapshotSequence() >= SNAPSHOT_EVERY_INPUTS)
        {
            current.requestSnapshot();
        }
    }

    /** Control thread: the election says this node won {@code newEpoch}. */
    private void promote(final long newEpoch, final PrimaryElection from)
    {
        if (from != election || state != NodeState.STANDBY || lifecycle.get() != Lifecycle.STARTED)
        {
            LOG.info("{}: ignored a win of epoch {} in state {}", name, newEpoch, state);
            return;
        }
        final long startNs = System.nanoTime();
        replica.promote(newEpoch);
        final EnginePipeline runtime = pipeline.runtime();
        drain(runtime);
        runtime.epoch(newEpoch);
        epoch = newEpoch;
        final long drainedNs = System.nanoTime();
        try
        {
            if (!inSync.replace(Set.of(config.node()), newEpoch))
            {
                LOG.warn("{}: the in-sync set holds a newer epoch than {}; stepping down", name, newEpoch);
                post(() -> fence("in-sync set written by a newer epoch", from));
                return;
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return;
        }
        catch (final Exception ex)
        {
            LOG.warn("{}: could not write the in-sync set: {}; stepping down", name, ex.toString());
            post(() -> fence("in-sync set not written", from));
            return;
        }
        final long inSyncNs = System.nanoTime();
        replicator.lead(runtime);
        final long ledNs = System.nanoTime();
        standbyPresent = otherMember().isPresent();
        if (!from.isPrimary())
        {
            LOG.warn("{}: lost the lease while promoting to epoch {}", name, newEpoch);
            post(() -> fence("lost the lease while promoting", from));
        }
        edgeRole.becomePrimary(newEpoch);
        transition(NodeState.PRIMARY, "won epoch " + newEpoch + " at sequence " + runtime.publishedSequence()
            + "; drained in " + micros(drainedNs - startNs) + " us, in-sync set written in "
            + micros(inSyncNs - drainedNs) + " us, replicator leading in " + micros(ledNs - inSyncNs) + " us");
        servicePrimary = true;
        try
        {
            service.onPrimary(newEpoch, this::publishServiceInput);
        }
        catch (final RuntimeException ex)
        {
            LOG.warn("{}: the service's primary hook failed: {}", name, ex.toString());
        }
    }

    /** Control thread: tells the service, once per {@link ReplicatedService#onPrimary}, that it is primary no more. */
    private void serviceNotPrimary()
    {
        if (!servicePrimary)
        {
            return;
        }
        servicePrimary = false;
        try
        {
            service.onNotPrimary();
        }
        catch (final RuntimeException ex)
        {
            LOG.warn("{}: the service's not-primary hook failed: {}", name, ex.toString());
        }
    }

    /** Control thread: no longer primary; rebuild as a standby. */
    private void fence(final String reason, final PrimaryElection from)
    {
        if (state != NodeState.PRIMARY || from != election)
        {
            return;
        }
        edgeRole.becomeStandby();
        serviceNotPrimary();
        transition(NodeState.FENCED, reason);
        rebuild(-1, "fenced: " + reason);
    }

    /** Control thread, once, on close. */
    private void shutDown()
    {
        serviceNotPrimary();
        final ServicePipeline current = pipeline;
        if (current != null && state == NodeState.PRIMARY)
        {
            drain(current.runtime());
        }
        closeElection();
        closeIncarnation();
        closeQuietly(ingress);
        closeQuietly(routes);
        primaryCache.close();
        membersCache.close();
        inSync.close();
        transition(NodeState.CLOSED, "closed");
        member.close();
        transport.close();
    }

    /** Waits (bounded) until every input handed to the pipeline has passed its output stage. */
    private void drain(final EnginePipeline runtime)
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DRAIN_TIMEOUT_MS);
        while (runtime.outputSequence() < runtime.publishedSequence() && System.nanoTime() - deadlineNs < 0)
        {
            try
            {
                Thread.sleep(1);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (runtime.outputSequence() < runtime.publishedSequence())
        {
            LOG.warn("{}: {} inputs still in flight after {} ms", name,
                runtime.publishedSequence() - runtime.outputSequence(), DRAIN_TIMEOUT_MS);
        }
    }

    private void closeElection()
    {
        final PrimaryElection current = election;
        election = null;
        if (output != null)
        {
            output.gateOn(null);
        }
        if (current != null)
        {
            current.close();
        }
    }

    private void closeIncarnation()
    {
        if (replica != null && pipeline != null)
        {
            LOG.info("{}: stale-epoch frames refused: {} by the replica, {} by the journal; outputs held back while "
                + "not primary: {}", name, replica.staleEpochRefused(), pipeline.runtime().staleEpochRefused(),
                output.fencedDrops());
        }
        closeQuietly(replica);
        replica = null;
        closeQuietly(replicator);
        replicator = null;
        final ServicePipeline current = pipeline;
        pipeline = null;
        if (current != null)
        {
            current.close();
        }
    }

    private PrimaryInfo currentPrimary()
    {
        return primaryCache.get(primaryPath)
            .map(ChildData::getData)
            .filter(data -> data != null && data.length > 0)
            .map(PrimaryInfo::fromJson)
            .orElse(null);
    }

    private Optional<MemberInfo> memberOf(final String node)
    {
        return membersCache.get(membersPath + '/' + node)
            .map(ChildData::getData)
            .filter(data -> data != null && data.length > 0)
            .map(MemberInfo::fromJson);
    }

    /** @return the other node of the pair, when its member znode exists. */
    private Optional<String> otherMember()
    {
        return membersCache.stream()
            .map(ChildData::getPath)
            .filter(path -> path.startsWith(membersPath + '/'))
            .map(path -> path.substring(membersPath.length() + 1))
            .filter(node -> !node.equals(config.node()))
            .findFirst();
    }

    private void publishMember()
    {
        if (lifecycle.get() == Lifecycle.LATENT)
        {
            return;
        }
        final ServicePipeline current = pipeline;
        final long applied = current == null ? 0 : Math.max(0, current.outputSequence());
        long lag = 0;
        if (state != NodeState.PRIMARY)
        {
            final PrimaryInfo primary = currentPrimary();
            if (primary != null && !primary.node().equals(config.node()))
            {
                lag = memberOf(primary.node()).map(info -> Math.max(0, info.appliedSeq() - applied)).orElse(0L);
            }
        }
        member.publish(new MemberInfo(config.node(), state.role(), epoch, config.clientEndpoint(), applied, lag));
    }

    private static long micros(final long nanos)
    {
        return TimeUnit.NANOSECONDS.toMicros(nanos);
    }

    private void post(final Runnable task)
    {
        if (lifecycle.get() != Lifecycle.STARTED)
        {
            return;
        }
        try
        {
            control.execute(task);
        }
        catch (final RejectedExecutionException ex)
        {
            LOG.debug("{}: closed; dropped a task", name);
        }
    }

    private void closeQuietly(final AutoCloseable closeable)
    {
        if (closeable == null)
        {
            return;
        }
        try
        {
            closeable.close();
        }
        catch (final Exception ex)
        {
            LOG.warn("{}: closing {} failed: {}", name, closeable.getClass().getSimpleName(), ex.toString());
        }
    }

    /** The election's callbacks: hand the work to the control thread; losing the role stops sequencing at once. */
    private final class ElectionEvents implements PrimaryListener
    {
        @Override
        public void onPrimary(final long wonEpoch)
        {
            final PrimaryElection from = election;
            post(() -> promote(wonEpoch, from));
        }

        @Override
        public void onFollower(final PrimaryInfo primaryOrNull)
        {
            post(ReplicatedNode.this::tick);
        }

        @Override
        public void onNotPrimary(final String reason)
        {
            edgeRole.becomeStandby();
            final PrimaryElection from = election;
            post(() -> fence(reason, from));
        }
    }

    /** The replicator's callbacks (primary side): keep the in-sync set, step down on a newer epoch. */
    private final class ReplicationEvents implements ReplicatorListener
    {
        @Override
        public void onStandbyInSync(final long replicaSessionId, final long sequence)
        {
            post(() -> updateInSync(true, "standby session " + replicaSessionId + " in sync at " + sequence));
        }

        @Override
        public void onStandbyOutOfSync(final long replicaSessionId, final String reason)
        {
            post(() -> updateInSync(false, "standby session " + replicaSessionId + " dropped: " + reason));
        }

        @Override
        public void onNewerEpochSeen(final long newerEpoch)
        {
            edgeRole.becomeStandby();
            final PrimaryElection from = election;
            post(() -> fence("a standby knows epoch " + newerEpoch, from));
        }
    }

    /** Control thread, primary: lists the standby in sync, or the primary alone. */
    private void updateInSync(final boolean standbyInSync, final String reason)
    {
        if (state != NodeState.PRIMARY)
        {
            return;
        }
        try
        {
            final Optional<String> other = otherMember();
            final boolean written = standbyInSync && other.isPresent()
                ? inSync.add(other.get(), epoch)
                : inSync.replace(Set.of(config.node()), epoch);
            LOG.info("{}: in-sync set {} ({})", name, written ? "updated" : "NOT updated (newer epoch)", reason);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        catch (final Exception ex)
        {
            LOG.warn("{}: could not update the in-sync set ({}): {}", name, reason, ex.toString());
        }
    }
}
