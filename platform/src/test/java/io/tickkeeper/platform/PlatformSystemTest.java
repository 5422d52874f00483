package io.tickkeeper.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The whole platform on real processes: a 3-server ensemble and two nodes of every service whose main is on the
 * classpath. Every HA service must have a primary and an in-sync standby (the feed: a holder and a waiting node),
 * the gateways' FIX ports must be open, a killed primary must be replaced and come back as a standby, and
 * {@link Platform#close()} must stop every process within a bounded time.
 */
@Tag("system")
class PlatformSystemTest
{
    private static final long CLOSE_BOUND_MS = 60_000;

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void shouldStartEveryServiceHealthyFailOverAndStopCleanly() throws Exception
    {
        final Set<ServiceKind> services = servicesOnClasspath();
        final Path base = Path.of("target", "platform-system").toAbsolutePath();
        final ByteArrayOutputStream progress = new ByteArrayOutputStream();
        final PrintStream out = new PrintStream(progress, true, StandardCharsets.UTF_8);
        final PlatformSettings settings = PlatformSettings.builder(base.resolve("work"))
            .zkClientPortBase(28_000)
            .zkQuorumPortBase(28_010)
            .zkElectionPortBase(28_020)
            .servicePortBase(28_100)
            .heapMb(128)
            .sessionTimeoutMs(3_000)
            .stepTimeoutMs(90_000)
            .services(services)
            .build();
        Map<String, Long> pids = Map.of();
        try
        {
            final Platform platform = Platform.start(settings, out);
            final long closeStartNs;
            try
            {
                pids = platform.pids();
                // ZooKeeper x3, two nodes per service, and the shared Aeron media driver.
                assertThat(pids).hasSize(3 + 2 * services.size() + (settings.sharedMediaDriver() ? 1 : 0));
                assertThat(pids.containsKey("media-driver")).isEqualTo(settings.sharedMediaDriver());
                for (final ServiceKind kind : services)
                {
                    assertThat(platform.healthy(kind)).as(kind + " healthy").isTrue();
                }
                assertThat(platform.primary(ServiceKind.MATCHING, Platform.SHARD)).isPresent();
                assertThat(platform.startScript("matching-b")).isExecutable();
                assertThat(Files.readString(platform.startScript("matching-b")))
                    .contains(ServiceKind.MATCHING.mainClass(), "'--node' 'b'", platform.logFile("matching-b").toString());
                if (services.contains(ServiceKind.GATEWAY))
                {
                    assertThat(platform.fixEndpoints()).containsExactly(
                        "127.0.0.1:" + settings.ports().clientPort(ServiceKind.GATEWAY, 0),
                        "127.0.0.1:" + settings.ports().clientPort(ServiceKind.GATEWAY, 1));
                }
                final String primary = platform.primary(ServiceKind.MATCHING, Platform.SHARD).orElseThrow();
                final String standby = primary.equals("matching-a") ? "matching-b" : "matching-a";
                final long epoch = platform.primaryEpoch(ServiceKind.MATCHING).orElseThrow();
                platform.kill(primary);
                platform.await(standby + " primary at a higher epoch",
                    () -> platform.primary(ServiceKind.MATCHING, Platform.SHARD).filter(standby::equals).isPresent()
                        && platform.primaryEpoch(ServiceKind.MATCHING).orElse(0L) > epoch);
                platform.start(primary);
                assertThat(platform.healthy(ServiceKind.MATCHING)).isTrue();
                assertThat(platform.process(primary).starts()).isEqualTo(2);
                closeStartNs = System.nanoTime();
            }
            finally
            {
                platform.close();
            }
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closeStartNs)).isLessThan(CLOSE_BOUND_MS);
            for (final Map.Entry<String, Long> pid : pids.entrySet())
            {
                assertThat(ProcessHandle.of(pid.getValue()).map(ProcessHandle::isAlive).orElse(false))
                    .as(pid.getKey() + " gone after close").isFalse();
            }
        }
        finally
        {
            Files.createDirectories(base);
            Files.writeString(base.resolve("progress.log"), progress.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void shouldRefuseAServiceWithoutTheServiceItNeeds()
    {
        assertThatThrownBy(() -> PlatformSettings.builder(Path.of("target", "unused"))
            .services(EnumSet.of(ServiceKind.MATCHING, ServiceKind.GATEWAY)).build())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("gateway needs risk");
    }

    /** Every service whose main class is on the classpath and whose required service is too. */
    private static Set<ServiceKind> servicesOnClasspath()
    {
        final Set<ServiceKind> services = EnumSet.noneOf(ServiceKind.class);
        for (final ServiceKind kind : ServiceKind.values())
        {
            if (onClasspath(kind.mainClass()) && kind.requires().map(services::contains).orElse(true))
            {
                services.add(kind);
            }
        }
        return services;
    }

    private static boolean onClasspath(final String className)
    {
        try
        {
            Class.forName(className, false, PlatformSystemTest.class.getClassLoader());
            return true;
        }
        catch (final ClassNotFoundException ex)
        {
            return false;
        }
    }
}
