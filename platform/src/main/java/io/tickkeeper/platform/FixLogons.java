package io.tickkeeper.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;

/**
 * The FIX logons a sandbox user can trade with, as lines to print: read from the gateways' accounts file
 * ({@code user.<name>.password / account / cancelOnDisconnect / dropCopy}, docs/runbook-fix-client.md), or from the
 * demo accounts the gateway ships when the platform gives it no file. Read as plain properties, so the sandbox does
 * not depend on the gateway's classes to print them.
 */
final class FixLogons
{
    /** The demo accounts inside the order-gateway jar. */
    static final String DEFAULT_RESOURCE = "io/tickkeeper/gateway/default-accounts.properties";

    private static final String PREFIX = "user.";

    private FixLogons()
    {
    }

    /**
     * @param accountsFile the gateways' file, if they are given one.
     * @return one line per logon: username, password and what it may do; sorted by username.
     */
    static List<String> describe(final Optional<Path> accountsFile)
    {
        final Properties properties = new Properties();
        try (InputStream in = accountsFile.isPresent() ? Files.newInputStream(accountsFile.get())
            : FixLogons.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE))
        {
            if (in == null)
            {
                return List.of("(no accounts: " + DEFAULT_RESOURCE + " is not on the classpath)");
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read the accounts " + accountsFile.orElse(Path.of(DEFAULT_RESOURCE)),
                ex);
        }
        final TreeSet<String> users = new TreeSet<>();
        for (final String key : properties.stringPropertyNames())
        {
            if (key.startsWith(PREFIX) && key.endsWith(".password"))
            {
                users.add(key.substring(PREFIX.length(), key.length() - ".password".length()));
            }
        }
        final List<String> lines = new ArrayList<>();
        for (final String user : users)
        {
            final String base = PREFIX + user + ".";
            final String rights;
            if (Boolean.parseBoolean(properties.getProperty(base + "dropCopy", "false").trim()))
            {
                rights = "drop copy: every account's execution reports";
            }
            else
            {
                rights = "account " + properties.getProperty(base + "account", "?").trim()
                    + (Boolean.parseBoolean(properties.getProperty(base + "cancelOnDisconnect", "false").trim())
                    ? ", cancel on disconnect" : "");
            }
            lines.add("Username " + user + "  Password " + properties.getProperty(base + "password").trim() + "  ("
                + rights + ")");
        }
        return lines;
    }
}
