package io.tickkeeper.matching;

import org.agrona.collections.Int2ObjectHashMap;
import org.agrona.collections.Long2ObjectHashMap;

import java.util.Arrays;
import java.util.Objects;

/**
 * The fast price-time order book of one shard, implementing the semantics of docs/matching.md.
 *
 * <p>Built for one thread and for no allocation in steady state: orders, price levels and ladder pages come from
 * free lists filled at construction, each level is an intrusive FIFO of its orders, each side of a book is a paged
 * price ladder with the best level cached (see {@link BookSide}), open orders are found by id in a primitive-keyed
 * map and by (account, client order id) in {@link ClientOrderIndex}. Nothing grows, and so nothing allocates,
 * until more orders or levels are open at once than ever before (or than the capacities given at construction).
 *
 * <p>Not thread-safe: one thread issues every command and every read. A null side, order type or STP mode is a
 * programming error: {@link #newOrder} throws {@link NullPointerException} before changing anything.
 */
public final class MatchingEngine implements OrderMatcher
{
    /** Open orders in the whole shard that the default constructor makes room for. */
    public static final int DEFAULT_ORDER_CAPACITY = 16_384;
    /** Price levels per side of each book that the default constructor makes room for. */
    public static final int DEFAULT_LEVELS_PER_SIDE = 1_024;

    private static final long STP_CANCELLED = -1;
    private static final float MAP_LOAD_FACTOR = 0.5f;

    private final MatchingEventListener listener;
    private final Int2ObjectHashMap<InstrumentBook> booksById;
    private final InstrumentBook[] booksInIdOrder;
    private final Long2ObjectHashMap<Order> ordersById;
    private final ClientOrderIndex ordersByClientId;
    private final OrderPool orderPool;
    private final StateHash stateHash = new StateHash();
    private long nextOrderId = 1;

    /**
     * An engine with room for {@link #DEFAULT_ORDER_CAPACITY} open orders and {@link #DEFAULT_LEVELS_PER_SIDE}
     * levels per side before anything grows.
     *
     * @param instruments the instruments of the shard, each id once.
     * @param listener    receives every event.
     */
    public MatchingEngine(final InstrumentSpec[] instruments, final MatchingEventListener listener)
    {
        this(instruments, listener, DEFAULT_ORDER_CAPACITY, DEFAULT_LEVELS_PER_SIDE);
    }

    /**
     * @param instruments   the instruments of the shard, each id once.
     * @param listener      receives every event.
     * @param orderCapacity open orders in the whole shard that are preallocated and indexed without growing.
     * @param levelsPerSide price levels per side of each book to make room for (sizes the preallocated level and
     *                      ladder page pools).
     */
    public MatchingEngine(
        final InstrumentSpec[] instruments,
        final MatchingEventListener listener,
        final int orderCapacity,
        final int levelsPerSide)
    {
        Objects.requireNonNull(instruments, "instruments");
        this.listener = Objects.requireNonNull(listener, "listener");
        if (orderCapacity <= 0 || orderCapacity > 1 << 28)
        {
            throw new IllegalArgumentException("orderCapacity must be in 1.." + (1 << 28) + ": " + orderCapacity);
        }
        if (levelsPerSide <= 0 || levelsPerSide > 1 << 24)
        {
            throw new IllegalArgumentException("levelsPerSide must be in 1.." + (1 << 24) + ": " + levelsPerSide);
        }

        final InstrumentSpec[] sorted = instruments.clone();
        for (int i = 0; i < sorted.length; i++)
        {
            if (sorted[i] == null)
            {
                throw new NullPointerException("instruments[" + i + "]");
            }
        }
        Arrays.sort(sorted, (a, b) -> Integer.compare(a.instrumentId(), b.instrumentId()));

        final long levelsWanted = 2L * levelsPerSide * sorted.length;
        final LevelPool levelPool = new LevelPool((int)Math.min(orderCapacity, levelsWanted));
        final int pagesPerSide = Math.max(4, levelsPerSide / (LevelPage.SIZE / 4));
        final PagePool pagePool = new PagePool((int)Math.min(orderCapacity, 2L * pagesPerSide * sorted.length));
        booksById = new Int2ObjectHashMap<>(Math.max(8, sorted.length * 2), MAP_LOAD_FACTOR);
        booksInIdOrder = new InstrumentBook[sorted.length];
        for (int i = 0; i < sorted.length; i++)
        {
            final InstrumentSpec spec = sorted[i];
            if (i > 0 && sorted[i - 1].instrumentId() == spec.instrumentId())
            {
                throw new IllegalArgumentException("duplicate instrument id: " + spec.instrumentId());
            }
            final InstrumentBook book = new InstrumentBook(spec, levelPool, pagePool, pagesPerSide);
            booksInIdOrder[i] = book;
            booksById.put(spec.instrumentId(), book);
        }

        ordersById = new Long2ObjectHashMap<>(orderCapacity * 2, MAP_LOAD_FACTOR);
        ordersByClientId = new ClientOrderIndex(orderCapacity);
        orderPool = new OrderPool(orderCapacity);
    }

