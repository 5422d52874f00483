package io.tickkeeper.risk;

/** One instrument's replicated state: its reference price and the feed position it came from. */
final class InstrumentState
{
    final int instrumentId;
    final int shard;
    long referencePrice;
    long feedToken;
    long feedSequence;
    long forwardedReferencePrice;

    InstrumentState(final int instrumentId, final int shard)
    {
        this.instrumentId = instrumentId;
        this.shard = shard;
    }
}
