package io.tickkeeper.strategy.service;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import io.tickkeeper.node.ServicePipeline;
import io.tickkeeper.runtime.EnginePipeline;
import io.tickkeeper.runtime.PipelineState;
import io.tickkeeper.strategy.BotSpec;
import io.tickkeeper.strategy.Strategy;
import io.tickkeeper.strategy.StrategyEngine;
import org.agrona.DirectBuffer;

/**
 * The strategy engine as a running service, wired in one place:
 * <pre>
 *   publish(input 701-705) -&gt; check -&gt; EnginePipeline ring -+- journaller (Chronicle Queue)
 *                                                        +- StrategyInputAdapter -&gt; StrategyEngine (bots)
 *                                                        |     -&gt; RiskCommandEncoder -&gt; slot's output area
 *                                                        +-&gt; output stage (after both) -&gt; OutputPublisher
 *                                                              (RiskNewOrder / RiskCancelOrder / RiskReplaceOrder)
 *   snapshots: StrategySnapshotCodec &lt;-&gt; SnapshotStore; start() = newest snapshot + journal tail
 * </pre>
 * Every input is one the primary sequenced itself (a feed tick, a risk event about a bot's order, a timer tick, a
 * parameter change): no client sends commands to this engine, so it has no session table; its own commands carry
 * the idempotency key the risk manager deduplicates on. The engine's state belongs to the pipeline's logic thread
 * while the pipeline runs. It is the {@link ServicePipeline} a replicated node runs for
 * {@link io.tickkeeper.strategy.node.StrategyService}.
 */
public final class StrategyPipeline implements ServicePipeline
{
    private final StrategyEngine engine;
    private final EnginePipeline pipeline;

    /**
     * Builds the engine (loading and starting every bot's strategy) and the pipeline; nothing runs until
     * {@link #start()}.
     *
     * @param bots              the bots.
     * @param factory           makes a bot's strategy, usually {@link io.tickkeeper.strategy.StrategyLoader#load}.
     * @param settings          the engine's limits and its session with the risk manager.
     * @param runtime           the runtime settings (journal directory, output publisher, name, ...); this class
     *                          sets its input handler and snapshotter.
     * @param snapshotDirectory where the snapshots live.
     */
    public StrategyPipeline(
        final List<BotSpec> bots, final Function<BotSpec, Strategy> factory, final Settings settings,
        final EnginePipeline.Context runtime, final Path snapshotDirectory)
    {
        final RiskCommandEncoder commands = new RiskCommandEncoder(settings.riskSessionId);
        engine = new StrategyEngine(bots, factory, settings.maxInstruments, settings.maxOpenOrders, commands);
        pipeline = new EnginePipeline(runtime
            .maxInputLength(Math.max(StrategyInputEncoder.MAX_LENGTH, EnginePipeline.Context.DEFAULT_MAX_INPUT_LENGTH))
            .inputHandler(new StrategyInputAdapter(engine, commands))
            .snapshots(new StrategySnapshotCodec(engine), snapshotDirectory));
    }

    /**
     * Restores the newest snapshot, replays the journal after it, then starts taking inputs.
     *
     * @return the sequence of the last input recovered.
     */
    @Override
    public long start()
    {
        return pipeline.start();
    }

    /**
     * Checks and sequences one input (encoded with {@link StrategyInputEncoder}). Thread-safe.
     *
     * @return the input's sequence.
     * @throws IllegalArgumentException when the bytes are not a valid strategy input; nothing is sequenced.
     */
    @Override
    public long publish(final DirectBuffer buffer, final int offset, final int length)
    {
        StrategyInputAdapter.check(buffer, offset, length);
        return pipeline.publish(buffer, offset, length);
    }

    /** Asks for a snapshot after the next input; see {@link EnginePipeline#requestSnapshot()}. */
    @Override
    public void requestSnapshot()
    {
        pipeline.requestSnapshot();
    }

    /** @return the sequence of the newest snapshot written or recovered from, 0 when there is none. */
    @Override
    public long lastSnapshotSequence()
    {
        return pipeline.lastSnapshotSequence();
    }

    /** @return the sequence of the last input whose outputs were published. */
    @Override
    public long outputSequence()
    {
        return pipeline.outputSequence();
    }

    /** @return the pipeline's state. */
    @Override
    public PipelineState state()
    {
        return pipeline.state();
    }

    /**
     * @return the hash of the engine's whole state; only while the pipeline does not run (before start, or after
     *         close).
     * @throws IllegalStateException while the pipeline runs: the state belongs to its logic thread.
     */
    @Override
    public long stateHash()
    {
        return engine().stateHash();
    }

    /**
     * @return the engine, to read its state; only while the pipeline does not run.
     * @throws IllegalStateException while the pipeline runs.
     */
    public StrategyEngine engine()
    {
        if (pipeline.state() == PipelineState.RUNNING)
        {
            throw new IllegalStateException("the engine's state is read only while the pipeline is not running");
        }
        return engine;
    }

    /** @return the engine runtime underneath, for the replicated node (replicator, standby, epoch). */
    @Override
    public EnginePipeline runtime()
    {
        return pipeline;
    }

    @Override
    public void close()
    {
        pipeline.close();
    }

    /** The engine's limits and its identity towards the risk manager. */
    public static final class Settings
    {
        private long riskSessionId = 1;
        private int maxInstruments = StrategyEngine.DEFAULT_MAX_INSTRUMENTS;
        private int maxOpenOrders = StrategyEngine.DEFAULT_MAX_OPEN_ORDERS;

        /** @param riskSessionId the clientSessionId of the engine's commands; the same on primary and standby. */
        public Settings riskSessionId(final long riskSessionId)
        {
            if (riskSessionId == 0)
            {
                throw new IllegalArgumentException("riskSessionId must not be 0 (0 means not a client's command)");
            }
            this.riskSessionId = riskSessionId;
            return this;
        }

        /** @param maxInstruments instruments are 1..maxInstruments. */
        public Settings maxInstruments(final int maxInstruments)
        {
            this.maxInstruments = maxInstruments;
            return this;
        }

        /** @param maxOpenOrders the most open orders one bot may have. */
        public Settings maxOpenOrders(final int maxOpenOrders)
        {
            this.maxOpenOrders = maxOpenOrders;
            return this;
        }
    }
}
