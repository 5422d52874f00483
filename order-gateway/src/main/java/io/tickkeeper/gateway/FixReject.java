package io.tickkeeper.gateway;

/**
 * Why the gateway itself refused a well-formed FIX request before it reached the risk manager. The request is
 * answered with an ExecutionReport (ExecType 8) or an OrderCancelReject carrying {@link #text()}; the session stays
 * up.
 */
public enum FixReject
{
    /** Nothing wrong: the request was encoded for the risk manager. */
    NONE(0, ""),
    /** Symbol(55) is not {@code TK<id>} of a configured instrument. */
    UNKNOWN_SYMBOL(1, "unknown symbol"),
    /** Price(44) is not a positive whole number of cents. */
    INVALID_PRICE(99, "Price must be positive with at most 2 decimals"),
    /** A limit order without Price(44). */
    MISSING_PRICE(99, "a limit order needs Price(44)"),
    /** A market order with Price(44). */
    PRICE_ON_MARKET_ORDER(99, "a market order carries no Price(44)"),
    /** OrderQty(38) is not a positive whole number. */
    INVALID_QUANTITY(13, "OrderQty must be a positive whole number"),
    /** OrdType(40) other than 1 market or 2 limit (for a replace: other than 2). */
    UNSUPPORTED_ORD_TYPE(11, "unsupported OrdType"),
    /** TimeInForce(59) other than 0, 1, 3, 4, or not allowed with the order type. */
    UNSUPPORTED_TIME_IN_FORCE(11, "unsupported TimeInForce for this OrdType"),
    /** ExecInst(18) with an instruction other than 6 (participate don't initiate: post only). */
    UNSUPPORTED_EXEC_INST(11, "unsupported ExecInst (only 6 post only)"),
    /** Post only (ExecInst 6) on anything but a GTC limit order. */
    POST_ONLY_NOT_GTC_LIMIT(11, "post only (ExecInst 6) needs OrdType 2 and TimeInForce 1 or none"),
    /** Side(54) other than 1 buy or 2 sell. */
    UNSUPPORTED_SIDE(11, "unsupported Side (only 1 buy, 2 sell)"),
    /** ClOrdID(11) is not 1-32 printable ASCII characters without spaces. */
    INVALID_CL_ORD_ID(99, "ClOrdID must be 1-32 printable ASCII characters without spaces"),
    /** OrigClOrdID(41) is not 1-32 printable ASCII characters without spaces. */
    INVALID_ORIG_CL_ORD_ID(99, "OrigClOrdID must be 1-32 printable ASCII characters without spaces");

    private final int ordRejReason;
    private final String text;

    FixReject(final int ordRejReason, final String text)
    {
        this.ordRejReason = ordRejReason;
        this.text = text;
    }

    /** @return the FIX OrdRejReason(103) an ExecutionReport carries for it. */
    public int ordRejReason()
    {
        return ordRejReason;
    }

    /** @return the Text(58) the answer carries. */
    public String text()
    {
        return text;
    }
}
