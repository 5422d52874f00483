package io.tickkeeper.coordinator.lock;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * One lock as {@link LockInspector} sees it.
 *
 * @param name            the lock name.
 * @param holder          the holder's id, when the lock is held.
 * @param holderSessionId the ZooKeeper session of the holder's lock node (its ephemeral owner), 0 when not held.
 * @param waiting         how many contenders queue behind the holder.
 * @param lastToken       the last fencing token granted (the holder's, once it has taken one).
 */
public record LockStatus(String name, Optional<String> holder, long holderSessionId, int waiting, OptionalLong lastToken)
{
}
