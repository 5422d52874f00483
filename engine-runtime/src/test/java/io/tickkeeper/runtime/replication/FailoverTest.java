package io.tickkeeper.runtime.replication;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import io.tickkeeper.runtime.journal.Journal;
import io.tickkeeper.runtime.transport.AeronTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailoverTest
{
    private static final long ACK_TIMEOUT_MS = 500;

    @TempDir
    Path dir;

    @Test
    void shouldPromoteTheStandbyInPlaceRefuseTheResumedOldPrimaryAndTakeItBackAsStandby()
    {
        try (TestNode standby = node("fail-b", "b", 24_051))
        {
            final long oldPrimaryHashAt100;
            try (TestNode oldPrimary = node("fail-a", "a", 24_050))
            {
                oldPrimary.lead(1);
                standby.follow(oldPrimary);
                Await.until("standby in sync", () -> oldPrimary.replicator.standbyState() == StandbyState.IN_SYNC);
                oldPrimary.publishAndAwait(100, 1);
                oldPrimaryHashAt100 = oldPrimary.machine.hash();

                standby.replica.promote(2);
                Await.until("standby drained", () -> standby.pipeline.outputSequence() == 100);
                standby.pipeline.epoch(2);
                standby.replicator.lead(standby.pipeline);
                assertThat(standby.machine.hash()).isEqualTo(oldPrimaryHashAt100);
                standby.publishAndAwait(20, 1_001);

                oldPrimary.publishAndAwait(1, 101);
                Await.until("resumed old primary's frame refused", () -> standby.replica.staleEpochRefused() == 1);
                assertThat(oldPrimary.replicator.standbyState()).isEqualTo(StandbyState.NONE);
                assertThat(standby.pipeline.publishedSequence()).isEqualTo(120);
                assertThat(standby.replica.ignoredWhilePrimary()).isZero();
            }

            try (TestNode rejoining = node("fail-a2", "a", 24_050))
            {
                rejoining.follow(standby);
                Await.until("truncation ordered", () -> rejoining.truncateRequested.get() >= 0);
                assertThat(rejoining.truncateRequested.get()).isEqualTo(100);
            }
            new JournalGenerations(dir.resolve("a")).truncate(100, Journal.DEFAULT_ROLL_CYCLE);

            try (TestNode rejoined = node("fail-a3", "a", 24_050))
            {
                rejoined.follow(standby);
                Await.until("old primary back in sync",
                    () -> standby.replicator.standbyState() == StandbyState.IN_SYNC);
                standby.publishAndAwait(30, 2_001);
                Await.until("old primary applied 150", () -> rejoined.machine.appliedSequence() == 150);

                assertThat(rejoined.machine.hash()).isEqualTo(standby.machine.hash());
                assertThat(rejoined.replica.staleEpochRefused()).isZero();
                assertThat(standby.outputsBeforeAck.get()).as("100 applied as standby, 20 sequenced alone")
                    .isEqualTo(120);
            }
        }
    }

    @Test
    void shouldFollowAPrimaryRestartedAtTheSameEndpointAgain()
    {
        try (TestNode standby = node("same-b", "b", 24_053))
        {
            try (TestNode primary = node("same-a", "a", 24_052))
            {
                primary.lead(1);
                standby.follow(primary);
                Await.until("standby in sync", () -> primary.replicator.standbyState() == StandbyState.IN_SYNC);
                primary.publishAndAwait(50, 1);
            }
            try (TestNode restarted = node("same-a2", "a", 24_052))
            {
                restarted.lead(2);
                standby.replica.fence(2);
                standby.replica.follow(AeronTransport.udp(AeronTransport.LOOPBACK, 24_052));
                Await.until("standby in sync again", () -> restarted.replicator.standbyState() == StandbyState.IN_SYNC);
                restarted.publishAndAwait(50, 51);
                Await.until("standby applied 100", () -> standby.machine.appliedSequence() == 100);

                assertThat(standby.machine.hash()).isEqualTo(restarted.machine.hash());
                assertThat(restarted.outputsBeforeAck.get()).isZero();
            }
        }
    }

    private TestNode node(final String name, final String directory, final int port)
    {
        return new TestNode(name, dir.resolve(directory), port, StandbyLossPolicy.CONTINUE, ACK_TIMEOUT_MS);
    }
}
