package io.tickkeeper.matching.client;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.aeron.Publication;
import io.aeron.Subscription;
import io.tickkeeper.coordinator.CoordinatorClients;
import io.tickkeeper.coordinator.ZkPaths;
import io.tickkeeper.coordinator.election.PrimaryInfo;
import io.tickkeeper.matching.OrderType;
import io.tickkeeper.matching.Side;
import io.tickkeeper.matching.StpMode;
import io.tickkeeper.node.edge.EdgeEndpoints;
import io.tickkeeper.matching.service.BuildDirTempDirFactory;
import io.tickkeeper.matching.service.MatchingCommandEncoder;
import io.tickkeeper.protocol.sbe.ClientHelloEncoder;
import io.tickkeeper.protocol.sbe.CommandRefusedDecoder;
import io.tickkeeper.protocol.sbe.MessageHeaderDecoder;
import io.tickkeeper.protocol.sbe.MessageHeaderEncoder;
import io.tickkeeper.protocol.sbe.NewOrderEncoder;
import io.tickkeeper.protocol.sbe.OrderCancelledDecoder;
import io.tickkeeper.protocol.sbe.OrderAcceptedEncoder;
import io.tickkeeper.protocol.sbe.RefusalReason;
import io.tickkeeper.protocol.sbe.SessionWelcomeDecoder;
import io.tickkeeper.runtime.transport.AeronTransport;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.TestingServer;
import org.apache.zookeeper.CreateMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client edge end to end on loopback: a real ZooKeeper (TestingServer), real MatchingPipelines behind
 * CommandIngress / ResponsePublisher on Aeron UDP, and a MatchingClient that follows the primary znode.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MatchingClientFailoverTest
{
    private static final String SERVICE = "matching";
    private static final String SHARD = "shard-0";
    private static final String PRIMARY_PATH = ZkPaths.primary(SERVICE, SHARD);
    private static final int BUY_ACCOUNT = 1;
    private static final int SELL_ACCOUNT = 2;

    @TempDir(factory = BuildDirTempDirFactory.class)
    Path dir;

    private TestingServer zookeeper;
    private CuratorFramework curator;
    private AeronTransport transport;

    @BeforeEach
    void startZooKeeperAndAeron() throws Exception
    {
        zookeeper = new TestingServer(true);
        curator = CoordinatorClients.newClient(zookeeper.getConnectString(), 5_000, Optional.empty());
        curator.start();
        transport = AeronTransport.launch("client-test");
    }

    @AfterEach
    void stop() throws Exception
    {
        curator.close();
        transport.close();
        zookeeper.close();
    }

    @Test
    void shouldResendUnacknowledgedCommandsToTheNewPrimaryAndGetTheirOriginalAnswers() throws Exception
    {
        final EdgeHarness standby = new EdgeHarness("node-b", transport.aeron(), 24_602, 2, dir);
        final EdgeHarness primary = new EdgeHarness("node-a", transport.aeron(), 24_601, 1, dir);
        try (standby; primary)
        {
            standby.start();
            primary.start();
            primary.replicateTo(standby);
            primary.role.becomePrimary(1);
            publishPrimary(new PrimaryInfo("node-a", primary.endpoint, 1));

            try (MatchingClient client = newClient("127.0.0.1:24603"))
            {
                client.start();
                submitCrossingOrders(client, 0, 20);
                EdgeHarness.await("the first 20 answers", () -> client.acknowledgements().size() == 20);
                assertThat(client.acknowledgements()).allMatch(ack -> ack.epoch() == 1 && !ack.resent())
                    .allMatch(ack -> ack.kind() == AckKind.ACCEPTED);
                EdgeHarness.await("10 fills", () -> client.fills().size() == 10);

                primary.mute(true);
                submitCrossingOrders(client, 20, 10);
                EdgeHarness.await("the primary and the standby applied the last 10",
                    () -> primary.pipeline.outputSequence() == 30 && standby.pipeline.outputSequence() == 30);
                assertThat(client.unacknowledged()).isEqualTo(10);
                assertThat(primary.mutedAcceptedOrderIds).hasSize(10);

                primary.role.becomeStandby();
                primary.ingress.close();
                primary.replicateTo(null);
                standby.replicateTo(primary);
                publishPrimary(new PrimaryInfo("node-b", standby.endpoint, 2));
                EdgeHarness.await("the client says hello to the node in the znode", () -> standby.ingress.hellos() > 0);
                assertThat(client.connected()).as("no welcome before the node is primary").isFalse();
                standby.role.becomePrimary(2);

                EdgeHarness.await("the last 10 answered again", () -> client.acknowledgements().size() == 30);
                final List<Acknowledgement> resentAnswers = client.acknowledgements().subList(20, 30);
                assertThat(resentAnswers).allMatch(ack -> ack.epoch() == 2 && ack.resent())
                    .allMatch(ack -> ack.kind() == AckKind.ACCEPTED);
                final Map<Long, Long> answeredOrderIds = resentAnswers.stream()
                    .collect(Collectors.toMap(Acknowledgement::clientSequence, Acknowledgement::orderId));
                assertThat(answeredOrderIds).isEqualTo(primary.mutedAcceptedOrderIds);
                assertThat(client.resentCommands()).isEqualTo(10);
                assertThat(client.unacknowledged()).isZero();
                assertThat(standby.pipeline.outputSequence()).isEqualTo(40);

                submitCrossingOrders(client, 30, 4);
                EdgeHarness.await("new commands answered by the new primary",
                    () -> client.acknowledgements().size() == 34);
                assertThat(client.acknowledgements().subList(30, 34)).allMatch(ack -> ack.epoch() == 2 &&
                    ack.kind() == AckKind.ACCEPTED && !ack.resent());
                EdgeHarness.await("the fills of the new commands", () -> client.fills().size() == 12);

                sendStaleAccept(client.sessionId(), "127.0.0.1:24603");
                EdgeHarness.await("a stale-epoch answer dropped", () -> client.staleEpochDropped() == 1);
                assertThat(client.highestEpoch()).isEqualTo(2);
                assertThat(client.fills()).extracting(Fill::makerOrderId).doesNotHaveDuplicates();
                EdgeHarness.await("the old primary holds every input of the new one",
                    () -> primary.pipeline.outputSequence() == 44);
            }
        }
        assertThat(standby.pipeline.stateHash()).as("both applied the same inputs, each resend once")
            .isEqualTo(primary.pipeline.stateHash());
    }

    @Test
    void shouldRefuseMalformedCommandsWithoutSequencingThemAndKeepServing() throws Exception
    {
        final long rawSession = 777;
        final EdgeHarness node = new EdgeHarness("node-c", transport.aeron(), 24_611, 1, dir);
        try (node;
            Subscription rawResponses = transport.aeron().addSubscription(
                EdgeEndpoints.channel("127.0.0.1:24612"), EdgeEndpoints.RESPONSE_STREAM_ID);
            Publication raw = transport.aeron().addPublication(
                EdgeEndpoints.channel(node.endpoint), EdgeEndpoints.COMMAND_STREAM_ID))
        {
            node.start();
            node.role.becomePrimary(1);
            publishPrimary(new PrimaryInfo("node-c", node.endpoint, 1));
            final RawResponses answers = new RawResponses(rawResponses);
            final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(256);
            final int helloLength = hello(buffer, rawSession, "127.0.0.1:24612");
            EdgeHarness.await("welcomed", () ->
            {
                raw.offer(buffer, 0, helloLength);
                return answers.poll(SessionWelcomeDecoder.TEMPLATE_ID) != null;
            });

            final int orderLength = new MatchingCommandEncoder().newOrder(buffer, 0, rawSession, 1, 0, 1, 1, 1,
                Side.BUY, OrderType.LIMIT_GTC, 10_000, 10, StpMode.DEFAULT);
            buffer.putByte(MessageHeaderEncoder.ENCODED_LENGTH + NewOrderEncoder.sideEncodingOffset(), (byte)9);
            offer(raw, buffer, orderLength);
            assertThat(refusal(answers)).isEqualTo(RefusalReason.MALFORMED);

            new MatchingCommandEncoder().newOrder(buffer, 0, rawSession, 2, 0, 1, 1, 2, Side.BUY,
                OrderType.LIMIT_GTC, 10_000, 10, StpMode.DEFAULT);
            offer(raw, buffer, 44);
            assertThat(refusal(answers)).isEqualTo(RefusalReason.MALFORMED);

            buffer.putShort(MessageHeaderEncoder.templateIdEncodingOffset(), (short)77);
            offer(raw, buffer, orderLength);
            assertThat(refusal(answers)).isEqualTo(RefusalReason.MALFORMED);

            buffer.putLong(0, 0x0102_0304_0506_0708L);
            offer(raw, buffer, 3);
            EdgeHarness.await("the garbage counted", () -> node.ingress.malformed() == 4);
            assertThat(node.ingress.sequenced()).isZero();

            final List<Integer> otherEvents = new CopyOnWriteArrayList<>();
            final MatchingClientListener listener = new MatchingClientListener()
            {
                @Override
                public void onEvent(final int templateId, final long epoch, final DirectBuffer buffer,
                    final int offset, final int length)
                {
                    otherEvents.add(templateId);
                }
            };
            try (MatchingClient client = newClient("127.0.0.1:24613", listener))
            {
                client.start();
                submitCrossingOrders(client, 0, 2);
                EdgeHarness.await("both answered", () -> client.acknowledgements().size() == 2);
                assertThat(client.acknowledgements()).allMatch(ack -> ack.kind() == AckKind.ACCEPTED);
                assertThat(client.acknowledgements()).extracting(Acknowledgement::orderId).containsExactly(1L, 2L);
                EdgeHarness.await("the fill", () -> client.fills().size() == 1);

                client.submitNewOrder(1, BUY_ACCOUNT, 7, Side.BUY, OrderType.LIMIT_GTC, 10_000, 10, StpMode.NONE);
                client.submitNewOrder(1, BUY_ACCOUNT, 8, Side.SELL, OrderType.LIMIT_GTC, 10_000, 10,
                    StpMode.CANCEL_NEWEST);
                EdgeHarness.await("the self-trade cancel", () -> otherEvents.size() == 1);
                assertThat(otherEvents).containsExactly(OrderCancelledDecoder.TEMPLATE_ID);
                assertThat(client.acknowledgements()).hasSize(4).allMatch(ack -> ack.kind() == AckKind.ACCEPTED);
                assertThat(client.duplicateAnswers()).isZero();
            }
            assertThat(node.ingress.sequenced()).isEqualTo(4);

            node.role.becomeStandby();
            final int validLength = new MatchingCommandEncoder().newOrder(buffer, 0, rawSession, 3, 0, 1, 1, 3,
                Side.BUY, OrderType.LIMIT_GTC, 10_000, 10, StpMode.DEFAULT);
            offer(raw, buffer, validLength);
            assertThat(refusal(answers)).isEqualTo(RefusalReason.NOT_PRIMARY);
            assertThat(node.ingress.sequenced()).isEqualTo(4);
        }
        assertThat(node.pipeline.engineStateHash()).isNotZero();
    }

    private static int hello(final ExpandableArrayBuffer buffer, final long sessionId, final String endpoint)
    {
        final ClientHelloEncoder hello = new ClientHelloEncoder().wrapAndApplyHeader(buffer, 0,
            new MessageHeaderEncoder());
        hello.clientSessionId(sessionId).highestEpochSeen(0).responseEndpoint(endpoint);
        return MessageHeaderEncoder.ENCODED_LENGTH + hello.encodedLength();
    }

    private static void offer(final Publication publication, final ExpandableArrayBuffer buffer, final int length)
    {
        EdgeHarness.await("sent", () -> publication.offer(buffer, 0, length) > 0);
    }

    private static RefusalReason refusal(final RawResponses answers)
    {
        final RefusalReason[] reason = new RefusalReason[1];
        EdgeHarness.await("a refusal", () ->
        {
            final byte[] bytes = answers.poll(CommandRefusedDecoder.TEMPLATE_ID);
            if (bytes != null)
            {
                reason[0] = new CommandRefusedDecoder()
                    .wrapAndApplyHeader(new UnsafeBuffer(bytes), 0, new MessageHeaderDecoder()).reason();
            }
            return bytes != null;
        });
        return reason[0];
    }

    private MatchingClient newClient(final String responseEndpoint)
    {
        return newClient(responseEndpoint, new MatchingClientListener()
        {
        });
    }

    private MatchingClient newClient(final String responseEndpoint, final MatchingClientListener listener)
    {
        return new MatchingClient(new MatchingClient.Context()
            .listener(listener)
            .name("test-client")
            .curator(curator)
            .service(SERVICE)
            .shard(SHARD)
            .aeron(transport.aeron())
            .responseEndpoint(responseEndpoint));
    }

    private void publishPrimary(final PrimaryInfo info) throws Exception
    {
        if (curator.checkExists().forPath(PRIMARY_PATH) != null)
        {
            curator.delete().forPath(PRIMARY_PATH);
        }
        curator.create().creatingParentsIfNeeded().withMode(CreateMode.EPHEMERAL).forPath(PRIMARY_PATH, info.toJson());
    }

    /** Pairs of a buy and a sell at the same price, from two accounts: every second order trades. */
    private static void submitCrossingOrders(final MatchingClient client, final int first, final int count)
    {
        for (int i = first; i < first + count; i++)
        {
            final boolean buy = i % 2 == 0;
            client.submitNewOrder(1, buy ? BUY_ACCOUNT : SELL_ACCOUNT, 1_000 + i, buy ? Side.BUY : Side.SELL,
                OrderType.LIMIT_GTC, 10_000, 10, StpMode.DEFAULT);
        }
    }

    /** What a deposed primary might still send: an answer stamped with epoch 1. */
    private void sendStaleAccept(final long sessionId, final String clientEndpoint)
    {
        try (Publication stale = transport.aeron().addPublication(
            EdgeEndpoints.channel(clientEndpoint), EdgeEndpoints.RESPONSE_STREAM_ID))
        {
            final UnsafeBuffer buffer = new UnsafeBuffer(new byte[128]);
            final OrderAcceptedEncoder accepted =
                new OrderAcceptedEncoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder());
            accepted.frame().epoch(1).sequence(99).clientSessionId(sessionId).clientSequence(999).timestampNs(1);
            accepted.orderId(999).clientOrderId(999).price(10_000).quantity(10).instrumentId(1).accountId(1)
                .side(io.tickkeeper.protocol.sbe.Side.BUY).orderType(io.tickkeeper.protocol.sbe.OrderType.LIMIT_GTC);
            final int length = MessageHeaderEncoder.ENCODED_LENGTH + accepted.encodedLength();
            EdgeHarness.await("the stale answer sent", () -> stale.offer(buffer, 0, length) > 0);
        }
    }
}
