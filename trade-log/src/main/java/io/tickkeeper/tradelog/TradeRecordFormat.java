package io.tickkeeper.tradelog;

/**
 * How {@code trade-log} prints a record: a readable line or a CSV row of the raw fields.
 */
final class TradeRecordFormat
{
    /** The CSV columns, in the order of {@link #csv(TradeRecord)}. */
    static final String CSV_HEADER = "writerToken,tradeId,matchingEpoch,matchingSequence,timestampNs,price,quantity," +
        "buyOrderId,sellOrderId,instrumentId,buyAccountId,sellAccountId,aggressorSide";

    private TradeRecordFormat()
    {
    }

    /**
     * @param record a record.
     * @return e.g. {@code token 2 trade 17 TK1 10 @ 101.25 buy 5/acct 3 sell 4/acct 7 aggressor BUY epoch 1 seq 40 ts 123}.
     */
    static String text(final TradeRecord record)
    {
        return "token " + record.writerToken() + " trade " + record.tradeId() + " TK" + record.instrumentId() + ' ' +
            record.quantity() + " @ " + price(record.price()) + " buy " + record.buyOrderId() + "/acct " +
            record.buyAccountId() + " sell " + record.sellOrderId() + "/acct " + record.sellAccountId() +
            " aggressor " + record.aggressorSide() + " epoch " + record.matchingEpoch() + " seq " +
            record.matchingSequence() + " ts " + record.timestampNs();
    }

    /**
     * @param record a record.
     * @return its fields, comma-separated, prices in raw fixed-point units.
     */
    static String csv(final TradeRecord record)
    {
        return record.writerToken() + "," + record.tradeId() + ',' + record.matchingEpoch() + ',' +
            record.matchingSequence() + ',' + record.timestampNs() + ',' + record.price() + ',' + record.quantity() +
            ',' + record.buyOrderId() + ',' + record.sellOrderId() + ',' + record.instrumentId() + ',' +
            record.buyAccountId() + ',' + record.sellAccountId() + ',' + record.aggressorSide();
    }

    /**
     * @param price a fixed-point price with 2 decimals.
     * @return it as a decimal, e.g. {@code 101.25}, {@code -0.05}.
     */
    static String price(final long price)
    {
        final long magnitude = Math.abs(price);
        final long cents = magnitude % 100;
        return (price < 0 ? "-" : "") + magnitude / 100 + '.' + (cents < 10 ? "0" : "") + cents;
    }
}
