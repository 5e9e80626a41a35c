package io.dsr4j.train.estimator;

import io.dsr4j.api.estimator.EstimatorStep;
import io.dsr4j.api.estimator.TrainingSamples;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PqtEstimatorTest {

    private static PqtEstimator create(Map<String, ?> user) {
        return (PqtEstimator) new PqtEstimator.Factory().create(TestBatches.context(), TestBatches.params(user));
    }

    /** Ten samples with keys unique to the iteration; with ε = 0.3, index ceil(0.7·9) = 7 of the sorted rewards. */
    private static TrainingSamples iteration(long it, double shift) {
        double[] r = new double[10];
        String[] keys = new String[10];
        for (int i = 0; i < 10; i++) {
            r[i] = (((i + it) * 7) % 10) / 10.0 + shift; // the best row (7 − it mod 10) changes per iteration
            keys[i] = it == 0 ? TestBatches.key(i) : "it" + it + "_" + i;
        }
        return TestBatches.samples(r, keys, it);
    }

    @Test
    void pushesTheBestKeptSampleAndTrainsOnKeptPlusQueueRows() {
        PqtEstimator est = create(Map.of("epsilon", 0.3, "pqt_batch_size", 3, "pqt_weight", 50.0));
        FakePolicy policy = new FakePolicy();
        TrainingSamples s = iteration(0, 0);
        EstimatorStep step = est.update(policy, s);

        // rewards: row i → (7i mod 10)/10; sorted index 7 → 0.7: rows 1 (0.7), 4 (0.8), 7 (0.9)
        assertArrayEquals(new int[] {1, 4, 7}, step.keptRows());
        assertEquals(List.of("p7"), est.queue().entries().stream().map(TopKSampleQueue.Entry::key).toList());
        assertEquals(0.9, est.queue().entries().get(0).reward(), 1e-15);

        FakePolicy.Call call = policy.last();
        assertArrayEquals(new int[] {1, 4, 7, 7, 7, 7}, call.ids());
        assertEquals(6, step.trained());
        assertTrue(Double.isNaN(step.baseline()));
        double w = 0.03;
        double expected = 50.0 * policy.neglogpOf.applyAsDouble(7)
                - w * (policy.entropyOf.applyAsDouble(1) + policy.entropyOf.applyAsDouble(4)
                + policy.entropyOf.applyAsDouble(7)) / 3;
        assertEquals(expected, call.value(), 1e-12);
        assertArrayEquals(new double[] {0, 0, 0, 50.0 / 3, 50.0 / 3, 50.0 / 3}, call.gradNeglogp(), 1e-15);
        assertArrayEquals(new double[] {-w / 3, -w / 3, -w / 3, 0, 0, 0}, call.gradEntropy(), 1e-15);
        Gradients.assertMatchesFiniteDifferences(call.loss(), call.neglogp(), call.entropy());
    }

    @Test
    void usePgAddsThePolicyGradientTermOverTheKeptRows() {
        FakePolicy off = new FakePolicy(), on = new FakePolicy();
        create(Map.of("epsilon", 0.3)).update(off, iteration(0, 0));
        EstimatorStep step = create(Map.of("epsilon", 0.3, "pqt_use_pg", true)).update(on, iteration(0, 0));
        assertEquals(0.7, step.baseline(), 1e-15);
        assertArrayEquals(off.last().ids(), on.last().ids());

        double pg = ((0.7 - 0.7) * on.neglogpOf.applyAsDouble(1) + (0.8 - 0.7) * on.neglogpOf.applyAsDouble(4)
                + (0.9 - 0.7) * on.neglogpOf.applyAsDouble(7)) / 3;
        assertEquals(off.last().value() + pg, on.last().value(), 1e-12);
        assertEquals((0.9 - 0.7) / 3, on.last().gradNeglogp()[2], 1e-15);
        assertEquals(0.0, off.last().gradNeglogp()[2]);
        Gradients.assertMatchesFiniteDifferences(on.last().loss(), on.last().neglogp(), on.last().entropy());
    }

    @Test
    void queueStaysUniqueAndTopKOverIterations() {
        PqtEstimator est = create(Map.of("pqt_k", 2, "epsilon", 0.3));
        FakePolicy policy = new FakePolicy();
        String[] keys = new String[10];
        Arrays.fill(keys, "same");
        double[] r = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};
        est.update(policy, TestBatches.samples(r, keys, 0));
        est.update(policy, TestBatches.samples(r, keys, 1)); // same key again: not added twice
        assertEquals(1, est.queue().size());

        Map<String, Double> best = new HashMap<>();
        for (int it = 0; it < 6; it++) {
            double[] rr = r.clone();
            for (int i = 0; i < 10; i++) rr[i] += 0.1 * ((it * 3) % 5);
            String[] kk = new String[10];
            for (int i = 0; i < 10; i++) kk[i] = "it" + it + "_" + i;
            est.update(policy, TestBatches.samples(rr, kk, it + 2));
            best.put(kk[9], rr[9]);
        }
        // shifts per iteration 0, .3, .1, .4, .2, 0 → best rewards 1.0, 1.3, 1.1, 1.4, 1.2, 1.0; top-2: 1.4, 1.3
        List<Double> rewards = est.queue().entries().stream().map(TopKSampleQueue.Entry::reward).sorted().toList();
        assertEquals(List.of(1.3, 1.4), rewards.stream().map(x -> Math.round(x * 10) / 10.0).toList());
        assertEquals(2, est.queue().entries().stream().map(TopKSampleQueue.Entry::key).distinct().count());
    }

    @Test
    void drawsAreSeededAndSurviveSaveAndLoad() throws IOException {
        Map<String, Object> cfg = Map.of("epsilon", 0.3, "pqt_batch_size", 4, "pqt_k", 5);
        PqtEstimator a = create(cfg);
        PqtEstimator twin = create(cfg);
        FakePolicy pa = new FakePolicy(), pt = new FakePolicy();
        for (int it = 0; it < 4; it++) {
            a.update(pa, iteration(it, 0.1 * it));
            twin.update(pt, iteration(it, 0.1 * it));
            assertArrayEquals(pa.last().ids(), pt.last().ids()); // same seed, same draws
        }
        assertEquals(4, a.queue().size());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        a.save(new DataOutputStream(bytes));
        PqtEstimator b = create(cfg);
        b.load(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertEquals(a.queue().size(), b.queue().size());
        for (int i = 0; i < a.queue().size(); i++) {
            assertEquals(a.queue().entries().get(i).key(), b.queue().entries().get(i).key());
            TopKSampleQueueTest.assertSameRows(a.queue().entries().get(i).sample(), b.queue().entries().get(i).sample());
        }
        FakePolicy pb = new FakePolicy();
        for (int it = 4; it < 8; it++) {
            a.update(pa, iteration(it, 0));
            b.update(pb, iteration(it, 0));
            assertArrayEquals(pa.last().ids(), pb.last().ids());
            assertEquals(pa.last().value(), pb.last().value(), 0.0);
        }
        // a different seed draws differently
        PqtEstimator other = (PqtEstimator) new PqtEstimator.Factory().create(
                new io.dsr4j.api.estimator.EstimatorContext(0.03, 0.7, 43L, 1000), TestBatches.params(cfg));
        FakePolicy po = new FakePolicy(), pa2 = new FakePolicy();
        PqtEstimator a2 = create(cfg);
        boolean differs = false;
        for (int it = 0; it < 8; it++) {
            other.update(po, iteration(it, 0.1 * it));
            a2.update(pa2, iteration(it, 0.1 * it));
            differs |= !Arrays.equals(po.last().ids(), pa2.last().ids());
        }
        assertTrue(differs);
    }

    @Test
    void onlyTheDrawnRowsCarryTheQueueWeight() {
        PqtEstimator est = create(Map.of("pqt_batch_size", 2));
        FakePolicy policy = new FakePolicy();
        EstimatorStep step = est.update(policy, TestBatches.samples(RiskSeekingEstimatorTest.permutedRewards(1000), 0));
        assertEquals(50 + 2, step.trained());
        double[] g = policy.last().gradNeglogp();
        for (int i = 0; i < 50; i++) assertEquals(0.0, g[i]);
        assertEquals(100.0, g[50], 1e-12);
        assertNotEquals(0.0, policy.last().gradEntropy()[0]);
    }
}