    @Override
    public void newOrder(
        final long timestampNs, final int instrumentId, final int accountId, final long clientOrderId,
        final Side side, final OrderType type, final long price, final long quantity, final StpMode stpMode)
    {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(stpMode, "stpMode");
        final InstrumentBook book = booksById.get(instrumentId);
        final ResultCode rejection = book == null ?
            ResultCode.UNKNOWN_INSTRUMENT : checkNewOrder(book, accountId, clientOrderId, side, type, price, quantity);
        if (rejection != null)
        {
            listener.onRejected(timestampNs, instrumentId, 0, accountId, clientOrderId, rejection);
            return;
        }

        final long orderId = nextOrderId++;
        listener.onAccepted(timestampNs, instrumentId, orderId, accountId, clientOrderId, side, type, price, quantity);

        if (type == OrderType.FOK && fillableQuantity(book, accountId, side, price, stpMode, quantity) < quantity)
        {
            listener.onExpired(timestampNs, instrumentId, orderId, accountId, quantity);
            return;
        }

        final long leaves = match(
            timestampNs, book, orderId, accountId, side, type == OrderType.MARKET, price, stpMode, quantity);
        if (leaves > 0)
        {
            if (type.rests())
            {
                final Order order = orderPool.acquire();
                order.set(
                    orderId, instrumentId, accountId, clientOrderId, side, type, stpMode, price, leaves, timestampNs);
                rest(book, order);
            }
            else
            {
                listener.onExpired(timestampNs, instrumentId, orderId, accountId, leaves);
            }
        }
    }

    @Override
    public void cancel(final long timestampNs, final int instrumentId, final int accountId, final long orderId)
    {
        final InstrumentBook book = booksById.get(instrumentId);
        final Order order = book == null ? null : ordersById.get(orderId);
        final ResultCode rejection = checkOrderAccess(book, order, instrumentId, accountId);
        if (rejection != null)
        {
            listener.onRejected(timestampNs, instrumentId, orderId, accountId, 0, rejection);
            return;
        }

        final long quantity = order.openQuantity;
        leaveLevel(book, order);
        forget(book, order);
        listener.onCancelled(timestampNs, instrumentId, orderId, accountId, quantity, CancelReason.USER);
    }

