package io.tickkeeper.platform;

import java.util.List;

/**
 * One node of one service as the {@link Platform} starts it: its process name ({@code matching-a}), the service, the
 * node's name and index within the service, and the arguments of its main.
 *
 * @param name  the process name: {@code <service label>-<node>}.
 * @param kind  the service.
 * @param node  the node name the service knows it by.
 * @param index the node's index in {@link ServiceKind#nodes()}.
 * @param args  the command-line arguments of the service's main.
 */
public record ServiceSpec(String name, ServiceKind kind, String node, int index, List<String> args)
{
    /** Copies the arguments. */
    public ServiceSpec
    {
        args = List.copyOf(args);
    }
}
