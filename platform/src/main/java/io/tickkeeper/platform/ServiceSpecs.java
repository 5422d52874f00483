package io.tickkeeper.platform;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command lines of every node the platform runs, from its settings (docs/runbook-sandbox.md has the port table).
 * Each service gets the arguments its main takes (the service mains' CLI contract): ZooKeeper, its node name and
 * ports, its peer, its data directory, the upstream response port and the feed port; the feed publishes to every
 * consumer node the platform runs.
 */
final class ServiceSpecs
{
    private static final String HOST = "127.0.0.1";
    private static final String SHARD = "0";

    private final PlatformSettings settings;
    private final PortPlan ports;
    private final String connectString;
    private final Path credentialsFile;

    /**
     * @param settings        the platform's settings.
     * @param connectString   the ensemble's connect string.
     * @param credentialsFile the services' ZooKeeper credentials.
     */
    ServiceSpecs(final PlatformSettings settings, final String connectString, final Path credentialsFile)
    {
        this.settings = settings;
        this.ports = settings.ports();
        this.connectString = connectString;
        this.credentialsFile = credentialsFile;
    }

    /** @return every node of every service the settings run, in start order. */
    List<ServiceSpec> all()
    {
        final List<ServiceSpec> specs = new ArrayList<>();
        for (final ServiceKind kind : ServiceKind.values())
        {
            if (settings.runs(kind))
            {
                for (int i = 0; i < kind.nodes().size(); i++)
                {
                    specs.add(new ServiceSpec(kind.label() + "-" + kind.nodes().get(i), kind, kind.nodes().get(i), i,
                        args(kind, i)));
                }
            }
        }
        return specs;
    }

    private List<String> args(final ServiceKind kind, final int index)
    {
        switch (kind)
        {
            case MATCHING:
                return matching(index);
            case RISK:
                return risk(index);
            case FEED:
                return feed(index);
            case STRATEGY:
                return strategy(index);
            case GATEWAY:
                return gateway(index);
            default:
                throw new IllegalArgumentException("unknown service " + kind);
        }
    }

    private List<String> matching(final int index)
    {
        final List<String> args = nodeOptions(ServiceKind.MATCHING, index);
        args.addAll(List.of("--instruments", settings.instrumentList()));
        return args;
    }

    private List<String> risk(final int index)
    {
        final List<String> args = nodeOptions(ServiceKind.RISK, index);
        args.addAll(List.of(
            "--matching-shards", SHARD + "=" + settings.instrumentList(),
            "--matching-response-port", Integer.toString(ports.responsePort(ServiceKind.RISK, index)),
            "--feed-port", Integer.toString(ports.feedPort(ServiceKind.RISK, index)),
            "--trade-log-dir", settings.workDir().resolve("trade-log").toString()));
        if (settings.runs(ServiceKind.GATEWAY))
        {
            final List<String> gateways = new ArrayList<>();
            for (int i = 0; i < ServiceKind.GATEWAY.nodes().size(); i++)
            {
                gateways.add(endpoint(ports.broadcastPort(ServiceKind.GATEWAY, i)));
            }
            args.addAll(List.of("--broadcast", String.join(",", gateways)));
        }
        return args;
    }

    private List<String> strategy(final int index)
    {
        final List<String> args = nodeOptions(ServiceKind.STRATEGY, index);
        args.addAll(List.of(
            "--risk-response-port", Integer.toString(ports.responsePort(ServiceKind.STRATEGY, index)),
            "--feed-port", Integer.toString(ports.feedPort(ServiceKind.STRATEGY, index))));
        settings.strategiesFile().ifPresent(file -> args.addAll(List.of("--strategies", file.toString())));
        return args;
    }

    private List<String> feed(final int index)
    {
        final List<String> channels = new ArrayList<>();
        for (final ServiceKind consumer : List.of(ServiceKind.RISK, ServiceKind.STRATEGY, ServiceKind.GATEWAY))
        {
            if (settings.runs(consumer))
            {
                for (int i = 0; i < consumer.nodes().size(); i++)
                {
                    channels.add(endpoint(ports.feedPort(consumer, i)));
                }
            }
        }
        channels.add(endpoint(ports.mirrorPort(ServiceKind.FEED, 1 - index)));
        return new ArrayList<>(List.of(
            "--node", ServiceKind.FEED.nodes().get(index),
            "--zk", connectString,
            "--credentials", credentialsFile.toString(),
            "--instruments", Integer.toString(settings.instruments()),
            "--seed", "1",
            "--channel", String.join(",", channels),
            "--mirror", endpoint(ports.mirrorPort(ServiceKind.FEED, index)),
            "--session-timeout-ms", Integer.toString(settings.sessionTimeoutMs())));
    }

    private List<String> gateway(final int index)
    {
        final String node = ServiceKind.GATEWAY.nodes().get(index);
        final List<String> args = new ArrayList<>(List.of(
            "--node", node,
            "--fix-host", HOST,
            "--fix-port", Integer.toString(ports.clientPort(ServiceKind.GATEWAY, index)),
            "--instruments", Integer.toString(settings.instruments()),
            "--zk", connectString,
            "--credentials", credentialsFile.toString(),
            "--response-endpoint", endpoint(ports.responsePort(ServiceKind.GATEWAY, index)),
            "--broadcast-port", Integer.toString(ports.broadcastPort(ServiceKind.GATEWAY, index)),
            "--data-dir", dataDir(ServiceKind.GATEWAY, node).toString(),
            "--session-timeout-ms", Integer.toString(settings.sessionTimeoutMs())));
        if (settings.runs(ServiceKind.FEED))
        {
            args.addAll(List.of("--feed-endpoint", endpoint(ports.feedPort(ServiceKind.GATEWAY, index))));
        }
        settings.accountsFile().ifPresent(file -> args.addAll(List.of("--accounts", file.toString())));
        return args;
    }

    /** The options every elected node takes (matching's, which risk and strategy share). */
    private List<String> nodeOptions(final ServiceKind kind, final int index)
    {
        final String node = kind.nodes().get(index);
        return new ArrayList<>(List.of(
            "--node", node,
            "--shard", SHARD,
            "--zk", connectString,
            "--host", HOST,
            "--client-port", Integer.toString(ports.clientPort(kind, index)),
            "--replication-port", Integer.toString(ports.replicationPort(kind, index)),
            "--peer", endpoint(ports.replicationPort(kind, 1 - index)),
            "--data-dir", dataDir(kind, node).toString(),
            "--session-timeout-ms", Integer.toString(settings.sessionTimeoutMs())));
    }

    private Path dataDir(final ServiceKind kind, final String node)
    {
        return settings.workDir().resolve(kind.label()).resolve(node);
    }

    private static String endpoint(final int port)
    {
        return HOST + ":" + port;
    }
}
