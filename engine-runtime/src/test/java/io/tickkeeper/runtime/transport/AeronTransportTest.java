package io.tickkeeper.runtime.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.aeron.Publication;
import io.aeron.Subscription;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class AeronTransportTest
{
    private static final int PORT = 24_001;

    @Test
    void shouldCarryAMessageOverUdpLoopbackAndDeleteItsDirectoryOnClose()
    {
        final String directory;
        try (AeronTransport transport = AeronTransport.launch("transport-test"))
        {
            directory = transport.directory();
            assertThat(Path.of(directory)).isDirectory();
            final String channel = AeronTransport.udp(AeronTransport.LOOPBACK, PORT);
            try (Subscription subscription = transport.aeron().addSubscription(channel, 7);
                Publication publication = transport.aeron().addPublication(channel, 7))
            {
                final UnsafeBuffer buffer = new UnsafeBuffer(new byte[8]);
                buffer.putLong(0, 42L);
                final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (publication.offer(buffer, 0, 8) < 0)
                {
                    assertThat(System.nanoTime()).isLessThan(deadlineNs);
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                }
                final long[] received = new long[1];
                while (received[0] == 0)
                {
                    assertThat(System.nanoTime()).isLessThan(deadlineNs);
                    subscription.poll((message, offset, length, header) -> received[0] = message.getLong(offset), 1);
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                }
                assertThat(received[0]).isEqualTo(42L);
            }
        }
        assertThat(Files.exists(Path.of(directory))).isFalse();
    }

    @Test
    void shouldBuildUdpChannelsAndRefuseBadSettings()
    {
        assertThat(AeronTransport.udp("127.0.0.1", 24_002)).isEqualTo("aeron:udp?endpoint=127.0.0.1:24002");
        assertThatThrownBy(() -> AeronTransport.udp("127.0.0.1", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AeronTransport(new AeronTransport.Context().name("a b")))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AeronTransport(new AeronTransport.Context().name("x").termLengthBytes(100_000)))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldDeleteTheDirectoriesItsKilledPredecessorsLeftBehind() throws IOException
    {
        final Path root = Files.createDirectories(Path.of("target", "test-tmp", "aeron-root"));
        final Path killed = Files.createDirectories(root.resolve("tickkeeper-gc-test-" + Integer.MAX_VALUE));
        Files.writeString(killed.resolve("cnc.dat"), "left behind");
        final Path otherName = Files.createDirectories(root.resolve("tickkeeper-other-" + Integer.MAX_VALUE));

        try (AeronTransport transport = new AeronTransport(new AeronTransport.Context().name("gc-test")
            .directoryRoot(root)))
        {
            transport.start();
            assertThat(killed).doesNotExist();
            assertThat(otherName).isDirectory();
            assertThat(Path.of(transport.directory())).isDirectory();
        }
    }

    @Test
    void shouldRefuseUseBeforeStartAndAfterClose()
    {
        final AeronTransport transport = new AeronTransport(new AeronTransport.Context().name("lifecycle-test"));
        assertThatThrownBy(transport::aeron).isInstanceOf(IllegalStateException.class);
        transport.start();
        assertThatThrownBy(transport::start).isInstanceOf(IllegalStateException.class);
        transport.close();
        transport.close();
        assertThatThrownBy(transport::aeron).isInstanceOf(IllegalStateException.class);
    }
}
