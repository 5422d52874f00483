package io.tickkeeper.gateway;

import io.tickkeeper.protocol.sbe.BooleanType;
import io.tickkeeper.protocol.sbe.MessageHeaderEncoder;
import io.tickkeeper.protocol.sbe.OrderType;
import io.tickkeeper.protocol.sbe.RiskAccountSessionEncoder;
import io.tickkeeper.protocol.sbe.RiskCancelOrderEncoder;
import io.tickkeeper.protocol.sbe.RiskNewOrderEncoder;
import io.tickkeeper.protocol.sbe.RiskOrderStatusRequestEncoder;
import io.tickkeeper.protocol.sbe.RiskReplaceOrderEncoder;
import io.tickkeeper.protocol.sbe.Side;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.sbe.MessageEncoderFlyweight;
import quickfix.FieldMap;
import quickfix.FieldNotFound;

/**
 * The inbound codec boundary: a validated FIX 4.4 request of an account becomes one risk command (SBE, templates
 * 501-505) in this mapper's buffer, or a {@link FixReject} saying why the gateway refuses it. QuickFIX/J's data
 * dictionary has already checked required tags and value formats; this class checks what the dictionary cannot
 * (symbols, cents, supported order types, ClOrdID). The input frame's session and sequence are left 0 for the
 * {@link RiskChannel} to stamp. One instance per thread; the encoded command is valid until the next call.
 */
public final class FixToRisk
{
    private static final int CL_ORD_ID_MAX = 32;
    private static final char SIDE_BUY = '1';
    private static final char SIDE_SELL = '2';
    private static final char ORD_TYPE_MARKET = '1';
    private static final char ORD_TYPE_LIMIT = '2';
    private static final char TIF_DAY = '0';
    private static final char TIF_GTC = '1';
    private static final char TIF_IOC = '3';
    private static final char TIF_FOK = '4';
    private static final char TIF_NONE = ' ';
    private static final char EXEC_INST_POST_ONLY = '6';

    private final Symbols symbols;
    private final MutableDirectBuffer buffer = new ExpandableArrayBuffer(256);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final RiskNewOrderEncoder newOrder = new RiskNewOrderEncoder();
    private final RiskCancelOrderEncoder cancel = new RiskCancelOrderEncoder();
    private final RiskReplaceOrderEncoder replace = new RiskReplaceOrderEncoder();
    private final RiskOrderStatusRequestEncoder status = new RiskOrderStatusRequestEncoder();
    private final RiskAccountSessionEncoder accountSession = new RiskAccountSessionEncoder();
    private int length;
    private String referenceClOrdId;
    private String referenceOrigClOrdId;
    private int referenceInstrumentId;

    /** @param symbols the instruments the gateway accepts. */
    public FixToRisk(final Symbols symbols)
    {
        this.symbols = symbols;
    }

    /** @return the buffer holding the last encoded command, message header first at offset 0. */
    public MutableDirectBuffer buffer()
    {
        return buffer;
    }

    /** @return the length of the last encoded command, header included; 0 when the last call refused. */
    public int length()
    {
        return length;
    }

