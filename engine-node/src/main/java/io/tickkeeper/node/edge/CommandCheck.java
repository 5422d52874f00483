package io.tickkeeper.node.edge;

import org.agrona.DirectBuffer;

/**
 * The service's check of a client command's bytes, which {@link CommandIngress} runs before sequencing it (schema,
 * template, block length, enums, client key: whatever the service's logic must never see wrong). Called on the
 * ingress thread only; it must not allocate per command.
 */
@FunctionalInterface
public interface CommandCheck
{
    /**
     * Checks one command.
     *
     * @param buffer holds the command (an input frame led by the SBE message header).
     * @param offset where it starts.
     * @param length how many bytes it has.
     * @throws IllegalArgumentException when the bytes are not a command the service takes; the ingress refuses it
     *                                  with MALFORMED and sequences nothing.
     */
    void check(DirectBuffer buffer, int offset, int length);
}
