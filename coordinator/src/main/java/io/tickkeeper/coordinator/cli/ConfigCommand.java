package io.tickkeeper.coordinator.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;

import io.tickkeeper.coordinator.Credentials;
import io.tickkeeper.coordinator.config.ConfigChange;
import io.tickkeeper.coordinator.config.ConfigException;
import io.tickkeeper.coordinator.config.ConfigKey;
import io.tickkeeper.coordinator.config.ConfigKeys;
import io.tickkeeper.coordinator.config.ConfigRegistry;
import io.tickkeeper.coordinator.config.ConfigStore;
import io.tickkeeper.coordinator.config.ConfigValue;
import io.tickkeeper.coordinator.config.LiveConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code tickctl config get|set|history|watch}: the platform's live configuration (docs/config.md).
 */
@Command(
    name = "config",
    description = "Read, change and follow the live configuration (typed, validated, with history).",
    subcommands = {ConfigCommand.Get.class, ConfigCommand.Set.class, ConfigCommand.History.class,
        ConfigCommand.Watch.class})
final class ConfigCommand implements Callable<Integer>
{
    /** Shown as the author of a change made without credentials (which ZooKeeper then refuses). */
    static final String ANONYMOUS = "anonymous";

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private TickCtl tickctl;

    @Override
    public Integer call()
    {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /**
     * @param ex a configuration failure.
     * @return the same failure as {@code tickctl} reports it: one line and the matching exit code.
     */
    static CommandFailedException toCommandFailure(final ConfigException ex)
    {
        switch (ex.reason())
        {
            case UNKNOWN_KEY:
                return new CommandFailedException(ex.getMessage() + " ('tickctl config get' lists the keys)",
                    ExitCodes.BAD_VALUE);
            case INVALID_VALUE:
                return new CommandFailedException(ex.getMessage(), ExitCodes.BAD_VALUE);
            case NO_PERMISSION:
                return new CommandFailedException(
                    ex.getMessage() + " (set TICKKEEPER_ZK_AUTH or TICKKEEPER_ZK_AUTH_FILE)", ExitCodes.NO_PERMISSION);
            case UNAVAILABLE:
                return new CommandFailedException(ex.getMessage(), ExitCodes.ZK_UNREACHABLE);
            default:
                return new CommandFailedException(ex.getMessage(), ExitCodes.FAILED);
        }
    }

    private static ConfigRegistry registry()
    {
        return ConfigKeys.registry();
    }

    private static ConfigKey<?> requireKey(final String keyName)
    {
        try
        {
            return registry().require(keyName);
        }
        catch (final ConfigException ex)
        {
            throw toCommandFailure(ex);
        }
    }

    /**
     * {@code tickctl config get [key]}.
     */
    @Command(name = "get", description = "Print one key's value (JSON), or a table of every key.")
    static final class Get implements Callable<Integer>
    {
        @Spec
        private CommandSpec spec;

        @ParentCommand
        private ConfigCommand parent;

        @Parameters(index = "0", arity = "0..1", paramLabel = "<key>", description = "A key; all keys when absent.")
        private String keyName;

        @Override
        public Integer call()
        {
            if (keyName != null)
            {
                requireKey(keyName);
            }
            final PrintWriter out = spec.commandLine().getOut();
            final PrintWriter err = spec.commandLine().getErr();
            try (CuratorFramework client = parent.tickctl.connect())
            {
                final ConfigStore store = new ConfigStore(client, registry());
                if (keyName != null)
                {
                    final ConfigValue value = store.get(keyName);
                    out.println(value.json());
                    value.problem().ifPresent(problem ->
                        err.println("tickctl: warning: the stored value is refused by every consumer: " + problem));
                    return ExitCodes.OK;
                }
                final TextTable table = new TextTable("KEY", "VALUE", "SOURCE");
                for (final ConfigKey<?> key : registry().keys())
                {
                    final ConfigValue value = store.get(key.name());
                    table.row(key.name(), value.json(), source(value));
                }
                out.print(table.render());
                return ExitCodes.OK;
            }
            catch (final ConfigException ex)
            {
                throw toCommandFailure(ex);
            }
        }

        private static String source(final ConfigValue value)
        {
            if (!value.stored())
            {
                return "default";
            }
            final String stored = "stored v" + value.version() + " " + Instant.ofEpochMilli(value.modifiedMs());
            return value.problem().map(problem -> stored + " REFUSED: " + problem).orElse(stored);
        }
    }

    /**
     * {@code tickctl config set <key> <json>}.
     */
    @Command(name = "set", description = "Validate a value and, when it is good, store it with a history entry. "
        + "A bad value is refused (exit code 3) and nothing is written.")
    static final class Set implements Callable<Integer>
    {
        @Spec
        private CommandSpec spec;

        @ParentCommand
        private ConfigCommand parent;

        @Parameters(index = "0", paramLabel = "<key>", description = "The key.")
        private String keyName;

        @Parameters(index = "1", paramLabel = "<json>",
            description = "The new value as JSON: 500, 0.25, true, '{\"killed\":[7]}'.")
        private String rawJson;

        @Override
        public Integer call()
        {
            try
            {
                requireKey(keyName).decode(rawJson);
            }
            catch (final ConfigException ex)
            {
                throw toCommandFailure(ex);
            }
            final String who = Credentials.fromEnvironment().map(Credentials::user).orElse(ANONYMOUS);
            try (CuratorFramework client = parent.tickctl.connect())
            {
                final ConfigChange change = new ConfigStore(client, registry())
                    .set(keyName, rawJson, who, System.currentTimeMillis());
                spec.commandLine().getOut().println(keyName + ": " + change.oldJson().orElse("(default)") + " -> "
                    + change.newJson() + " (change " + change.sequence() + " by " + change.who() + ")");
                return ExitCodes.OK;
            }
            catch (final ConfigException ex)
            {
                throw toCommandFailure(ex);
            }
        }
    }

    /**
     * {@code tickctl config history <key>}.
     */
    @Command(name = "history", description = "Print every recorded change of a key, oldest first.")
    static final class History implements Callable<Integer>
    {
        @Spec
        private CommandSpec spec;

        @ParentCommand
        private ConfigCommand parent;

        @Parameters(index = "0", paramLabel = "<key>", description = "The key.")
        private String keyName;

        @Option(names = "--last", paramLabel = "<n>", description = "Only the last n changes.")
        private Integer last;

        @Override
        public Integer call()
        {
            requireKey(keyName);
            if (last != null && last < 1)
            {
                throw new CommandFailedException("--last must be at least 1, got " + last, ExitCodes.BAD_VALUE);
            }
            try (CuratorFramework client = parent.tickctl.connect())
            {
                final List<ConfigChange> changes = new ConfigStore(client, registry()).history(keyName);
                final List<ConfigChange> shown =
                    last == null ? changes : changes.subList(Math.max(0, changes.size() - last), changes.size());
                final TextTable table = new TextTable("SEQ", "TIME", "WHO", "OLD", "NEW");
                for (final ConfigChange change : shown)
                {
                    table.row(Long.toString(change.sequence()), Instant.ofEpochMilli(change.timeMs()).toString(),
                        change.who(), change.oldJson().orElse("(default)"), change.newJson());
                }
                spec.commandLine().getOut().print(table.render());
                return ExitCodes.OK;
            }
            catch (final ConfigException ex)
            {
                throw toCommandFailure(ex);
            }
        }
    }

    /**
     * {@code tickctl config watch}.
     */
    @Command(name = "watch", description = "Print the current values, then every change applied and every value "
        + "refused, as they happen (until interrupted, or --count events).")
    static final class Watch implements Callable<Integer>
    {
        @Spec
        private CommandSpec spec;

        @ParentCommand
        private ConfigCommand parent;

        @Option(names = "--count", paramLabel = "<n>", description = "Stop after n events.")
        private Long count;

        @Override
        public Integer call() throws InterruptedException
        {
            if (count != null && count < 1)
            {
                throw new CommandFailedException("--count must be at least 1, got " + count, ExitCodes.BAD_VALUE);
            }
            final PrintWriter out = spec.commandLine().getOut();
            final BlockingQueue<String> events = new LinkedBlockingQueue<>();
            try (CuratorFramework client = parent.tickctl.connect();
                LiveConfig live = new LiveConfig(client, registry()))
            {
                live.start();
                if (!live.awaitInitialized(parent.tickctl.timeoutMs()))
                {
                    throw new ZooKeeperUnreachableException("could not load the configuration within "
                        + parent.tickctl.timeoutMs() + " ms");
                }
                for (final ConfigKey<?> key : registry().keys())
                {
                    follow(live, key, events);
                }
                live.addRefusalListener(refusal -> events.add(Instant.now() + " REFUSED " + refusal.key() + " = "
                    + refusal.rawValue() + ": " + refusal.reason()
                    + (refusal.keptJson().isEmpty() ? "" : " (keeping " + refusal.keptJson() + ")")));
                for (final ConfigKey<?> key : registry().keys())
                {
                    out.println("current " + key.name() + " = " + currentJson(live, key));
                }
                out.flush();
                for (long seen = 0; count == null || seen < count; seen++)
                {
                    out.println(events.take());
                    out.flush();
                }
                return ExitCodes.OK;
            }
        }

        private static <T> void follow(final LiveConfig live, final ConfigKey<T> key, final BlockingQueue<String> events)
        {
            live.addListener(key, value -> events.add(Instant.now() + " applied " + key.name() + " = "
                + key.encode(value)));
        }

        private static <T> String currentJson(final LiveConfig live, final ConfigKey<T> key)
        {
            return key.encode(live.get(key));
        }
    }
}