    /**
     * NewOrderSingle(D) → RiskNewOrder.
     *
     * @param message     the request.
     * @param accountId   the account of the session it came on.
     * @param timestampNs when it arrived.
     * @return {@link FixReject#NONE} when encoded, else why not.
     */
    public FixReject newOrder(final FieldMap message, final int accountId, final long timestampNs)
    {
        length = 0;
        final String clOrdId = field(message, 11);
        if (!validClOrdId(clOrdId))
        {
            return FixReject.INVALID_CL_ORD_ID;
        }
        final int instrumentId = symbols.instrumentId(field(message, 55));
        if (instrumentId == Symbols.UNKNOWN)
        {
            return FixReject.UNKNOWN_SYMBOL;
        }
        final Side side = side(field(message, 54));
        if (side == null)
        {
            return FixReject.UNSUPPORTED_SIDE;
        }
        final long quantity = Prices.parseQuantity(field(message, 38));
        if (quantity == Prices.INVALID)
        {
            return FixReject.INVALID_QUANTITY;
        }
        final char ordType = firstChar(field(message, 40));
        final String priceText = field(message, 44);
        final char timeInForce = firstChar(field(message, 59));
        final String execInst = field(message, 18);
        final boolean postOnly;
        if (execInst == null || execInst.isBlank())
        {
            postOnly = false;
        }
        else if (execInst.trim().equals(String.valueOf(EXEC_INST_POST_ONLY)))
        {
            postOnly = true;
        }
        else
        {
            return FixReject.UNSUPPORTED_EXEC_INST;
        }
        final OrderType orderType;
        final long price;
        if (ordType == ORD_TYPE_MARKET)
        {
            if (priceText != null)
            {
                return FixReject.PRICE_ON_MARKET_ORDER;
            }
            if (postOnly)
            {
                return FixReject.POST_ONLY_NOT_GTC_LIMIT;
            }
            if (timeInForce != TIF_NONE && timeInForce != TIF_DAY && timeInForce != TIF_IOC)
            {
                return FixReject.UNSUPPORTED_TIME_IN_FORCE;
            }
            orderType = OrderType.MARKET;
            price = 0;
        }
        else if (ordType == ORD_TYPE_LIMIT)
        {
            if (priceText == null)
            {
                return FixReject.MISSING_PRICE;
            }
            price = Prices.parseCents(priceText);
            if (price == Prices.INVALID)
            {
                return FixReject.INVALID_PRICE;
            }
            if (postOnly)
            {
                if (timeInForce != TIF_NONE && timeInForce != TIF_GTC)
                {
                    return FixReject.POST_ONLY_NOT_GTC_LIMIT;
                }
                orderType = OrderType.POST_ONLY;
            }
            else
            {
                orderType = limitType(timeInForce);
                if (orderType == null)
                {
                    return FixReject.UNSUPPORTED_TIME_IN_FORCE;
                }
            }
        }
        else
        {
            return FixReject.UNSUPPORTED_ORD_TYPE;
        }
        frame(newOrder.wrapAndApplyHeader(buffer, 0, header).frame(), timestampNs);
        newOrder.price(price)
            .quantity(quantity)
            .instrumentId(instrumentId)
            .accountId(accountId)
            .side(side)
            .orderType(orderType)
            .clOrdId(clOrdId);
        return encoded(newOrder);
    }

    /**
     * OrderCancelRequest(F) → RiskCancelOrder.
     *
     * @param message     the request.
     * @param accountId   the account of the session it came on.
     * @param timestampNs when it arrived.
     * @return {@link FixReject#NONE} when encoded, else why not.
     */
    public FixReject cancel(final FieldMap message, final int accountId, final long timestampNs)
    {
        length = 0;
        final FixReject reference = orderReference(message);
        if (reference != FixReject.NONE)
        {
            return reference;
        }
        frame(cancel.wrapAndApplyHeader(buffer, 0, header).frame(), timestampNs);
        cancel.instrumentId(referenceInstrumentId)
            .accountId(accountId)
            .clOrdId(referenceClOrdId)
            .origClOrdId(referenceOrigClOrdId);
        return encoded(cancel);
    }

    /**
     * OrderCancelReplaceRequest(G) → RiskReplaceOrder: a limit order's new price and new total quantity.
     *
     * @param message     the request.
     * @param accountId   the account of the session it came on.
     * @param timestampNs when it arrived.
     * @return {@link FixReject#NONE} when encoded, else why not.
     */
    public FixReject replace(final FieldMap message, final int accountId, final long timestampNs)
    {
        length = 0;
        final FixReject reference = orderReference(message);
        if (reference != FixReject.NONE)
        {
            return reference;
        }
        if (firstChar(field(message, 40)) != ORD_TYPE_LIMIT)
        {
            return FixReject.UNSUPPORTED_ORD_TYPE;
        }
        final String priceText = field(message, 44);
        if (priceText == null)
        {
            return FixReject.MISSING_PRICE;
        }
        final long price = Prices.parseCents(priceText);
        if (price == Prices.INVALID)
        {
            return FixReject.INVALID_PRICE;
        }
        final long quantity = Prices.parseQuantity(field(message, 38));
        if (quantity == Prices.INVALID)
        {
            return FixReject.INVALID_QUANTITY;
        }
        frame(replace.wrapAndApplyHeader(buffer, 0, header).frame(), timestampNs);
        replace.newPrice(price)
            .newQuantity(quantity)
            .instrumentId(referenceInstrumentId)
            .accountId(accountId)
            .clOrdId(referenceClOrdId)
            .origClOrdId(referenceOrigClOrdId);
        return encoded(replace);
    }

