package io.tickkeeper.platform.drill;

/**
 * One kill of a drill and what followed it.
 *
 * @param service    what was killed (e.g. {@code risk}, {@code matching/1}, {@code zookeeper}, {@code gateway}).
 * @param victim     the node killed.
 * @param successor  the node that took over (the new primary, the other gateway), or {@code -}.
 * @param electedMs  kill to a successor in place (0 when the victim was no primary).
 * @param failoverMs kill to the service serving again (an acknowledgement after the successor took over).
 */
public record Failover(String service, String victim, String successor, long electedMs, long failoverMs)
{
    /** @return one progress line. */
    public String describe()
    {
        return service + ": killed " + victim + ", successor " + successor + " after " + electedMs
            + " ms, serving after " + failoverMs + " ms";
    }
}
