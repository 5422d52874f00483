package io.tickkeeper.platform;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.tickkeeper.coordinator.Credentials;
import io.tickkeeper.node.NodeOptions;
import io.tickkeeper.runtime.IdleProfile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scripts/sandbox}: the whole platform on this machine ({@link Platform}), the FIX endpoints and logons to
 * trade with, how to watch it and fail it over by hand, and what it costs at rest (resident memory and idle CPU of
 * all its processes). Runs until Ctrl-C, which stops everything it started.
 */
@Command(name = "sandbox", mixinStandardHelpOptions = true, version = "sandbox 0.1.0",
    description = "Run the whole TickKeeper platform locally (docs/runbook-sandbox.md).",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:stopped with Ctrl-C", "1:failed to start (see the message and the logs)", "2:usage error"})
public final class SandboxMain implements Callable<Integer>
{
    private static final int ZK_DEFAULT_PORT = 2181;
    /** The gateways' SenderCompID, their {@code --comp-id} default; clients put it in TargetCompID. */
    private static final String GATEWAY_COMP_ID = "TICKKEEPER";

    @Option(names = "--zk-port-base", defaultValue = "2181",
        description = "ZooKeeper client ports P..P+2 (quorum P+707.., election P+1707..); 2181 is scripts/tickctl's "
            + "default (default: ${DEFAULT-VALUE}).")
    private int zkPortBase;

    @Option(names = "--port-base", defaultValue = "7100",
        description = "First port of the services' ports, which use Q..Q+99; FIX on Q+81 and Q+91 "
            + "(default: ${DEFAULT-VALUE}).")
    private int portBase;

    @Option(names = "--work-dir", defaultValue = "var/sandbox",
        description = "Logs, ZooKeeper data, journals; wiped at start (default: ${DEFAULT-VALUE}).")
    private Path workDir;

    @Option(names = "--heap-mb", defaultValue = "160", description = "Heap of each service JVM (default: "
        + "${DEFAULT-VALUE}).")
    private int heapMb;

    @Option(names = "--session-timeout-ms", defaultValue = "2000",
        description = "ZooKeeper session timeout of every service; raise it on a loaded machine (default: "
            + "${DEFAULT-VALUE}).")
    private int sessionTimeoutMs;

    @Option(names = "--services", split = ",", paramLabel = "<service>",
        description = "Run only these services (matching, risk, feed, strategy, gateway); default: all.")
    private List<String> services;

    @Option(names = "--measure-after-s", defaultValue = "20",
        description = "Seconds after start-up when memory and idle CPU are measured (default: ${DEFAULT-VALUE}).")
    private int measureAfterS;

    @Option(names = "--measure-for-s", defaultValue = "10",
        description = "Seconds over which idle CPU is measured (default: ${DEFAULT-VALUE}).")
    private int measureForS;

    @Option(names = "--exit-after-measure",
        description = "Stop everything once measured instead of running until Ctrl-C (for measuring scripts).")
    private boolean exitAfterMeasure;

    private final PrintStream out;
    private final CountDownLatch interrupted = new CountDownLatch(1);

    SandboxMain(final PrintStream out)
    {
        this.out = out;
    }

    /**
     * @param args command-line arguments; {@code --help} lists them.
     */
    public static void main(final String[] args)
    {
        NodeOptions.quietLibraryLogs();
        System.exit(new CommandLine(new SandboxMain(System.out)).execute(args));
    }

    @Override
    public Integer call() throws Exception
    {
        final PlatformSettings.Builder builder = PlatformSettings.builder(workDir)
            .zkClientPortBase(zkPortBase)
            .servicePortBase(portBase)
            .heapMb(heapMb)
            .sessionTimeoutMs(sessionTimeoutMs);
        if (services != null && !services.isEmpty())
        {
            final Set<ServiceKind> kinds = EnumSet.noneOf(ServiceKind.class);
            services.forEach(label -> kinds.add(ServiceKind.ofLabel(label.trim())));
            builder.services(kinds);
        }
        final String authFile = System.getenv(Credentials.ENV_AUTH_FILE);
        if (authFile != null && !authFile.isBlank())
        {
            builder.credentialsFile(Path.of(authFile));
        }
        final PlatformSettings settings = builder.build();
        out.println("sandbox: starting " + settings);
        final Platform platform = Platform.start(settings, out);
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
        {
            out.println("sandbox: stopping everything...");
            platform.close();
            interrupted.countDown();
        }, "sandbox-stop"));
        printGuide(platform, settings);
        Thread.sleep(measureAfterS * 1_000L);
        measure(platform);
        if (!exitAfterMeasure)
        {
            out.println("sandbox: running; Ctrl-C stops everything.");
            interrupted.await();
        }
        return 0;
    }

    private void printGuide(final Platform platform, final PlatformSettings settings)
    {
        final String zkOption = zkPortBase == ZK_DEFAULT_PORT ? "" : " --zk " + platform.connectString();
        out.println();
        out.println("sandbox: running. ZooKeeper " + platform.connectString() + ", credentials "
            + platform.credentialsFile() + ", logs " + settings.workDir().resolve("logs"));
        if (!platform.fixEndpoints().isEmpty())
        {
            out.println("FIX 4.4 gateways (TargetCompID " + GATEWAY_COMP_ID
                + ", any SenderCompID; docs/runbook-fix-client.md): " + String.join("  ", platform.fixEndpoints()));
            out.println("logons (" + settings.accountsFile().map(Path::toString).orElse("the gateway's demo accounts")
                + "):");
            FixLogons.describe(settings.accountsFile()).forEach(line -> out.println("  " + line));
        }
        out.println("processes (kill -9 a primary's pid to fail it over; it is not restarted by the sandbox):");
        for (final Map.Entry<String, Long> pid : platform.pids().entrySet())
        {
            String role = "";
            final String name = pid.getKey();
            if (name.equals("media-driver"))
            {
                role = "  the shared Aeron media driver (stop it last)";
            }
            else if (!name.startsWith("zk-"))
            {
                final ServiceKind kind = ServiceKind.ofLabel(name.substring(0, name.indexOf('-')));
                if (kind.health() != ServiceKind.Health.FIX_PORT)
                {
                    role = platform.primary(kind, Platform.SHARD).filter(name::equals).isPresent() ? "  primary"
                        : "  standby";
                }
            }
            out.printf("  %-14s pid %-8d log %s%s%n", name, pid.getValue(),
                name.startsWith("zk-") ? settings.workDir().resolve("zk") : platform.logFile(name), role);
        }
        out.println("watch it, in another terminal:");
        out.println("  scripts/tickctl" + zkOption + " status     roles, epochs, applied sequence and lag, in-sync sets,"
            + " locks");
        out.println("  scripts/tickctl" + zkOption + " watch      live events: elections, members joining and leaving");
        out.println("  kill -9 <pid>               fail a primary over; 'tickctl status' shows the standby taking over");
        out.println("  " + settings.workDir().resolve("bin").resolve("<process>") + " &    start a killed process "
            + "again (it rejoins as standby)");
        out.println();
    }

    /** The services' idle profile: the launcher's environment, which its children inherit. */
    private static String idleProfile()
    {
        final String env = System.getenv(IdleProfile.ENV);
        return env == null || env.isBlank()
            ? IdleProfile.DEFAULT.name().toLowerCase(Locale.ROOT).replace('_', '-') + " (default)"
            : env.strip() + " (" + IdleProfile.ENV + ")";
    }

    private void measure(final Platform platform) throws InterruptedException
    {
        final Map<String, Long> processes = Map.copyOf(platform.pids());
        final List<Long> pids = List.copyOf(processes.values());
        final long rssKb = ProcessMeter.rssKb(pids);
        final Map<Long, Long> startTicks = new TreeMap<>();
        pids.forEach(pid -> startTicks.put(pid, ProcessMeter.cpuTicks(pid)));
        final long startNs = System.nanoTime();
        Thread.sleep(measureForS * 1_000L);
        final Map<Long, Long> ticks = new TreeMap<>();
        pids.forEach(pid -> ticks.put(pid, ProcessMeter.cpuTicks(pid) - startTicks.get(pid)));
        final long elapsedMs = (System.nanoTime() - startNs) / 1_000_000;
        final long totalTicks = ticks.values().stream().mapToLong(Long::longValue).sum();
        final int cores = Runtime.getRuntime().availableProcessors();
        out.printf("sandbox: measured %d s after start: %d processes, resident memory %d MiB in total "
                + "(this launcher not counted: %d MiB); idle CPU over %d s: %.1f%% of %d cores (idle profile %s)%n",
            measureAfterS, pids.size(), rssKb / 1024, ProcessMeter.rssKb(ProcessHandle.current().pid()) / 1024,
            elapsedMs / 1000, ProcessMeter.percentOfCores(totalTicks, elapsedMs, cores), cores, idleProfile());
        out.printf("  %-14s %8s %14s%n", "process", "resident", "CPU, % of 1 core");
        for (final Map.Entry<String, Long> pid : new TreeMap<>(processes).entrySet())
        {
            out.printf("  %-14s %4d MiB %14.1f%n", pid.getKey(), ProcessMeter.rssKb(pid.getValue()) / 1024,
                ProcessMeter.percentOfCores(ticks.get(pid.getValue()), elapsedMs, 1));
        }
    }
}
