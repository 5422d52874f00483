package io.tickkeeper.strategy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.tickkeeper.protocol.sbe.ExecType;
import io.tickkeeper.protocol.sbe.OrdStatus;
import io.tickkeeper.protocol.sbe.OrderType;
import io.tickkeeper.protocol.sbe.Side;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bot inside the {@link StrategyEngine}: its strategy, the context the strategy sees, and the state the engine
 * keeps for it (open orders, positions, parameters, random numbers, ClOrdID counter, whether it is enabled). Every
 * call into the strategy is guarded: a strategy that throws is disabled, logged, counted, and its open orders are
 * cancelled.
 */
final class BotRuntime implements StrategyContext
{
    private static final Logger LOG = LoggerFactory.getLogger(BotRuntime.class);

    private final StrategyEngine engine;
    private final BotSpec spec;
    private final Strategy strategy;
    private final StrategyParameters parameters;
    private final DeterministicRandom random;
    private final long[] positions;
    private final List<WorkingOrder> orders = new ArrayList<>();
    private boolean enabled;
    private String disabledReason = "";
    private long failures;
    private long refusedParameters;
    private long clOrdCounter;

    BotRuntime(final StrategyEngine engine, final BotSpec spec, final Strategy strategy, final String loadFailure)
    {
        this.engine = engine;
        this.spec = spec;
        this.strategy = strategy;
        this.parameters = new StrategyParameters(spec.name(), spec.parameters());
        this.random = new DeterministicRandom(spec.seed());
        this.positions = new long[engine.maxInstruments() + 1];
        if (strategy == null)
        {
            disable("could not be loaded: " + loadFailure, null);
            return;
        }
        enabled = true;
        try
        {
            strategy.onStart(this);
        }
        catch (final RuntimeException | LinkageError | AssertionError | StackOverflowError ex)
        {
            failures++;
            disable("onStart threw " + ex, ex);
        }
    }

    // ---- what the engine calls ----

    void marketData(final int instrumentId, final long price, final long timestampNs)
    {
        if (enabled)
        {
            try
            {
                strategy.onMarketData(instrumentId, price, timestampNs);
            }
            catch (final RuntimeException | LinkageError | AssertionError | StackOverflowError ex)
            {
                fail("onMarketData", ex);
            }
        }
    }

    void timer(final long timestampNs)
    {
        if (enabled)
        {
            try
            {
                strategy.onTimer(timestampNs);
            }
            catch (final RuntimeException | LinkageError | AssertionError | StackOverflowError ex)
            {
                fail("onTimer", ex);
            }
        }
    }

    void execution(final ExecutionReport report)
    {
        WorkingOrder order = find(report.clOrdId());
        if (order == null && !report.origClOrdId().isEmpty())
        {
            order = find(report.origClOrdId());
        }
        final long fill = report.lastQuantity();
        if (fill > 0 && report.instrumentId() > 0 && report.instrumentId() < positions.length)
        {
            positions[report.instrumentId()] += report.side() == Side.SELL ? -fill : fill;
        }
        if (order != null)
        {
            track(order, report);
        }
        if (enabled)
        {
            try
            {
                strategy.onExecution(report);
            }
            catch (final RuntimeException | LinkageError | AssertionError | StackOverflowError ex)
            {
                fail("onExecution", ex);
            }
        }
        else if (order != null && order.state == OrderState.LIVE && orders.contains(order))
        {
            sendCancel(order.clOrdId);
        }
    }

    void cancelReject(final CancelReject reject)
    {
        WorkingOrder order = find(reject.clOrdId());
        if (order == null)
        {
            order = find(reject.origClOrdId());
        }
        if (order != null && (order.state == OrderState.PENDING_CANCEL || order.state == OrderState.PENDING_REPLACE))
        {
            order.state = OrderState.LIVE;
            order.requestClOrdId = null;
        }
        if (enabled)
        {
            try
            {
                strategy.onCancelReject(reject);
            }
            catch (final RuntimeException | LinkageError | AssertionError | StackOverflowError ex)
            {
                fail("onCancelReject", ex);
            }
        }
    }

