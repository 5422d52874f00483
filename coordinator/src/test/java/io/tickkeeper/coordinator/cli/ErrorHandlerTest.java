package io.tickkeeper.coordinator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.zookeeper.KeeperException;
import org.junit.jupiter.api.Test;

class ErrorHandlerTest
{
    @Test
    void shouldMapRefusedWritesToNoPermission()
    {
        final KeeperException refused = KeeperException.create(KeeperException.Code.NOAUTH, "/tickkeeper/config/x");

        assertThat(ErrorHandler.exitCode(new IllegalStateException("wrapped", refused)))
            .isEqualTo(ExitCodes.NO_PERMISSION);
        assertThat(ErrorHandler.describe(refused))
            .isEqualTo("permission denied at /tickkeeper/config/x (writes need credentials: set TICKKEEPER_ZK_AUTH"
                + " or TICKKEEPER_ZK_AUTH_FILE)");
    }

    @Test
    void shouldMapLostConnectionsToUnreachable()
    {
        assertThat(ErrorHandler.exitCode(KeeperException.create(KeeperException.Code.CONNECTIONLOSS)))
            .isEqualTo(ExitCodes.ZK_UNREACHABLE);
        assertThat(ErrorHandler.exitCode(KeeperException.create(KeeperException.Code.SESSIONEXPIRED)))
            .isEqualTo(ExitCodes.ZK_UNREACHABLE);
        assertThat(ErrorHandler.exitCode(new ZooKeeperUnreachableException("down"))).isEqualTo(ExitCodes.ZK_UNREACHABLE);
    }

    @Test
    void shouldMapUnacceptableValuesToBadValue()
    {
        assertThat(ErrorHandler.exitCode(new IllegalArgumentException("--duration-s must not be negative: -1")))
            .isEqualTo(ExitCodes.BAD_VALUE);
        assertThat(ErrorHandler.describe(new IllegalArgumentException("line one\nline two"))).isEqualTo("line one");
    }

    @Test
    void shouldKeepTheExitCodeAFailedCommandAsksFor()
    {
        assertThat(ErrorHandler.exitCode(new CommandFailedException("no quorum"))).isEqualTo(ExitCodes.FAILED);
        assertThat(ErrorHandler.exitCode(new CommandFailedException("other settings", ExitCodes.BAD_VALUE)))
            .isEqualTo(ExitCodes.BAD_VALUE);
    }

    @Test
    void shouldNameUnexpectedFailuresByTheirType()
    {
        assertThat(ErrorHandler.exitCode(new IllegalStateException("boom"))).isEqualTo(ExitCodes.FAILED);
        assertThat(ErrorHandler.describe(new IllegalStateException("boom"))).isEqualTo("IllegalStateException: boom");
    }
}
