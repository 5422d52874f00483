package io.tickkeeper.runtime.replication;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import io.aeron.ExclusivePublication;
import io.aeron.ReservedValueSupplier;
import io.tickkeeper.runtime.journal.Journal;
import io.tickkeeper.runtime.transport.AeronTransport;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatchUpTest
{
    private static final long ACK_TIMEOUT_MS = 500;

    @TempDir
    Path dir;

    @Test
    void shouldCatchUpARestartedStandbyWhileInputsKeepComingAndReportItInSync() throws InterruptedException
    {
        try (TestNode primary = node("catch-p1", "a", 24_030))
        {
            primary.lead(1);
            try (TestNode standby = node("catch-s1", "b", 24_031))
            {
                standby.follow(primary);
                Await.until("standby in sync", () -> primary.replicator.standbyState() == StandbyState.IN_SYNC);
                primary.publishAndAwait(1_000, 1);
            }
            primary.publishAndAwait(3_000, 1_001);
            assertThat(primary.replicator.standbyState()).isEqualTo(StandbyState.NONE);

            try (TestNode standby = node("catch-s1b", "b", 24_031))
            {
                assertThat(standby.pipeline.recoveredSequence()).isEqualTo(1_000);
                final AtomicReference<Throwable> producerFailure = new AtomicReference<>();
                final AtomicBoolean stop = new AtomicBoolean();
                final Thread producer = new Thread(() ->
                {
                    try
                    {
                        long key = 4_001;
                        while (!stop.get())
                        {
                            primary.publish(key, key % 97);
                            key++;
                        }
                    }
                    catch (final Throwable ex)
                    {
                        producerFailure.set(ex);
                    }
                });
                producer.start();
                standby.follow(primary);
                Await.until("standby back in sync", () -> primary.events.size() == 3);
                final long inSyncAt = primary.pipeline.publishedSequence();
                Await.until("more inputs after the handover",
                    () -> primary.pipeline.publishedSequence() > inSyncAt + 1_000);
                stop.set(true);
                producer.join();
                assertThat(producerFailure.get()).isNull();
                final long last = primary.pipeline.publishedSequence();
                Await.until("primary output every input", () -> primary.pipeline.outputSequence() == last);
                Await.until("standby applied every input", () -> standby.machine.appliedSequence() == last);

                assertThat(primary.events).containsExactly("in-sync", "out-of-sync", "in-sync");
                assertThat(standby.machine.hash()).isEqualTo(primary.machine.hash());
                assertThat(standby.replica.inputsAccepted()).isEqualTo(last - 1_000);
                assertThat(standby.replica.gapsDropped()).isZero();
                assertThat(standby.replica.duplicatesIgnored()).isZero();
                assertThat(standby.pipeline.journalledSequence()).isEqualTo(last);
            }
        }
    }

    @Test
    void shouldTruncateATailTheNewPrimaryNeverHadAndEndWithItsHash()
    {
        final long oldPrimaryHash;
        try (TestNode oldPrimary = node("div-a1", "a", 24_032))
        {
            oldPrimary.lead(1);
            try (TestNode standby = node("div-b1", "b", 24_033))
            {
                standby.follow(oldPrimary);
                Await.until("standby in sync", () -> oldPrimary.replicator.standbyState() == StandbyState.IN_SYNC);
                oldPrimary.publishAndAwait(100, 1);
                Await.until("standby applied 100", () -> standby.machine.appliedSequence() == 100);
            }
            oldPrimary.publishAndAwait(50, 101);
            oldPrimary.publishAndAwait(1, 151);
            oldPrimary.publishAndAwait(1, 152);
            oldPrimaryHash = oldPrimary.machine.hash();
        }

        try (TestNode newPrimary = node("div-b2", "b", 24_033))
        {
            assertThat(newPrimary.pipeline.recoveredSequence()).isEqualTo(100);
            newPrimary.lead(2);
            newPrimary.publishAndAwait(30, 1_001);

            try (TestNode rejoining = node("div-a2", "a", 24_032))
            {
                assertThat(rejoining.pipeline.recoveredSequence()).isEqualTo(152);
                assertThat(rejoining.machine.hash()).isEqualTo(oldPrimaryHash);
                rejoining.follow(newPrimary);
                Await.until("truncation ordered", () -> rejoining.truncateRequested.get() >= 0);
                assertThat(rejoining.truncateRequested.get()).isEqualTo(100);
                assertThat(rejoining.pipeline.publishedSequence()).isEqualTo(152);
            }
            final JournalGenerations generations = new JournalGenerations(dir.resolve("a"));
            assertThat(generations.truncate(100, Journal.DEFAULT_ROLL_CYCLE)).isEqualTo(100);
            assertThat(generations.generation()).isEqualTo(2);

            try (TestNode rebuilt = node("div-a3", "a", 24_032))
            {
                assertThat(rebuilt.generations.generation()).isEqualTo(2);
                assertThat(rebuilt.pipeline.recoveredSequence()).isEqualTo(100);
                rebuilt.follow(newPrimary);
                Await.until("rebuilt node in sync", () -> newPrimary.replicator.standbyState() == StandbyState.IN_SYNC);
                newPrimary.publishAndAwait(20, 2_001);
                Await.until("rebuilt node applied 150", () -> rebuilt.machine.appliedSequence() == 150);

                assertThat(rebuilt.machine.hash()).isEqualTo(newPrimary.machine.hash());
                assertThat(rebuilt.pipeline.journalledEpoch()).isEqualTo(2);
                assertThat(newPrimary.replicator.truncatesSent()).isEqualTo(1);
                assertThat(newPrimary.outputsBeforeAck.get()).isEqualTo(30);
            }
        }
    }

    @Test
    void shouldCatchUpAStandbyThatMissedWholeEpochsAndThenRefuseItsOldPrimary()
    {
        try (TestNode epoch2 = node("epochs-a2", "a", 27_010))
        {
            epoch2.lead(2);
            try (TestNode standby = node("epochs-b2", "b", 27_011))
            {
                standby.follow(epoch2);
                Await.until("standby in sync", () -> epoch2.replicator.standbyState() == StandbyState.IN_SYNC);
                epoch2.publishAndAwait(10, 1);
                Await.until("standby applied 10", () -> standby.machine.appliedSequence() == 10);
            }
        }
        for (long epoch = 3; epoch <= 4; epoch++)
        {
            try (TestNode alone = node("epochs-a" + epoch, "a", 27_010))
            {
                alone.lead(epoch);
                alone.publishAndAwait(5, epoch * 100);
            }
        }

        try (TestNode primary = node("epochs-a5", "a", 27_010);
            TestNode standby = node("epochs-b5", "b", 27_011);
            ExclusivePublication oldPrimary = primary.transport.aeron().addExclusivePublication(
                AeronTransport.udp(AeronTransport.LOOPBACK, 27_011), ReplicationMessages.DATA_STREAM_ID))
        {
            primary.lead(5);
            primary.publishAndAwait(5, 500);
            assertThat(standby.pipeline.recoveredSequence()).isEqualTo(10);
            assertThat(standby.pipeline.recoveredEpoch()).isEqualTo(2);
            standby.replica.fence(5);
            standby.follow(primary);
            Await.until("standby in sync", () -> primary.replicator.standbyState() == StandbyState.IN_SYNC);
            Await.until("standby applied 25", () -> standby.machine.appliedSequence() == 25);
            primary.publishAndAwait(5, 600);
            Await.until("standby applied 30", () -> standby.machine.appliedSequence() == 30);

            assertThat(standby.machine.hash()).isEqualTo(primary.machine.hash());
            assertThat(standby.pipeline.journalledEpoch()).isEqualTo(5);
            assertThat(standby.replica.inputsAccepted()).isEqualTo(20);
            assertThat(standby.replica.staleEpochRefused()).isZero();
            assertThat(standby.replica.gapsDropped()).isZero();
            assertThat(standby.replica.inconsistentRefused()).isZero();
            assertThat(standby.replica.highestEpoch()).isEqualTo(5);

            final long hashAt30 = standby.machine.hash();
            final ExpandableArrayBuffer frame = new ExpandableArrayBuffer(128);
            final int length = HashingMachine.encode(frame, 2, 31, 999, 1);
            Await.until("old primary's publication connects", oldPrimary::isConnected);
            final ReservedValueSupplier epoch2 = (termBuffer, termOffset, frameLength) -> 2;
            final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            assertThat(ReplicationMessages.offer(oldPrimary, frame, 0, length, epoch2, deadlineNs, () -> false))
                .isTrue();
            Await.until("old primary's frame refused", () -> standby.replica.staleEpochRefused() == 1);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));

            assertThat(standby.pipeline.publishedSequence()).isEqualTo(30);
            assertThat(standby.pipeline.staleEpochRefused()).isZero();
            assertThat(standby.machine.hash()).isEqualTo(hashAt30);
            assertThat(primary.replicator.standbyState()).isEqualTo(StandbyState.IN_SYNC);
        }
    }

    @Test
    void shouldIgnoreTheRepeatedRequestOfAStandbyThatHasHeardNothingYet()
    {
        try (TestNode primary = node("repeat-p1", "a", 24_034);
            TestNode standby = node("repeat-s1", "b", 24_035))
        {
            primary.lead(1);
            standby.follow(primary);
            Await.until("standby in sync", () -> primary.replicator.standbyState() == StandbyState.IN_SYNC);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2_500));

            assertThat(primary.events).containsExactly("in-sync");
            assertThat(primary.replicator.framesSent()).isZero();
            assertThat(standby.replica.requestsSent()).isGreaterThanOrEqualTo(2);
            primary.publishAndAwait(5, 1);
            Await.until("standby applied 5", () -> standby.machine.appliedSequence() == 5);
            assertThat(standby.machine.hash()).isEqualTo(primary.machine.hash());
        }
    }

    private TestNode node(final String name, final String directory, final int port)
    {
        return new TestNode(name, dir.resolve(directory), port, StandbyLossPolicy.CONTINUE, ACK_TIMEOUT_MS);
    }
}
