package io.tickkeeper.gateway;

import io.tickkeeper.node.client.ServiceAnswer;
import io.tickkeeper.node.client.ServiceClient;
import io.tickkeeper.node.client.ServiceClientListener;
import io.tickkeeper.protocol.sbe.CommandRefusedDecoder;
import io.tickkeeper.protocol.sbe.MessageHeaderDecoder;
import io.tickkeeper.protocol.sbe.RiskAccountSessionAckDecoder;
import io.tickkeeper.protocol.sbe.RiskCancelRejectDecoder;
import io.tickkeeper.protocol.sbe.RiskExecutionReportDecoder;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link RiskChannel} of a running gateway: a {@link ServiceClient} of the risk service, which follows the risk
 * primary, resends unanswered commands to a new one and drops events of a stale epoch. An execution report, a
 * cancel reject, an account-session acknowledgement or a refusal answers a command ({@link #isAnswer(int)}); every
 * execution report and cancel reject of the session, answer or not, goes to the gateway (acknowledgements and
 * refusals are only logged).
 */
public final class ServiceRiskChannel implements RiskChannel, AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(ServiceRiskChannel.class);

    private final ServiceClient client;
    private volatile RiskEventListener listener;

    /**
     * @param context the client's settings but its listener and answers, which this channel sets.
     */
    public ServiceRiskChannel(final ServiceClient.Context context)
    {
        context.answers(ServiceRiskChannel::isAnswer);
        context.listener(new Forwarder());
        this.client = new ServiceClient(context);
    }

    /**
     * Which risk events answer a command of the gateway: without an answer, the client resends the command to every
     * new primary (and holds it forever).
     *
     * @param templateId an event's template id.
     * @return true for RiskExecutionReport (551), RiskCancelReject (552), RiskAccountSessionAck (554) and
     *         CommandRefused.
     */
    static boolean isAnswer(final int templateId)
    {
        return templateId == RiskExecutionReportDecoder.TEMPLATE_ID
            || templateId == RiskCancelRejectDecoder.TEMPLATE_ID
            || templateId == RiskAccountSessionAckDecoder.TEMPLATE_ID
            || templateId == CommandRefusedDecoder.TEMPLATE_ID;
    }

    @Override
    public void start(final RiskEventListener listener)
    {
        this.listener = listener;
        client.start();
    }

    @Override
    public long sessionId()
    {
        return client.sessionId();
    }

    @Override
    public void send(final MutableDirectBuffer buffer, final int offset, final int length)
    {
        client.submit(buffer, offset, length);
    }

    /** @return the client underneath, for its counters. */
    public ServiceClient client()
    {
        return client;
    }

    @Override
    public void close()
    {
        client.close();
    }

    /** Hands every event of the session to the gateway. */
    private final class Forwarder implements ServiceClientListener
    {
        private final MessageHeaderDecoder header = new MessageHeaderDecoder();
        private final CommandRefusedDecoder refused = new CommandRefusedDecoder();

        @Override
        public void onAnswer(final ServiceAnswer answer, final DirectBuffer buffer, final int offset, final int length)
        {
            if (answer.templateId() == CommandRefusedDecoder.TEMPLATE_ID)
            {
                LOG.warn("risk refused command {} of session {}: {}", answer.clientSequence(), client.sessionId(),
                    refused.wrapAndApplyHeader(buffer, offset, header).reason());
                return;
            }
            if (answer.templateId() == RiskAccountSessionAckDecoder.TEMPLATE_ID)
            {
                LOG.debug("risk acknowledged account session command {}", answer.clientSequence());
                return;
            }
            listener.onRiskEvent(buffer, offset, length);
        }

        @Override
        public void onEvent(final int templateId, final long epoch, final DirectBuffer buffer, final int offset,
            final int length)
        {
            listener.onRiskEvent(buffer, offset, length);
        }
    }
}
