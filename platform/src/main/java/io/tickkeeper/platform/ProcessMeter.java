package io.tickkeeper.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/**
 * Resident memory and CPU time of processes, read from Linux's /proc: {@code VmRSS} of /proc/&lt;pid&gt;/status and
 * {@code utime + stime} of /proc/&lt;pid&gt;/stat (clock ticks of {@link #TICKS_PER_SECOND}). A process that is gone
 * counts zero.
 */
public final class ProcessMeter
{
    /** USER_HZ: the unit of utime and stime, 100 on every Linux architecture the project runs on. */
    public static final long TICKS_PER_SECOND = 100;

    private static final int UTIME_FIELD = 14;
    private static final int STIME_FIELD = 15;

    private ProcessMeter()
    {
    }

    /** @return the resident set of the processes in KiB. */
    public static long rssKb(final Collection<Long> pids)
    {
        long total = 0;
        for (final long pid : pids)
        {
            total += rssKb(pid);
        }
        return total;
    }

    /** @return the resident set of one process in KiB, 0 when it is gone. */
    public static long rssKb(final long pid)
    {
        for (final String line : read(Path.of("/proc", Long.toString(pid), "status")).split("\n"))
        {
            if (line.startsWith("VmRSS:"))
            {
                return Long.parseLong(line.substring("VmRSS:".length()).replace("kB", "").trim());
            }
        }
        return 0;
    }

    /** @return the CPU time the processes used so far (user + system), in clock ticks. */
    public static long cpuTicks(final Collection<Long> pids)
    {
        long total = 0;
        for (final long pid : pids)
        {
            total += cpuTicks(pid);
        }
        return total;
    }

    /** @return the CPU time of one process (user + system) in clock ticks, 0 when it is gone. */
    public static long cpuTicks(final long pid)
    {
        final String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
        final int end = stat.lastIndexOf(')');
        if (end < 0)
        {
            return 0;
        }
        // Fields after the command name (field 2, in parentheses) start at field 3.
        final String[] fields = stat.substring(end + 2).trim().split(" ");
        return Long.parseLong(fields[UTIME_FIELD - 3]) + Long.parseLong(fields[STIME_FIELD - 3]);
    }

    /**
     * @param ticks     CPU ticks used over the interval.
     * @param intervalMs the interval.
     * @param cores     the machine's cores.
     * @return the use as a percentage of all the cores.
     */
    public static double percentOfCores(final long ticks, final long intervalMs, final int cores)
    {
        return 100.0 * ticks * 1_000 / TICKS_PER_SECOND / intervalMs / cores;
    }

    private static String read(final Path file)
    {
        try
        {
            return Files.readString(file, StandardCharsets.US_ASCII);
        }
        catch (final IOException ex)
        {
            return "";
        }
    }
}
