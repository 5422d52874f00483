package io.tickkeeper.coordinator.zk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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

    @Test
    void shouldPutEachServerOnItsOwnHostWithTheSamePortRule() throws Exception
    {
        final Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "coord-a-tests")), "hosts");
        final EnsembleConfig config = EnsembleConfig.builder(dir).hosts(List.of("zk1", "zk2", "10.1.2.3")).build();

        assertThat(config.connectString()).isEqualTo("zk1:2181,zk2:2182,10.1.2.3:2183");
        assertThat(config.host(2)).isEqualTo("zk2");
        assertThat(config.sameEnsemble(EnsembleConfig.builder(dir).build())).as("loopback differs").isFalse();

        new ServerProcess(config, 2).writeFiles();
        assertThat(Files.readAllLines(config.serverDir(2).resolve("zoo.cfg")))
            .contains("clientPortAddress=zk2", "clientPort=2182", "server.1=zk1:2888:3888",
                "server.2=zk2:2889:3889", "server.3=10.1.2.3:2890:3890");
        assertThat(Files.exists(config.serverDir(1))).as("a container holds only its own server").isFalse();

        final EnsembleConfig read = EnsembleConfig.read(dir).orElseThrow();
        assertThat(read.sameEnsemble(config)).as("read back from zk2 alone").isTrue();
        assertThat(read.host(3)).isEqualTo("10.1.2.3");
        assertThat(read.clientBindAddress(2)).isEqualTo("zk2");

        final EnsembleConfig allInterfaces = EnsembleConfig.builder(dir).hosts(List.of("zk1", "zk2", "10.1.2.3"))
            .clientBindAddress("0.0.0.0").build();
        new ServerProcess(allInterfaces, 2).writeFiles();
        assertThat(Files.readAllLines(config.serverDir(2).resolve("zoo.cfg")))
            .contains("clientPortAddress=0.0.0.0", "server.2=zk2:2889:3889");
        final EnsembleConfig readAgain = EnsembleConfig.read(dir).orElseThrow();
        assertThat(readAgain.sameEnsemble(allInterfaces)).isTrue();
        assertThat(readAgain.sameEnsemble(config)).isFalse();
        assertThat(readAgain.clientBindAddress(3)).isEqualTo("0.0.0.0");
    }

    @Test
    void shouldRefuseHostsThatDoNotMatchTheServers()
    {
        final Path dir = Path.of("target", "x");
        assertThatThrownBy(() -> EnsembleConfig.builder(dir).hosts(List.of("zk1", "zk2")).build())
            .hasMessageContaining("one host per server (3)");
        assertThatThrownBy(() -> EnsembleConfig.builder(dir).servers(1).hosts(List.of("zk1:2181")).build())
            .hasMessageContaining("not a host name");
        assertThatThrownBy(() -> EnsembleConfig.builder(dir).servers(1).hosts(List.of(" ")).build())
            .hasMessageContaining("not a host name");
        assertThat(EnsembleConfig.builder(dir).hosts(null).build().host(3)).isEqualTo(EnsembleConfig.HOST);
    }
}
