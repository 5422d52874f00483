package io.tickkeeper.coordinator.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MemberInfoTest
{
    @Test
    void shouldRoundTripThroughJson()
    {
        final MemberInfo info = new MemberInfo("me-b", "standby", 7, "127.0.0.1:9002", 1230, 4);

        assertThat(MemberInfo.fromJson(info.toJson())).isEqualTo(info);
    }

    @Test
    void shouldCopyWithNewRoleAndProgress()
    {
        final MemberInfo info = new MemberInfo("me-b", "standby", 7, "127.0.0.1:9002", 1230, 4);

        assertThat(info.withRole("primary", 8).withProgress(1300, 0))
            .isEqualTo(new MemberInfo("me-b", "primary", 8, "127.0.0.1:9002", 1300, 0));
    }

    @Test
    void shouldRefuseNegativeProgressAndOddRoles()
    {
        assertThatThrownBy(() -> new MemberInfo("a", "standby", 0, "h:1", -1, 0))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MemberInfo("a", "Primary!", 0, "h:1", 0, 0))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
