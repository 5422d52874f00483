package io.tickkeeper.node.broadcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.tickkeeper.runtime.transport.AeronTransport;

/**
 * {@link BroadcastPublisher} and {@link BroadcastSubscriber} over a real embedded media driver and loopback UDP: two
 * primaries of successive epochs publish to one endpoint, and what the deposed one still sends is dropped.
 */
@Timeout(30)
class BroadcastTest
{
    private static final String ENDPOINT = AeronTransport.LOOPBACK + ":24101";
    private static final String SILENT_ENDPOINT = AeronTransport.LOOPBACK + ":24102";

    private final List<String> received = new ArrayList<>();
    private AeronTransport transport;
    private BroadcastSubscriber subscriber;

    @BeforeEach
    void start()
    {
        transport = AeronTransport.launch("broadcast-test");
        subscriber = BroadcastSubscriber.subscribe(transport.aeron(), BroadcastEndpoints.channel(ENDPOINT),
            (epoch, buffer, offset, length) -> received.add(epoch + ":" + buffer.getStringWithoutLengthAscii(offset,
                length)));
    }

    @AfterEach
    void stop()
    {
        subscriber.close();
        transport.close();
    }

    @Test
    void shouldDropWhatAPrimaryOfAnOlderEpochStillSends()
    {
        try (BroadcastPublisher deposed = new BroadcastPublisher(transport.aeron(),
            BroadcastEndpoints.channels(ENDPOINT));
            BroadcastPublisher current = new BroadcastPublisher(transport.aeron(),
                BroadcastEndpoints.channels(ENDPOINT)))
        {
            awaitPolling(() -> deposed.connectedEndpoints() == 1 && current.connectedEndpoints() == 1);

            offerUntilTaken(deposed, 3, "trade-1");
            awaitPolling(() -> subscriber.delivered() == 1);
            offerUntilTaken(current, 4, "trade-2");
            awaitPolling(() -> subscriber.delivered() == 2);
            offerUntilTaken(deposed, 3, "late-trade");
            awaitPolling(() -> subscriber.staleEpochDrops() == 1);
            offerUntilTaken(current, 4, "trade-3");
            awaitPolling(() -> subscriber.delivered() == 3);

            assertThat(received).containsExactly("3:trade-1", "4:trade-2", "4:trade-3");
            assertThat(subscriber.newestEpoch()).isEqualTo(4);
            assertThat(subscriber.malformed()).isZero();
            assertThat(deposed.sent()).isEqualTo(2);
        }
    }

    @Test
    void shouldCountAnEndpointWithoutSubscriberAndStillServeTheOthers()
    {
        try (BroadcastPublisher publisher = new BroadcastPublisher(transport.aeron(),
            BroadcastEndpoints.channels(SILENT_ENDPOINT + "," + ENDPOINT)))
        {
            awaitPolling(() -> publisher.connectedEndpoints() == 1);
            offerUntilTaken(publisher, 1, "report-1");
            awaitPolling(() -> subscriber.delivered() == 1);

            assertThat(received).containsExactly("1:report-1");
            assertThat(publisher.sent()).isEqualTo(1);
            assertThat(publisher.notConnected()).isEqualTo(publisher.offered());
            assertThat(publisher.offered() - 1).isEqualTo(publisher.backPressureDrops());
        }
    }

    @Test
    void shouldRefuseAnEpochThatIsNotPositive()
    {
        try (BroadcastPublisher publisher = new BroadcastPublisher(transport.aeron(),
            BroadcastEndpoints.channels(ENDPOINT)))
        {
            assertThatThrownBy(() -> publisher.offer(0, message("x"), 5, 1))
                .isInstanceOf(IllegalArgumentException.class);
            assertThat(publisher.offered()).isZero();
        }
    }

    @Test
    void shouldParseEndpointLists()
    {
        assertThat(BroadcastEndpoints.channels("127.0.0.1:24100, 10.0.0.2:24101")).containsExactly(
            "aeron:udp?endpoint=127.0.0.1:24100", "aeron:udp?endpoint=10.0.0.2:24101");
        assertThatThrownBy(() -> BroadcastEndpoints.channels("127.0.0.1:24100,"))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BroadcastEndpoints.channel("127.0.0.1"))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BroadcastEndpoints.channel("host:port"))
            .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Offers until one endpoint takes the message: a publication that has just connected may refuse the first
     * offers (back-pressured until the driver raises its limit), which the publisher counts and drops.
     */
    private void offerUntilTaken(final BroadcastPublisher publisher, final long epoch, final String text)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (publisher.offer(epoch, message(text), 5, text.length()) != 1)
        {
            assertThat(System.nanoTime()).as("offer of %s taken in time", text).isLessThan(deadline);
            LockSupport.parkNanos(1_000_000);
        }
    }

    /** The text at offset 5 of a larger buffer, so the publisher must honour offset and length. */
    private static UnsafeBuffer message(final String text)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
        buffer.setMemory(0, 64, (byte)'#');
        buffer.putBytes(5, text.getBytes(StandardCharsets.US_ASCII));
        return buffer;
    }

    private void awaitPolling(final BooleanSupplier condition)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("timed out; received " + received);
            }
            if (subscriber.poll() == 0)
            {
                Thread.onSpinWait();
                LockSupport.parkNanos(100_000);
            }
        }
    }
}