    @Override
    public void replace(
        final long timestampNs, final int instrumentId, final int accountId, final long orderId,
        final long newPrice, final long newQuantity)
    {
        final InstrumentBook book = booksById.get(instrumentId);
        final Order order = book == null ? null : ordersById.get(orderId);
        ResultCode rejection = checkOrderAccess(book, order, instrumentId, accountId);
        if (rejection == null)
        {
            rejection = checkReplace(book, order, newPrice, newQuantity);
        }
        if (rejection != null)
        {
            listener.onRejected(timestampNs, instrumentId, orderId, accountId, 0, rejection);
            return;
        }

        if (newPrice == order.price && newQuantity <= order.openQuantity)
        {
            order.level.totalQuantity -= order.openQuantity - newQuantity;
            order.openQuantity = newQuantity;
            listener.onReplaced(timestampNs, instrumentId, orderId, accountId, newPrice, newQuantity, true);
            return;
        }

        leaveLevel(book, order);
        order.price = newPrice;
        order.openQuantity = newQuantity;
        order.timestampNs = timestampNs;
        listener.onReplaced(timestampNs, instrumentId, orderId, accountId, newPrice, newQuantity, false);

        final long leaves = match(
            timestampNs, book, orderId, accountId, order.side, false, newPrice, order.stpMode, newQuantity);
        if (leaves > 0)
        {
            order.openQuantity = leaves;
            book.side(order.side).findOrOpen(newPrice).append(order);
        }
        else
        {
            forget(book, order);
        }
    }

    @Override
    public void setReferencePrice(final long timestampNs, final int instrumentId, final long referencePrice)
    {
        final InstrumentBook book = booksById.get(instrumentId);
        if (book != null && referencePrice >= 1 && referencePrice <= InstrumentSpec.MAX_PRICE)
        {
            book.referencePrice = referencePrice;
        }
    }

    @Override
    public void endOfDay(final long timestampNs)
    {
        for (final InstrumentBook book : booksInIdOrder)
        {
            expireDayOrders(timestampNs, book, book.bids);
            expireDayOrders(timestampNs, book, book.asks);
        }
    }

    @Override
    public BookView book(final int instrumentId)
    {
        return booksById.get(instrumentId);
    }

    @Override
    public long stateHash()
    {
        final StateHash hash = stateHash.reset().add(nextOrderId);
        for (final InstrumentBook book : booksInIdOrder)
        {
            hash.add(book.instrumentId).add(book.referencePrice);
            hashSide(hash, book.bids);
            hashSide(hash, book.asks);
        }
        return hash.value();
    }

    /**
     * Walks the whole state into a sink, in the canonical order described by {@link MatchingSnapshotSink}.
     * Allocates nothing itself.
     */
    public void snapshot(final MatchingSnapshotSink sink)
    {
        sink.onEngineState(nextOrderId);
        for (final InstrumentBook book : booksInIdOrder)
        {
            sink.onInstrumentState(book.instrumentId, book.referencePrice);
            snapshotSide(sink, book.bids);
            snapshotSide(sink, book.asks);
        }
    }

    /**
     * A sink that loads one {@link #snapshot} walk into this engine: orders are re-created in the order they
     * arrive, without matching and without events. The walk must be complete and canonical; the sink rejects
     * anything else (an unknown instrument, orders out of priority order, a crossed book, a duplicate id) with
     * an exception, and then the engine must be discarded.
     *
     * @throws IllegalStateException when this engine is not freshly constructed (an order was ever accepted).
     */
    public MatchingSnapshotSink restorer()
    {
        if (nextOrderId != 1 || !ordersById.isEmpty())
        {
            throw new IllegalStateException("a snapshot can only be restored into a freshly constructed engine");
        }
        return new SnapshotLoader(this);
    }

    /** @return true when the engine has an instrument with this id. */
    boolean hasInstrument(final int instrumentId)
    {
        return booksById.containsKey(instrumentId);
    }

    void restoreNextOrderId(final long nextOrderId)
    {
        this.nextOrderId = nextOrderId;
    }

    void restoreReferencePrice(final int instrumentId, final long referencePrice)
    {
        booksById.get(instrumentId).referencePrice = referencePrice;
    }

