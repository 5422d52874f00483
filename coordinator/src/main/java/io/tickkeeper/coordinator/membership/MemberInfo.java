package io.tickkeeper.coordinator.membership;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tickkeeper.coordinator.ZkPaths;

/**
 * What one node of a shard tells the cluster about itself, stored as JSON in its ephemeral member znode, e.g.
 * {@code {"node":"me-b","role":"standby","epoch":7,"endpoint":"127.0.0.1:9002","appliedSeq":1230,"lag":4}}.
 *
 * @param node       the node's name (also the member znode's name).
 * @param role       what it does now: {@code primary}, {@code standby}, {@code candidate}, {@code catching-up} or
 *                   another lower-case word the service documents.
 * @param epoch      the highest epoch it has seen (0 before any).
 * @param endpoint   where it serves.
 * @param appliedSeq the last input sequence it applied.
 * @param lag        how many inputs it is behind the primary (0 for the primary).
 */
public record MemberInfo(String node, String role, long epoch, String endpoint, long appliedSeq, long lag)
{
    /** Role of the node holding the primary epoch. */
    public static final String ROLE_PRIMARY = "primary";
    /** Role of a node applying the primary's inputs. */
    public static final String ROLE_STANDBY = "standby";
    /** Role of a node campaigning without (yet) applying inputs. */
    public static final String ROLE_CANDIDATE = "candidate";

    private static final ObjectMapper JSON = new ObjectMapper()
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /**
     * Checks the fields.
     */
    public MemberInfo
    {
        ZkPaths.checkName(node);
        if (role == null || !role.matches("[a-z][a-z-]*"))
        {
            throw new IllegalArgumentException("role must be a lower-case word: " + role);
        }
        if (endpoint == null || endpoint.isBlank())
        {
            throw new IllegalArgumentException("endpoint must be given");
        }
        if (epoch < 0 || appliedSeq < 0 || lag < 0)
        {
            throw new IllegalArgumentException("epoch, appliedSeq and lag must not be negative: " + epoch + ", "
                + appliedSeq + ", " + lag);
        }
    }

    /**
     * @param newRole  the role now.
     * @param newEpoch the highest epoch seen now.
     * @return a copy with these values.
     */
    public MemberInfo withRole(final String newRole, final long newEpoch)
    {
        return new MemberInfo(node, newRole, newEpoch, endpoint, appliedSeq, lag);
    }

    /**
     * @param newAppliedSeq the last applied sequence now.
     * @param newLag        the lag now.
     * @return a copy with these values.
     */
    public MemberInfo withProgress(final long newAppliedSeq, final long newLag)
    {
        return new MemberInfo(node, role, epoch, endpoint, newAppliedSeq, newLag);
    }

    /** @return the JSON bytes stored in the member znode. */
    public byte[] toJson()
    {
        try
        {
            return JSON.writeValueAsBytes(this);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * @param json the bytes of a member znode.
     * @return the decoded value.
     * @throws IllegalArgumentException when the bytes are not a valid member record.
     */
    public static MemberInfo fromJson(final byte[] json)
    {
        try
        {
            return JSON.readValue(json, MemberInfo.class);
        }
        catch (final IOException ex)
        {
            final String message = String.valueOf(ex.getMessage());
            final int newline = message.indexOf('\n');
            throw new IllegalArgumentException(
                "not a member record: " + (newline < 0 ? message : message.substring(0, newline)), ex);
        }
    }
}
