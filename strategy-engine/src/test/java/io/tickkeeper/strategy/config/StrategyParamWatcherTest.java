package io.tickkeeper.strategy.config;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.tickkeeper.runtime.EnginePipeline;
import io.tickkeeper.strategy.BotSpec;
import io.tickkeeper.strategy.StrategyLoader;
import io.tickkeeper.strategy.bots.MarketMaker;
import io.tickkeeper.strategy.service.StrategyInputEncoder;
import io.tickkeeper.strategy.service.StrategyPipeline;
import org.agrona.ExpandableArrayBuffer;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Live parameters from a real ZooKeeper server, through the watcher, into the pipeline as sequenced inputs. */
class StrategyParamWatcherTest
{
    private static final String SPREAD = StrategyParamWatcher.ROOT + "/mm/spread";

    @TempDir
    Path dir;

    @Test
    void shouldTurnSetChangedAndDeletedZnodesIntoParameterInputsOfTheBot() throws Exception
    {
        final Path data = Files.createDirectories(dir.resolve("zk"));
        final List<BotSpec> bots = List.of(
            new BotSpec("mm", MarketMaker.class.getName(), null, 5, 1, Map.of("spread", "10")));
        final BlockingQueue<String> seen = new LinkedBlockingQueue<>();
        final StrategyInputEncoder encoder = new StrategyInputEncoder();
        final ExpandableArrayBuffer input = new ExpandableArrayBuffer(StrategyInputEncoder.MAX_LENGTH);
        final StrategyPipeline pipeline = new StrategyPipeline(bots, new StrategyLoader()::load,
            new StrategyPipeline.Settings(),
            new EnginePipeline.Context().name("strategy-params").journalDirectory(dir.resolve("journal"))
                .outputPublisher((sequence, buffer, offset, length) ->
                {
                }),
            dir.resolve("snapshots"));
        try (TestingServer server = new TestingServer(
            new InstanceSpec(data.toFile(), -1, -1, -1, true, -1, 200, -1), true);
            CuratorFramework client = CuratorFrameworkFactory.newClient(
                server.getConnectString(), 5_000, 3_000, new RetryOneTime(100));
            pipeline)
        {
            client.start();
            assertThat(client.blockUntilConnected(10, TimeUnit.SECONDS)).isTrue();
            client.create().creatingParentsIfNeeded().forPath(SPREAD, bytes("12"));
            pipeline.start();
            final long[] timestampNs = {0};
            try (StrategyParamWatcher watcher = new StrategyParamWatcher(client, (bot, key, value) ->
            {
                synchronized (encoder)
                {
                    final int length = encoder.parameter(input, 0, ++timestampNs[0], bot, key, value);
                    pipeline.publish(input, 0, length);
                }
                seen.add(bot + "/" + key + "=" + value);
            }))
            {
                watcher.start();
                assertThat(seen.poll(10, TimeUnit.SECONDS)).as("a value stored before start").isEqualTo("mm/spread=12");

                client.setData().forPath(SPREAD, bytes(" \"14\" "));
                assertThat(seen.poll(10, TimeUnit.SECONDS)).isEqualTo("mm/spread=14");

                client.create().forPath(StrategyParamWatcher.ROOT + "/mm/size", bytes("0"));
                assertThat(seen.poll(10, TimeUnit.SECONDS)).isEqualTo("mm/size=0");

                client.delete().forPath(SPREAD);
                assertThat(seen.poll(10, TimeUnit.SECONDS)).isEqualTo("mm/spread=null");

                client.setData().forPath(StrategyParamWatcher.ROOT + "/mm", bytes("not a parameter"));
                client.create().forPath(StrategyParamWatcher.ROOT + "/mm/size/deeper", bytes("1"));
                client.setData().forPath(StrategyParamWatcher.ROOT + "/mm/size", bytes("7"));
                assertThat(seen.poll(10, TimeUnit.SECONDS)).as("other depths are ignored").isEqualTo("mm/size=7");
            }
            final long inputs = 5;
            assertThat(pipeline.runtime().publishedSequence()).isEqualTo(inputs);
            final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (pipeline.outputSequence() < inputs)
            {
                assertThat(System.nanoTime()).as("every parameter input applied in time").isLessThan(deadlineNs);
                Thread.sleep(1);
            }
        }
        assertThat(pipeline.engine().bot("mm").parameters().get("spread")).as("back to the configured value")
            .isEqualTo("10");
        assertThat(pipeline.engine().bot("mm").parameters().get("size")).isEqualTo("7");
        assertThat(pipeline.engine().refusedParameters("mm")).as("size 0 is refused").isEqualTo(1);
        assertThat(pipeline.engine().enabled("mm")).isTrue();
    }

    private static byte[] bytes(final String text)
    {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
