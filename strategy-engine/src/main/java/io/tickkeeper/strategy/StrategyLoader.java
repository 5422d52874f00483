package io.tickkeeper.strategy;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds strategies by class name: from the engine's own classpath (the built-in bots) or from a jar, through one
 * {@link URLClassLoader} per jar whose parent is the engine's class loader (so the jar sees this API). Every failure
 * is a {@link StrategyLoadException} naming the class, the jar and the reason. Not thread-safe.
 */
public final class StrategyLoader implements AutoCloseable
{
    private final ClassLoader parent;
    private final Map<Path, URLClassLoader> jars = new HashMap<>();

    /** A loader whose jars see the class loader of this API. */
    public StrategyLoader()
    {
        this(Strategy.class.getClassLoader());
    }

    /** @param parent the parent of every jar's class loader, and where classes without a jar are found. */
    public StrategyLoader(final ClassLoader parent)
    {
        this.parent = parent;
    }

    /**
     * @param spec the bot.
     * @return a new instance of its strategy.
     * @throws StrategyLoadException when the class cannot be found, is not a {@link Strategy}, has no public
     *                               no-argument constructor, or its constructor throws.
     */
    public Strategy load(final BotSpec spec)
    {
        return load(spec.jar(), spec.strategyClass());
    }

    /**
     * @param jar       the jar holding the class, or null for the engine's classpath.
     * @param className the fully qualified class name.
     * @return a new instance.
     * @throws StrategyLoadException naming the class, the jar and the reason.
     */
    public Strategy load(final Path jar, final String className)
    {
        final String where = jar == null ? "the engine's classpath" : "jar " + jar;
        final Class<?> type;
        try
        {
            type = Class.forName(className, false, classLoader(jar, className));
        }
        catch (final ClassNotFoundException ex)
        {
            throw new StrategyLoadException("strategy class " + className + " not found in " + where, ex);
        }
        catch (final LinkageError ex)
        {
            throw new StrategyLoadException("strategy class " + className + " from " + where + " cannot be loaded: " +
                ex, ex);
        }
        if (!Strategy.class.isAssignableFrom(type))
        {
            throw new StrategyLoadException("class " + className + " from " + where + " does not implement " +
                Strategy.class.getName(), null);
        }
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers()))
        {
            throw new StrategyLoadException("class " + className + " from " + where + " is abstract", null);
        }
        final Constructor<?> constructor;
        try
        {
            constructor = type.getConstructor();
        }
        catch (final NoSuchMethodException ex)
        {
            throw new StrategyLoadException("strategy class " + className + " from " + where +
                " has no public no-argument constructor", ex);
        }
        try
        {
            return (Strategy)constructor.newInstance();
        }
        catch (final InvocationTargetException ex)
        {
            throw new StrategyLoadException("the constructor of strategy " + className + " from " + where +
                " threw " + ex.getCause(), ex.getCause());
        }
        catch (final ReflectiveOperationException | LinkageError ex)
        {
            throw new StrategyLoadException("strategy " + className + " from " + where + " cannot be built: " + ex,
                ex);
        }
    }

    private ClassLoader classLoader(final Path jar, final String className)
    {
        if (jar == null)
        {
            return parent;
        }
        final Path key = jar.toAbsolutePath().normalize();
        final URLClassLoader existing = jars.get(key);
        if (existing != null)
        {
            return existing;
        }
        if (!Files.isRegularFile(key))
        {
            throw new StrategyLoadException("strategy jar " + jar + " (for " + className + ") does not exist", null);
        }
        final URL url;
        try
        {
            url = key.toUri().toURL();
        }
        catch (final MalformedURLException ex)
        {
            throw new StrategyLoadException("strategy jar " + jar + " has no URL: " + ex.getMessage(), ex);
        }
        final URLClassLoader loader = new URLClassLoader("strategy:" + key.getFileName(), new URL[] {url}, parent);
        jars.put(key, loader);
        return loader;
    }

    /** Closes the jars' class loaders; strategies built from them may fail to load more classes afterwards. */
    @Override
    public void close()
    {
        for (final URLClassLoader loader : jars.values())
        {
            try
            {
                loader.close();
            }
            catch (final java.io.IOException ex)
            {
                throw new StrategyLoadException("cannot close the class loader of " + loader.getName(), ex);
            }
        }
        jars.clear();
    }
}
