package io.dsr4j.train.estimator;

import io.dsr4j.api.estimator.EstimatorStep;
import io.dsr4j.api.estimator.TrainingSamples;
import io.dsr4j.api.policy.PolicyLoss;
import io.dsr4j.api.policy.SequenceBatch;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PpoEstimatorTest {

    private static PpoEstimator create(Map<String, ?> user) {
        return (PpoEstimator) new PpoEstimator.Factory().create(TestBatches.context(), TestBatches.params(user));
    }

    private static final double[] R = RiskSeekingEstimatorTest.permutedRewards(1000);
    private static final int[] KEPT = IntStream.range(0, 1000).filter(i -> R[i] >= 0.95).toArray();

    /** A policy whose neglogp of every sample drops by {@code step} after each optimiser step (ratio grows). */
    static final class DriftingPolicy extends FakePolicy {
        private final double step;
        private double shift;

        DriftingPolicy(double step) {
            super(id -> 2.0 + 0.01 * id, id -> 0.5);
            this.step = step;
        }

        @Override
        double[] neglogp(SequenceBatch b) {
            double[] v = super.neglogp(b);
            for (int i = 0; i < v.length; i++) v[i] -= shift;
            return v;
        }

        @Override
        public double trainStep(SequenceBatch batch, PolicyLoss loss) {
            double v = super.trainStep(batch, loss);
            shift += step;
            return v;
        }
    }

    @Test
    void splitMatchesNumpyArraySplit() {
        // np.array_split(range(10), 4) → sizes 3, 3, 2, 2
        assertArrayEquals(new int[] {0, 3, 6, 8, 10}, IntStream.rangeClosed(0, 4)
                .map(p -> PpoEstimator.splitStart(10, 4, p)).toArray());
        // np.array_split(range(2), 4) → sizes 1, 1, 0, 0
        assertArrayEquals(new int[] {0, 1, 2, 2, 2}, IntStream.rangeClosed(0, 4)
                .map(p -> PpoEstimator.splitStart(2, 4, p)).toArray());
    }

    @Test
    void scoresOnceThenShuffledMinibatchesPartitionTheKeptSamplesEveryEpoch() {
        PpoEstimator est = create(Map.of("ppo_n_iters", 3, "ppo_n_mb", 4));
        FakePolicy policy = new FakePolicy();
        EstimatorStep step = est.update(policy, TestBatches.samples(R, 0));

        assertEquals(1, policy.scored.size());
        assertArrayEquals(KEPT, TestBatches.ids(policy.scored.get(0)));
        assertArrayEquals(KEPT, step.keptRows());
        assertEquals(0.95, step.baseline());
        assertEquals(12, policy.calls.size());
        List<int[]> epochOrders = new ArrayList<>();
        for (int epoch = 0; epoch < 3; epoch++) {
            int[] order = new int[0];
            int[] sizes = new int[4];
            for (int mb = 0; mb < 4; mb++) {
                int[] ids = policy.calls.get(epoch * 4 + mb).ids();
                sizes[mb] = ids.length;
                int[] merged = Arrays.copyOf(order, order.length + ids.length);
                System.arraycopy(ids, 0, merged, order.length, ids.length);
                order = merged;
            }
            assertArrayEquals(new int[] {13, 13, 12, 12}, sizes);
            int[] sorted = order.clone();
            Arrays.sort(sorted);
            assertArrayEquals(KEPT, sorted); // disjoint and complete
            epochOrders.add(order);
        }
        assertFalse(Arrays.equals(epochOrders.get(0), epochOrders.get(1)));
        assertFalse(Arrays.equals(epochOrders.get(0), KEPT));

        // the policy does not change in this fake, so ρ = 1 and the loss is the plain PG loss
        FakePolicy.Call first = policy.calls.get(0);
        double adv = 0, ent = 0;
        int m = first.ids().length;
        for (int k = 0; k < m; k++) {
            int id = first.ids()[k];
            adv += R[id] - 0.95;
            ent += policy.entropyOf.applyAsDouble(id);
            assertEquals((R[id] - 0.95) / m, first.gradNeglogp()[k], 1e-15);
        }
        assertEquals(-adv / m - 0.03 * ent / m, first.value(), 1e-12);
        double mean = policy.calls.stream().mapToDouble(FakePolicy.Call::value).average().orElseThrow();
        assertEquals(mean, step.loss(), 1e-12);
        for (FakePolicy.Call c : policy.calls) {
            Gradients.assertMatchesFiniteDifferences(c.loss(), c.neglogp(), c.entropy());
        }
    }

    @Test
    void ratiosBeyondTheClipRangeStopTheGradient() {
        PpoEstimator est = create(Map.of("ppo_n_iters", 1, "ppo_n_mb", 2));
        DriftingPolicy policy = new DriftingPolicy(0.3); // after one step ρ = e^0.3 ≈ 1.35 > 1.2
        est.update(policy, TestBatches.samples(R, 0));
        assertEquals(2, policy.calls.size());
        FakePolicy.Call first = policy.calls.get(0), second = policy.calls.get(1);
        assertTrue(Arrays.stream(first.gradNeglogp()).anyMatch(g -> g > 0));
        for (double g : second.gradNeglogp()) assertEquals(0.0, g); // all advantages ≥ 0 with R_e: all clipped
        double adv = 0;
        for (int id : second.ids()) adv += R[id] - 0.95;
        int m = second.ids().length;
        assertEquals(-1.2 * adv / m - 0.03 * 0.5, second.value(), 1e-12);
    }

    @Test
    void fewerKeptSamplesThanMinibatchesSkipsEmptyMinibatches() {
        PpoEstimator est = create(Map.of("ppo_n_iters", 2, "ppo_n_mb", 4, "epsilon", 0.2));
        FakePolicy policy = new FakePolicy();
        est.update(policy, TestBatches.samples(new double[] {0.1, 0.9, 0.3, 0.8, 0.2}, 0));
        // 1 − 0.2 = 0.8, index ceil(0.8 · 4) = 4 → only the 0.9 row is kept: one step per epoch
        assertEquals(2, policy.calls.size());
        for (FakePolicy.Call c : policy.calls) assertArrayEquals(new int[] {1}, c.ids());
    }

    @Test
    void shufflesAreSeededAndStateSurvivesSaveAndLoad() throws IOException {
        Map<String, Object> cfg = Map.of("ppo_n_iters", 2, "ppo_n_mb", 3, "baseline", "ewma_R");
        PpoEstimator a = create(cfg), twin = create(cfg);
        FakePolicy pa = new FakePolicy(), pt = new FakePolicy();
        TrainingSamples s = TestBatches.samples(R, 0);
        a.update(pa, s);
        twin.update(pt, s);
        for (int i = 0; i < pa.calls.size(); i++) assertArrayEquals(pa.calls.get(i).ids(), pt.calls.get(i).ids());

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        a.save(new DataOutputStream(bytes));
        PpoEstimator b = create(cfg);
        b.load(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertEquals(a.baseline().ewma(), b.baseline().ewma());

        FakePolicy pa2 = new FakePolicy(), pb = new FakePolicy(), pf = new FakePolicy();
        EstimatorStep sa = a.update(pa2, s), sb = b.update(pb, s);
        EstimatorStep sf = create(cfg).update(pf, s);
        assertEquals(sa.baseline(), sb.baseline(), 0.0);
        assertNotEquals(sa.baseline(), sf.baseline());
        for (int i = 0; i < pa2.calls.size(); i++) assertArrayEquals(pa2.calls.get(i).ids(), pb.calls.get(i).ids());
        boolean differsFromFresh = false;
        for (int i = 0; i < pa2.calls.size(); i++) {
            differsFromFresh |= !Arrays.equals(pa2.calls.get(i).ids(), pf.calls.get(i).ids());
        }
        assertTrue(differsFromFresh);
    }
}
