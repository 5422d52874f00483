package io.tickkeeper.runtime.replication;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplicationTest
{
    private static final long ACK_TIMEOUT_MS = 10_000;

    @TempDir
    Path dir;

    @Test
    void shouldReplicateEveryInputAndHoldEveryOutputUntilTheStandbyAckedIt()
    {
        try (TestNode primary = new TestNode("rep-p1", dir.resolve("a"), 24_010, StandbyLossPolicy.CONTINUE,
            ACK_TIMEOUT_MS);
            TestNode standby = new TestNode("rep-s1", dir.resolve("b"), 24_011, StandbyLossPolicy.CONTINUE,
                ACK_TIMEOUT_MS))
        {
            primary.lead(1);
            standby.follow(primary);
            Await.until("standby in sync", () -> primary.replicator.standbyState() == StandbyState.IN_SYNC);

            final int inputs = 20_000;
            primary.publishAndAwait(inputs, 1);
            Await.until("standby applied every input", () -> standby.machine.appliedSequence() == inputs);

            assertThat(standby.machine.hash()).isEqualTo(primary.machine.hash());
            assertThat(primary.outputs.get()).isEqualTo(inputs);
            assertThat(primary.outputsBeforeAck.get()).isZero();
            assertThat(primary.replicator.framesSent()).isEqualTo(inputs);
            assertThat(primary.replicator.ackedSequence()).isEqualTo(inputs);
            assertThat(standby.replica.inputsAccepted()).isEqualTo(inputs);
            assertThat(standby.replica.staleEpochRefused()).isZero();
            assertThat(primary.events).containsExactly("in-sync");
        }
    }
}
