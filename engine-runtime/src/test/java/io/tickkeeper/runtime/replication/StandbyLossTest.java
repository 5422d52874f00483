package io.tickkeeper.runtime.replication;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandbyLossTest
{
    private static final long ACK_TIMEOUT_MS = 500;

    @TempDir
    Path dir;

    @Test
    void shouldGoOnAloneAfterTheAckTimeoutWithContinue()
    {
        try (TestNode primary = node("loss-p1", "a", 24_020, StandbyLossPolicy.CONTINUE, ACK_TIMEOUT_MS))
        {
            primary.lead(1);
            try (TestNode standby = node("loss-s1", "b", 24_021, StandbyLossPolicy.CONTINUE, ACK_TIMEOUT_MS))
            {
                standby.follow(primary);
                Await.until("standby in sync", () -> primary.replicator.standbyState() == StandbyState.IN_SYNC);
                primary.publishAndAwait(100, 1);
            }
            final long startNs = System.nanoTime();
            primary.publishAndAwait(1, 101);
            final long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNs);

            assertThat(elapsedMs).isGreaterThanOrEqualTo(ACK_TIMEOUT_MS);
            assertThat(primary.replicator.standbyState()).isEqualTo(StandbyState.NONE);
            assertThat(primary.events).containsExactly("in-sync", "out-of-sync");
            primary.publishAndAwait(100, 102);
            assertThat(primary.pipeline.outputSequence()).isEqualTo(201);
        }
    }

    @Test
    void shouldStallWithBlockUntilARestartedStandbyIsBackInSync()
    {
        try (TestNode primary = node("loss-p2", "a", 24_022, StandbyLossPolicy.BLOCK, ACK_TIMEOUT_MS))
        {
            primary.lead(1);
            try (TestNode standby = node("loss-s2", "b", 24_023, StandbyLossPolicy.BLOCK, ACK_TIMEOUT_MS))
            {
                standby.follow(primary);
                Await.until("standby in sync", () -> primary.replicator.standbyState() == StandbyState.IN_SYNC);
                primary.publishAndAwait(100, 1);
            }
            primary.publish(101, 5);
            Await.until("standby dropped", () -> primary.replicator.standbyState() == StandbyState.NONE);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(3 * ACK_TIMEOUT_MS));
            assertThat(primary.pipeline.journalledSequence()).isEqualTo(101);
            assertThat(primary.pipeline.outputSequence()).isEqualTo(100);

            try (TestNode standby = node("loss-s2b", "b", 24_023, StandbyLossPolicy.BLOCK, ACK_TIMEOUT_MS))
            {
                assertThat(standby.pipeline.recoveredSequence()).isEqualTo(100);
                standby.follow(primary);
                Await.until("the stalled output leaves", () -> primary.pipeline.outputSequence() == 101);
                Await.until("standby applied 101", () -> standby.machine.appliedSequence() == 101);

                assertThat(primary.outputsBeforeAck.get()).isZero();
                assertThat(primary.replicator.standbyState()).isEqualTo(StandbyState.IN_SYNC);
                assertThat(primary.events).containsExactly("in-sync", "out-of-sync", "in-sync");
                assertThat(standby.machine.hash()).isEqualTo(primary.machine.hash());
            }
        }
    }

    @Test
    void shouldDropTheStandbyAtOnceWhenTheNodeSaysItLeft()
    {
        final long longTimeoutMs = 60_000;
        try (TestNode primary = node("loss-p3", "a", 24_024, StandbyLossPolicy.CONTINUE, longTimeoutMs))
        {
            primary.lead(1);
            try (TestNode standby = node("loss-s3", "b", 24_025, StandbyLossPolicy.CONTINUE, longTimeoutMs))
            {
                standby.follow(primary);
                Await.until("standby in sync", () -> primary.replicator.standbyState() == StandbyState.IN_SYNC);
                primary.publishAndAwait(10, 1);
            }
            primary.replicator.standbyLeft();
            assertThat(primary.replicator.standbyState()).isEqualTo(StandbyState.NONE);
            assertThat(primary.events).containsExactly("in-sync", "out-of-sync");

            final long startNs = System.nanoTime();
            primary.publishAndAwait(10, 11);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNs)).isLessThan(longTimeoutMs);
        }
    }

    private TestNode node(
        final String name, final String directory, final int port, final StandbyLossPolicy policy,
        final long ackTimeoutMs)
    {
        return new TestNode(name, dir.resolve(directory), port, policy, ackTimeoutMs);
    }
}
