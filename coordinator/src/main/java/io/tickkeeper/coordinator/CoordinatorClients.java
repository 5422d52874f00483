package io.tickkeeper.coordinator;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.api.ACLProvider;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.server.auth.DigestAuthenticationProvider;

/**
 * Builds the Curator clients every TickKeeper process uses. An authenticated client creates znodes that only
 * its own identity may change and that everyone may read; an anonymous client can read only.
 */
public final class CoordinatorClients
{
    /** Default session timeout; docs/zookeeper.md explains the choice. */
    public static final int DEFAULT_SESSION_TIMEOUT_MS = 1_000;
    /** Default connection timeout. */
    public static final int DEFAULT_CONNECTION_TIMEOUT_MS = 3_000;

    private CoordinatorClients()
    {
    }

    /**
     * Creates (but does not start) a client.
     *
     * @param connectString    {@code host:port,...}.
     * @param sessionTimeoutMs session timeout asked of the ensemble.
     * @param credentials      digest credentials, or empty for an anonymous read-only client.
     * @return a new, not yet started client.
     */
    public static CuratorFramework newClient(
        final String connectString, final int sessionTimeoutMs, final Optional<Credentials> credentials)
    {
        final CuratorFrameworkFactory.Builder builder = CuratorFrameworkFactory.builder()
            .connectString(connectString)
            .sessionTimeoutMs(sessionTimeoutMs)
            .connectionTimeoutMs(Math.max(DEFAULT_CONNECTION_TIMEOUT_MS, sessionTimeoutMs))
            .retryPolicy(new ExponentialBackoffRetry(50, 10, 1_000));
        credentials.ifPresent(creds -> builder
            .authorization("digest", creds.authBytes())
            .aclProvider(ownerWritesWorldReads(creds)));
        return builder.build();
    }

    /**
     * @param credentials the owner's credentials.
     * @return ACLs giving the owner every permission and everyone else read.
     */
    public static List<ACL> ownerAcl(final Credentials credentials)
    {
        final String digest;
        try
        {
            digest = DigestAuthenticationProvider.generateDigest(new String(credentials.authBytes(),
                java.nio.charset.StandardCharsets.UTF_8));
        }
        catch (final java.security.NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("SHA1 digest unavailable", ex);
        }
        // Not List.of: ZooKeeper.create checks acl.contains(null), which an immutable List.of rejects with an NPE.
        return Collections.unmodifiableList(Arrays.asList(
            new ACL(ZooDefs.Perms.ALL, new Id("digest", digest)),
            new ACL(ZooDefs.Perms.READ, ZooDefs.Ids.ANYONE_ID_UNSAFE)));
    }

    private static ACLProvider ownerWritesWorldReads(final Credentials credentials)
    {
        final List<ACL> acl = ownerAcl(credentials);
        return new ACLProvider()
        {
            @Override
            public List<ACL> getDefaultAcl()
            {
                return acl;
            }

            @Override
            public List<ACL> getAclForPath(final String path)
            {
                return acl;
            }
        };
    }
}
