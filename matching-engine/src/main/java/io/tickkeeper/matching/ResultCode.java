package io.tickkeeper.matching;

/**
 * Why the matching engine rejected a command. A rejected command never changes any state.
 * Codes are grouped: 1xx instrument and validation, 2xx order lookup, 3xx matching rules.
 * The numeric code is stable on the wire; never renumber.
 */
public enum ResultCode
{
    UNKNOWN_INSTRUMENT(101, "unknown instrument"),
    INVALID_QUANTITY(102, "quantity must be positive"),
    QUANTITY_OFF_LOT(103, "quantity is not a multiple of the lot size"),
    QUANTITY_BELOW_MIN(104, "quantity is below the instrument's minimum"),
    QUANTITY_ABOVE_MAX(105, "quantity is above the instrument's maximum"),
    INVALID_PRICE(106, "a limit price must be positive; a market order must have price 0"),
    PRICE_OFF_TICK(107, "price is not a multiple of the tick size"),
    PRICE_OUTSIDE_BAND(108, "price is outside the band around the reference price"),
    UNKNOWN_ORDER(201, "no such open order"),
    NOT_ORDER_OWNER(202, "the order belongs to another account"),
    DUPLICATE_CLIENT_ORDER_ID(203, "the account already has an open order with this client order id"),
    POST_ONLY_WOULD_CROSS(301, "a post-only order would trade on arrival");

    private static final ResultCode[] BY_CODE = new ResultCode[400];

    static
    {
        for (final ResultCode code : values())
        {
            BY_CODE[code.code] = code;
        }
    }

    private final int code;
    private final String reason;

    ResultCode(final int code, final String reason)
    {
        this.code = code;
        this.reason = reason;
    }

    /** @return the stable numeric code used on the wire. */
    public int code()
    {
        return code;
    }

    /** @return a one-line reason for users. */
    public String reason()
    {
        return reason;
    }

    /**
     * @param code a numeric code from the wire.
     * @return the result code, or null when the number is not a known code.
     */
    public static ResultCode fromCode(final int code)
    {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
