package io.tickkeeper.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;

class NodeStateTest
{
    @Test
    void shouldOnlyReachPrimaryFromStandby()
    {
        for (final NodeState state : NodeState.values())
        {
            assertThat(state.canMoveTo(NodeState.PRIMARY)).as(state.name()).isEqualTo(state == NodeState.STANDBY);
        }
    }

    @Test
    void shouldRebuildAFencedNodeThroughReplay()
    {
        assertThat(NodeState.PRIMARY.canMoveTo(NodeState.FENCED)).isTrue();
        assertThat(NodeState.PRIMARY.canMoveTo(NodeState.STANDBY)).isFalse();
        assertThat(NodeState.FENCED.canMoveTo(NodeState.REPLAYING)).isTrue();
        assertThat(NodeState.FENCED.canMoveTo(NodeState.PRIMARY)).isFalse();
        assertThat(NodeState.FENCED.canMoveTo(NodeState.STANDBY)).isFalse();
    }

    @Test
    void shouldCloseFromEveryStateButClosed()
    {
        for (final NodeState state : EnumSet.complementOf(EnumSet.of(NodeState.CLOSED)))
        {
            assertThat(state.canMoveTo(NodeState.CLOSED)).as(state.name()).isTrue();
        }
        assertThat(NodeState.CLOSED.canMoveTo(NodeState.CLOSED)).isFalse();
        assertThat(NodeState.CLOSED.canMoveTo(NodeState.REPLAYING)).isFalse();
    }

    @Test
    void shouldEmitOnlyAsPrimary()
    {
        for (final NodeState state : NodeState.values())
        {
            assertThat(state.emits()).as(state.name()).isEqualTo(state == NodeState.PRIMARY);
        }
    }

    @Test
    void shouldShowRolesAsLowerCaseWords()
    {
        assertThat(NodeState.CATCHING_UP.role()).isEqualTo("catching-up");
        assertThat(NodeState.PRIMARY.role()).isEqualTo("primary");
        for (final NodeState state : NodeState.values())
        {
            assertThat(state.role()).matches("[a-z][a-z-]*");
        }
    }
}
