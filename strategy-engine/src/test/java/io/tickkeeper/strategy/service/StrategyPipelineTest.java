package io.tickkeeper.strategy.service;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.tickkeeper.protocol.sbe.MessageHeaderDecoder;
import io.tickkeeper.protocol.sbe.RiskCancelOrderDecoder;
import io.tickkeeper.protocol.sbe.RiskNewOrderDecoder;
import io.tickkeeper.protocol.sbe.RiskReplaceOrderDecoder;
import io.tickkeeper.runtime.EnginePipeline;
import io.tickkeeper.runtime.OutputPublisher;
import io.tickkeeper.runtime.PipelineState;
import io.tickkeeper.strategy.BotSpec;
import io.tickkeeper.strategy.ThrowsOnThirdTick;
import io.tickkeeper.strategy.StrategyLoader;
import io.tickkeeper.strategy.bots.MarketMaker;
import io.tickkeeper.strategy.bots.MomentumTaker;
import io.tickkeeper.strategy.bots.NoiseTrader;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The strategy engine behind the live pipeline, with a real journal: a twin, a replay and a snapshot agree. */
class StrategyPipelineTest
{
    private static final int INPUTS = 3_000;
    private static final long SEED = 20_261_125L;
    private static final List<BotSpec> BOTS = List.of(
        new BotSpec("mm", MarketMaker.class.getName(), null, InputScript.MM_ACCOUNT, 1, Map.of("size", "4")),
        new BotSpec("noise", NoiseTrader.class.getName(), null, InputScript.NOISE_ACCOUNT, 99,
            Map.of("ratePerSecond", "8", "maxOpenOrders", "12")),
        new BotSpec("mom", MomentumTaker.class.getName(), null, InputScript.MOMENTUM_ACCOUNT, 5,
            Map.of("fast", "3", "slow", "8")));

    @TempDir
    Path dir;

    @Test
    void shouldGiveTwoPipelinesFedTheSameInputsTheSameStateAndTheSameOutputs()
    {
        final List<byte[]> script = new InputScript().build(SEED, INPUTS);
        final List<byte[]> firstOutputs = Collections.synchronizedList(new ArrayList<>());
        final List<byte[]> secondOutputs = Collections.synchronizedList(new ArrayList<>());

        final long first = runLive(dir.resolve("a"), script, firstOutputs, -1);
        final long second = runLive(dir.resolve("b"), script, secondOutputs, -1);

        assertThat(second).isEqualTo(first);
        assertThat(firstOutputs).hasSizeGreaterThan(50);
        assertThat(secondOutputs).hasSameSizeAs(firstOutputs);
        for (int i = 0; i < firstOutputs.size(); i++)
        {
            assertThat(secondOutputs.get(i)).as("output " + i).isEqualTo(firstOutputs.get(i));
        }
        assertThat(templates(firstOutputs)).contains(RiskNewOrderDecoder.TEMPLATE_ID)
            .containsAnyOf(RiskCancelOrderDecoder.TEMPLATE_ID, RiskReplaceOrderDecoder.TEMPLATE_ID)
            .allMatch(template -> template >= RiskNewOrderDecoder.TEMPLATE_ID &&
                template <= RiskReplaceOrderDecoder.TEMPLATE_ID);
    }

    @Test
    void shouldReplayTheJournalToTheLiveStateAndRecoverFromASnapshotPlusTheJournalTail()
    {
        final List<byte[]> script = new InputScript().build(SEED + 1, INPUTS);
        final Path live = dir.resolve("live");
        final long liveHash = runLive(live, script, Collections.synchronizedList(new ArrayList<>()), INPUTS / 3);

        final StrategyPipeline replayed = pipeline(live.resolve("journal"), dir.resolve("no-snapshots"), DISCARD);
        try (replayed)
        {
            assertThat(replayed.start()).isEqualTo(INPUTS);
            assertThat(replayed.lastSnapshotSequence()).isZero();
        }
        assertThat(replayed.stateHash()).as("journal replay from the start").isEqualTo(liveHash);

        final StrategyPipeline recovered = pipeline(live.resolve("journal"), live.resolve("snapshots"), DISCARD);
        try (recovered)
        {
            assertThat(recovered.start()).isEqualTo(INPUTS);
            assertThat(recovered.lastSnapshotSequence()).isBetween((long)INPUTS / 3, (long)INPUTS);
        }
        assertThat(recovered.stateHash()).as("snapshot + journal tail").isEqualTo(liveHash);
    }

