package io.tickkeeper.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The naive reference implementation of docs/matching.md, written to be obviously right rather than fast.
 * Each side of a book is one plain list of orders kept in priority order (best price first, oldest first within
 * a price): a new order is inserted after every order with the same or a better price, matching always takes the
 * head of the list, and every question (lookup by id, duplicate client order ids, levels, depth, hash) is
 * answered by scanning. The fast {@code MatchingEngine} must agree with it command by command.
 */
final class ReferenceMatcher implements OrderMatcher
{
    private final MatchingEventListener listener;
    private final TreeMap<Integer, Book> books = new TreeMap<>();
    private long nextOrderId = 1;

    /**
     * @param instruments the instruments of the shard; ids must be unique.
     * @param listener    receives every event.
     */
    ReferenceMatcher(final InstrumentSpec[] instruments, final MatchingEventListener listener)
    {
        for (final InstrumentSpec spec : instruments)
        {
            if (books.put(spec.instrumentId(), new Book(spec)) != null)
            {
                throw new IllegalArgumentException("duplicate instrument id: " + spec.instrumentId());
            }
        }
        this.listener = listener;
    }

    @Override
    public void newOrder(
        final long timestampNs, final int instrumentId, final int accountId, final long clientOrderId,
        final Side side, final OrderType type, final long price, final long quantity, final StpMode stpMode)
    {
        final Book book = books.get(instrumentId);
        final ResultCode rejection = checkNewOrder(book, accountId, clientOrderId, side, type, price, quantity);
        if (rejection != null)
        {
            listener.onRejected(timestampNs, instrumentId, 0, accountId, clientOrderId, rejection);
            return;
        }

        final Order taker = new Order(
            nextOrderId++, accountId, clientOrderId, side, type, stpMode, price, quantity, timestampNs);
        listener.onAccepted(timestampNs, instrumentId, taker.orderId, accountId, clientOrderId, side, type, price,
            quantity);

        if (type == OrderType.FOK && fillableQuantity(book, taker) < quantity)
        {
            listener.onExpired(timestampNs, instrumentId, taker.orderId, accountId, quantity);
            return;
        }

        final boolean cancelledBySelfTradePrevention = match(book, taker, timestampNs);
        if (cancelledBySelfTradePrevention || taker.openQuantity == 0)
        {
            return;
        }
        if (type.rests())
        {
            book.insert(taker);
        }
        else
        {
            listener.onExpired(timestampNs, instrumentId, taker.orderId, accountId, taker.openQuantity);
        }
    }

    @Override
    public void cancel(final long timestampNs, final int instrumentId, final int accountId, final long orderId)
    {
        final Book book = books.get(instrumentId);
        final ResultCode rejection = checkOrderLookup(book, accountId, orderId);
        if (rejection != null)
        {
            listener.onRejected(timestampNs, instrumentId, orderId, accountId, 0, rejection);
            return;
        }
        final Order order = book.find(orderId);
        book.remove(order);
        listener.onCancelled(timestampNs, instrumentId, orderId, accountId, order.openQuantity, CancelReason.USER);
    }

    @Override
    public void replace(
        final long timestampNs, final int instrumentId, final int accountId, final long orderId, final long newPrice,
        final long newQuantity)
    {
        final Book book = books.get(instrumentId);
        final ResultCode rejection = checkReplace(book, accountId, orderId, newPrice, newQuantity);
        if (rejection != null)
        {
            listener.onRejected(timestampNs, instrumentId, orderId, accountId, 0, rejection);
            return;
        }

        final Order order = book.find(orderId);
        if (newPrice == order.price && newQuantity <= order.openQuantity)
        {
            order.openQuantity = newQuantity;
            listener.onReplaced(timestampNs, instrumentId, orderId, accountId, newPrice, newQuantity, true);
            return;
        }

        book.remove(order);
        order.price = newPrice;
        order.openQuantity = newQuantity;
        order.timestampNs = timestampNs;
        listener.onReplaced(timestampNs, instrumentId, orderId, accountId, newPrice, newQuantity, false);
        final boolean cancelledBySelfTradePrevention = match(book, order, timestampNs);
        if (!cancelledBySelfTradePrevention && order.openQuantity > 0)
        {
            book.insert(order);
        }
    }

    @Override
    public void setReferencePrice(final long timestampNs, final int instrumentId, final long referencePrice)
    {
        final Book book = books.get(instrumentId);
        if (book != null && referencePrice >= 1 && referencePrice <= InstrumentSpec.MAX_PRICE)
        {
            book.referencePrice = referencePrice;
        }
    }