    /** @return false when the strategy refused the value (it was put back). */
    boolean parameter(final String key, final String value, final long timestampNs)
    {
        final String previous = parameters.put(key, value == null ? spec.parameters().get(key) : value);
        if (!enabled)
        {
            return true;
        }
        try
        {
            strategy.onParametersChanged(parameters, timestampNs);
            return true;
        }
        catch (final IllegalArgumentException ex)
        {
            parameters.put(key, previous);
            refusedParameters++;
            LOG.warn("bot {} refused parameter {}={}: {} (keeping {})", spec.name(), key, value, ex.getMessage(),
                previous);
            return false;
        }
        catch (final RuntimeException | LinkageError | AssertionError | StackOverflowError ex)
        {
            fail("onParametersChanged", ex);
            return true;
        }
    }

    // ---- StrategyContext ----

    @Override
    public String name()
    {
        return spec.name();
    }

    @Override
    public int accountId()
    {
        return spec.accountId();
    }

    @Override
    public String sendNewOrder(
        final int instrumentId, final Side side, final OrderType type, final long price, final long quantity)
    {
        engine.checkInInput();
        checkInstrument(instrumentId);
        if (side == null || side == Side.NULL_VAL)
        {
            throw new IllegalArgumentException("bot " + spec.name() + ": side must be BUY or SELL");
        }
        if (type == null || type == OrderType.NULL_VAL)
        {
            throw new IllegalArgumentException("bot " + spec.name() + ": order type missing");
        }
        if (quantity <= 0)
        {
            throw new IllegalArgumentException("bot " + spec.name() + ": quantity must be positive: " + quantity);
        }
        if (type == OrderType.MARKET ? price != 0 : price <= 0)
        {
            throw new IllegalArgumentException("bot " + spec.name() + ": price " + price + " is invalid for a " +
                type + " order");
        }
        if (orders.size() >= engine.maxOpenOrders())
        {
            throw new IllegalStateException("bot " + spec.name() + " already has " + orders.size() +
                " open orders, the most allowed");
        }
        final WorkingOrder order = new WorkingOrder();
        order.clOrdId = nextClOrdId();
        order.instrumentId = instrumentId;
        order.side = side;
        order.orderType = type;
        order.price = price;
        order.quantity = quantity;
        order.leavesQuantity = quantity;
        order.state = OrderState.PENDING_NEW;
        orders.add(order);
        engine.sendNewOrder(spec.accountId(), order);
        return order.clOrdId;
    }

    @Override
    public String sendCancel(final String clOrdId)
    {
        engine.checkInInput();
        final WorkingOrder order = findByCurrentId(clOrdId);
        if (order == null || order.state != OrderState.LIVE)
        {
            return null;
        }
        order.requestClOrdId = nextClOrdId();
        order.state = OrderState.PENDING_CANCEL;
        engine.sendCancel(spec.accountId(), order);
        return order.requestClOrdId;
    }

    @Override
    public String sendReplace(final String clOrdId, final long newPrice, final long newQuantity)
    {
        engine.checkInInput();
        if (newPrice <= 0 || newQuantity <= 0)
        {
            throw new IllegalArgumentException("bot " + spec.name() + ": a replace needs a positive price and " +
                "quantity, got " + newPrice + " x " + newQuantity);
        }
        final WorkingOrder order = findByCurrentId(clOrdId);
        if (order == null || order.state != OrderState.LIVE)
        {
            return null;
        }
        order.requestClOrdId = nextClOrdId();
        order.state = OrderState.PENDING_REPLACE;
        engine.sendReplace(spec.accountId(), order, newPrice, newQuantity);
        return order.requestClOrdId;
    }

    @Override
    public DeterministicRandom random()
    {
        return random;
    }

