package io.tickkeeper.strategy.config;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import io.tickkeeper.strategy.BotSpec;
import io.tickkeeper.strategy.RiskCommandSink;
import io.tickkeeper.strategy.StrategyEngine;
import io.tickkeeper.strategy.StrategyLoader;
import io.tickkeeper.protocol.sbe.OrderType;
import io.tickkeeper.protocol.sbe.Side;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code strategy-check}: loads and starts every bot of a {@code strategies.properties} file and/or one plug-in
 * strategy named on the command line ({@code --strategy-jar path --strategy com.acme.MyStrategy}), exactly as the
 * strategy engine would, and prints each bot with whether it is enabled or why not. Feeds no input and sends nothing.
 */
@Command(name = "strategy-check", mixinStandardHelpOptions = true, version = "strategy-check 0.1.0",
    description = "Load and start the strategy engine's bots and say which run and why the others do not.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every bot is enabled", "1:failed (see the message)", "2:usage error",
        "3:some bot is disabled"})
public final class StrategyCheckMain implements Callable<Integer>
{
    /** Exit code when a bot could not be loaded or started. */
    public static final int SOME_BOT_DISABLED = 3;

    @Option(names = "--config", paramLabel = "<file>", description = "A strategies.properties file.")
    private Path config;

    @Option(names = "--strategy-jar", paramLabel = "<jar>", description = "The jar of a plug-in strategy.")
    private Path strategyJar;

    @Option(names = "--strategy", paramLabel = "<class>", description = "The plug-in strategy's class name.")
    private String strategy;

    @Option(names = "--bot", defaultValue = "plugin",
        description = "The plug-in bot's name (default: ${DEFAULT-VALUE}).")
    private String bot;

    @Option(names = "--account", defaultValue = "9999",
        description = "The plug-in bot's account (default: ${DEFAULT-VALUE}).")
    private int account;

    @Option(names = "--seed", defaultValue = "1", description = "The plug-in bot's seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--param", paramLabel = "<key=value>", description = "A parameter of the plug-in bot; repeatable.")
    private Map<String, String> parameters = new TreeMap<>();

    @Spec
    private CommandLine.Model.CommandSpec spec;

    /** @param args command-line arguments; {@code --help} lists them. */
    public static void main(final String[] args)
    {
        System.exit(new CommandLine(new StrategyCheckMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception
    {
        final PrintWriter out = spec.commandLine().getOut();
        final List<BotSpec> bots = new ArrayList<>();
        if (config != null)
        {
            bots.addAll(StrategiesConfig.load(config));
        }
        if (strategy != null)
        {
            bots.add(new BotSpec(bot, strategy, strategyJar, account, seed, parameters));
        }
        else if (strategyJar != null)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), "--strategy-jar needs --strategy <class>");
        }
        if (bots.isEmpty())
        {
            throw new CommandLine.ParameterException(spec.commandLine(), "name bots with --config or --strategy");
        }
        try (StrategyLoader loader = new StrategyLoader())
        {
            final StrategyEngine engine = new StrategyEngine(bots, loader::load,
                StrategyEngine.DEFAULT_MAX_INSTRUMENTS, StrategyEngine.DEFAULT_MAX_OPEN_ORDERS, new NoCommands());
            boolean allEnabled = true;
            for (final BotSpec spec : bots)
            {
                final boolean enabled = engine.enabled(spec.name());
                allEnabled &= enabled;
                out.println(spec + ": " + (enabled ? "enabled" : "DISABLED: " + engine.disabledReason(spec.name())));
            }
            out.flush();
            return allEnabled ? 0 : SOME_BOT_DISABLED;
        }
    }

    /** The check sends nothing: no input reaches the bots. */
    private static final class NoCommands implements RiskCommandSink
    {
        @Override
        public void newOrder(
            final long clientSequence, final long timestampNs, final int accountId, final int instrumentId,
            final String clOrdId, final Side side, final OrderType type, final long price, final long quantity)
        {
            throw new IllegalStateException("strategy-check sends no command");
        }

        @Override
        public void cancel(
            final long clientSequence, final long timestampNs, final int accountId, final int instrumentId,
            final String clOrdId, final String origClOrdId)
        {
            throw new IllegalStateException("strategy-check sends no command");
        }

        @Override
        public void replace(
            final long clientSequence, final long timestampNs, final int accountId, final int instrumentId,
            final String clOrdId, final String origClOrdId, final long newPrice, final long newQuantity)
        {
            throw new IllegalStateException("strategy-check sends no command");
        }
    }
}
