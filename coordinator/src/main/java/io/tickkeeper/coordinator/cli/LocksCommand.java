package io.tickkeeper.coordinator.cli;

import java.util.List;
import java.util.concurrent.Callable;

import org.apache.curator.framework.CuratorFramework;

import io.tickkeeper.coordinator.lock.LockInspector;
import io.tickkeeper.coordinator.lock.LockStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code tickctl locks}: every fenced lock with its holder, queue and last fencing token (docs/config.md).
 */
@Command(name = "locks", description = "List the fenced locks: holder, its session, contenders waiting and the "
    + "last fencing token granted.")
final class LocksCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @ParentCommand
    private TickCtl tickctl;

    @Override
    public Integer call()
    {
        try (CuratorFramework client = tickctl.connect())
        {
            final List<LockStatus> locks = new LockInspector(client).list();
            final TextTable table = new TextTable("LOCK", "HOLDER", "SESSION", "WAITING", "TOKEN");
            for (final LockStatus lock : locks)
            {
                table.row(lock.name(),
                    lock.holder().orElse("-"),
                    lock.holder().isPresent() ? "0x" + Long.toHexString(lock.holderSessionId()) : "-",
                    Integer.toString(lock.waiting()),
                    lock.lastToken().isPresent() ? Long.toString(lock.lastToken().getAsLong()) : "-");
            }
            spec.commandLine().getOut().print(table.render());
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }
}
