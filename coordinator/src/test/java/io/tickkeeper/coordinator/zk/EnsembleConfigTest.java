package io.tickkeeper.coordinator.zk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class EnsembleConfigTest
{
    @Test
    void shouldPlaceServersOnConsecutivePorts()
    {
        final EnsembleConfig config = EnsembleConfig.builder(Path.of("target", "x")).portBase(22100).build();

        assertThat(config.connectString()).isEqualTo("127.0.0.1:22100,127.0.0.1:22101,127.0.0.1:22102");
        assertThat(config.quorumPort(3)).isEqualTo(22202);
        assertThat(config.electionPort(1)).isEqualTo(22300);
        assertThat(config.serverDir(2).toString()).endsWith("x/zk2");
    }

    @Test
    void shouldRefuseSettingsZooKeeperWouldRejectOrThatCollide()
    {
        final Path dir = Path.of("target", "x");
        assertThatThrownBy(() -> EnsembleConfig.builder(dir).servers(2).build())
            .hasMessageContaining("servers must be odd");
        assertThatThrownBy(() -> EnsembleConfig.builder(dir).tickTimeMs(200).minSessionTimeoutMs(300).build())
            .hasMessageContaining("at least two ticks");
        assertThatThrownBy(() -> EnsembleConfig.builder(dir).minSessionTimeoutMs(4_000).maxSessionTimeoutMs(3_000)
            .build()).hasMessageContaining("must not be below");
        assertThatThrownBy(() -> EnsembleConfig.builder(dir).clientPortBase(22100).quorumPortBase(22102).build())
            .hasMessageContaining("overlap");
    }

    @Test
    void shouldReadBackTheSettingsItsServersWereStartedWith() throws Exception
    {
        final Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "coord-a-tests")), "cfg");
        final EnsembleConfig written = EnsembleConfig.builder(dir).portBase(22110).tickTimeMs(100)
            .minSessionTimeoutMs(300).maxSessionTimeoutMs(5_000).forceSync(false).build();
        for (int id = 1; id <= written.servers(); id++)
        {
            new ServerProcess(written, id).writeFiles();
        }

        final EnsembleConfig read = EnsembleConfig.read(dir).orElseThrow();

        assertThat(read.sameEnsemble(written)).isTrue();
        assertThat(read.connectString()).isEqualTo(written.connectString());
        assertThat(Files.readString(written.serverDir(2).resolve("data").resolve("myid"), StandardCharsets.US_ASCII))
            .isEqualTo("2\n");
        assertThat(Files.readAllLines(written.serverDir(1).resolve("zoo.cfg")))
            .contains("tickTime=100", "minSessionTimeout=300", "4lw.commands.whitelist=srvr,mntr,ruok",
                "server.3=127.0.0.1:22212:22312", "forceSync=no", "admin.enableServer=false");
        assertThat(EnsembleConfig.read(dir.resolve("elsewhere"))).isEmpty();
    }
}
