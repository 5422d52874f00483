package io.tickkeeper.strategy.service;

import io.tickkeeper.protocol.sbe.InputFrameEncoder;
import io.tickkeeper.protocol.sbe.MessageHeaderEncoder;
import io.tickkeeper.protocol.sbe.OrderType;
import io.tickkeeper.protocol.sbe.RiskCancelOrderEncoder;
import io.tickkeeper.protocol.sbe.RiskNewOrderEncoder;
import io.tickkeeper.protocol.sbe.RiskReplaceOrderEncoder;
import io.tickkeeper.protocol.sbe.Side;
import io.tickkeeper.runtime.OutputSink;
import io.tickkeeper.strategy.RiskCommandSink;

/**
 * The outbound boundary of the strategy engine: encodes its commands as the risk manager's RiskNewOrder,
 * RiskCancelOrder and RiskReplaceOrder inputs into the current input's output area. Each carries the engine's
 * client session and its replicated command counter as {@code (clientSessionId, clientSequence)}, so the risk
 * manager applies a command resent by a new strategy primary only once. Epoch and sequence are left 0: the risk
 * primary stamps them.
 */
public final class RiskCommandEncoder implements RiskCommandSink
{
    /** Bytes the longest command takes. */
    public static final int MAX_LENGTH = MessageHeaderEncoder.ENCODED_LENGTH + Math.max(
        RiskNewOrderEncoder.BLOCK_LENGTH,
        Math.max(RiskCancelOrderEncoder.BLOCK_LENGTH, RiskReplaceOrderEncoder.BLOCK_LENGTH));

    private final long clientSessionId;
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final RiskNewOrderEncoder newOrder = new RiskNewOrderEncoder();
    private final RiskCancelOrderEncoder cancel = new RiskCancelOrderEncoder();
    private final RiskReplaceOrderEncoder replace = new RiskReplaceOrderEncoder();
    private OutputSink out;

    /** @param clientSessionId the strategy engine's session with the risk manager; the same on every node. */
    public RiskCommandEncoder(final long clientSessionId)
    {
        this.clientSessionId = clientSessionId;
    }

    /** Sends what follows to the output area of the input being applied. */
    void begin(final OutputSink out)
    {
        this.out = out;
    }

    /** The input is done. */
    void end()
    {
        out = null;
    }

    @Override
    public void newOrder(
        final long clientSequence, final long timestampNs, final int accountId, final int instrumentId,
        final String clOrdId, final Side side, final OrderType type, final long price, final long quantity)
    {
        final int offset = claim();
        newOrder.wrapAndApplyHeader(out.buffer(), offset, header);
        frame(newOrder.frame(), clientSequence, timestampNs);
        newOrder.price(price)
            .quantity(quantity)
            .instrumentId(instrumentId)
            .accountId(accountId)
            .side(side)
            .orderType(type)
            .clOrdId(clOrdId);
        out.commit(MessageHeaderEncoder.ENCODED_LENGTH + newOrder.encodedLength());
    }

    @Override
    public void cancel(
        final long clientSequence, final long timestampNs, final int accountId, final int instrumentId,
        final String clOrdId, final String origClOrdId)
    {
        final int offset = claim();
        cancel.wrapAndApplyHeader(out.buffer(), offset, header);
        frame(cancel.frame(), clientSequence, timestampNs);
        cancel.instrumentId(instrumentId)
            .accountId(accountId)
            .clOrdId(clOrdId)
            .origClOrdId(origClOrdId);
        out.commit(MessageHeaderEncoder.ENCODED_LENGTH + cancel.encodedLength());
    }

    @Override
    public void replace(
        final long clientSequence, final long timestampNs, final int accountId, final int instrumentId,
        final String clOrdId, final String origClOrdId, final long newPrice, final long newQuantity)
    {
        final int offset = claim();
        replace.wrapAndApplyHeader(out.buffer(), offset, header);
        frame(replace.frame(), clientSequence, timestampNs);
        replace.newPrice(newPrice)
            .newQuantity(newQuantity)
            .instrumentId(instrumentId)
            .accountId(accountId)
            .clOrdId(clOrdId)
            .origClOrdId(origClOrdId);
        out.commit(MessageHeaderEncoder.ENCODED_LENGTH + replace.encodedLength());
    }

    private int claim()
    {
        if (out == null)
        {
            throw new IllegalStateException("a command outside an input");
        }
        return out.claim(MAX_LENGTH);
    }

    private void frame(final InputFrameEncoder frame, final long clientSequence, final long timestampNs)
    {
        frame.epoch(0)
            .sequence(0)
            .clientSessionId(clientSessionId)
            .clientSequence(clientSequence)
            .timestampNs(timestampNs);
    }
}
