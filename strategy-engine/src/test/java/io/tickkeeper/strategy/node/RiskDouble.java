package io.tickkeeper.strategy.node;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.aeron.Aeron;
import io.aeron.Publication;
import io.tickkeeper.coordinator.ZkPaths;
import io.tickkeeper.coordinator.election.PrimaryInfo;
import io.tickkeeper.node.edge.CommandIngress;
import io.tickkeeper.node.edge.EdgeRole;
import io.tickkeeper.node.edge.ResponseRoutes;
import io.tickkeeper.protocol.sbe.BooleanType;
import io.tickkeeper.protocol.sbe.ExecType;
import io.tickkeeper.protocol.sbe.MessageHeaderDecoder;
import io.tickkeeper.protocol.sbe.MessageHeaderEncoder;
import io.tickkeeper.protocol.sbe.OrdStatus;
import io.tickkeeper.protocol.sbe.OrderType;
import io.tickkeeper.protocol.sbe.RiskAccountSessionAckEncoder;
import io.tickkeeper.protocol.sbe.RiskAccountSessionDecoder;
import io.tickkeeper.protocol.sbe.RiskCancelOrderDecoder;
import io.tickkeeper.protocol.sbe.RiskExecutionReportEncoder;
import io.tickkeeper.protocol.sbe.RiskNewOrderDecoder;
import io.tickkeeper.protocol.sbe.RiskReplaceOrderDecoder;
import io.tickkeeper.protocol.sbe.RiskRejectReason;
import io.tickkeeper.protocol.sbe.Side;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.apache.curator.framework.CuratorFramework;

/**
 * A test double of the risk manager's client edge, for the strategy node's test (the risk manager's own node was
 * not committed when this test was written): a real {@link CommandIngress} and {@link ResponseRoutes} behind the
 * risk primary znode, answering like a risk manager in front of a market that never fills: a limit order is
 * accepted at once (ER NEW), an IOC or market order expires (ER EXPIRED), a cancel is done (ER CANCELED), a replace
 * too (ER REPLACED), an account log-on gets its RiskAccountSessionAck. Like the risk manager's session table it
 * applies a command once per (session, clientSequence) and answers a repeat with the first answer.
 */
final class RiskDouble implements AutoCloseable
{
    /** An account log-on as the double applied it. */
    record LogOn(long sessionId, long clientSequence, int accountId)
    {
    }

    final List<String> newOrders = new CopyOnWriteArrayList<>();
    final List<Long> orderSequences = new CopyOnWriteArrayList<>();
    final List<LogOn> logOns = new CopyOnWriteArrayList<>();
    volatile int repeats;

    private final ResponseRoutes routes;
    private final CommandIngress ingress;
    private final Map<String, byte[]> answers = new HashMap<>();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final RiskNewOrderDecoder newOrder = new RiskNewOrderDecoder();
    private final RiskCancelOrderDecoder cancel = new RiskCancelOrderDecoder();
    private final RiskReplaceOrderDecoder replace = new RiskReplaceOrderDecoder();
    private final RiskAccountSessionDecoder logOn = new RiskAccountSessionDecoder();
    private final RiskExecutionReportEncoder report = new RiskExecutionReportEncoder();
    private final RiskAccountSessionAckEncoder ack = new RiskAccountSessionAckEncoder();
    private final UnsafeBuffer answer = new UnsafeBuffer(new byte[256]);
    private long sequence;

    RiskDouble(final Aeron aeron, final CuratorFramework curator, final String endpoint) throws Exception
    {
        routes = new ResponseRoutes(aeron, 16);
        final EdgeRole role = new EdgeRole();
        role.becomePrimary(1);
        ingress = new CommandIngress(new CommandIngress.Context()
            .name("risk-double")
            .aeron(aeron)
            .endpoint(endpoint)
            .sequencer(this::apply)
            .check((buffer, offset, length) ->
            {
            })
            .routes(routes)
            .role(role));
        ingress.start();
        curator.create().creatingParentsIfNeeded().forPath(ZkPaths.primary(StrategyService.RISK_SERVICE, "0"),
            new PrimaryInfo("risk-double", endpoint, 1).toJson());
    }

    @Override
    public void close()
    {
        ingress.close();
        routes.close();
    }

