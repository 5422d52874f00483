package io.tickkeeper.matching.client;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import io.aeron.Aeron;
import io.tickkeeper.matching.InstrumentSpec;
import io.tickkeeper.node.edge.CommandIngress;
import io.tickkeeper.node.edge.EdgeRole;
import io.tickkeeper.node.edge.ResponsePublisher;
import io.tickkeeper.node.edge.ResponseRoutes;
import io.tickkeeper.matching.service.MatchingCommandAdapter;
import io.tickkeeper.matching.service.MatchingPipeline;
import io.tickkeeper.protocol.sbe.MessageHeaderDecoder;
import io.tickkeeper.protocol.sbe.OrderAcceptedDecoder;
import io.tickkeeper.runtime.EnginePipeline;
import io.tickkeeper.runtime.InputGate;
import io.tickkeeper.runtime.OutputPublisher;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;

/**
 * One engine node's client edge for tests: a MatchingPipeline whose outputs go through a mutable switch to a
 * ResponsePublisher, a CommandIngress on a loopback endpoint and the node's role. Its inputs can be teed to another
 * harness's pipeline (what a standby would be fed), before this one's outputs may leave.
 */
final class EdgeHarness implements AutoCloseable
{
    static final InstrumentSpec[] INSTRUMENTS = {new InstrumentSpec(1, 1, 1, 1, 1_000_000, 10_000, 10_000)};
    private static final long TIMEOUT_NS = TimeUnit.SECONDS.toNanos(30);

    final EdgeRole role = new EdgeRole();
    final ResponseRoutes routes;
    final ResponsePublisher responses;
    final MatchingPipeline pipeline;
    final CommandIngress ingress;
    final String endpoint;
    /** Order ids of the OrderAccepted outputs swallowed while muted, by client sequence. */
    final Map<Long, Long> mutedAcceptedOrderIds = new ConcurrentHashMap<>();
    private volatile boolean muted;
    private volatile MatchingPipeline replica;

    EdgeHarness(final String name, final Aeron aeron, final int port, final long epoch, final Path directory)
    {
        endpoint = "127.0.0.1:" + port;
        routes = new ResponseRoutes(aeron, 64);
        responses = new ResponsePublisher(routes, role);
        final EnginePipeline.Context runtime = new EnginePipeline.Context()
            .name(name)
            .epoch(epoch)
            .journalDirectory(directory.resolve(name + "-journal"))
            .outputPublisher(new Switch())
            .addGate(new Tee());
        pipeline = new MatchingPipeline(INSTRUMENTS, runtime, directory.resolve(name + "-snapshots"));
        ingress = new CommandIngress(new CommandIngress.Context()
            .name(name)
            .aeron(aeron)
            .endpoint(endpoint)
            .sequencer(pipeline::publish)
            .check(MatchingCommandAdapter::check)
            .routes(routes)
            .role(role));
    }

    void start()
    {
        pipeline.start();
        ingress.start();
    }

    /** @param standby the harness whose pipeline gets every input of this one from now on; null for none. */
    void replicateTo(final EdgeHarness standby)
    {
        replica = standby == null ? null : standby.pipeline;
    }

    void mute(final boolean muted)
    {
        this.muted = muted;
    }

    @Override
    public void close()
    {
        CloseHelper.closeAll(ingress, pipeline, routes);
    }

    static void await(final String what, final BooleanSupplier condition)
    {
        final long deadlineNs = System.nanoTime() + TIMEOUT_NS;
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadlineNs)
            {
                throw new AssertionError("timed out waiting until " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    /** Passes outputs to the response publisher unless muted; notes the accepted orders it swallows. */
    private final class Switch implements OutputPublisher
    {
        private final MessageHeaderDecoder header = new MessageHeaderDecoder();
        private final OrderAcceptedDecoder accepted = new OrderAcceptedDecoder();

        @Override
        public void onOutput(final long sequence, final DirectBuffer buffer, final int offset, final int length)
        {
            if (!muted)
            {
                responses.onOutput(sequence, buffer, offset, length);
                return;
            }
            header.wrap(buffer, offset);
            if (header.templateId() == OrderAcceptedDecoder.TEMPLATE_ID)
            {
                accepted.wrapAndApplyHeader(buffer, offset, header);
                mutedAcceptedOrderIds.put(accepted.frame().clientSequence(), accepted.orderId());
            }
        }
    }

    /** Hands every input to the replica, if any, before this pipeline's outputs may leave (replication's stand-in). */
    private final class Tee implements InputGate
    {
        @Override
        public void onInput(
            final long sequence, final DirectBuffer buffer, final int offset, final int length,
            final boolean endOfBatch)
        {
            final MatchingPipeline target = replica;
            if (target != null)
            {
                target.publish(buffer, offset, length);
            }
        }
    }
}