    @Override
    public StrategyParameters parameters()
    {
        return parameters;
    }

    @Override
    public long position(final int instrumentId)
    {
        return instrumentId > 0 && instrumentId < positions.length ? positions[instrumentId] : 0;
    }

    @Override
    public int openOrderCount()
    {
        return orders.size();
    }

    @Override
    public OpenOrderView openOrder(final int index)
    {
        return orders.get(index);
    }

    @Override
    public OpenOrderView findOpenOrder(final String clOrdId)
    {
        return findByCurrentId(clOrdId);
    }

    @Override
    public long lastPrice(final int instrumentId)
    {
        return engine.lastPrice(instrumentId);
    }

    // ---- state ----

    BotSpec spec()
    {
        return spec;
    }

    boolean enabled()
    {
        return enabled;
    }

    String disabledReason()
    {
        return disabledReason;
    }

    long failures()
    {
        return failures;
    }

    long refusedParameters()
    {
        return refusedParameters;
    }

    void write(final StateWriter out)
    {
        out.putString(spec.name());
        out.putBoolean(enabled);
        out.putString(disabledReason);
        out.putLong(failures);
        out.putLong(refusedParameters);
        out.putLong(clOrdCounter);
        out.putLong(random.state());
        int nonZero = 0;
        for (final long position : positions)
        {
            nonZero += position == 0 ? 0 : 1;
        }
        out.putInt(nonZero);
        for (int instrumentId = 1; instrumentId < positions.length; instrumentId++)
        {
            if (positions[instrumentId] != 0)
            {
                out.putInt(instrumentId);
                out.putLong(positions[instrumentId]);
            }
        }
        final Map<String, String> values = parameters.asMap();
        out.putInt(values.size());
        for (final Map.Entry<String, String> entry : values.entrySet())
        {
            out.putString(entry.getKey());
            out.putString(entry.getValue());
        }
        out.putInt(orders.size());
        for (final WorkingOrder order : orders)
        {
            out.putString(order.clOrdId);
            out.putString(order.requestClOrdId == null ? "" : order.requestClOrdId);
            out.putInt(order.instrumentId);
            out.putInt(order.side.value());
            out.putInt(order.orderType.value());
            out.putInt(order.state.ordinal());
            out.putLong(order.price);
            out.putLong(order.quantity);
            out.putLong(order.leavesQuantity);
            out.putLong(order.cumQuantity);
        }
        final int lengthAt = out.position();
        out.putInt(0);
        if (enabled)
        {
            strategy.saveState(out);
        }
        engine.patchLength(lengthAt, out.position() - lengthAt - Integer.BYTES);
    }

    void read(final StateReader in)
    {
        final String name = in.getString();
        if (!name.equals(spec.name()))
        {
            throw new IllegalArgumentException("snapshot holds bot " + name + " where the configuration has " +
                spec.name());
        }
        final boolean wasEnabled = in.getBoolean();
        final String reason = in.getString();
        if (wasEnabled && !enabled)
        {
            throw new IllegalArgumentException("snapshot has bot " + name + " enabled, but here it is disabled: " +
                disabledReason);
        }
        enabled = wasEnabled;
        disabledReason = reason;
        failures = in.getLong();
        refusedParameters = in.getLong();
        clOrdCounter = in.getLong();
        random.state(in.getLong());
        java.util.Arrays.fill(positions, 0);
        final int nonZero = in.getInt();
        for (int i = 0; i < nonZero; i++)
        {
            final int instrumentId = in.getInt();
            checkInstrument(instrumentId);
            positions[instrumentId] = in.getLong();
        }
        final int parameterCount = in.getInt();
        final Map<String, String> values = new TreeMap<>();
        for (int i = 0; i < parameterCount; i++)
        {
            values.put(in.getString(), in.getString());
        }
        parameters.replaceAll(values);
        orders.clear();
        final int orderCount = in.getInt();
        for (int i = 0; i < orderCount; i++)
        {
            final WorkingOrder order = new WorkingOrder();
            order.clOrdId = in.getString();
            final String request = in.getString();
            order.requestClOrdId = request.isEmpty() ? null : request;
            order.instrumentId = in.getInt();
            order.side = Side.get((short)in.getInt());
            order.orderType = OrderType.get((short)in.getInt());
            order.state = OrderState.values()[in.getInt()];
            order.price = in.getLong();
            order.quantity = in.getLong();
            order.leavesQuantity = in.getLong();
            order.cumQuantity = in.getLong();
            orders.add(order);
        }
        final int stateLength = in.getInt();
        final int end = in.position() + stateLength;
        if (enabled)
        {
            strategy.loadState(in);
        }
        if (in.position() != end)
        {
            throw new IllegalArgumentException("strategy of bot " + name + " read " +
                (in.position() - (end - stateLength)) + " bytes of its " + stateLength + "-byte state");
        }
    }

