package io.tickkeeper.runtime.replication;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.aeron.ExclusivePublication;
import io.aeron.ReservedValueSupplier;
import io.tickkeeper.runtime.PipelineState;
import io.tickkeeper.runtime.transport.AeronTransport;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FencingTest
{
    private static final long ACK_TIMEOUT_MS = 500;

    @TempDir
    Path dir;

    @Test
    void shouldRefuseAndCountFramesOfAnOlderEpochThanTheStandbyKnows()
    {
        try (TestNode primary = node("fence-p1", "a", 24_040);
            TestNode standby = node("fence-s1", "b", 24_041);
            ExclusivePublication frozenPrimary = primary.transport.aeron().addExclusivePublication(
                AeronTransport.udp(AeronTransport.LOOPBACK, 24_041), ReplicationMessages.DATA_STREAM_ID))
        {
            primary.lead(2);
            standby.follow(primary);
            Await.until("standby in sync", () -> primary.replicator.standbyState() == StandbyState.IN_SYNC);
            primary.publishAndAwait(10, 1);
            Await.until("standby applied 10", () -> standby.machine.appliedSequence() == 10);
            final long hashAt10 = standby.machine.hash();

            final ExpandableArrayBuffer frame = new ExpandableArrayBuffer(128);
            final int length = HashingMachine.encode(frame, 1, 11, 99, 1);
            Await.until("old primary's publication connects", frozenPrimary::isConnected);
            Await.until("stale frame sent", () -> frozenPrimary.offer(frame, 0, length) > 0);
            Await.until("stale frame refused", () -> standby.replica.staleEpochRefused() == 1);

            standby.replica.fence(3);
            primary.publish(11, 1);
            Await.until("epoch-2 frame refused after the fence", () -> standby.replica.staleEpochRefused() == 2);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));

            assertThat(standby.replica.highestEpoch()).isEqualTo(3);
            assertThat(standby.pipeline.publishedSequence()).isEqualTo(10);
            assertThat(standby.pipeline.journalledSequence()).isEqualTo(10);
            assertThat(standby.pipeline.staleEpochRefused()).isZero();
            assertThat(standby.machine.hash()).isEqualTo(hashAt10);
            assertThat(standby.replica.inputsAccepted()).isEqualTo(10);
        }
    }

    @Test
    void shouldRefuseInputsThatDoNotExtendTheJournalConsistentlyAndAskToCatchUpAgain()
    {
        try (TestNode primary = node("fence-p4", "a", 27_020);
            TestNode standby = node("fence-s4", "b", 27_021);
            ExclusivePublication forged = primary.transport.aeron().addExclusivePublication(
                AeronTransport.udp(AeronTransport.LOOPBACK, 27_021), ReplicationMessages.DATA_STREAM_ID))
        {
            primary.lead(3);
            standby.follow(primary);
            Await.until("standby in sync", () -> primary.replicator.standbyState() == StandbyState.IN_SYNC);
            primary.publishAndAwait(5, 1);
            Await.until("standby applied 5", () -> standby.machine.appliedSequence() == 5);
            final long requestsBefore = standby.replica.requestsSent();

            final ReservedValueSupplier epoch3 = (termBuffer, termOffset, frameLength) -> 3;
            final ExpandableArrayBuffer frame = new ExpandableArrayBuffer(128);
            Await.until("forged publication connects", forged::isConnected);
            final int olderThanJournal = HashingMachine.encode(frame, 2, 6, 99, 1);
            assertThat(ReplicationMessages.offer(forged, frame, 0, olderThanJournal, epoch3, deadline(), () -> false))
                .isTrue();
            final int newerThanSender = HashingMachine.encode(frame, 4, 6, 99, 1);
            assertThat(ReplicationMessages.offer(forged, frame, 0, newerThanSender, epoch3, deadline(), () -> false))
                .isTrue();
            Await.until("both refused", () -> standby.replica.inconsistentRefused() == 2);
            Await.until("asked to catch up again", () -> primary.events.size() == 3);
            primary.publishAndAwait(5, 6);
            Await.until("standby applied 10", () -> standby.machine.appliedSequence() == 10);

            assertThat(primary.events).containsExactly("in-sync", "out-of-sync", "in-sync");
            assertThat(standby.replica.requestsSent()).isGreaterThan(requestsBefore);
            assertThat(standby.replica.staleEpochRefused()).isZero();
            assertThat(standby.replica.inputsAccepted()).isEqualTo(10);
            assertThat(standby.pipeline.staleEpochRefused()).isZero();
            assertThat(standby.machine.hash()).isEqualTo(primary.machine.hash());
        }
    }

    @Test
    void shouldNotServeAStandbyThatKnowsANewerEpochAndSayThePrimaryIsFenced()
    {
        try (TestNode primary = node("fence-p2", "a", 24_042);
            TestNode standby = node("fence-s2", "b", 24_043))
        {
            primary.lead(2);
            primary.publishAndAwait(5, 1);
            standby.replica.fence(5);
            standby.follow(primary);
            Await.until("primary told of the newer epoch", () -> primary.events.contains("newer-epoch-5"));

            assertThat(primary.replicator.standbyState()).isEqualTo(StandbyState.NONE);
            assertThat(primary.replicator.framesSent()).isZero();
            assertThat(standby.pipeline.publishedSequence()).isZero();
        }
    }

    @Test
    void shouldFailThePipelineRatherThanAnswerWhenClosedWhileWaitingForAnInSyncStandby()
    {
        try (TestNode primary = new TestNode("fence-p3", dir.resolve("a"), 24_044, StandbyLossPolicy.CONTINUE, 30_000);
            TestNode standby = node("fence-s3", "b", 24_045))
        {
            primary.lead(1);
            standby.follow(primary);
            Await.until("standby in sync", () -> primary.replicator.standbyState() == StandbyState.IN_SYNC);
            primary.publishAndAwait(10, 1);
            standby.replica.promote(2);

            primary.publish(11, 1);
            Await.until("input 11 journalled", () -> primary.pipeline.journalledSequence() == 11);
            primary.replicator.close();
            Await.until("primary pipeline failed", () -> primary.pipeline.state() == PipelineState.FAILED);

            assertThat(primary.pipeline.outputSequence()).isEqualTo(10);
            assertThat(primary.outputs.get()).isEqualTo(10);
            assertThat(primary.replicator.ackedSequence()).isEqualTo(10);
        }
    }

    private static long deadline()
    {
        return System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    }

    private TestNode node(final String name, final String directory, final int port)
    {
        return new TestNode(name, dir.resolve(directory), port, StandbyLossPolicy.CONTINUE, ACK_TIMEOUT_MS);
    }
}
