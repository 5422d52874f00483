package io.tickkeeper.risk.node;

import java.nio.file.Path;

import io.tickkeeper.node.InputPublisher;
import io.tickkeeper.node.ReplicatedService;
import io.tickkeeper.node.ServicePipeline;
import io.tickkeeper.runtime.EnginePipeline;
import org.agrona.DirectBuffer;

/** Runs a service unchanged and keeps the last pipeline it built, so a test can read its state hash after close. */
final class CapturingService implements ReplicatedService
{
    private final ReplicatedService service;
    private volatile ServicePipeline last;

    CapturingService(final ReplicatedService service)
    {
        this.service = service;
    }

    ServicePipeline last()
    {
        return last;
    }

    @Override
    public String name()
    {
        return service.name();
    }

    @Override
    public ServicePipeline newPipeline(final EnginePipeline.Context runtime, final Path snapshotDirectory)
    {
        final ServicePipeline pipeline = service.newPipeline(runtime, snapshotDirectory);
        last = pipeline;
        return pipeline;
    }

    @Override
    public void checkCommand(final DirectBuffer buffer, final int offset, final int length)
    {
        service.checkCommand(buffer, offset, length);
    }

    @Override
    public int maxCommandLength()
    {
        return service.maxCommandLength();
    }

    @Override
    public boolean routeOutput(final long sequence, final DirectBuffer buffer, final int offset, final int length)
    {
        return service.routeOutput(sequence, buffer, offset, length);
    }

    @Override
    public void onPrimary(final long epoch, final InputPublisher inputs)
    {
        service.onPrimary(epoch, inputs);
    }

    @Override
    public void onNotPrimary()
    {
        service.onNotPrimary();
    }
}
