package io.tickkeeper.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.tickkeeper.coordinator.CoordinatorClients;
import io.tickkeeper.coordinator.Credentials;
import io.tickkeeper.node.client.ServiceAnswer;
import io.tickkeeper.node.client.ServiceClient;
import io.tickkeeper.node.client.ServiceClientListener;
import io.tickkeeper.protocol.sbe.EndOfDayEncoder;
import io.tickkeeper.protocol.sbe.InputFrameEncoder;
import io.tickkeeper.protocol.sbe.MessageHeaderDecoder;
import io.tickkeeper.protocol.sbe.MessageHeaderEncoder;
import io.tickkeeper.protocol.sbe.OrderAcceptedDecoder;
import io.tickkeeper.protocol.sbe.SetReferencePriceEncoder;
import io.tickkeeper.runtime.transport.AeronTransport;

/**
 * Two nodes of a small service ({@link CountingService}) in this JVM, on a real ZooKeeper server and real UDP (ports
 * 21100..21120): the service's pipeline runs on both, its primary hooks run on the primary only and its own inputs
 * are replicated, its output router keeps outputs from the client, and a {@link ServiceClient} with a fixed session
 * and caller-chosen client sequences follows the hand-over.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ReplicatedNodeTest
{
    private static final String SERVICE_NAME = "counting-service";
    private static final Credentials SERVICE = Credentials.parse("counting:node-test");
    private static final long WAIT_MS = 30_000;
    private static final long SESSION = 42;

    @TempDir
    Path dir;

    private TestingServer server;
    private CuratorFramework clientA;
    private CuratorFramework clientB;
    private AeronTransport transport;

    @BeforeEach
    void start() throws Exception
    {
        final Path base = Files.createDirectories(Path.of("target", "zk-tests"));
        server = new TestingServer(
            new InstanceSpec(Files.createTempDirectory(base, "zk").toFile(), -1, -1, -1, true, -1, 200, -1), true);
        clientA = client();
        clientB = client();
        transport = AeronTransport.launch("node-test-client");
    }

    @AfterEach
    void stop() throws Exception
    {
        transport.close();
        clientA.close();
        clientB.close();
        server.close();
    }

    @Test
    void shouldRunTheServiceWithItsHooksRouterAndClientAcrossAHandOver() throws Exception
    {
        final CountingService serviceA = new CountingService();
        final CountingService serviceB = new CountingService();
        final ReplicatedNode a = new ReplicatedNode(config("a", 21_100, 21_111), serviceA, clientA);
        final ReplicatedNode b = new ReplicatedNode(config("b", 21_110, 21_101), serviceB, clientB);
        final List<ServiceAnswer> answers = new CopyOnWriteArrayList<>();
        final List<Integer> otherEvents = new CopyOnWriteArrayList<>();
        final List<Long> acceptedOrderIds = new CopyOnWriteArrayList<>();
        try (a; b; ServiceClient client = new ServiceClient(new ServiceClient.Context()
            .name("counting-client")
            .curator(clientA)
            .service(SERVICE_NAME)
            .shard("0")
            .aeron(transport.aeron())
            .responseEndpoint("127.0.0.1:21120")
            .sessionId(SESSION)
            .listener(new ServiceClientListener()
            {
                @Override
                public void onAnswer(
                    final ServiceAnswer answer, final DirectBuffer buffer, final int offset, final int length)
                {
                    answers.add(answer);
                    acceptedOrderIds.add(new OrderAcceptedDecoder().wrapAndApplyHeader(
                        buffer, offset, new MessageHeaderDecoder()).orderId());
                }

                @Override
                public void onEvent(final int templateId, final long epoch, final DirectBuffer buffer,
                    final int offset, final int length)
                {
                    otherEvents.add(templateId);
                }
            })))
        {
            a.start();
            await("a primary", () -> a.state() == NodeState.PRIMARY);
            b.start();
            await("b standby", () -> b.state() == NodeState.STANDBY);
            assertThat(serviceA.primaryEpochs).containsExactly(1L);
            assertThat(serviceA.markerSequences).containsExactly(1L);
            assertThat(serviceB.primaryEpochs).isEmpty();

            client.start();
            assertThat(client.send(command(10, 100, 1), 0, length())).isEqualTo(10);
            assertThat(client.send(command(20, 200, CountingService.FORWARDED_INSTRUMENT), 0, length())).isEqualTo(20);
            assertThat(client.submit(command(0, 300, 1), 0, length())).isEqualTo(21);
            assertThatThrownBy(() -> client.send(command(21, 400, 1), 0, length()))
                .isInstanceOf(IllegalArgumentException.class);
            await("three answers", () -> answers.size() == 3);
            assertThat(answers).extracting(ServiceAnswer::clientSequence).containsExactly(10L, 20L, 21L);
            assertThat(answers).extracting(ServiceAnswer::templateId).containsOnly(OrderAcceptedDecoder.TEMPLATE_ID);
            assertThat(answers).extracting(ServiceAnswer::epoch).containsOnly(1L);
            assertThat(acceptedOrderIds).containsExactly(2L, 3L, 4L);
            await("routed", () -> serviceA.routedOrderIds.size() == 1);
            assertThat(serviceA.routedOrderIds).containsExactly(3L);
            assertThat(otherEvents).isEmpty();
            assertThat(client.unacknowledged()).isZero();

            final UnsafeBuffer clientsOwn = command(99, 1, 1);
            clientsOwn.putLong(MessageHeaderEncoder.ENCODED_LENGTH + SetReferencePriceEncoder.frameEncodingOffset()
                + InputFrameEncoder.clientSessionIdEncodingOffset(), 5, MessageHeaderEncoder.BYTE_ORDER);
            assertThatThrownBy(() -> serviceA.inputs.publish(clientsOwn, 0, length()))
                .isInstanceOf(IllegalArgumentException.class);

            a.close();
            await("b primary", () -> b.state() == NodeState.PRIMARY);
            assertThat(serviceA.notPrimaryCalls).isEqualTo(1);
            assertThatThrownBy(() -> serviceA.inputs.publish(marker(), 0, markerLength()))
                .isInstanceOf(IllegalStateException.class);
            assertThat(serviceB.primaryEpochs).containsExactly(2L);
            assertThat(serviceB.markerSequences).containsExactly(5L);

            client.send(command(30, 500, 1), 0, length());
            await("answer at epoch 2", () -> answers.size() == 4);
            assertThat(answers.get(3).clientSequence()).isEqualTo(30);
            assertThat(answers.get(3).epoch()).isEqualTo(2);
            assertThat(acceptedOrderIds.get(3)).isEqualTo(6);
            assertThat(serviceA.routedOrderIds).containsExactly(3L);
            assertThat(serviceB.routedOrderIds).isEmpty();
        }
        assertThat(serviceB.notPrimaryCalls).isEqualTo(1);
        assertThat(serviceA.lastState.count()).isEqualTo(4);
        assertThat(serviceA.lastState.sum()).isEqualTo(600);
        assertThat(serviceB.lastState.count()).isEqualTo(6);
        assertThat(serviceB.lastState.sum()).isEqualTo(1_100);
    }

    @Test
    void shouldKeepASessionsCommandsInOrderWhenThePipelineRefusedOneOfThem() throws Exception
    {
        final CountingService service = new CountingService();
        final ReplicatedNode a = new ReplicatedNode(config("a", 21_100, 21_111), service, clientA);
        final List<ServiceAnswer> answers = new CopyOnWriteArrayList<>();
        try (a; ServiceClient client = new ServiceClient(new ServiceClient.Context()
            .name("counting-client")
            .curator(clientA)
            .service(SERVICE_NAME)
            .shard("0")
            .aeron(transport.aeron())
            .responseEndpoint("127.0.0.1:21120")
            .sessionId(SESSION)
            .listener(new ServiceClientListener()
            {
                @Override
                public void onAnswer(
                    final ServiceAnswer answer, final DirectBuffer buffer, final int offset, final int length)
                {
                    answers.add(answer);
                }
            })))
        {
            a.start();
            await("a primary", () -> a.state() == NodeState.PRIMARY);
            client.start();
            client.send(command(1, 100, 1), 0, length());
            await("the first answer", () -> answers.size() == 1);

            // Command 2 is refused as not-primary once; 3 and 4 are already on their way when the refusal comes
            // back. Taking 3 would leave 2 to be refused for good (SEQUENCE_SKIPPED) when the client resends it.
            service.refuseOnce = 2;
            client.send(command(2, 200, 1), 0, length());
            client.send(command(3, 300, 1), 0, length());
            client.send(command(4, 400, 1), 0, length());
            await("four answers", () -> answers.size() == 4);
            assertThat(service.refuseOnce).isZero();
            assertThat(client.notPrimaryRefusals()).isPositive();
            assertThat(answers).extracting(ServiceAnswer::clientSequence).containsExactly(1L, 2L, 3L, 4L);
            assertThat(answers).extracting(ServiceAnswer::templateId).containsOnly(OrderAcceptedDecoder.TEMPLATE_ID);
            assertThat(client.unacknowledged()).isZero();
        }
        assertThat(service.lastState.count()).isEqualTo(5);
        assertThat(service.lastState.sum()).isEqualTo(1_000);
    }

    private static UnsafeBuffer command(final long clientSequence, final long price, final int instrumentId)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[length()]);
        final SetReferencePriceEncoder encoder =
            new SetReferencePriceEncoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder());
        encoder.frame().epoch(0).sequence(0).clientSessionId(0).clientSequence(clientSequence).timestampNs(0);
        encoder.referencePrice(price).instrumentId(instrumentId);
        return buffer;
    }

    private static int length()
    {
        return MessageHeaderEncoder.ENCODED_LENGTH + SetReferencePriceEncoder.BLOCK_LENGTH;
    }

    private static UnsafeBuffer marker()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[markerLength()]);
        new EndOfDayEncoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder()).frame()
            .epoch(0).sequence(0).clientSessionId(0).clientSequence(0).timestampNs(0);
        return buffer;
    }

    private static int markerLength()
    {
        return MessageHeaderEncoder.ENCODED_LENGTH + EndOfDayEncoder.BLOCK_LENGTH;
    }

    private NodeConfig config(final String node, final int clientPort, final int peerReplicationPort)
    {
        return new NodeConfig(SERVICE_NAME, "0", node, "127.0.0.1", clientPort, clientPort + 1, "127.0.0.1",
            peerReplicationPort, dir.resolve(node), 3_000, false);
    }

    private CuratorFramework client() throws InterruptedException
    {
        final CuratorFramework client = CoordinatorClients.newClient(server.getConnectString(), 3_000,
            Optional.of(SERVICE));
        client.start();
        assertThat(client.blockUntilConnected(10, TimeUnit.SECONDS)).isTrue();
        return client;
    }

    private static void await(final String what, final BooleanSupplier condition) throws InterruptedException
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
        while (!condition.getAsBoolean())
        {
            assertThat(System.nanoTime() - deadlineNs).as("waiting for " + what).isNegative();
            Thread.sleep(10);
        }
    }
}
