package io.tickkeeper.matching;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything a {@link BookView} shows, copied into a value, so that two views (or one view before and after a
 * command) can be compared with {@code equals} and printed.
 */
record BookSnapshot(
    int instrumentId, long referencePrice, long bestBid, long bestAsk, List<Level> bids, List<Level> asks)
{
    /** One price level as {@link BookView#depth} reports it, with what the per-price queries say about it. */
    record Level(long price, long quantity, int orderCount, long quantityAt, int orderCountAt)
    {
    }

    /** @return a snapshot of every level of both sides of the view. */
    static BookSnapshot of(final BookView view)
    {
        return new BookSnapshot(view.instrumentId(), view.referencePrice(), view.bestBid(), view.bestAsk(),
            levels(view, Side.BUY), levels(view, Side.SELL));
    }

    private static List<Level> levels(final BookView view, final Side side)
    {
        final int levelCount = view.levelCount(side);
        final long[] prices = new long[levelCount + 1];
        final long[] quantities = new long[levelCount + 1];
        final int[] orderCounts = new int[levelCount + 1];
        final int copied = view.depth(side, prices, quantities, orderCounts);
        if (copied != levelCount)
        {
            throw new IllegalStateException(
                side + " depth copied " + copied + " levels but levelCount is " + levelCount);
        }
        final List<Level> levels = new ArrayList<>(copied);
        for (int i = 0; i < copied; i++)
        {
            levels.add(new Level(prices[i], quantities[i], orderCounts[i],
                view.quantityAt(side, prices[i]), view.orderCountAt(side, prices[i])));
        }
        return levels;
    }
}
