package io.tickkeeper.bench;

import io.tickkeeper.matching.OrderMatcher;
import io.tickkeeper.matching.OrderType;
import io.tickkeeper.matching.Side;
import io.tickkeeper.matching.StpMode;

/**
 * Matching commands generated up front and stored as parallel primitive arrays, so that replaying them to an
 * engine allocates nothing and costs nothing but the engine's own work.
 */
public final class CommandBatch
{
    /** Command kinds. */
    public static final byte NEW_ORDER = 0;
    /** Cancel an open order. */
    public static final byte CANCEL = 1;
    /** Replace (move) an open order. */
    public static final byte REPLACE = 2;

    private static final Side[] SIDES = Side.values();
    private static final OrderType[] TYPES = OrderType.values();
    private static final StpMode[] STP_MODES = StpMode.values();

    private final int instrumentId;
    private final byte[] kind;
    private final int[] accountId;
    private final long[] clientOrderId;
    private final long[] orderId;
    private final byte[] side;
    private final byte[] type;
    private final byte[] stpMode;
    private final long[] price;
    private final long[] quantity;
    private int size;

    /**
     * @param instrumentId the instrument every command is for.
     * @param capacity     how many commands the batch can hold.
     */
    public CommandBatch(final int instrumentId, final int capacity)
    {
        this.instrumentId = instrumentId;
        kind = new byte[capacity];
        accountId = new int[capacity];
        clientOrderId = new long[capacity];
        orderId = new long[capacity];
        side = new byte[capacity];
        type = new byte[capacity];
        stpMode = new byte[capacity];
        price = new long[capacity];
        quantity = new long[capacity];
    }

    /** Appends a new-order command. */
    public void addNewOrder(
        final int account, final long clientOrder, final Side orderSide, final OrderType orderType,
        final long orderPrice, final long orderQuantity, final StpMode stp)
    {
        final int i = size++;
        kind[i] = NEW_ORDER;
        accountId[i] = account;
        clientOrderId[i] = clientOrder;
        side[i] = (byte)orderSide.ordinal();
        type[i] = (byte)orderType.ordinal();
        stpMode[i] = (byte)stp.ordinal();
        price[i] = orderPrice;
        quantity[i] = orderQuantity;
    }

    /** Appends a cancel command. */
    public void addCancel(final int account, final long order)
    {
        final int i = size++;
        kind[i] = CANCEL;
        accountId[i] = account;
        orderId[i] = order;
    }

    /** Appends a replace command. */
    public void addReplace(final int account, final long order, final long newPrice, final long newQuantity)
    {
        final int i = size++;
        kind[i] = REPLACE;
        accountId[i] = account;
        orderId[i] = order;
        price[i] = newPrice;
        quantity[i] = newQuantity;
    }

    /** Applies command {@code index} to an engine, stamped with {@code timestampNs}. */
    public void applyTo(final OrderMatcher matcher, final int index, final long timestampNs)
    {
        switch (kind[index])
        {
            case NEW_ORDER -> matcher.newOrder(
                timestampNs, instrumentId, accountId[index], clientOrderId[index], SIDES[side[index]],
                TYPES[type[index]], price[index], quantity[index], STP_MODES[stpMode[index]]);
            case CANCEL -> matcher.cancel(timestampNs, instrumentId, accountId[index], orderId[index]);
            case REPLACE -> matcher.replace(
                timestampNs, instrumentId, accountId[index], orderId[index], price[index], quantity[index]);
            default -> throw new IllegalStateException("unknown command kind " + kind[index]);
        }
    }

    /** @return the number of commands in the batch. */
    public int size()
    {
        return size;
    }

    /** @return the instrument of every command. */
    public int instrumentId()
    {
        return instrumentId;
    }

    /** @return the kind of command {@code index}. */
    public byte kind(final int index)
    {
        return kind[index];
    }

    /** @return the account of command {@code index}. */
    public int accountId(final int index)
    {
        return accountId[index];
    }

    /** @return the client order id of command {@code index} (new orders). */
    public long clientOrderId(final int index)
    {
        return clientOrderId[index];
    }

    /** @return the target order id of command {@code index} (cancel, replace). */
    public long orderId(final int index)
    {
        return orderId[index];
    }

    /** @return the side of command {@code index} (new orders). */
    public Side side(final int index)
    {
        return SIDES[side[index]];
    }

    /** @return the order type of command {@code index} (new orders). */
    public OrderType type(final int index)
    {
        return TYPES[type[index]];
    }

    /** @return the STP mode of command {@code index} (new orders). */
    public StpMode stpMode(final int index)
    {
        return STP_MODES[stpMode[index]];
    }

    /** @return the price of command {@code index}. */
    public long price(final int index)
    {
        return price[index];
    }

    /** @return the quantity of command {@code index}. */
    public long quantity(final int index)
    {
        return quantity[index];
    }
}
