package io.tickkeeper.coordinator.zk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The launcher with real {@code QuorumPeerMain} processes: quorum, status, a killed leader, a restart, a stop.
 */
@Tag("system")
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class EnsembleLauncherSystemTest
{
    private EnsembleLauncher launcher;

    @AfterEach
    void stopEnsemble()
    {
        if (launcher != null)
        {
            launcher.stop(5_000);
        }
    }

    @Test
    void shouldStartReportReElectStopAndLeaveNoProcessBehind() throws Exception
    {
        final Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "coord-a-tests")), "ens");
        launcher = new EnsembleLauncher(EnsembleConfig.builder(dir).portBase(22640).heapMb(96).build());

        assertThat(launcher.start(false)).containsExactly(1, 2, 3);
        assertThat(launcher.awaitQuorum(90_000)).isTrue();
        assertThat(launcher.start(false)).as("nothing to start twice").isEmpty();

        final List<ServerStatus> statuses = launcher.status();
        assertThat(statuses).extracting(ServerStatus::mode)
            .containsOnly(ServerMode.LEADER, ServerMode.FOLLOWER)
            .filteredOn(mode -> mode == ServerMode.LEADER).hasSize(1);
        assertThat(statuses).allSatisfy(status ->
        {
            assertThat(status.pid()).isPositive();
            assertThat(status.elections()).isPositive();
            assertThat(status.lastElectionMs()).isNotNegative();
            assertThat(status.zxid()).isNotNegative();
        });

        final ServerStatus leader = statuses.stream().filter(s -> s.mode() == ServerMode.LEADER).findFirst()
            .orElseThrow();
        final long leaderPid = leader.pid();
        assertThat(launcher.killServer(leader.id())).isTrue();
        assertThat(ProcessHandle.of(leaderPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        Await.until(() -> launcher.status().stream().filter(s -> s.mode() == ServerMode.LEADER).count() == 1,
            60_000, "the two survivors to elect a leader");
        assertThat(launcher.status(leader.id()).mode()).isEqualTo(ServerMode.DOWN);

        assertThat(launcher.startServer(leader.id(), false)).isTrue();
        assertThat(launcher.awaitQuorum(90_000)).isTrue();

        final List<Long> pids = launcher.status().stream().map(ServerStatus::pid).toList();
        assertThat(launcher.stop(5_000)).containsExactly(1, 2, 3);
        assertThat(pids).allSatisfy(pid ->
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse());
        assertThat(launcher.status()).extracting(ServerStatus::mode).containsOnly(ServerMode.DOWN);
        assertThat(launcher.pid(1)).isEqualTo(OptionalLong.empty());
    }
}
