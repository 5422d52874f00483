package io.tickkeeper.risk;

import java.util.List;
import java.util.function.Consumer;

import io.tickkeeper.protocol.sbe.ExecType;
import io.tickkeeper.protocol.sbe.RiskRejectReason;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The risk engine against a seeded random stream with the real matching engine behind it: the same inputs give
 * the same state and outputs; a snapshot plus the tail gives the live state; the books' invariants hold.
 */
class RiskDeterminismTest
{
    private static final int STEPS = 8_000;

    @Test
    void shouldReachTheSameStateAfterEveryInputAndEmitTheSameOutputs()
    {
        final RandomRiskFlow flow = new RandomRiskFlow(20_261_125L, RandomRiskFlow.config());
        final Recorder twinOutputs = new Recorder();
        final RiskEngine twin = new RiskEngine(RandomRiskFlow.config(), twinOutputs);
        for (int i = 0; i < STEPS; i++)
        {
            final int from = flow.inputs().size();
            flow.step();
            final List<Consumer<RiskEngine>> inputs = flow.inputs();
            for (int n = from; n < inputs.size(); n++)
            {
                inputs.get(n).accept(twin);
            }
            assertThat(twin.stateHash()).as("after step %d", i).isEqualTo(flow.live().stateHash());
        }
        assertThat(twinOutputs.outputs).containsExactlyElementsOf(flow.liveOutputs());

        final List<Recorder.Er> reports = twinOutputs.all(twinOutputs.outputs, Recorder.Er.class);
        assertThat(reports).extracting(Recorder.Er::execType).contains(ExecType.PENDING_NEW, ExecType.NEW,
            ExecType.PARTIAL_FILL, ExecType.FILL, ExecType.CANCELED, ExecType.REPLACED, ExecType.EXPIRED,
            ExecType.REJECTED, ExecType.ORDER_STATUS, ExecType.PENDING_CANCEL, ExecType.PENDING_REPLACE);
        assertThat(reports).extracting(Recorder.Er::reason).contains(RiskRejectReason.UNKNOWN_INSTRUMENT,
            RiskRejectReason.INVALID_QUANTITY, RiskRejectReason.NO_REFERENCE_PRICE, RiskRejectReason.PRICE_BAND,
            RiskRejectReason.MAX_ORDER_QUANTITY, RiskRejectReason.MATCHING_REJECT);
        assertThat(twinOutputs.all(twinOutputs.outputs, Recorder.Trade.class)).hasSizeGreaterThan(100);
        assertThat(reports).extracting(Recorder.Er::execId).doesNotHaveDuplicates();
        assertThat(flow.failovers()).isPositive();
        System.out.printf("%d inputs -> %d outputs, %d trades, %d failovers; state hash %016x%n",
            flow.inputs().size(), twinOutputs.outputs.size(),
            twinOutputs.all(twinOutputs.outputs, Recorder.Trade.class).size(), flow.failovers(), twin.stateHash());
    }

    @Test
    void shouldContinueFromASnapshotExactlyLikeTheEngineThatWroteIt()
    {
        final RandomRiskFlow flow = new RandomRiskFlow(77L, RandomRiskFlow.config());
        for (int i = 0; i < STEPS / 2; i++)
        {
            flow.step();
        }
        final ExpandableArrayBuffer snapshot = new ExpandableArrayBuffer();
        final int length = flow.live().writeSnapshot(snapshot, 0);
        final long hashAtSnapshot = flow.live().stateHash();
        final int snapshotInput = flow.inputs().size();
        final int outputsAtSnapshot = flow.liveOutputs().size();
        for (int i = 0; i < STEPS / 2; i++)
        {
            flow.step();
        }

        final Recorder restoredOutputs = new Recorder();
        final RiskEngine restored = new RiskEngine(RandomRiskFlow.config(), restoredOutputs);
        restored.loadSnapshot(snapshot, 0, length);
        assertThat(restored.stateHash()).isEqualTo(hashAtSnapshot);
        final List<Consumer<RiskEngine>> inputs = flow.inputs();
        for (int n = snapshotInput; n < inputs.size(); n++)
        {
            inputs.get(n).accept(restored);
        }

        assertThat(restored.stateHash()).isNotEqualTo(hashAtSnapshot).isEqualTo(flow.live().stateHash());
        assertThat(restoredOutputs.outputs)
            .containsExactlyElementsOf(flow.liveOutputs().subList(outputsAtSnapshot, flow.liveOutputs().size()));
        final ExpandableArrayBuffer restoredBytes = new ExpandableArrayBuffer();
        final ExpandableArrayBuffer liveBytes = new ExpandableArrayBuffer();
        final int restoredLength = restored.writeSnapshot(restoredBytes, 0);
        assertThat(restoredLength).isEqualTo(flow.live().writeSnapshot(liveBytes, 0));
        assertThat(restoredBytes.compareTo(liveBytes)).isZero();
    }

    @Test
    void shouldKeepPositionsBalancedAndExposureConsistent()
    {
        final RandomRiskFlow flow = new RandomRiskFlow(5L, RandomRiskFlow.config());
        for (int i = 0; i < STEPS; i++)
        {
            flow.step();
            if (i % 500 == 0)
            {
                for (int instrument = 1; instrument <= RandomRiskFlow.INSTRUMENTS; instrument++)
                {
                    long sum = 0;
                    for (int account = 1; account <= RandomRiskFlow.ACCOUNTS; account++)
                    {
                        sum += flow.live().netPosition(account, instrument);
                    }
                    assertThat(sum).as("every trade is between two of the risk manager's orders").isZero();
                }
            }
        }
        int open = 0;
        for (int account = 1; account <= RandomRiskFlow.ACCOUNTS; account++)
        {
            open += flow.live().openOrderCount(account);
            assertThat(flow.live().openOrderCount(account)).isNotNegative();
        }
        assertThat(flow.live().knownOrders()).isGreaterThanOrEqualTo(open);
    }

    @Test
    void shouldRefuseASnapshotIntoAnEngineThatAlreadyWorked()
    {
        final RandomRiskFlow flow = new RandomRiskFlow(3L, RandomRiskFlow.config());
        for (int i = 0; i < 200; i++)
        {
            flow.step();
        }
        final ExpandableArrayBuffer snapshot = new ExpandableArrayBuffer();
        final int length = flow.live().writeSnapshot(snapshot, 0);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> flow.live().loadSnapshot(snapshot, 0, length))
            .isInstanceOf(IllegalStateException.class);
        final RiskEngine other = new RiskEngine(new RiskConfig(new int[]{1, 2}), new Recorder());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> other.loadSnapshot(snapshot, 0, length))
            .isInstanceOf(IllegalArgumentException.class);
        final RiskEngine fresh = new RiskEngine(RandomRiskFlow.config(), new Recorder());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> fresh.loadSnapshot(snapshot, 0, length - 3))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
