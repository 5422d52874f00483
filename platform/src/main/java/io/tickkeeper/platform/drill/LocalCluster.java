package io.tickkeeper.platform.drill;

import java.util.Optional;
import java.util.function.BooleanSupplier;

import io.tickkeeper.platform.Platform;
import io.tickkeeper.platform.ServiceKind;

/** The platform's processes on this machine as a {@link DrillCluster}: services by label, nodes by process name. */
final class LocalCluster implements DrillCluster
{
    private final Platform platform;

    LocalCluster(final Platform platform)
    {
        this.platform = platform;
    }

    @Override
    public Optional<String> primary(final String service)
    {
        return platform.primary(ServiceKind.ofLabel(service), Platform.SHARD);
    }

    @Override
    public void kill(final String node) throws InterruptedException
    {
        platform.kill(node);
    }

    @Override
    public void restart(final String node) throws Exception
    {
        platform.start(node);
    }

    @Override
    public void await(final String what, final BooleanSupplier condition) throws InterruptedException
    {
        platform.await(what, condition);
    }
}
