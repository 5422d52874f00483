package io.tickkeeper.matching.service;

import io.tickkeeper.matching.CancelReason;
import io.tickkeeper.matching.OrderType;
import io.tickkeeper.matching.ResultCode;
import io.tickkeeper.matching.Side;
import io.tickkeeper.matching.StpMode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProtocolEnumsTest
{
    @Test
    void shouldRoundTripEverySideTypeModeAndReasonByName()
    {
        for (final Side side : Side.values())
        {
            assertThat(ProtocolEnums.wire(side).name()).isEqualTo(side.name());
            assertThat(ProtocolEnums.side(ProtocolEnums.wire(side))).isEqualTo(side);
        }
        for (final OrderType type : OrderType.values())
        {
            assertThat(ProtocolEnums.wire(type).name()).isEqualTo(type.name());
            assertThat(ProtocolEnums.orderType(ProtocolEnums.wire(type))).isEqualTo(type);
        }
        for (final StpMode mode : StpMode.values())
        {
            assertThat(ProtocolEnums.wire(mode).name()).isEqualTo(mode.name());
            assertThat(ProtocolEnums.stpMode(ProtocolEnums.wire(mode))).isEqualTo(mode);
        }
        for (final CancelReason reason : CancelReason.values())
        {
            assertThat(ProtocolEnums.wire(reason).name()).isEqualTo(reason.name());
            assertThat(ProtocolEnums.cancelReason(ProtocolEnums.wire(reason))).isEqualTo(reason);
        }
    }

    @Test
    void shouldCarryEveryResultCodeAsItsStableNumber()
    {
        for (final ResultCode code : ResultCode.values())
        {
            final io.tickkeeper.protocol.sbe.ResultCode wire = ProtocolEnums.wire(code);
            assertThat(wire.name()).isEqualTo(code.name());
            assertThat(wire.value()).isEqualTo(code.code());
            assertThat(ProtocolEnums.resultCode(wire)).isEqualTo(code);
        }
        assertThat(io.tickkeeper.protocol.sbe.ResultCode.values()).hasSize(ResultCode.values().length + 1);
    }

    @Test
    void shouldRefuseTheWireNullValues()
    {
        assertThatThrownBy(() -> ProtocolEnums.side(io.tickkeeper.protocol.sbe.Side.NULL_VAL))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProtocolEnums.orderType(io.tickkeeper.protocol.sbe.OrderType.NULL_VAL))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProtocolEnums.stpMode(io.tickkeeper.protocol.sbe.StpMode.NULL_VAL))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProtocolEnums.resultCode(io.tickkeeper.protocol.sbe.ResultCode.NULL_VAL))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
