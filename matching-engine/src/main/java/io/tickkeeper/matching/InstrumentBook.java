package io.tickkeeper.matching;

/**
 * The book of one instrument: its specification, its reference price and its two sides. It is also the
 * instrument's {@link BookView}; reads never allocate.
 */
final class InstrumentBook implements BookView
{
    private static final long NOT_A_POWER_OF_TWO = -1;

    final InstrumentSpec spec;
    final int instrumentId;
    final BookSide bids;
    final BookSide asks;
    private final long tickSize;
    private final long tickMask;
    private final long lotSize;
    private final long lotMask;
    long referencePrice;
    int dayOrderCount;

    InstrumentBook(
        final InstrumentSpec spec, final LevelPool levelPool, final PagePool pagePool, final int initialPagesPerSide)
    {
        this.spec = spec;
        this.instrumentId = spec.instrumentId();
        this.bids = new BookSide(Side.BUY, spec.tickSize(), levelPool, pagePool, initialPagesPerSide);
        this.asks = new BookSide(Side.SELL, spec.tickSize(), levelPool, pagePool, initialPagesPerSide);
        this.referencePrice = spec.initialReferencePrice();
        this.tickSize = spec.tickSize();
        this.tickMask = maskOf(tickSize);
        this.lotSize = spec.lotSize();
        this.lotMask = maskOf(lotSize);
    }

    /** @return true when a positive price is a multiple of the tick size (no division for a power-of-two tick). */
    boolean isOnTick(final long price)
    {
        return tickMask != NOT_A_POWER_OF_TWO ? (price & tickMask) == 0 : price % tickSize == 0;
    }

    /** @return true when a positive quantity is a multiple of the lot size (no division for a power-of-two lot). */
    boolean isWholeLots(final long quantity)
    {
        return lotMask != NOT_A_POWER_OF_TWO ? (quantity & lotMask) == 0 : quantity % lotSize == 0;
    }

    BookSide side(final Side side)
    {
        return side == Side.BUY ? bids : asks;
    }

    @Override
    public int instrumentId()
    {
        return instrumentId;
    }

    @Override
    public long referencePrice()
    {
        return referencePrice;
    }

    @Override
    public long bestBid()
    {
        return bestPrice(bids);
    }

    @Override
    public long bestAsk()
    {
        return bestPrice(asks);
    }

    @Override
    public long quantityAt(final Side side, final long price)
    {
        final PriceLevel level = side(side).find(price);
        return level == null ? 0 : level.totalQuantity;
    }

    @Override
    public int orderCountAt(final Side side, final long price)
    {
        final PriceLevel level = side(side).find(price);
        return level == null ? 0 : level.orderCount;
    }

    @Override
    public int levelCount(final Side side)
    {
        return side(side).size();
    }

    /**
     * {@inheritDoc}
     *
     * <p>Copies no more levels than the shortest of the three arrays holds.
     */
    @Override
    public int depth(final Side side, final long[] prices, final long[] quantities, final int[] orderCounts)
    {
        final BookSide bookSide = side(side);
        final int capacity = Math.min(prices.length, Math.min(quantities.length, orderCounts.length));
        int count = 0;
        for (PriceLevel level = bookSide.best(); level != null && count < capacity; level = bookSide.nextWorse(level))
        {
            prices[count] = level.price;
            quantities[count] = level.totalQuantity;
            orderCounts[count] = level.orderCount;
            count++;
        }
        return count;
    }

    private static long maskOf(final long size)
    {
        return Long.bitCount(size) == 1 ? size - 1 : NOT_A_POWER_OF_TWO;
    }

    private static long bestPrice(final BookSide side)
    {
        final PriceLevel best = side.best();
        return best == null ? NO_PRICE : best.price;
    }
}
