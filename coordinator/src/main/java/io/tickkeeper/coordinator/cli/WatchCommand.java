package io.tickkeeper.coordinator.cli;

import java.io.PrintWriter;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.apache.curator.framework.state.ConnectionStateListener;

import io.tickkeeper.coordinator.ZkPaths;
import io.tickkeeper.coordinator.membership.SessionSafeCache;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code tickctl watch}: a live stream of election, membership, config and lock events, one line each, from one
 * Curator cache on {@link ZkPaths#ROOT} (reloaded after a lost session, see {@link SessionSafeCache}).
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
        try (CuratorFramework client = root.connect())
        {
            final AtomicBoolean loading = new AtomicBoolean(true);
            final AtomicBoolean firstLoad = new AtomicBoolean(true);
            final ConnectionStateListener connection = (ignored, state) -> print(out, "connection      " + state);
            client.getConnectionStateListenable().addListener(connection);
            final AtomicReference<SessionSafeCache> cacheRef = new AtomicReference<>();
            final SessionSafeCache cache = new SessionSafeCache(client, ZkPaths.ROOT, new SessionSafeCache.Listener()
            {
                @Override
                public void onChange(
                    final CuratorCacheListener.Type type, final ChildData oldData, final ChildData data)
                {
                    if (!loading.get() || initial && firstLoad.get())
                    {
                        final String line = WatchEvents.describe(type, oldData, data);
                        if (line != null)
                        {
                            print(out, line);
                        }
                    }
                }

                @Override
                public void onLoaded()
                {
                    loading.set(false);
                    final long znodes = cacheRef.get().stream().count();
                    print(out, firstLoad.getAndSet(false)
                        ? "watching        " + ZkPaths.ROOT + " (" + znodes + " znodes); Ctrl-C stops"
                        : "reloaded        " + ZkPaths.ROOT + " after a lost session (" + znodes
                            + " znodes); changes while it was lost are not shown");
                }

                @Override
                public void onReset()
                {
                    loading.set(true);
                }
            });
            cacheRef.set(cache);
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
            cache.close();
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
