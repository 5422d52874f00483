package io.tickkeeper.tradelog;

/**
 * What became of one fill offered to the trade log. Only {@link #APPENDED} wrote anything.
 */
public enum TradeLogResult
{
    /** The fill is now in the log, with the writer's token. */
    APPENDED,
    /** The log already holds this trade (same instrument, same or a later tradeId): written once, skipped now. */
    DUPLICATE,
    /** Refused: the log holds a record of a newer writer token; the offering writer has been fenced off. */
    STALE_TOKEN,
    /** Refused by the writer before reaching the log: it does not hold the trade-log lock. */
    NOT_HOLDER
}
