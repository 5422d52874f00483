package io.tickkeeper.coordinator.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.tickkeeper.coordinator.ZkPaths;
import io.tickkeeper.coordinator.zk.Await;
import io.tickkeeper.coordinator.zk.InProcessEnsemble;

/**
 * After its client's session is lost, the cache reloads and holds what changed while the session was gone.
 */
class SessionSafeCacheTest
{
    private static final long WAIT_MS = 20_000;
    private static InProcessEnsemble ensemble;

    @BeforeAll
    static void start() throws Exception
    {
        ensemble = InProcessEnsemble.start(22620);
    }

    @AfterAll
    static void stop() throws Exception
    {
        ensemble.close();
    }

    @Test
    void shouldReloadWhatChangedWhileTheSessionWasLost() throws Exception
    {
        final String root = ZkPaths.shard("cache-test", "0");
        final String primary = root + "/primary";
        final CuratorFramework writer = ensemble.service();
        writer.create().creatingParentsIfNeeded().forPath(primary, bytes("old"));
        final CuratorFramework watcherClient = ensemble.anonymous();
        final AtomicInteger loads = new AtomicInteger();
        final AtomicInteger resets = new AtomicInteger();
        final SessionSafeCache cache = new SessionSafeCache(watcherClient, root, new SessionSafeCache.Listener()
        {
            @Override
            public void onChange(
                final CuratorCacheListener.Type type, final ChildData oldData, final ChildData data)
            {
            }

            @Override
            public void onLoaded()
            {
                loads.incrementAndGet();
            }

            @Override
            public void onReset()
            {
                resets.incrementAndGet();
            }
        });
        cache.start();
        try
        {
            Await.until(() -> loads.get() == 1, WAIT_MS, "the first load");
            assertThat(text(cache, primary)).isEqualTo("old");

            ensemble.expireSession(watcherClient);
            writer.setData().forPath(primary, bytes("new"));
            writer.create().forPath(root + "/epoch", bytes("2"));

            Await.until(() -> loads.get() == 2, WAIT_MS, "a reload after the lost session");
            assertThat(resets.get()).isEqualTo(1);
            assertThat(text(cache, primary)).isEqualTo("new");
            assertThat(text(cache, root + "/epoch")).isEqualTo("2");

            writer.setData().forPath(primary, bytes("newer"));
            Await.until(() -> "newer".equals(text(cache, primary)), WAIT_MS, "a change after the reload");
        }
        finally
        {
            cache.close();
        }
    }

    private static String text(final SessionSafeCache cache, final String path)
    {
        return cache.get(path).map(data -> new String(data.getData(), StandardCharsets.UTF_8)).orElse(null);
    }

    private static byte[] bytes(final String text)
    {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
