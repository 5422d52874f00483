package io.tickkeeper.matching.client;

/**
 * A trade a client's command took part in as the taker: what the drill checks for fills applied twice.
 *
 * @param clientSequence the taker command's client sequence.
 * @param epoch          the epoch of the primary that reported it.
 * @param sequence       the engine sequence of the command that traded.
 * @param instrumentId   the instrument.
 * @param price          the trade price.
 * @param quantity       the traded quantity.
 * @param takerOrderId   the incoming order.
 * @param makerOrderId   the resting order.
 * @param receivedNs     when it arrived ({@link System#nanoTime()}).
 */
public record Fill(
    long clientSequence, long epoch, long sequence, int instrumentId, long price, long quantity, long takerOrderId,
    long makerOrderId, long receivedNs)
{
}