    @Override
    public void endOfDay(final long timestampNs)
    {
        for (final Book book : books.values())
        {
            for (final Side side : Side.values())
            {
                final List<Order> orders = book.orders(side);
                final List<Order> expiring = new ArrayList<>();
                for (final Order order : orders)
                {
                    if (order.type == OrderType.LIMIT_DAY)
                    {
                        expiring.add(order);
                    }
                }
                for (final Order order : expiring)
                {
                    orders.remove(order);
                    listener.onExpired(
                        timestampNs, book.spec.instrumentId(), order.orderId, order.accountId, order.openQuantity);
                }
            }
        }
    }

    @Override
    public BookView book(final int instrumentId)
    {
        return books.get(instrumentId);
    }

    @Override
    public long stateHash()
    {
        final StateHash hash = new StateHash().add(nextOrderId);
        for (final Book book : books.values())
        {
            hash.add(book.spec.instrumentId()).add(book.referencePrice);
            for (final Side side : Side.values())
            {
                final List<Order> orders = book.orders(side);
                hash.add(book.levelCount(side));
                int start = 0;
                while (start < orders.size())
                {
                    final long price = orders.get(start).price;
                    int end = start;
                    while (end < orders.size() && orders.get(end).price == price)
                    {
                        end++;
                    }
                    hash.add(price).add(end - start);
                    for (int i = start; i < end; i++)
                    {
                        final Order order = orders.get(i);
                        hash.addOrder(order.orderId, order.accountId, order.clientOrderId, order.side, order.type,
                            order.stpMode, order.price, order.openQuantity, order.timestampNs);
                    }
                    start = end;
                }
            }
        }
        return hash.value();
    }

    /** @return how many orders rest in all books together. */
    int openOrderCount()
    {
        int count = 0;
        for (final Book book : books.values())
        {
            count += book.bids.size() + book.asks.size();
        }
        return count;
    }

    /** @return how many orders rest in one instrument's book (0 when the instrument is unknown). */
    int openOrderCount(final int instrumentId)
    {
        final Book book = books.get(instrumentId);
        return book == null ? 0 : book.bids.size() + book.asks.size();
    }

    /**
     * @param index 0 until {@link #openOrderCount(int)}: the bids in priority order, then the asks.
     * @return a copy of one open order of an instrument, so tests can aim commands at real orders.
     */
    OpenOrder openOrder(final int instrumentId, final int index)
    {
        final Book book = books.get(instrumentId);
        final Order order = index < book.bids.size() ? book.bids.get(index) : book.asks.get(index - book.bids.size());
        return new OpenOrder(order.orderId, order.accountId, order.clientOrderId, order.side, order.type,
            order.price, order.openQuantity);
    }

    /** What a test may know about an open order of the reference. */
    record OpenOrder(
        long orderId, int accountId, long clientOrderId, Side side, OrderType type, long price, long openQuantity)
    {
    }

    private ResultCode checkNewOrder(
        final Book book, final int accountId, final long clientOrderId, final Side side, final OrderType type,
        final long price, final long quantity)
    {
        if (book == null)
        {
            return ResultCode.UNKNOWN_INSTRUMENT;
        }
        final ResultCode quantityProblem = checkQuantity(book.spec, quantity);
        if (quantityProblem != null)
        {
            return quantityProblem;
        }
        if (type.isPriced())
        {
            final ResultCode priceProblem = checkLimitPrice(book.spec, price);
            if (priceProblem != null)
            {
                return priceProblem;
            }
            if (book.isOutsideBand(price))
            {
                return ResultCode.PRICE_OUTSIDE_BAND;
            }
        }
        else if (price != 0)
        {
            return ResultCode.INVALID_PRICE;
        }
        if (hasOpenOrderWithClientOrderId(accountId, clientOrderId))
        {
            return ResultCode.DUPLICATE_CLIENT_ORDER_ID;
        }
        if (type == OrderType.POST_ONLY && book.wouldCross(side, price))
        {
            return ResultCode.POST_ONLY_WOULD_CROSS;
        }
        return null;
    }

