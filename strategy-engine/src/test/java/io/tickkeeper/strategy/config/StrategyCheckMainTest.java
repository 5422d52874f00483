package io.tickkeeper.strategy.config;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import io.tickkeeper.strategy.bots.MarketMaker;
import io.tickkeeper.strategy.examples.MeanReversion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

class StrategyCheckMainTest
{
    @TempDir
    Path dir;

    @Test
    void shouldReportEveryBotEnabledOrWhyNot() throws Exception
    {
        final Path config = dir.resolve("strategies.properties");
        Files.writeString(config, String.join("\n",
            "bots = mm1, ghost",
            "bot.mm1.class = " + MarketMaker.class.getName(),
            "bot.mm1.account = 1",
            "bot.ghost.class = com.acme.Missing",
            "bot.ghost.account = 2",
            ""));
        final StringWriter out = new StringWriter();

        final int exit = run(out, "--config", config.toString(), "--strategy", MeanReversion.class.getName(),
            "--bot", "mr", "--param", "band=30");

        assertThat(exit).isEqualTo(StrategyCheckMain.SOME_BOT_DISABLED);
        assertThat(out.toString())
            .contains("mm1(" + MarketMaker.class.getName() + ", account 1): enabled")
            .contains("ghost(com.acme.Missing, account 2): DISABLED: could not be loaded: strategy class " +
                "com.acme.Missing not found in the engine's classpath")
            .contains("mr(" + MeanReversion.class.getName() + ", account 9999): enabled");
    }

    @Test
    void shouldExitZeroWhenEveryBotRunsAndTwoOnUsageErrors()
    {
        assertThat(run(new StringWriter(), "--strategy", MarketMaker.class.getName())).isZero();
        assertThat(run(new StringWriter())).isEqualTo(2);
        assertThat(run(new StringWriter(), "--strategy-jar", "x.jar")).isEqualTo(2);
    }

    private static int run(final StringWriter out, final String... args)
    {
        final CommandLine command = new CommandLine(new StrategyCheckMain());
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(new StringWriter()));
        return command.execute(args);
    }
}
