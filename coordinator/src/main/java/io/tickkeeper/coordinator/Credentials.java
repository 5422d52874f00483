package io.tickkeeper.coordinator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Digest credentials ({@code user:password}) a service uses to own the znodes it writes. They are never
 * hard-coded: they come from the environment variable {@value #ENV_AUTH}, or from the file named by
 * {@value #ENV_AUTH_FILE} (first non-blank line). Without either, a client is anonymous and can only read.
 */
public final class Credentials
{
    /** Environment variable holding {@code user:password}. */
    public static final String ENV_AUTH = "TICKKEEPER_ZK_AUTH";
    /** Environment variable naming a file whose first non-blank line is {@code user:password}. */
    public static final String ENV_AUTH_FILE = "TICKKEEPER_ZK_AUTH_FILE";

    private final String user;
    private final String password;

    private Credentials(final String user, final String password)
    {
        this.user = user;
        this.password = password;
    }

    /**
     * @param userAndPassword {@code user:password}; the user must be non-empty and contain no colon.
     * @return the parsed credentials.
     */
    public static Credentials parse(final String userAndPassword)
    {
        final String text = userAndPassword.trim();
        final int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1)
        {
            throw new IllegalArgumentException("credentials must have the form user:password");
        }
        return new Credentials(text.substring(0, colon), text.substring(colon + 1));
    }

    /** @return credentials from the process environment, if any are configured. */
    public static Optional<Credentials> fromEnvironment()
    {
        return fromEnvironment(System.getenv());
    }

    /** @return credentials from the given environment, if any are configured. */
    public static Optional<Credentials> fromEnvironment(final Map<String, String> env)
    {
        final String inline = env.get(ENV_AUTH);
        if (inline != null && !inline.isBlank())
        {
            return Optional.of(parse(inline));
        }
        final String file = env.get(ENV_AUTH_FILE);
        if (file != null && !file.isBlank())
        {
            return Optional.of(fromFile(Path.of(file)));
        }
        return Optional.empty();
    }

    /** @return credentials from the first non-blank line of a file. */
    public static Credentials fromFile(final Path file)
    {
        try
        {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank())
                .findFirst()
                .map(Credentials::parse)
                .orElseThrow(() -> new IllegalArgumentException("credentials file is empty: " + file));
        }
        catch (final IOException ex)
        {
            throw new IllegalArgumentException("cannot read credentials file " + file + ": " + ex.getMessage(), ex);
        }
    }

    /** @return the user name (also the ACL identity). */
    public String user()
    {
        return user;
    }

    /** @return the {@code user:password} bytes ZooKeeper's digest scheme authenticates with. */
    public byte[] authBytes()
    {
        return (user + ':' + password).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString()
    {
        return "Credentials{user=" + user + ", password=***}";
    }
}
