package io.tickkeeper.node.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the command line of a child JVM that runs a main class on the current classpath with the project's JVM flags
 * (config/jvm.options, the one place they are kept) and the classpath of the current JVM.
 */
public final class JvmCommand
{
    private static final String ENV_HOME = "TK_HOME";

    private final String java;
    private final List<String> flags;
    private final String classpath;

    private JvmCommand(final String java, final List<String> flags, final String classpath)
    {
        this.java = java;
        this.flags = List.copyOf(flags);
        this.classpath = classpath;
    }

    /**
     * @return the command of this JVM's java, the project's flags and this JVM's classpath.
     */
    public static JvmCommand current()
    {
        final Path options = projectHome().resolve("config").resolve("jvm.options");
        final List<String> flags = new ArrayList<>();
        try
        {
            for (final String line : Files.readAllLines(options))
            {
                final String flag = line.trim();
                if (!flag.isEmpty() && !flag.startsWith("#"))
                {
                    flags.add(flag);
                }
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read " + options, ex);
        }
        return new JvmCommand(Path.of(System.getProperty("java.home"), "bin", "java").toString(), flags,
            System.getProperty("java.class.path"));
    }

    /**
     * @return the project directory: {@code $TK_HOME}, else the nearest directory at or above the working
     *     directory that holds config/jvm.options.
     */
    public static Path projectHome()
    {
        final String home = System.getenv(ENV_HOME);
        if (home != null && !home.isBlank())
        {
            return Path.of(home).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null)
        {
            if (Files.isRegularFile(dir.resolve("config").resolve("jvm.options")))
            {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("cannot find the project directory (config/jvm.options); set " + ENV_HOME);
    }

    /**
     * @param heapMb    the child's heap.
     * @param mainClass the main class.
     * @param args      its arguments.
     * @return the full command line.
     */
    public List<String> command(final int heapMb, final String mainClass, final List<String> args)
    {
        final List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(flags);
        command.add("-Xmx" + heapMb + "m");
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(args);
        return command;
    }
}
