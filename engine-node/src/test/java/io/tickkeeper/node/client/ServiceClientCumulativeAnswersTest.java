package io.tickkeeper.node.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import io.aeron.Publication;
import io.tickkeeper.coordinator.CoordinatorClients;
import io.tickkeeper.coordinator.Credentials;
import io.tickkeeper.coordinator.ZkPaths;
import io.tickkeeper.coordinator.election.PrimaryInfo;
import io.tickkeeper.node.edge.CommandIngress;
import io.tickkeeper.node.edge.EdgeRole;
import io.tickkeeper.node.edge.ResponseRoutes;
import io.tickkeeper.protocol.sbe.InputFrameDecoder;
import io.tickkeeper.protocol.sbe.MessageHeaderDecoder;
import io.tickkeeper.protocol.sbe.MessageHeaderEncoder;
import io.tickkeeper.protocol.sbe.OrderAcceptedEncoder;
import io.tickkeeper.protocol.sbe.SetReferencePriceEncoder;
import io.tickkeeper.runtime.transport.AeronTransport;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link ServiceClient.Context#cumulativeAnswers(boolean)} against a real client edge ({@link CommandIngress},
 * {@link ResponseRoutes}) and a primary znode on a real ZooKeeper server (ports 22900..22911): a service that
 * answers only some commands (as the matching engine never answers a SetReferencePrice). With cumulative answers
 * the answer to a later command acknowledges the unanswered ones below it; without, they stay pending and are
 * resent.
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class ServiceClientCumulativeAnswersTest
{
    private static final String SERVICE_NAME = "cumulative-test";
    private static final long WAIT_MS = 20_000;
    private static final long SESSION = 0x77;
    private static final int LENGTH = MessageHeaderEncoder.ENCODED_LENGTH + SetReferencePriceEncoder.BLOCK_LENGTH;
    private static final int CLIENT_SEQUENCE_OFFSET =
        MessageHeaderDecoder.ENCODED_LENGTH + InputFrameDecoder.clientSequenceEncodingOffset();
    private static final int SESSION_OFFSET =
        MessageHeaderDecoder.ENCODED_LENGTH + InputFrameDecoder.clientSessionIdEncodingOffset();
    /** The fake service answers only a command whose reference price is this. */
    private static final long ANSWERED_PRICE = 100;

    private TestingServer server;
    private CuratorFramework curator;
    private AeronTransport transport;
    private ResponseRoutes routes;
    private CommandIngress ingress;
    private final List<Long> received = new CopyOnWriteArrayList<>();
    private final AtomicLong sequence = new AtomicLong();

    @BeforeEach
    void start() throws Exception
    {
        final Path base = Files.createDirectories(Path.of("target", "zk-tests"));
        server = new TestingServer(
            new InstanceSpec(Files.createTempDirectory(base, "zk").toFile(), -1, -1, -1, true, -1, 200, -1), true);
        curator = CoordinatorClients.newClient(server.getConnectString(), 3_000,
            Optional.of(Credentials.parse("cumulative:client-test")));
        curator.start();
        assertThat(curator.blockUntilConnected(10, TimeUnit.SECONDS)).isTrue();
        transport = AeronTransport.launch("cumulative-test");
        routes = new ResponseRoutes(transport.aeron(), 16);
        final EdgeRole role = new EdgeRole();
        role.becomePrimary(1);
        ingress = new CommandIngress(new CommandIngress.Context()
            .name("cumulative-ingress")
            .aeron(transport.aeron())
            .endpoint("127.0.0.1:22900")
            .sequencer(this::apply)
            .check((buffer, offset, length) ->
            {
            })
            .routes(routes)
            .role(role));
        ingress.start();
        curator.create().creatingParentsIfNeeded().forPath(ZkPaths.primary(SERVICE_NAME, "0"),
            new PrimaryInfo("p", "127.0.0.1:22900", 1).toJson());
    }

    @AfterEach
    void stop() throws Exception
    {
        ingress.close();
        routes.close();
        transport.close();
        curator.close();
        server.close();
    }

    @Test
    void shouldAcknowledgeUnansweredCommandsBelowAnAnswerWhenCumulative() throws Exception
    {
        final List<Long> answered = new CopyOnWriteArrayList<>();
        try (ServiceClient client = client(true, "127.0.0.1:22910", answered))
        {
            client.start();
            await("welcomed", client::connected);
            client.send(command(1, 5), 0, LENGTH);
            client.send(command(2, 6), 0, LENGTH);
            await("two received", () -> received.size() == 2);
            assertThat(client.unacknowledged()).isEqualTo(2);

            client.send(command(3, ANSWERED_PRICE), 0, LENGTH);
            await("all acknowledged", () -> client.unacknowledged() == 0);
            assertThat(answered).containsExactly(3L);
            assertThat(client.implicitlyAcknowledged()).isEqualTo(2);

            client.send(command(4, 7), 0, LENGTH);
            await("one more received", () -> received.size() == 4);
            assertThat(client.unacknowledged()).isEqualTo(1);
            assertThat(client.resentCommands()).isZero();
        }
        assertThat(received).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void shouldKeepUnansweredCommandsPendingByDefault() throws Exception
    {
        final List<Long> answered = new CopyOnWriteArrayList<>();
        try (ServiceClient client = client(false, "127.0.0.1:22911", answered))
        {
            client.start();
            await("welcomed", client::connected);
            client.send(command(1, 5), 0, LENGTH);
            client.send(command(2, ANSWERED_PRICE), 0, LENGTH);
            await("answer", () -> answered.size() == 1);
            assertThat(answered).containsExactly(2L);
            assertThat(client.unacknowledged()).isEqualTo(1);
            assertThat(client.implicitlyAcknowledged()).isZero();
            await("the unanswered command resent", () -> client.resentCommands() > 0);
            assertThat(client.unacknowledged()).isEqualTo(1);
            // The client counts a resend when it offers it; the service sees it a moment later.
            await("the resend received", () -> received.size() >= 3);
        }
        assertThat(received).startsWith(1L, 2L, 1L);
    }

    private ServiceClient client(final boolean cumulative, final String responseEndpoint, final List<Long> answered)
    {
        return new ServiceClient(new ServiceClient.Context()
            .name("cumulative-client")
            .curator(curator)
            .service(SERVICE_NAME)
            .shard("0")
            .aeron(transport.aeron())
            .responseEndpoint(responseEndpoint)
            .sessionId(SESSION)
            .cumulativeAnswers(cumulative)
            .resendAfterNs(TimeUnit.MILLISECONDS.toNanos(300))
            .listener(new ServiceClientListener()
            {
                @Override
                public void onAnswer(
                    final ServiceAnswer answer, final DirectBuffer buffer, final int offset, final int length)
                {
                    answered.add(answer.clientSequence());
                }
            }));
    }

    /** The fake service: records each command and answers it only when its price is {@link #ANSWERED_PRICE}. */
    private long apply(final DirectBuffer buffer, final int offset, final int length)
    {
        final long clientSequence = buffer.getLong(offset + CLIENT_SEQUENCE_OFFSET, MessageHeaderDecoder.BYTE_ORDER);
        final long sessionId = buffer.getLong(offset + SESSION_OFFSET, MessageHeaderDecoder.BYTE_ORDER);
        final long price = buffer.getLong(offset + MessageHeaderDecoder.ENCODED_LENGTH
            + SetReferencePriceEncoder.referencePriceEncodingOffset(), MessageHeaderDecoder.BYTE_ORDER);
        received.add(clientSequence);
        final long inputSequence = sequence.incrementAndGet();
        if (price == ANSWERED_PRICE)
        {
            final UnsafeBuffer event = new UnsafeBuffer(new byte[128]);
            final OrderAcceptedEncoder accepted =
                new OrderAcceptedEncoder().wrapAndApplyHeader(event, 0, new MessageHeaderEncoder());
            accepted.frame().epoch(1).sequence(inputSequence).clientSessionId(sessionId)
                .clientSequence(clientSequence).timestampNs(0);
            accepted.orderId(inputSequence).clientOrderId(clientSequence).price(price).quantity(1);
            final Publication publication = routes.route(sessionId);
            final int eventLength = MessageHeaderEncoder.ENCODED_LENGTH + accepted.encodedLength();
            while (publication.offer(event, 0, eventLength) < 0)
            {
                Thread.onSpinWait();
            }
        }
        return inputSequence;
    }

    private static UnsafeBuffer command(final long clientSequence, final long price)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[LENGTH]);
        final SetReferencePriceEncoder encoder =
            new SetReferencePriceEncoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder());
        encoder.frame().epoch(0).sequence(0).clientSessionId(0).clientSequence(clientSequence).timestampNs(0);
        encoder.referencePrice(price).instrumentId(1);
        return buffer;
    }

    private static void await(final String what, final BooleanSupplier condition) throws InterruptedException
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
        while (!condition.getAsBoolean())
        {
            assertThat(System.nanoTime() - deadlineNs).as("waiting for " + what).isNegative();
            Thread.sleep(5);
        }
    }
}
