package io.tickkeeper.risk;

import io.tickkeeper.protocol.sbe.OrderType;
import io.tickkeeper.protocol.sbe.Side;

/** A command forwarded to a matching shard that no matching report has answered yet. */
final class ForwardedCommand
{
    static final int NEW_ORDER = 1;
    static final int CANCEL = 2;
    static final int REPLACE = 3;
    static final int REFERENCE_PRICE = 4;

    int kind;
    long clientSequence;
    long timestampNs;
    long orderId;
    long price;
    long quantity;
    int instrumentId;
    int accountId;
    Side side = Side.BUY;
    OrderType orderType = OrderType.LIMIT_GTC;
}
