package io.tickkeeper.coordinator.election;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.tickkeeper.coordinator.CoordinatorClients;
import io.tickkeeper.coordinator.Credentials;
import io.tickkeeper.coordinator.ZkPaths;
import io.tickkeeper.coordinator.zk.Await;
import io.tickkeeper.coordinator.zk.EnsembleConfig;
import io.tickkeeper.coordinator.zk.EnsembleLauncher;

/**
 * Two candidate JVMs on a real three-server ensemble of separate processes, with the product's default session
 * timeout: SIGKILL of the primary, and SIGSTOP of the primary for longer than its session.
 */
@Tag("system")
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class CandidateProcessSystemTest
{
    private static final Credentials SERVICE = Credentials.parse("system-test:candidate-secret");
    private static final long WAIT_MS = 60_000;

    private static EnsembleLauncher launcher;
    private static Path dir;
    private static CuratorFramework reader;

    private final List<CandidateJvm> candidates = new ArrayList<>();

    @BeforeAll
    static void startEnsemble() throws Exception
    {
        dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "coord-a-tests")), "candidates");
        launcher = new EnsembleLauncher(EnsembleConfig.builder(dir.resolve("zk")).portBase(22670).heapMb(96).build());
        launcher.start(false);
        assertThat(launcher.awaitQuorum(90_000)).isTrue();
        reader = CoordinatorClients.newClient(launcher.connectString(), 5_000, Optional.empty());
        reader.start();
        assertThat(reader.blockUntilConnected(30, TimeUnit.SECONDS)).isTrue();
    }

    @AfterAll
    static void stopEnsemble()
    {
        if (reader != null)
        {
            reader.close();
        }
        launcher.stop(5_000);
    }

    @AfterEach
    void stopCandidates() throws Exception
    {
        for (final CandidateJvm candidate : candidates)
        {
            candidate.stop();
        }
    }

    @Test
    void shouldHandOverToTheSurvivorWhenThePrimaryIsKilled() throws Exception
    {
        final CandidateJvm a = candidate("kill", "a", 0);
        Await.until(() -> a.firstTime("PRIMARY epoch=1").isPresent(), WAIT_MS, "a primary");
        final CandidateJvm b = candidate("kill", "b", 0);
        Await.until(() -> b.firstTime("FOLLOWER primary=a epoch=1").isPresent(), WAIT_MS, "b following a");

        final long killedMs = System.currentTimeMillis();
        a.kill();

        Await.until(() -> b.firstTime("PRIMARY epoch=2").isPresent(), WAIT_MS, "b primary with epoch 2");
        final long tookMs = b.firstTime("PRIMARY epoch=2").orElseThrow() - killedMs;
        assertThat(tookMs).as("hand-over after SIGKILL waits for the session to expire")
            .isGreaterThan(CoordinatorClients.DEFAULT_SESSION_TIMEOUT_MS / 2);
        final PrimaryInfo published = PrimaryInfo.fromJson(reader.getData().forPath(ZkPaths.primary("system-test",
            "kill")));
        assertThat(published).isEqualTo(new PrimaryInfo("b", "127.0.0.1:b", 2));
    }

    @Test
    void shouldStopActingWhileFrozenAndNeverActOnTheOldEpochAfterResuming() throws Exception
    {
        final CandidateJvm a = candidate("freeze", "a", 5);
        Await.until(() -> a.firstTime("PRIMARY epoch=1").isPresent(), WAIT_MS, "a primary");
        final CandidateJvm b = candidate("freeze", "b", 5);
        Await.until(() -> b.firstTime("FOLLOWER primary=a epoch=1").isPresent(), WAIT_MS, "b following a");
        Await.until(() -> a.firstTime("EMIT epoch=1").isPresent(), WAIT_MS, "a emitting");

        a.signal("STOP");
        Await.until(() -> b.firstTime("PRIMARY epoch=2").isPresent(), WAIT_MS, "b primary while a is frozen");
        final long bPrimaryMs = b.firstTime("PRIMARY epoch=2").orElseThrow();
        Thread.sleep(500);
        final long resumedMs = System.currentTimeMillis();
        a.signal("CONT");

        Await.until(() -> a.lines().stream().anyMatch(line -> line.startsWith("NOT_PRIMARY ")
            && CandidateJvm.time(line) >= resumedMs), WAIT_MS, "a told it is not primary");
        Await.until(() -> a.firstTime("FOLLOWER primary=b epoch=2").isPresent(), WAIT_MS, "a following b");
        assertThat(a.lines())
            .as("nothing emitted with the old epoch once the new primary existed")
            .filteredOn(line -> line.startsWith("EMIT ") && CandidateJvm.time(line) >= bPrimaryMs)
            .isEmpty();
        assertThat(a.lines()).filteredOn(line -> line.startsWith("PRIMARY ")).hasSize(1);
        assertThat(a.lines()).as("a candidate never follows its own stale record")
            .noneMatch(line -> line.startsWith("FOLLOWER primary=a "));
        assertThat(b.lines()).anyMatch(line -> line.startsWith("EMIT epoch=2 "));
    }

    private CandidateJvm candidate(final String shard, final String node, final long emitIntervalMs)
        throws Exception
    {
        final CandidateJvm candidate = CandidateJvm.start(launcher.connectString(), shard, node, emitIntervalMs,
            SERVICE, Files.createDirectories(dir.resolve(shard)));
        candidates.add(candidate);
        return candidate;
    }
}