    @Test
    void shouldRefuseBytesThatAreNotAStrategyInputWithoutSequencingThem()
    {
        final StrategyPipeline pipeline = pipeline(dir.resolve("j"), dir.resolve("s"), DISCARD);
        try (pipeline)
        {
            pipeline.start();
            final UnsafeBuffer bogus = new UnsafeBuffer(new byte[64]);
            bogus.putShort(2, (short)501, MessageHeaderDecoder.BYTE_ORDER);
            assertThatThrownBy(() -> pipeline.publish(bogus, 0, 64))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a strategy input: template 501");
            assertThat(pipeline.runtime().publishedSequence()).isZero();
        }
    }

    @Test
    void shouldKeepThePipelineRunningWhenAStrategyThrows()
    {
        final List<BotSpec> bots = List.of(
            new BotSpec("bad", ThrowsOnThirdTick.class.getName(), null, 1, 1, Map.of()),
            new BotSpec("mm", MarketMaker.class.getName(), null, 2, 1, Map.of()));
        final StrategyInputEncoder encoder = new StrategyInputEncoder();
        final UnsafeBuffer input = new UnsafeBuffer(new byte[StrategyInputEncoder.MAX_LENGTH]);
        final StrategyPipeline pipeline = new StrategyPipeline(bots, new StrategyLoader()::load,
            new StrategyPipeline.Settings(),
            new EnginePipeline.Context().name("strategy-throws").journalDirectory(dir.resolve("journal"))
                .outputPublisher(DISCARD),
            dir.resolve("snapshots"));
        try (pipeline)
        {
            pipeline.start();
            for (int i = 1; i <= 5; i++)
            {
                pipeline.publish(input, 0, encoder.marketTick(input, 0, i, 1, 10_000 + i, 1, i, (short)0));
            }
            Await.until("every tick is out", () -> pipeline.outputSequence() == 5);
            assertThat(pipeline.state()).isEqualTo(PipelineState.RUNNING);
        }
        assertThat(pipeline.engine().enabled("bad")).isFalse();
        assertThat(pipeline.engine().failures("bad")).isEqualTo(1);
        assertThat(pipeline.engine().enabled("mm")).isTrue();
    }

    private static final OutputPublisher DISCARD = (sequence, buffer, offset, length) ->
    {
    };

    private long runLive(final Path root, final List<byte[]> script, final List<byte[]> outputs, final int snapshotAt)
    {
        final OutputPublisher collect = (sequence, buffer, offset, length) ->
        {
            final byte[] bytes = new byte[length];
            buffer.getBytes(offset, bytes);
            outputs.add(bytes);
        };
        final StrategyPipeline pipeline = pipeline(root.resolve("journal"), root.resolve("snapshots"), collect);
        try (pipeline)
        {
            assertThat(pipeline.start()).isZero();
            final UnsafeBuffer buffer = new UnsafeBuffer(new byte[0]);
            for (int i = 0; i < script.size(); i++)
            {
                buffer.wrap(script.get(i));
                pipeline.publish(buffer, 0, script.get(i).length);
                if (i == snapshotAt)
                {
                    final long published = i + 1;
                    Await.until("the logic caught up", () -> pipeline.outputSequence() == published);
                    pipeline.requestSnapshot();
                }
            }
            Await.until("every input is out", () -> pipeline.outputSequence() == script.size());
            if (snapshotAt >= 0)
            {
                Await.until("the snapshot is written", () -> pipeline.lastSnapshotSequence() > 0);
            }
        }
        return pipeline.stateHash();
    }

    private static StrategyPipeline pipeline(final Path journal, final Path snapshots, final OutputPublisher out)
    {
        return new StrategyPipeline(BOTS, new StrategyLoader()::load,
            new StrategyPipeline.Settings().riskSessionId(77).maxInstruments(8),
            new EnginePipeline.Context().name("strategy-test").journalDirectory(journal).outputPublisher(out),
            snapshots);
    }

    private static List<Integer> templates(final List<byte[]> outputs)
    {
        final List<Integer> templates = new ArrayList<>();
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        for (final byte[] output : outputs)
        {
            header.wrap(new UnsafeBuffer(output), 0);
            templates.add(header.templateId());
        }
        return templates;
    }
}
