package io.tickkeeper.matching;

import java.util.ArrayList;
import java.util.List;

/** A listener that writes every event as one readable line, for tests that compare event streams. */
final class EventLog implements MatchingEventListener
{
    final List<String> lines = new ArrayList<>();

    /** @return the lines so far, and forgets them. */
    List<String> drain()
    {
        final List<String> drained = new ArrayList<>(lines);
        lines.clear();
        return drained;
    }

    @Override
    public void onAccepted(
        final long timestampNs, final int instrumentId, final long orderId, final int accountId,
        final long clientOrderId, final Side side, final OrderType type, final long price, final long quantity)
    {
        lines.add("accepted t=" + timestampNs + " i=" + instrumentId + " id=" + orderId + " a=" + accountId
            + " c=" + clientOrderId + " " + side + " " + type + " " + quantity + "@" + price);
    }

    @Override
    public void onRejected(
        final long timestampNs, final int instrumentId, final long orderId, final int accountId,
        final long clientOrderId, final ResultCode code)
    {
        lines.add("rejected t=" + timestampNs + " i=" + instrumentId + " id=" + orderId + " a=" + accountId
            + " c=" + clientOrderId + " " + code);
    }

    @Override
    public void onTrade(
        final long timestampNs, final int instrumentId, final long price, final long quantity,
        final long takerOrderId, final int takerAccountId, final Side takerSide, final long takerLeavesQuantity,
        final long makerOrderId, final int makerAccountId, final long makerLeavesQuantity)
    {
        lines.add("trade t=" + timestampNs + " i=" + instrumentId + " " + quantity + "@" + price
            + " taker=" + takerOrderId + "/" + takerAccountId + "/" + takerSide + " leaves=" + takerLeavesQuantity
            + " maker=" + makerOrderId + "/" + makerAccountId + " leaves=" + makerLeavesQuantity);
    }

    @Override
    public void onCancelled(
        final long timestampNs, final int instrumentId, final long orderId, final int accountId, final long quantity,
        final CancelReason reason)
    {
        lines.add("cancelled t=" + timestampNs + " i=" + instrumentId + " id=" + orderId + " a=" + accountId
            + " q=" + quantity + " " + reason);
    }

    @Override
    public void onReplaced(
        final long timestampNs, final int instrumentId, final long orderId, final int accountId, final long price,
        final long quantity, final boolean keptPriority)
    {
        lines.add("replaced t=" + timestampNs + " i=" + instrumentId + " id=" + orderId + " a=" + accountId
            + " " + quantity + "@" + price + (keptPriority ? " kept" : " lost"));
    }

    @Override
    public void onExpired(
        final long timestampNs, final int instrumentId, final long orderId, final int accountId, final long quantity)
    {
        lines.add("expired t=" + timestampNs + " i=" + instrumentId + " id=" + orderId + " a=" + accountId
            + " q=" + quantity);
    }
}