    private static ResultCode checkOrderLookup(final Book book, final int accountId, final long orderId)
    {
        if (book == null)
        {
            return ResultCode.UNKNOWN_INSTRUMENT;
        }
        final Order order = book.find(orderId);
        if (order == null)
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
        final Book book, final int accountId, final long orderId, final long newPrice, final long newQuantity)
    {
        final ResultCode lookupProblem = checkOrderLookup(book, accountId, orderId);
        if (lookupProblem != null)
        {
            return lookupProblem;
        }
        final ResultCode quantityProblem = checkQuantity(book.spec, newQuantity);
        if (quantityProblem != null)
        {
            return quantityProblem;
        }
        final ResultCode priceProblem = checkLimitPrice(book.spec, newPrice);
        if (priceProblem != null)
        {
            return priceProblem;
        }
        final Order order = book.find(orderId);
        if (newPrice != order.price && book.isOutsideBand(newPrice))
        {
            return ResultCode.PRICE_OUTSIDE_BAND;
        }
        if (order.type == OrderType.POST_ONLY && book.wouldCross(order.side, newPrice))
        {
            return ResultCode.POST_ONLY_WOULD_CROSS;
        }
        return null;
    }

    private static ResultCode checkQuantity(final InstrumentSpec spec, final long quantity)
    {
        if (quantity <= 0)
        {
            return ResultCode.INVALID_QUANTITY;
        }
        if (quantity % spec.lotSize() != 0)
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

    private static ResultCode checkLimitPrice(final InstrumentSpec spec, final long price)
    {
        if (price <= 0 || price > InstrumentSpec.MAX_PRICE)
        {
            return ResultCode.INVALID_PRICE;
        }
        if (price % spec.tickSize() != 0)
        {
            return ResultCode.PRICE_OFF_TICK;
        }
        return null;
    }

    private boolean hasOpenOrderWithClientOrderId(final int accountId, final long clientOrderId)
    {
        for (final Book book : books.values())
        {
            for (final Side side : Side.values())
            {
                for (final Order order : book.orders(side))
                {
                    if (order.accountId == accountId && order.clientOrderId == clientOrderId)
                    {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The FOK pre-check of docs/matching.md: how much the taker could fill right now. */
    private static long fillableQuantity(final Book book, final Order taker)
    {
        long fillable = 0;
        for (final Order maker : book.orders(taker.side.opposite()))
        {
            if (!crosses(taker, maker.price))
            {
                break;
            }
            if (maker.accountId == taker.accountId && taker.stpMode != StpMode.NONE)
            {
                if (taker.stpMode == StpMode.CANCEL_OLDEST)
                {
                    continue;
                }
                break;
            }
            fillable += maker.openQuantity;
        }
        return fillable;
    }

    /**
     * Matches the taker against the opposite side until it is filled or nothing crosses any more.
     *
     * @return true when self-trade prevention cancelled the taker.
     */
    private boolean match(final Book book, final Order taker, final long timestampNs)
    {
        final int instrumentId = book.spec.instrumentId();
        final List<Order> makers = book.orders(taker.side.opposite());
        while (taker.openQuantity > 0 && !makers.isEmpty() && crosses(taker, makers.get(0).price))
        {
            final Order maker = makers.get(0);
            if (maker.accountId == taker.accountId && taker.stpMode != StpMode.NONE)
            {
                if (taker.stpMode == StpMode.CANCEL_OLDEST || taker.stpMode == StpMode.CANCEL_BOTH)
                {
                    makers.remove(0);
                    listener.onCancelled(timestampNs, instrumentId, maker.orderId, maker.accountId,
                        maker.openQuantity, CancelReason.SELF_TRADE_PREVENTION);
                }
                if (taker.stpMode == StpMode.CANCEL_NEWEST || taker.stpMode == StpMode.CANCEL_BOTH)
                {
                    listener.onCancelled(timestampNs, instrumentId, taker.orderId, taker.accountId,
                        taker.openQuantity, CancelReason.SELF_TRADE_PREVENTION);
                    return true;
                }
                continue;
            }
            final long quantity = Math.min(taker.openQuantity, maker.openQuantity);
            taker.openQuantity -= quantity;
            maker.openQuantity -= quantity;
            listener.onTrade(timestampNs, instrumentId, maker.price, quantity,
                taker.orderId, taker.accountId, taker.side, taker.openQuantity,
                maker.orderId, maker.accountId, maker.openQuantity);
            if (maker.openQuantity == 0)
            {
                makers.remove(0);
            }
        }
        return false;
    }

    private static boolean crosses(final Order taker, final long makerPrice)
    {
        if (taker.type == OrderType.MARKET)
        {
            return true;
        }
        return taker.side == Side.BUY ? makerPrice <= taker.price : makerPrice >= taker.price;
    }

    /** An order and what can change about it. */
    private static final class Order
    {
        private final long orderId;
        private final int accountId;
        private final long clientOrderId;
        private final Side side;
        private final OrderType type;
        private final StpMode stpMode;
        private long price;
        private long openQuantity;
        private long timestampNs;

        private Order(
            final long orderId, final int accountId, final long clientOrderId, final Side side, final OrderType type,
            final StpMode stpMode, final long price, final long openQuantity, final long timestampNs)
        {
            this.orderId = orderId;
            this.accountId = accountId;
            this.clientOrderId = clientOrderId;
            this.side = side;
            this.type = type;
            this.stpMode = stpMode;
            this.price = price;
            this.openQuantity = openQuantity;
            this.timestampNs = timestampNs;
        }
    }

    /** One instrument: its spec, reference price and the two sides, each a list in priority order. */
    private static final class Book implements BookView
    {
        private final InstrumentSpec spec;
        private final List<Order> bids = new ArrayList<>();
        private final List<Order> asks = new ArrayList<>();
        private long referencePrice;

        private Book(final InstrumentSpec spec)
        {
            this.spec = spec;
            this.referencePrice = spec.initialReferencePrice();
        }

        private List<Order> orders(final Side side)
        {
            return side == Side.BUY ? bids : asks;
        }

        private static boolean isBetter(final Side side, final long price, final long than)
        {
            return side == Side.BUY ? price > than : price < than;
        }

        /** Puts the order behind every order of its side with the same or a better price. */
        private void insert(final Order order)
        {
            final List<Order> orders = orders(order.side);
            int index = 0;
            while (index < orders.size() && !isBetter(order.side, order.price, orders.get(index).price))
            {
                index++;
            }
            orders.add(index, order);
        }

        private void remove(final Order order)
        {
            orders(order.side).remove(order);
        }

        private Order find(final long orderId)
        {
            for (final Side side : Side.values())
            {
                for (final Order order : orders(side))
                {
                    if (order.orderId == orderId)
                    {
                        return order;
                    }
                }
            }
            return null;
        }

        private boolean isOutsideBand(final long price)
        {
            return Math.abs(price - referencePrice) * 10_000 > spec.bandBasisPoints() * referencePrice;
        }

        private boolean wouldCross(final Side side, final long price)
        {
            if (side == Side.BUY)
            {
                return !asks.isEmpty() && price >= asks.get(0).price;
            }
            return !bids.isEmpty() && price <= bids.get(0).price;
        }

        @Override
        public int instrumentId()
        {
            return spec.instrumentId();
        }

        @Override
        public long referencePrice()
        {
            return referencePrice;
        }

        @Override
        public long bestBid()
        {
            return bids.isEmpty() ? NO_PRICE : bids.get(0).price;
        }

        @Override
        public long bestAsk()
        {
            return asks.isEmpty() ? NO_PRICE : asks.get(0).price;
        }

        @Override
        public long quantityAt(final Side side, final long price)
        {
            long quantity = 0;
            for (final Order order : orders(side))
            {
                if (order.price == price)
                {
                    quantity += order.openQuantity;
                }
            }
            return quantity;
        }

        @Override
        public int orderCountAt(final Side side, final long price)
        {
            int count = 0;
            for (final Order order : orders(side))
            {
                if (order.price == price)
                {
                    count++;
                }
            }
            return count;
        }

        @Override
        public int levelCount(final Side side)
        {
            final List<Order> orders = orders(side);
            int levels = 0;
            for (int i = 0; i < orders.size(); i++)
            {
                if (i == 0 || orders.get(i).price != orders.get(i - 1).price)
                {
                    levels++;
                }
            }
            return levels;
        }

        @Override
        public int depth(final Side side, final long[] prices, final long[] quantities, final int[] orderCounts)
        {
            final List<Order> orders = orders(side);
            int levels = 0;
            for (int i = 0; i < orders.size(); i++)
            {
                final Order order = orders.get(i);
                final boolean newLevel = i == 0 || order.price != orders.get(i - 1).price;
                if (newLevel)
                {
                    if (levels == prices.length)
                    {
                        break;
                    }
                    prices[levels] = order.price;
                    quantities[levels] = 0;
                    orderCounts[levels] = 0;
                    levels++;
                }
                quantities[levels - 1] += order.openQuantity;
                orderCounts[levels - 1]++;
            }
            return levels;
        }
    }
}
