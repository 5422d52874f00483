package io.tickkeeper.matching.service;

import io.tickkeeper.matching.CancelReason;
import io.tickkeeper.matching.OrderType;
import io.tickkeeper.matching.ResultCode;
import io.tickkeeper.matching.Side;
import io.tickkeeper.matching.StpMode;

/**
 * Maps the matching engine's enums to the wire's and back. The switches are exhaustive on the engine's side, so a
 * new constant there does not compile until it has a wire value; an unknown or null wire value is refused.
 */
final class ProtocolEnums
{
    private ProtocolEnums()
    {
    }

    static Side side(final io.tickkeeper.protocol.sbe.Side wire)
    {
        switch (wire)
        {
            case BUY:
                return Side.BUY;
            case SELL:
                return Side.SELL;
            default:
                throw new IllegalArgumentException("no side for wire value " + wire);
        }
    }

    static io.tickkeeper.protocol.sbe.Side wire(final Side side)
    {
        return switch (side)
        {
            case BUY -> io.tickkeeper.protocol.sbe.Side.BUY;
            case SELL -> io.tickkeeper.protocol.sbe.Side.SELL;
        };
    }

    static OrderType orderType(final io.tickkeeper.protocol.sbe.OrderType wire)
    {
        switch (wire)
        {
            case LIMIT_GTC:
                return OrderType.LIMIT_GTC;
            case LIMIT_DAY:
                return OrderType.LIMIT_DAY;
            case MARKET:
                return OrderType.MARKET;
            case IOC:
                return OrderType.IOC;
            case FOK:
                return OrderType.FOK;
            case POST_ONLY:
                return OrderType.POST_ONLY;
            default:
                throw new IllegalArgumentException("no order type for wire value " + wire);
        }
    }

    static io.tickkeeper.protocol.sbe.OrderType wire(final OrderType type)
    {
        return switch (type)
        {
            case LIMIT_GTC -> io.tickkeeper.protocol.sbe.OrderType.LIMIT_GTC;
            case LIMIT_DAY -> io.tickkeeper.protocol.sbe.OrderType.LIMIT_DAY;
            case MARKET -> io.tickkeeper.protocol.sbe.OrderType.MARKET;
            case IOC -> io.tickkeeper.protocol.sbe.OrderType.IOC;
            case FOK -> io.tickkeeper.protocol.sbe.OrderType.FOK;
            case POST_ONLY -> io.tickkeeper.protocol.sbe.OrderType.POST_ONLY;
        };
    }

    static StpMode stpMode(final io.tickkeeper.protocol.sbe.StpMode wire)
    {
        switch (wire)
        {
            case NONE:
                return StpMode.NONE;
            case CANCEL_NEWEST:
                return StpMode.CANCEL_NEWEST;
            case CANCEL_OLDEST:
                return StpMode.CANCEL_OLDEST;
            case CANCEL_BOTH:
                return StpMode.CANCEL_BOTH;
            default:
                throw new IllegalArgumentException("no STP mode for wire value " + wire);
        }
    }

    static io.tickkeeper.protocol.sbe.StpMode wire(final StpMode mode)
    {
        return switch (mode)
        {
            case NONE -> io.tickkeeper.protocol.sbe.StpMode.NONE;
            case CANCEL_NEWEST -> io.tickkeeper.protocol.sbe.StpMode.CANCEL_NEWEST;
            case CANCEL_OLDEST -> io.tickkeeper.protocol.sbe.StpMode.CANCEL_OLDEST;
            case CANCEL_BOTH -> io.tickkeeper.protocol.sbe.StpMode.CANCEL_BOTH;
        };
    }

    static io.tickkeeper.protocol.sbe.CancelReason wire(final CancelReason reason)
    {
        return switch (reason)
        {
            case USER -> io.tickkeeper.protocol.sbe.CancelReason.USER;
            case SELF_TRADE_PREVENTION -> io.tickkeeper.protocol.sbe.CancelReason.SELF_TRADE_PREVENTION;
        };
    }

    static CancelReason cancelReason(final io.tickkeeper.protocol.sbe.CancelReason wire)
    {
        switch (wire)
        {
            case USER:
                return CancelReason.USER;
            case SELF_TRADE_PREVENTION:
                return CancelReason.SELF_TRADE_PREVENTION;
            default:
                throw new IllegalArgumentException("no cancel reason for wire value " + wire);
        }
    }

    /** Result codes travel as their stable numbers, which both enums share. */
    static io.tickkeeper.protocol.sbe.ResultCode wire(final ResultCode code)
    {
        return io.tickkeeper.protocol.sbe.ResultCode.get(code.code());
    }

    static ResultCode resultCode(final io.tickkeeper.protocol.sbe.ResultCode wire)
    {
        final ResultCode code = ResultCode.fromCode(wire.value());
        if (code == null)
        {
            throw new IllegalArgumentException("no result code for wire value " + wire);
        }
        return code;
    }
}