    /** On the ingress thread: one command, applied once. */
    private long apply(final DirectBuffer buffer, final int offset, final int length)
    {
        header.wrap(buffer, offset);
        final int at = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        final long session;
        final long clientSequence;
        switch (header.templateId())
        {
            case RiskNewOrderDecoder.TEMPLATE_ID:
                newOrder.wrapAndApplyHeader(buffer, offset, header);
                session = newOrder.frame().clientSessionId();
                clientSequence = newOrder.frame().clientSequence();
                break;
            case RiskCancelOrderDecoder.TEMPLATE_ID:
                cancel.wrapAndApplyHeader(buffer, offset, header);
                session = cancel.frame().clientSessionId();
                clientSequence = cancel.frame().clientSequence();
                break;
            case RiskReplaceOrderDecoder.TEMPLATE_ID:
                replace.wrapAndApplyHeader(buffer, offset, header);
                session = replace.frame().clientSessionId();
                clientSequence = replace.frame().clientSequence();
                break;
            case RiskAccountSessionDecoder.TEMPLATE_ID:
                logOn.wrapAndApplyHeader(buffer, offset, header);
                session = logOn.frame().clientSessionId();
                clientSequence = logOn.frame().clientSequence();
                break;
            default:
                throw new IllegalArgumentException("not a risk command: " + header.templateId() + " at " + at);
        }
        final String key = session + "/" + clientSequence;
        byte[] bytes = answers.get(key);
        if (bytes != null)
        {
            repeats++;
        }
        else
        {
            sequence++;
            final int answerLength = answer(session, clientSequence);
            bytes = new byte[answerLength];
            answer.getBytes(0, bytes);
            answers.put(key, bytes);
        }
        final Publication publication = routes.route(session);
        if (publication != null)
        {
            final UnsafeBuffer out = new UnsafeBuffer(bytes);
            for (int attempt = 0; attempt < 1_000 && publication.offer(out, 0, bytes.length) < 0; attempt++)
            {
                Thread.onSpinWait();
            }
        }
        return sequence;
    }

    private int answer(final long session, final long clientSequence)
    {
        if (header.templateId() == RiskAccountSessionDecoder.TEMPLATE_ID)
        {
            logOns.add(new LogOn(session, clientSequence, logOn.accountId()));
            ack.wrapAndApplyHeader(answer, 0, new MessageHeaderEncoder());
            ack.frame().epoch(1).sequence(sequence).clientSessionId(session).clientSequence(clientSequence)
                .timestampNs(0);
            ack.accountId(logOn.accountId()).openOrders(0).connected(logOn.connected()).served(BooleanType.TRUE);
            return MessageHeaderEncoder.ENCODED_LENGTH + ack.encodedLength();
        }
        report.wrapAndApplyHeader(answer, 0, new MessageHeaderEncoder());
        report.frame().epoch(1).sequence(sequence).clientSessionId(session).clientSequence(clientSequence)
            .timestampNs(0);
        report.execId(sequence).orderId(sequence).lastPrice(0).lastQuantity(0).cumQuantity(0).notionalFilled(0)
            .rejectReason(RiskRejectReason.NONE).matchingResultCode(0);
        switch (header.templateId())
        {
            case RiskNewOrderDecoder.TEMPLATE_ID:
            {
                newOrders.add(newOrder.clOrdId());
                orderSequences.add(clientSequence);
                final OrderType type = newOrder.orderType();
                final boolean rests = type != OrderType.IOC && type != OrderType.MARKET && type != OrderType.FOK;
                report.price(newOrder.price()).quantity(newOrder.quantity())
                    .leavesQuantity(rests ? newOrder.quantity() : 0)
                    .instrumentId(newOrder.instrumentId()).accountId(newOrder.accountId())
                    .side(newOrder.side()).orderType(type)
                    .execType(rests ? ExecType.NEW : ExecType.EXPIRED)
                    .ordStatus(rests ? OrdStatus.NEW : OrdStatus.EXPIRED)
                    .clOrdId(newOrder.clOrdId()).origClOrdId("");
                break;
            }
            case RiskCancelOrderDecoder.TEMPLATE_ID:
                report.price(0).quantity(0).leavesQuantity(0)
                    .instrumentId(cancel.instrumentId()).accountId(cancel.accountId())
                    .side(Side.BUY).orderType(OrderType.LIMIT_GTC)
                    .execType(ExecType.CANCELED).ordStatus(OrdStatus.CANCELED)
                    .clOrdId(cancel.clOrdId()).origClOrdId(cancel.origClOrdId());
                break;
            default:
                report.price(replace.newPrice()).quantity(replace.newQuantity()).leavesQuantity(replace.newQuantity())
                    .instrumentId(replace.instrumentId()).accountId(replace.accountId())
                    .side(Side.BUY).orderType(OrderType.LIMIT_GTC)
                    .execType(ExecType.REPLACED).ordStatus(OrdStatus.NEW)
                    .clOrdId(replace.clOrdId()).origClOrdId(replace.origClOrdId());
                break;
        }
        return MessageHeaderEncoder.ENCODED_LENGTH + report.encodedLength();
    }
}