    // ---- internals ----

    private void track(final WorkingOrder order, final ExecutionReport report)
    {
        final ExecType execType = report.execType();
        if (execType == ExecType.REPLACED)
        {
            orders.remove(order);
            order.clOrdId = report.clOrdId();
            order.requestClOrdId = null;
            order.price = report.price();
            order.quantity = report.quantity();
            order.state = OrderState.LIVE;
            orders.add(order);
        }
        if (execType != ExecType.PENDING_CANCEL && execType != ExecType.PENDING_REPLACE &&
            execType != ExecType.ORDER_STATUS)
        {
            order.cumQuantity = report.cumQuantity();
            order.leavesQuantity = report.leavesQuantity();
        }
        final OrdStatus status = report.ordStatus();
        if (status == OrdStatus.FILLED || status == OrdStatus.CANCELED || status == OrdStatus.REJECTED ||
            status == OrdStatus.EXPIRED || execType == ExecType.REJECTED && order.state == OrderState.PENDING_NEW)
        {
            orders.remove(order);
            return;
        }
        if (order.state == OrderState.PENDING_NEW &&
            (execType == ExecType.NEW || execType == ExecType.PARTIAL_FILL || execType == ExecType.FILL))
        {
            order.state = OrderState.LIVE;
        }
    }

    private void fail(final String callback, final Throwable ex)
    {
        failures++;
        disable(callback + " threw " + ex, ex);
        for (int i = 0; i < orders.size(); i++)
        {
            final WorkingOrder order = orders.get(i);
            if (order.state == OrderState.LIVE)
            {
                sendCancel(order.clOrdId);
            }
        }
    }

    private void disable(final String reason, final Throwable ex)
    {
        enabled = false;
        disabledReason = reason;
        LOG.error("bot {} ({}) disabled: {}; its open orders are cancelled", spec.name(), spec.strategyClass(),
            reason, ex);
    }

    private String nextClOrdId()
    {
        clOrdCounter++;
        return "S" + spec.name() + "-" + clOrdCounter;
    }

    private WorkingOrder find(final String id)
    {
        if (id == null || id.isEmpty())
        {
            return null;
        }
        for (int i = 0; i < orders.size(); i++)
        {
            final WorkingOrder order = orders.get(i);
            if (order.knownBy(id))
            {
                return order;
            }
        }
        return null;
    }

    private WorkingOrder findByCurrentId(final String clOrdId)
    {
        for (int i = 0; i < orders.size(); i++)
        {
            final WorkingOrder order = orders.get(i);
            if (order.clOrdId.equals(clOrdId))
            {
                return order;
            }
        }
        return null;
    }

    private void checkInstrument(final int instrumentId)
    {
        if (instrumentId <= 0 || instrumentId >= positions.length)
        {
            throw new IllegalArgumentException("bot " + spec.name() + ": instrument " + instrumentId +
                " is not in 1.." + (positions.length - 1));
        }
    }
}