    /**
     * Puts an order at the back of its level as given, after the checks that keep the engine's invariants: an id
     * below the next order id and not yet open, a unique client order id, a resting type, a positive price on a
     * tick, a positive quantity, and no cross with the other side.
     */
    void restoreOrder(
        final int instrumentId, final long orderId, final int accountId, final long clientOrderId, final Side side,
        final OrderType type, final StpMode stpMode, final long price, final long openQuantity,
        final long timestampNs)
    {
        final InstrumentBook book = booksById.get(instrumentId);
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(stpMode, "stpMode");
        if (orderId < 1 || orderId >= nextOrderId)
        {
            throw new IllegalArgumentException("order id " + orderId + " is not below next order id " + nextOrderId);
        }
        if (ordersById.containsKey(orderId))
        {
            throw new IllegalArgumentException("duplicate order id " + orderId);
        }
        if (ordersByClientId.get(accountId, clientOrderId) != null)
        {
            throw new IllegalArgumentException(
                "duplicate client order id " + clientOrderId + " of account " + accountId);
        }
        if (!type.rests())
        {
            throw new IllegalArgumentException("order " + orderId + " of type " + type + " cannot rest");
        }
        if (price <= 0 || price > InstrumentSpec.MAX_PRICE || !book.isOnTick(price) || openQuantity <= 0)
        {
            throw new IllegalArgumentException(
                "order " + orderId + " has invalid price " + price + " or quantity " + openQuantity);
        }
        if (wouldCross(book, side, price))
        {
            throw new IllegalArgumentException("order " + orderId + " at " + price + " would cross the book");
        }
        final Order order = orderPool.acquire();
        order.set(orderId, instrumentId, accountId, clientOrderId, side, type, stpMode, price, openQuantity,
            timestampNs);
        rest(book, order);
    }

    private ResultCode checkNewOrder(
        final InstrumentBook book, final int accountId, final long clientOrderId, final Side side,
        final OrderType type, final long price, final long quantity)
    {
        final InstrumentSpec spec = book.spec;
        final ResultCode quantityRejection = checkQuantity(book, quantity);
        if (quantityRejection != null)
        {
            return quantityRejection;
        }
        if (type.isPriced())
        {
            final ResultCode priceRejection = checkPrice(book, price);
            if (priceRejection != null)
            {
                return priceRejection;
            }
            if (isOutsideBand(price, book.referencePrice, spec.bandBasisPoints()))
            {
                return ResultCode.PRICE_OUTSIDE_BAND;
            }
        }
        else if (price != 0)
        {
            return ResultCode.INVALID_PRICE;
        }
        if (ordersByClientId.get(accountId, clientOrderId) != null)
        {
            return ResultCode.DUPLICATE_CLIENT_ORDER_ID;
        }
        if (type == OrderType.POST_ONLY && wouldCross(book, side, price))
        {
            return ResultCode.POST_ONLY_WOULD_CROSS;
        }
        return null;
    }

    private static ResultCode checkOrderAccess(
        final InstrumentBook book, final Order order, final int instrumentId, final int accountId)
    {
        if (book == null)
        {
            return ResultCode.UNKNOWN_INSTRUMENT;
        }
        if (order == null || order.instrumentId != instrumentId)
        {
            return ResultCode.UNKNOWN_ORDER;
        }
        if (order.accountId != accountId)
        {
            return ResultCode.NOT_ORDER_OWNER;
        }
        return null;
    }

    private static ResultCode checkReplace(
        final InstrumentBook book, final Order order, final long newPrice, final long newQuantity)
    {
        final ResultCode quantityRejection = checkQuantity(book, newQuantity);
        if (quantityRejection != null)
        {
            return quantityRejection;
        }
        final ResultCode priceRejection = checkPrice(book, newPrice);
        if (priceRejection != null)
        {
            return priceRejection;
        }
        if (newPrice != order.price && isOutsideBand(newPrice, book.referencePrice, book.spec.bandBasisPoints()))
        {
            return ResultCode.PRICE_OUTSIDE_BAND;
        }
        if (order.type == OrderType.POST_ONLY && wouldCross(book, order.side, newPrice))
        {
            return ResultCode.POST_ONLY_WOULD_CROSS;
        }
        return null;
    }

