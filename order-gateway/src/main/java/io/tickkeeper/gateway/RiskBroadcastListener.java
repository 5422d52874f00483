package io.tickkeeper.gateway;

import java.util.function.Consumer;

import io.tickkeeper.node.broadcast.BroadcastListener;
import io.tickkeeper.protocol.sbe.MessageHeaderDecoder;
import io.tickkeeper.protocol.sbe.RiskExecutionReportDecoder;
import io.tickkeeper.protocol.sbe.RiskTradeDecoder;
import org.agrona.DirectBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import quickfix.Message;

/**
 * The gateway's end of the risk primary's broadcast (engine-node's {@code BroadcastSubscriber}, which has already
 * dropped what a deposed primary sent): a public trade (RiskTrade) goes to {@link MarketData} (MDEntryType 2), a copy
 * of a RiskExecutionReport of any account, logged on here or elsewhere, goes to every drop-copy session of this
 * gateway as an ExecutionReport(8).
 * <p>
 * Each ExecID reaches the drop copies once: the risk manager numbers its reports in the order it sequences inputs,
 * the same on every primary, so a report whose ExecID is not above the highest forwarded is a repeat (the answer to
 * a resent command, broadcast again) and is dropped ({@link #repeatedReports()}). Other templates are ignored.
 * <p>
 * Runs on the thread that polls the subscriber; the counters may be read from any thread.
 */
final class RiskBroadcastListener implements BroadcastListener
{
    private static final Logger LOG = LoggerFactory.getLogger(RiskBroadcastListener.class);

    private final MarketData marketData;
    private final Consumer<Message> dropCopies;
    private final RiskToFix riskToFix = new RiskToFix();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final RiskExecutionReportDecoder report = new RiskExecutionReportDecoder();
    private final RiskTradeDecoder trade = new RiskTradeDecoder();
    private long highestExecId;
    private volatile long reports;
    private volatile long repeatedReports;
    private volatile long trades;

    /**
     * @param marketData takes the public trades.
     * @param dropCopies sends one report to every drop-copy session of the gateway.
     */
    RiskBroadcastListener(final MarketData marketData, final Consumer<Message> dropCopies)
    {
        this.marketData = marketData;
        this.dropCopies = dropCopies;
    }

    @Override
    public void onMessage(final long epoch, final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < MessageHeaderDecoder.ENCODED_LENGTH)
        {
            return;
        }
        try
        {
            header.wrap(buffer, offset);
            final int bodyOffset = offset + MessageHeaderDecoder.ENCODED_LENGTH;
            switch (header.templateId())
            {
                case RiskExecutionReportDecoder.TEMPLATE_ID:
                    report.wrap(buffer, bodyOffset, header.blockLength(), header.version());
                    onReport();
                    break;
                case RiskTradeDecoder.TEMPLATE_ID:
                    trade.wrap(buffer, bodyOffset, header.blockLength(), header.version());
                    trades++;
                    marketData.onTrade(trade.instrumentId(), trade.price(), trade.quantity());
                    break;
                default:
                    break;
            }
        }
        catch (final RuntimeException ex)
        {
            LOG.error("broadcast risk event (template {}) of epoch {} not delivered", header.templateId(), epoch, ex);
        }
    }

    /** @return execution reports sent to the drop copies. */
    long reports()
    {
        return reports;
    }

    /** @return execution reports dropped because their ExecID had been forwarded already. */
    long repeatedReports()
    {
        return repeatedReports;
    }

    /** @return public trades handed to market data. */
    long trades()
    {
        return trades;
    }

    private void onReport()
    {
        final long execId = report.execId();
        if (execId <= highestExecId)
        {
            repeatedReports++;
            return;
        }
        highestExecId = execId;
        reports++;
        dropCopies.accept(riskToFix.executionReport(report));
    }
}
