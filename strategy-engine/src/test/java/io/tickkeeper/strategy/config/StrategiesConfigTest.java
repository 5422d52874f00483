package io.tickkeeper.strategy.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.tickkeeper.strategy.BotSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrategiesConfigTest
{
    @TempDir
    Path dir;

    @Test
    void shouldReadTheBotsInOrderWithTheirParametersAndJars() throws IOException
    {
        final Path file = write(String.join("\n",
            "bots = mm1, acme",
            "bot.mm1.class = io.tickkeeper.strategy.bots.MarketMaker",
            "bot.mm1.account = 9001",
            "bot.mm1.seed = 42",
            "bot.mm1.param.spread = 12",
            "bot.mm1.param.size = 3",
            "bot.acme.class = com.acme.Dipper",
            "bot.acme.jar = lib/acme.jar",
            "bot.acme.account = 9002",
            ""));

        final List<BotSpec> bots = StrategiesConfig.load(file);

        assertThat(bots).extracting(BotSpec::name).containsExactly("mm1", "acme");
        assertThat(bots.get(0).seed()).isEqualTo(42);
        assertThat(bots.get(0).jar()).isNull();
        assertThat(bots.get(0).parameters()).isEqualTo(Map.of("spread", "12", "size", "3"));
        assertThat(bots.get(1).seed()).isEqualTo(1);
        assertThat(bots.get(1).jar()).isEqualTo(dir.toAbsolutePath().resolve("lib/acme.jar"));
        assertThat(bots.get(1).strategyClass()).isEqualTo("com.acme.Dipper");
    }

    @Test
    void shouldNameTheFileAndTheKeyOfAMistake() throws IOException
    {
        final Path missingAccount = write("bots=mm1\nbot.mm1.class=x.Y\n");
        assertThatThrownBy(() -> StrategiesConfig.load(missingAccount))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage(missingAccount + ": bot.mm1.account is missing");

        final Path badSeed = write("bots=mm1\nbot.mm1.class=x.Y\nbot.mm1.account=1\nbot.mm1.seed=abc\n");
        assertThatThrownBy(() -> StrategiesConfig.load(badSeed))
            .hasMessage(badSeed + ": bot.mm1.seed must be an integer, got 'abc'");

        final Path badName = write("bots=market-maker\nbot.market-maker.class=x.Y\nbot.market-maker.account=1\n");
        assertThatThrownBy(() -> StrategiesConfig.load(badName))
            .hasMessageContaining("bot name must be 1-12 letters, digits or '_': market-maker");
    }

    private Path write(final String text) throws IOException
    {
        final Path file = Files.createTempFile(dir, "strategies", ".properties");
        Files.writeString(file, text);
        return file;
    }
}