    private static ResultCode checkQuantity(final InstrumentBook book, final long quantity)
    {
        final InstrumentSpec spec = book.spec;
        if (quantity <= 0)
        {
            return ResultCode.INVALID_QUANTITY;
        }
        if (!book.isWholeLots(quantity))
        {
            return ResultCode.QUANTITY_OFF_LOT;
        }
        if (quantity < spec.minQuantity())
        {
            return ResultCode.QUANTITY_BELOW_MIN;
        }
        if (quantity > spec.maxQuantity())
        {
            return ResultCode.QUANTITY_ABOVE_MAX;
        }
        return null;
    }

    private static ResultCode checkPrice(final InstrumentBook book, final long price)
    {
        if (price <= 0 || price > InstrumentSpec.MAX_PRICE)
        {
            return ResultCode.INVALID_PRICE;
        }
        if (!book.isOnTick(price))
        {
            return ResultCode.PRICE_OFF_TICK;
        }
        return null;
    }

    private static boolean isOutsideBand(final long price, final long referencePrice, final long bandBasisPoints)
    {
        return Math.abs(price - referencePrice) * 10_000 > bandBasisPoints * referencePrice;
    }

    /** @return true when a limit order at this price would trade with the best order of the other side. */
    private static boolean wouldCross(final InstrumentBook book, final Side side, final long price)
    {
        final PriceLevel best = book.side(side.opposite()).best();
        return best != null && crosses(side, price, best.price);
    }

    private static boolean crosses(final Side takerSide, final long limitPrice, final long makerPrice)
    {
        return takerSide == Side.BUY ? makerPrice <= limitPrice : makerPrice >= limitPrice;
    }

    /**
     * The FOK pre-check: how much of {@code quantity} the book would fill now, counting as docs/matching.md says
     * (own orders skipped under CANCEL_OLDEST, ending the count under CANCEL_NEWEST and CANCEL_BOTH). Stops
     * counting at {@code quantity}.
     */
    private static long fillableQuantity(
        final InstrumentBook book, final int accountId, final Side side, final long price, final StpMode stpMode,
        final long quantity)
    {
        final BookSide opposite = book.side(side.opposite());
        long fillable = 0;
        for (PriceLevel level = opposite.best(); level != null; level = opposite.nextWorse(level))
        {
            if (!crosses(side, price, level.price))
            {
                break;
            }
            for (Order maker = level.head; maker != null; maker = maker.next)
            {
                if (maker.accountId == accountId && stpMode != StpMode.NONE)
                {
                    if (stpMode == StpMode.CANCEL_OLDEST)
                    {
                        continue;
                    }
                    return fillable;
                }
                if (maker.openQuantity >= quantity - fillable)
                {
                    return quantity;
                }
                fillable += maker.openQuantity;
            }
        }
        return fillable;
    }

    /**
     * Matches an incoming order against the other side, emitting trades and STP cancels.
     *
     * @return the open quantity left (0 when filled), or {@link #STP_CANCELLED} when self-trade prevention
     * cancelled the taker (its event is already emitted).
     */
    private long match(
        final long timestampNs, final InstrumentBook book, final long takerOrderId, final int takerAccountId,
        final Side takerSide, final boolean market, final long limitPrice, final StpMode stpMode,
        final long quantity)
    {
        final MatchingEventListener listener = this.listener;
        final BookSide opposite = book.side(takerSide.opposite());
        final int instrumentId = book.instrumentId;
        long leaves = quantity;
        while (leaves > 0)
        {
            final PriceLevel level = opposite.best();
            if (level == null || (!market && !crosses(takerSide, limitPrice, level.price)))
            {
                break;
            }
            final Order maker = level.head;
            if (maker.accountId == takerAccountId && stpMode != StpMode.NONE)
            {
                if (stpMode != StpMode.CANCEL_NEWEST)
                {
                    final long makerQuantity = maker.openQuantity;
                    final long makerOrderId = maker.orderId;
                    leaveLevel(book, maker);
                    forget(book, maker);
                    listener.onCancelled(
                        timestampNs, instrumentId, makerOrderId, takerAccountId, makerQuantity,
                        CancelReason.SELF_TRADE_PREVENTION);
                    if (stpMode == StpMode.CANCEL_OLDEST)
                    {
                        continue;
                    }
                }
                listener.onCancelled(
                    timestampNs, instrumentId, takerOrderId, takerAccountId, leaves,
                    CancelReason.SELF_TRADE_PREVENTION);
                return STP_CANCELLED;
            }

            final long tradeQuantity = Math.min(leaves, maker.openQuantity);
            leaves -= tradeQuantity;
            final long makerLeaves = maker.openQuantity - tradeQuantity;
            maker.openQuantity = makerLeaves;
            level.totalQuantity -= tradeQuantity;
            listener.onTrade(
                timestampNs, instrumentId, level.price, tradeQuantity,
                takerOrderId, takerAccountId, takerSide, leaves,
                maker.orderId, maker.accountId, makerLeaves);
            if (makerLeaves == 0)
            {
                leaveLevel(book, maker);
                forget(book, maker);
            }
        }
        return leaves;
    }