    /**
     * OrderStatusRequest(H) → RiskOrderStatusRequest for the order ClOrdID(11).
     *
     * @param message     the request.
     * @param accountId   the account of the session it came on.
     * @param timestampNs when it arrived.
     * @return {@link FixReject#NONE} when encoded, else why not.
     */
    public FixReject orderStatus(final FieldMap message, final int accountId, final long timestampNs)
    {
        length = 0;
        final String clOrdId = field(message, 11);
        if (!validClOrdId(clOrdId))
        {
            return FixReject.INVALID_CL_ORD_ID;
        }
        if (symbols.instrumentId(field(message, 55)) == Symbols.UNKNOWN)
        {
            return FixReject.UNKNOWN_SYMBOL;
        }
        frame(status.wrapAndApplyHeader(buffer, 0, header).frame(), timestampNs);
        status.accountId(accountId).clOrdId(clOrdId);
        return encoded(status);
    }

    /**
     * A logon or logout of an account → RiskAccountSession.
     *
     * @param accountId          the account.
     * @param connected          true at logon, false at logout.
     * @param cancelOnDisconnect the account's setting.
     * @param timestampNs        when it happened.
     */
    public void accountSession(final int accountId, final boolean connected, final boolean cancelOnDisconnect,
        final long timestampNs)
    {
        frame(accountSession.wrapAndApplyHeader(buffer, 0, header).frame(), timestampNs);
        accountSession.accountId(accountId)
            .connected(connected ? BooleanType.TRUE : BooleanType.FALSE)
            .cancelOnDisconnect(cancelOnDisconnect ? BooleanType.TRUE : BooleanType.FALSE);
        encoded(accountSession);
    }

    /**
     * @param clOrdId a ClOrdID or OrigClOrdID, may be null.
     * @return whether it is 1-32 printable ASCII characters without spaces.
     */
    public static boolean validClOrdId(final String clOrdId)
    {
        if (clOrdId == null || clOrdId.isEmpty() || clOrdId.length() > CL_ORD_ID_MAX)
        {
            return false;
        }
        for (int i = 0; i < clOrdId.length(); i++)
        {
            final char c = clOrdId.charAt(i);
            if (c <= ' ' || c > '~')
            {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads and checks what a cancel or replace names: ClOrdID(11), OrigClOrdID(41) and Symbol(55), kept in
     * {@link #referenceClOrdId}, {@link #referenceOrigClOrdId} and {@link #referenceInstrumentId} for the encoding.
     */
    private FixReject orderReference(final FieldMap message)
    {
        referenceClOrdId = field(message, 11);
        if (!validClOrdId(referenceClOrdId))
        {
            return FixReject.INVALID_CL_ORD_ID;
        }
        referenceOrigClOrdId = field(message, 41);
        if (!validClOrdId(referenceOrigClOrdId))
        {
            return FixReject.INVALID_ORIG_CL_ORD_ID;
        }
        referenceInstrumentId = symbols.instrumentId(field(message, 55));
        if (referenceInstrumentId == Symbols.UNKNOWN)
        {
            return FixReject.UNKNOWN_SYMBOL;
        }
        return FixReject.NONE;
    }

    /** Takes the length of the command just encoded, header included. */
    private FixReject encoded(final MessageEncoderFlyweight encoder)
    {
        length = MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength();
        return FixReject.NONE;
    }

    private static void frame(final io.tickkeeper.protocol.sbe.InputFrameEncoder frame, final long timestampNs)
    {
        frame.epoch(0).sequence(0).clientSessionId(0).clientSequence(0).timestampNs(timestampNs);
    }

    private static OrderType limitType(final char timeInForce)
    {
        switch (timeInForce)
        {
            case TIF_NONE:
            case TIF_DAY:
                return OrderType.LIMIT_DAY;
            case TIF_GTC:
                return OrderType.LIMIT_GTC;
            case TIF_IOC:
                return OrderType.IOC;
            case TIF_FOK:
                return OrderType.FOK;
            default:
                return null;
        }
    }

    private static Side side(final String side)
    {
        final char c = firstChar(side);
        return c == SIDE_BUY ? Side.BUY : c == SIDE_SELL ? Side.SELL : null;
    }

    private static char firstChar(final String value)
    {
        if (value == null)
        {
            return TIF_NONE;
        }
        return value.length() == 1 ? value.charAt(0) : '\0';
    }

    private static String field(final FieldMap message, final int tag)
    {
        if (!message.isSetField(tag))
        {
            return null;
        }
        try
        {
            return message.getString(tag);
        }
        catch (final FieldNotFound ex)
        {
            return null;
        }
    }
}
