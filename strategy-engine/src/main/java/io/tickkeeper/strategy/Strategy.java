package io.tickkeeper.strategy;

/**
 * A trading strategy run by the strategy engine: a plain class with a public no-argument constructor whose
 * callbacks the engine calls, one at a time, on its logic thread, for every sequenced input. The primary and its
 * hot standby run the same strategy on the same inputs, so a strategy must be deterministic (docs/strategy-api.md):
 * no clock (time is the {@code timestampNs} given), no randomness but {@link StrategyContext#random()}, no I/O, no
 * threads, no static mutable state, no iteration over hash-ordered collections that decides what it sends.
 *
 * <p>A callback that throws disables the strategy: the engine logs it, counts it, cancels the strategy's open
 * orders and calls it no more. The engine itself goes on.
 */
public interface Strategy
{
    /**
     * Called once, before any input, with the context the strategy keeps. Read the parameters here; nothing can be
     * sent yet (there is no input to answer).
     *
     * @param context the strategy's view of the engine: orders, positions, parameters, random numbers.
     * @throws IllegalArgumentException when a parameter is not usable: the strategy starts disabled.
     */
    void onStart(StrategyContext context);

    /**
     * A new reference price from the market feed.
     *
     * @param instrumentId the instrument.
     * @param price        the price, fixed-point with 2 decimals.
     * @param timestampNs  the time of the input.
     */
    void onMarketData(int instrumentId, long price, long timestampNs);

    /**
     * An execution report about one of the strategy's orders. The context's positions and open orders already
     * include it.
     *
     * @param report the report; valid during this call only.
     */
    void onExecution(ExecutionView report);

    /**
     * A timer tick.
     *
     * @param timestampNs the time of the tick.
     */
    void onTimer(long timestampNs);

    /**
     * The risk manager refused one of the strategy's cancel or replace requests; the order is as it was.
     *
     * @param reject the refusal; valid during this call only.
     */
    default void onCancelReject(final CancelRejectView reject)
    {
    }

    /**
     * A live parameter changed ({@link StrategyContext#parameters()} already has the new value). Parse every value
     * before changing any field, so that a refusal leaves the strategy as it was.
     *
     * @param parameters  the parameters now in force.
     * @param timestampNs the time of the change.
     * @throws IllegalArgumentException to refuse the value: the engine puts the previous value back and counts a
     *                                  refused parameter; the strategy stays enabled.
     */
    default void onParametersChanged(final StrategyParameters parameters, final long timestampNs)
    {
    }

    /**
     * Writes the strategy's own state (not its orders, positions, parameters or random numbers: the engine keeps
     * those) into a snapshot. The bytes also make up the strategy's share of the engine's state hash, so write
     * every field that decides what the strategy sends, in a fixed order.
     *
     * @param out where to write.
     */
    default void saveState(final StateWriter out)
    {
    }

    /**
     * Reads back what {@link #saveState} wrote, in the same order. Called after {@link #onStart} and after the
     * engine restored the strategy's live parameters: read them again if fields are derived from them.
     *
     * @param in where to read from.
     */
    default void loadState(final StateReader in)
    {
    }
}