    /** Adds a new order at the back of its level and to the indexes. */
    private void rest(final InstrumentBook book, final Order order)
    {
        book.side(order.side).findOrOpen(order.price).append(order);
        ordersById.put(order.orderId, order);
        ordersByClientId.put(order.accountId, order.clientOrderId, order);
        if (order.type == OrderType.LIMIT_DAY)
        {
            book.dayOrderCount++;
        }
    }

    /** Takes an order out of its level, closing the level when it was the last one there. */
    private static void leaveLevel(final InstrumentBook book, final Order order)
    {
        final PriceLevel level = order.level;
        level.unlink(order);
        if (level.isEmpty())
        {
            book.side(order.side).close(level);
        }
    }

    /** Drops an order that has left its level from the indexes and gives it back to the pool. */
    private void forget(final InstrumentBook book, final Order order)
    {
        ordersById.remove(order.orderId);
        ordersByClientId.remove(order.accountId, order.clientOrderId);
        if (order.type == OrderType.LIMIT_DAY)
        {
            book.dayOrderCount--;
        }
        orderPool.release(order);
    }

    private void expireDayOrders(final long timestampNs, final InstrumentBook book, final BookSide side)
    {
        PriceLevel level = side.best();
        while (level != null && book.dayOrderCount > 0)
        {
            final PriceLevel worse = side.nextWorse(level);
            Order order = level.head;
            while (order != null)
            {
                final Order next = order.next;
                if (order.type == OrderType.LIMIT_DAY)
                {
                    final long quantity = order.openQuantity;
                    final long orderId = order.orderId;
                    final int accountId = order.accountId;
                    leaveLevel(book, order);
                    forget(book, order);
                    listener.onExpired(timestampNs, book.instrumentId, orderId, accountId, quantity);
                }
                order = next;
            }
            level = worse;
        }
    }

    private static void hashSide(final StateHash hash, final BookSide side)
    {
        hash.add(side.size());
        for (PriceLevel level = side.best(); level != null; level = side.nextWorse(level))
        {
            hash.add(level.price).add(level.orderCount);
            for (Order order = level.head; order != null; order = order.next)
            {
                hash.addOrder(
                    order.orderId, order.accountId, order.clientOrderId, order.side, order.type, order.stpMode,
                    order.price, order.openQuantity, order.timestampNs);
            }
        }
    }

    private static void snapshotSide(final MatchingSnapshotSink sink, final BookSide side)
    {
        for (PriceLevel level = side.best(); level != null; level = side.nextWorse(level))
        {
            for (Order order = level.head; order != null; order = order.next)
            {
                sink.onOrder(
                    order.instrumentId, order.orderId, order.accountId, order.clientOrderId, order.side, order.type,
                    order.stpMode, order.price, order.openQuantity, order.timestampNs);
            }
        }
    }
}
