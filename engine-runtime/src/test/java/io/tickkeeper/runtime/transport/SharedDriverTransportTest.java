package io.tickkeeper.runtime.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.driver.MediaDriver;
import io.tickkeeper.runtime.IdleProfile;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class SharedDriverTransportTest
{
    private static final int STREAM_ID = 11;

    @Test
    void shouldLetTwoClientsOfOneSharedDriverExchangeAMessageOverIpc()
    {
        final Path directory = Path.of("/dev/shm", "tickkeeper-shared-test-" + ProcessHandle.current().pid());
        try (MediaDriver driver = MediaDriver.launch(SharedMediaDriver.context(new String[] {directory.toString()}));
            AeronTransport receiver = new AeronTransport(new AeronTransport.Context().name("receiver")
                .sharedDriverDirectory(directory)))
        {
            final AeronTransport sender = new AeronTransport(new AeronTransport.Context().name("sender")
                .sharedDriverDirectory(directory));
            try
            {
                sender.start();
                receiver.start();
                assertThat(sender.isSharedDriver()).isTrue();
                assertThat(sender.directory()).isEqualTo(driver.aeronDirectoryName()).isEqualTo(receiver.directory());
                // IPC connects only the publications and subscriptions of one driver: the message proves it is shared.
                try (Subscription subscription = receiver.aeron().addSubscription(AeronTransport.IPC, STREAM_ID);
                    Publication publication = sender.aeron().addPublication(AeronTransport.IPC, STREAM_ID))
                {
                    assertThat(receiveOne(publication, subscription, 4242L)).isEqualTo(4242L);
                }
            }
            finally
            {
                sender.close();
            }
            assertThat(Path.of(driver.aeronDirectoryName(), "cnc.dat")).exists();
            assertThat(receiver.aeron().isClosed()).isFalse();
        }
        assertThat(Files.exists(directory)).isFalse();
    }

    @Test
    void shouldRefuseToStartWhenNoSharedDriverRunsInTheDirectory()
    {
        final Path nowhere = Path.of("target", "test-tmp", "no-driver-" + ProcessHandle.current().pid());
        final AeronTransport transport = new AeronTransport(new AeronTransport.Context().name("orphan")
            .sharedDriverDirectory(nowhere));
        final long startNs = System.nanoTime();
        assertThatThrownBy(transport::start)
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("no media driver is running in " + nowhere)
            .hasMessageContaining("scripts/media-driver");
        assertThat(System.nanoTime() - startNs).isLessThan(TimeUnit.SECONDS.toNanos(5));
        assertThatThrownBy(transport::aeron).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldRefuseADriverDirectoryWhoseDriverHasStoppedHeartbeating() throws Exception
    {
        final Path directory = Path.of("/dev/shm", "tickkeeper-stale-test-" + ProcessHandle.current().pid());
        final MediaDriver.Context context = SharedMediaDriver.context(new String[] {directory.toString()})
            .dirDeleteOnShutdown(false);
        MediaDriver.launch(context).close();
        try
        {
            assertThat(directory.resolve("cnc.dat")).exists();
            final AeronTransport transport = new AeronTransport(new AeronTransport.Context().name("late")
                .sharedDriverDirectory(directory).driverTimeoutMs(200));
            Thread.sleep(400);
            assertThatThrownBy(transport::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has not heartbeaten for 200 ms");
        }
        finally
        {
            context.deleteDirectory();
        }
    }

    @Test
    void shouldReadTheSharedDirectoryFromTheSystemPropertyAndLetTheContextOverrideIt()
    {
        final String before = System.getProperty(AeronTransport.SHARED_DRIVER_PROPERTY);
        System.setProperty(AeronTransport.SHARED_DRIVER_PROPERTY, "/dev/shm/some-host-driver");
        try
        {
            assertThat(new AeronTransport(new AeronTransport.Context().name("p")).directory())
                .isEqualTo("/dev/shm/some-host-driver");
            assertThat(new AeronTransport(new AeronTransport.Context().name("p")).isSharedDriver()).isTrue();
            assertThat(new AeronTransport(new AeronTransport.Context().name("p").sharedDriverDirectory(null))
                .isSharedDriver()).isFalse();
        }
        finally
        {
            if (before == null)
            {
                System.clearProperty(AeronTransport.SHARED_DRIVER_PROPERTY);
            }
            else
            {
                System.setProperty(AeronTransport.SHARED_DRIVER_PROPERTY, before);
            }
        }
    }

    @Test
    void shouldRefuseBadDriverArguments()
    {
        assertThatThrownBy(() -> SharedMediaDriver.context(new String[0]))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("usage");
        assertThatThrownBy(() -> SharedMediaDriver.context(new String[] {"/dev/shm/x", "--idle", "spin"}))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("profile, sleep or backoff");
        assertThatThrownBy(() -> SharedMediaDriver.context(new String[] {"/dev/shm/x", "--term-length-bytes", "1000"}))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("power of 2");
        assertThatThrownBy(() -> SharedMediaDriver.context(new String[] {"/dev/shm/x", "--idle"}))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a value");
        assertThat(SharedMediaDriver.context(new String[] {"/dev/shm/x", "--idle", "backoff"}).sharedIdleStrategy())
            .hasToString(new BackoffIdleStrategy(10, 10, 1_000, 1_000_000).toString());
    }

    @Test
    void shouldWaitAsTheIdleProfileSaysUnlessTold()
    {
        assertThat(SharedMediaDriver.context(new String[] {"/dev/shm/x"}).sharedIdleStrategy())
            .hasToString(IdleProfile.configured().newIdleStrategy().toString());
        assertThat(SharedMediaDriver.idleStrategy("profile", 1_000_000, IdleProfile.LOW_CPU))
            .hasToString(IdleProfile.LOW_CPU.newIdleStrategy().toString());
        assertThat(SharedMediaDriver.idleStrategy("profile", 1_000_000, IdleProfile.BUSY_SPIN))
            .isInstanceOf(BusySpinIdleStrategy.class);
        assertThat(SharedMediaDriver.idleStrategy("sleep", 5_000_000, IdleProfile.LOW_CPU))
            .hasToString(new SleepingMillisIdleStrategy(5).toString());
    }

    private static long receiveOne(final Publication publication, final Subscription subscription, final long value)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[8]);
        buffer.putLong(0, value);
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
        return received[0];
    }
}
