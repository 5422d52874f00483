package io.tickkeeper.strategy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import io.tickkeeper.protocol.sbe.ExecType;
import io.tickkeeper.strategy.RecordingSink.Command;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Strategies loaded by class name from a jar compiled in the test, and the errors of bad ones. */
class StrategyLoaderTest
{
    private static final String PLUGIN = String.join("\n",
        "package com.acme;",
        "import io.tickkeeper.protocol.sbe.OrderType;",
        "import io.tickkeeper.protocol.sbe.Side;",
        "import io.tickkeeper.strategy.*;",
        "public final class Dipper implements Strategy {",
        "    private StrategyContext context;",
        "    private long size;",
        "    public void onStart(StrategyContext context) {",
        "        this.context = context;",
        "        size = context.parameters().getLong(\"size\", 1);",
        "    }",
        "    public void onMarketData(int instrumentId, long price, long timestampNs) {",
        "        context.sendNewOrder(instrumentId, Side.BUY, OrderType.LIMIT_DAY, price - 1, size);",
        "    }",
        "    public void onExecution(ExecutionView report) { }",
        "    public void onTimer(long timestampNs) { }",
        "}",
        "");
    private static final String NOT_A_STRATEGY = String.join("\n",
        "package com.acme;",
        "public final class Plain { }",
        "");
    private static final String NO_DEFAULT_CONSTRUCTOR = String.join("\n",
        "package com.acme;",
        "import io.tickkeeper.strategy.*;",
        "public final class NeedsArgs implements Strategy {",
        "    public NeedsArgs(int x) { }",
        "    public void onStart(StrategyContext context) { }",
        "    public void onMarketData(int instrumentId, long price, long timestampNs) { }",
        "    public void onExecution(ExecutionView report) { }",
        "    public void onTimer(long timestampNs) { }",
        "}",
        "");

    @TempDir
    static Path dir;

    private static Path jar;

    @BeforeAll
    static void compilePlugins() throws IOException, URISyntaxException
    {
        jar = buildJar();
    }

    @Test
    void shouldLoadAStrategyFromAJarAndRunIt()
    {
        final RecordingSink sink = new RecordingSink();
        try (StrategyLoader loader = new StrategyLoader())
        {
            final BotSpec spec = new BotSpec("acme", "com.acme.Dipper", jar, 77, 1, Map.of("size", "3"));
            final StrategyEngine engine = new StrategyEngine(List.of(spec), loader::load, 8, 16, sink);
            assertThat(engine.enabled("acme")).isTrue();

            engine.onMarketTick(5, 2, 500, 1, 1);

            final List<Command> sent = sink.drain();
            assertThat(sent).hasSize(1);
            assertThat(sent.get(0).clOrdId()).isEqualTo("Sacme-1");
            assertThat(sent.get(0).price()).isEqualTo(499);
            assertThat(sent.get(0).quantity()).isEqualTo(3);
            assertThat(sent.get(0).instrumentId()).isEqualTo(2);
            assertThat(sent.get(0).accountId()).isEqualTo(77);
            assertThat(loader.load(jar, "com.acme.Dipper").getClass().getClassLoader())
                .as("loaded through the jar's own class loader").isNotSameAs(Strategy.class.getClassLoader());
        }
    }

    @Test
    void shouldNameTheClassAndTheJarWhenTheClassIsMissing()
    {
        try (StrategyLoader loader = new StrategyLoader())
        {
            assertThatThrownBy(() -> loader.load(jar, "com.acme.Dippr"))
                .isInstanceOf(StrategyLoadException.class)
                .hasMessage("strategy class com.acme.Dippr not found in jar " + jar);
        }
    }

    @Test
    void shouldRefuseAClassThatIsNotAStrategyOrHasNoPublicNoArgumentConstructor()
    {
        try (StrategyLoader loader = new StrategyLoader())
        {
            assertThatThrownBy(() -> loader.load(jar, "com.acme.Plain"))
                .isInstanceOf(StrategyLoadException.class)
                .hasMessage("class com.acme.Plain from jar " + jar + " does not implement " +
                    Strategy.class.getName());
            assertThatThrownBy(() -> loader.load(jar, "com.acme.NeedsArgs"))
                .isInstanceOf(StrategyLoadException.class)
                .hasMessageContaining("has no public no-argument constructor");
        }
    }

    @Test
    void shouldSayWhenTheJarDoesNotExist()
    {
        try (StrategyLoader loader = new StrategyLoader())
        {
            final Path missing = dir.resolve("missing.jar");
            assertThatThrownBy(() -> loader.load(missing, "com.acme.Dipper"))
                .isInstanceOf(StrategyLoadException.class)
                .hasMessage("strategy jar " + missing + " (for com.acme.Dipper) does not exist");
        }
    }

    private static Path buildJar() throws IOException, URISyntaxException
    {
        final Path sources = Files.createDirectories(dir.resolve("src/com/acme"));
        Files.writeString(sources.resolve("Dipper.java"), PLUGIN, StandardCharsets.UTF_8);
        Files.writeString(sources.resolve("Plain.java"), NOT_A_STRATEGY, StandardCharsets.UTF_8);
        Files.writeString(sources.resolve("NeedsArgs.java"), NO_DEFAULT_CONSTRUCTOR, StandardCharsets.UTF_8);
        final Path classes = Files.createDirectories(dir.resolve("classes"));
        final String classpath = location(Strategy.class) + java.io.File.pathSeparator + location(ExecType.class);
        final JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertThat(compiler).as("a JDK compiler").isNotNull();
        final int status = compiler.run(null, null, null, "-classpath", classpath, "-d", classes.toString(),
            sources.resolve("Dipper.java").toString(), sources.resolve("Plain.java").toString(),
            sources.resolve("NeedsArgs.java").toString());
        assertThat(status).as("javac exit status").isZero();
        final Path built = dir.resolve("acme-strategies.jar");
        try (OutputStream file = Files.newOutputStream(built); JarOutputStream out = new JarOutputStream(file);
            Stream<Path> files = Files.walk(classes))
        {
            for (final Path path : (Iterable<Path>)files.filter(Files::isRegularFile)::iterator)
            {
                out.putNextEntry(new JarEntry(classes.relativize(path).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(path));
                out.closeEntry();
            }
        }
        return built;
    }

    private static String location(final Class<?> type) throws URISyntaxException
    {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
