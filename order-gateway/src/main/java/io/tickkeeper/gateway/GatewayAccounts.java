package io.tickkeeper.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The logons a gateway accepts, read from a properties file with one block per username:
 * <pre>
 * user.alpha.password=alpha-secret
 * user.alpha.account=1
 * user.alpha.cancelOnDisconnect=true
 * user.ops.password=ops-secret
 * user.ops.dropCopy=true
 * </pre>
 * {@code account} is required unless {@code dropCopy=true}; {@code cancelOnDisconnect} defaults to false.
 * Two usernames may not share an account.
 */
public final class GatewayAccounts
{
    /** The file shipped with the gateway: two demo accounts and a drop-copy user. */
    public static final String DEFAULT_RESOURCE = "default-accounts.properties";

    private static final String PREFIX = "user.";

    private final Map<String, GatewayAccount> byUsername;

    private GatewayAccounts(final Map<String, GatewayAccount> byUsername)
    {
        this.byUsername = byUsername;
    }

    /**
     * @param file a properties file as described above.
     * @return its logons.
     */
    public static GatewayAccounts load(final Path file)
    {
        try (InputStream in = Files.newInputStream(file))
        {
            return parse(in, file.toString());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read accounts file " + file, ex);
        }
    }

    /** @return the logons of the file shipped with the gateway. */
    public static GatewayAccounts defaults()
    {
        try (InputStream in = GatewayAccounts.class.getResourceAsStream(DEFAULT_RESOURCE))
        {
            if (in == null)
            {
                throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
            }
            return parse(in, DEFAULT_RESOURCE);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, ex);
        }
    }

    /**
     * @param accounts the logons.
     * @return them, checked.
     */
    public static GatewayAccounts of(final List<GatewayAccount> accounts)
    {
        final Map<String, GatewayAccount> byUsername = new TreeMap<>();
        final Map<Integer, String> byAccount = new TreeMap<>();
        for (final GatewayAccount account : accounts)
        {
            if (byUsername.put(account.username(), account) != null)
            {
                throw new IllegalArgumentException("username listed twice: " + account.username());
            }
            if (!account.dropCopy())
            {
                final String other = byAccount.put(account.accountId(), account.username());
                if (other != null)
                {
                    throw new IllegalArgumentException("account " + account.accountId() + " belongs to both "
                        + other + " and " + account.username());
                }
            }
        }
        return new GatewayAccounts(Collections.unmodifiableMap(byUsername));
    }

    private static GatewayAccounts parse(final InputStream in, final String source) throws IOException
    {
        final Properties properties = new Properties();
        properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        final TreeSet<String> usernames = new TreeSet<>();
        for (final String key : properties.stringPropertyNames())
        {
            final int dot = key.lastIndexOf('.');
            if (!key.startsWith(PREFIX) || dot <= PREFIX.length())
            {
                throw new IllegalArgumentException(source + ": unexpected key " + key);
            }
            final String field = key.substring(dot + 1);
            if (!field.equals("password") && !field.equals("account") && !field.equals("cancelOnDisconnect")
                && !field.equals("dropCopy"))
            {
                throw new IllegalArgumentException(source + ": unknown setting " + key);
            }
            usernames.add(key.substring(PREFIX.length(), dot));
        }
        final List<GatewayAccount> accounts = new ArrayList<>();
        for (final String username : usernames)
        {
            final String base = PREFIX + username + ".";
            final boolean dropCopy = bool(properties, base + "dropCopy", source);
            final String account = properties.getProperty(base + "account");
            try
            {
                accounts.add(new GatewayAccount(username, properties.getProperty(base + "password"),
                    account == null ? 0 : Integer.parseInt(account.trim()),
                    bool(properties, base + "cancelOnDisconnect", source), dropCopy));
            }
            catch (final NumberFormatException ex)
            {
                throw new IllegalArgumentException(source + ": " + base + "account is not a number: " + account, ex);
            }
        }
        if (accounts.isEmpty())
        {
            throw new IllegalArgumentException(source + ": no accounts");
        }
        return of(accounts);
    }

    private static boolean bool(final Properties properties, final String key, final String source)
    {
        final String value = properties.getProperty(key, "false").trim();
        if (!value.equals("true") && !value.equals("false"))
        {
            throw new IllegalArgumentException(source + ": " + key + " must be true or false: " + value);
        }
        return Boolean.parseBoolean(value);
    }

    /**
     * @param username Username(553) of a logon, may be null.
     * @param password Password(554) of a logon, may be null.
     * @return the logon these credentials open, or null when they open none.
     */
    public GatewayAccount authenticate(final String username, final String password)
    {
        final GatewayAccount account = username == null ? null : byUsername.get(username);
        if (account == null || password == null)
        {
            return null;
        }
        final boolean same = MessageDigest.isEqual(account.password().getBytes(StandardCharsets.UTF_8),
            password.getBytes(StandardCharsets.UTF_8));
        return same ? account : null;
    }

    /** @return every logon, by username. */
    public List<GatewayAccount> all()
    {
        return List.copyOf(byUsername.values());
    }
}
