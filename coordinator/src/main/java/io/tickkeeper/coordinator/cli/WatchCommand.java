package io.tickkeeper.coordinator.cli;

import java.io.PrintWriter;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.apache.curator.framework.state.ConnectionStateListener;

import io.tickkeeper.coordinator.ZkPaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code tickctl watch}: a live stream of election, membership, config and lock events, one line each, from one
 * Curator {@link CuratorCache} on {@link ZkPaths#ROOT}.
 */
@Command(name = "watch",
    description = "Stream election, membership, config and lock events under " + ZkPaths.ROOT
        + ", one line each, until Ctrl-C or --duration-s.")
final class WatchCommand implements Callable<Integer>
{
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    @ParentCommand
    private TickCtl root;

    @Spec
    private CommandSpec spec;

    @Option(names = "--duration-s", paramLabel = "<s>", defaultValue = "0",
        description = "Stop after this many seconds (default: 0, run until Ctrl-C).")
    private long durationS;

    @Option(names = "--initial", description = "Also print the znodes that exist when watching starts.")
    private boolean initial;

    @Override
    public Integer call() throws InterruptedException
    {
        if (durationS < 0)
        {
            throw new IllegalArgumentException("--duration-s must not be negative: " + durationS);
        }
        final PrintWriter out = spec.commandLine().getOut();
        final CountDownLatch stop = new CountDownLatch(1);
        final CountDownLatch finished = new CountDownLatch(1);
        final Thread hook = new Thread(() ->
        {
            stop.countDown();
            try
            {
                finished.await(2, TimeUnit.SECONDS);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }, "tickctl-watch-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try (CuratorFramework client = root.connect(); CuratorCache cache = CuratorCache.build(client, ZkPaths.ROOT))
        {
            final CountDownLatch loaded = new CountDownLatch(1);
            final ConnectionStateListener connection = (ignored, state) -> print(out, "connection      " + state);
            client.getConnectionStateListenable().addListener(connection);
            cache.listenable().addListener(CuratorCacheListener.builder()
                .forAll((type, oldData, data) ->
                {
                    if (initial || loaded.getCount() == 0)
                    {
                        final String line = WatchEvents.describe(type, oldData, data);
                        if (line != null)
                        {
                            print(out, line);
                        }
                    }
                })
                .forInitialized(() ->
                {
                    loaded.countDown();
                    print(out, "watching        " + ZkPaths.ROOT + " (" + cache.size() + " znodes); Ctrl-C stops");
                })
                .build());
            cache.start();
            if (durationS > 0)
            {
                stop.await(durationS, TimeUnit.SECONDS);
            }
            else
            {
                stop.await();
            }
            client.getConnectionStateListenable().removeListener(connection);
        }
        finally
        {
            finished.countDown();
            removeHook(hook);
        }
        return ExitCodes.OK;
    }

    private static void print(final PrintWriter out, final String line)
    {
        synchronized (out)
        {
            out.println(LocalTime.now().format(TIME) + "  " + line);
            out.flush();
        }
    }

    private static void removeHook(final Thread hook)
    {
        try
        {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        catch (final IllegalStateException ex)
        {
            // The JVM is already shutting down (Ctrl-C): the hook is running and waits for us.
        }
    }
}
