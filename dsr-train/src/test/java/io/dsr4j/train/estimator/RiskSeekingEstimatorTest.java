package io.dsr4j.train.estimator;

import io.dsr4j.api.estimator.EstimatorStep;
import io.dsr4j.api.estimator.GradientEstimator;
import io.dsr4j.api.estimator.TrainingSamples;
import io.dsr4j.api.policy.SequenceBatch;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RiskSeekingEstimatorTest {

    static double[] permutedRewards(int n) {
        double[] r = new double[n];
        for (int i = 0; i < n; i++) r[i] = ((i * 379L) % n) / (double) n;
        return r;
    }

    private static GradientEstimator create() {
        return new RiskSeekingEstimator.Factory().create(TestBatches.context(), TestBatches.params());
    }

    @Test
    void trainsOnceOnTheTopEpsilonWithBaselineRe() {
        double[] r = permutedRewards(1000);
        TrainingSamples samples = TestBatches.samples(r, 0);
        FakePolicy policy = new FakePolicy();
        EstimatorStep step = create().update(policy, samples);

        assertEquals(1, policy.calls.size());
        FakePolicy.Call call = policy.last();
        int[] expectedRows = IntStream.range(0, 1000).filter(i -> r[i] >= 0.95).toArray();
        assertEquals(50, expectedRows.length);
        assertArrayEquals(expectedRows, call.ids());
        assertArrayEquals(expectedRows, step.keptRows());
        assertEquals(0.95, step.quantile());
        assertEquals(0.95, step.baseline());
        assertEquals(50, step.trained());

        // the trained batch carries the kept rows' observations and priors unchanged
        SequenceBatch sampled = samples.sequences();
        for (int k = 0; k < expectedRows.length; k++) {
            int src = expectedRows[k];
            assertEquals(sampled.length(src), call.batch().length(k));
            for (int t = 0; t < sampled.length(src); t++) {
                assertEquals(sampled.parent(src, t), call.batch().parent(k, t));
                assertEquals(sampled.sibling(src, t), call.batch().sibling(k, t));
                assertEquals(sampled.dangling(src, t), call.batch().dangling(k, t));
                for (int l = 0; l < sampled.librarySize(); l++) {
                    assertEquals(sampled.prior(src, t, l), call.batch().prior(k, t, l));
                }
            }
        }

        double expectedLoss = 0, entropy = 0;
        for (int k = 0; k < 50; k++) {
            int id = expectedRows[k];
            expectedLoss += (r[id] - 0.95) * policy.neglogpOf.applyAsDouble(id);
            entropy += policy.entropyOf.applyAsDouble(id);
            assertEquals((r[id] - 0.95) / 50, call.gradNeglogp()[k], 1e-15);
            assertEquals(-0.03 / 50, call.gradEntropy()[k], 1e-15);
        }
        expectedLoss = expectedLoss / 50 - 0.03 * entropy / 50;
        assertEquals(expectedLoss, call.value(), 1e-12);
        assertEquals(expectedLoss, step.loss(), 1e-12);
        assertEquals(0.7, call.loss().entropyGamma());
        Gradients.assertMatchesFiniteDifferences(call.loss(), call.neglogp(), call.entropy());
    }

    @Test
    void keepsTiesAndTheirAdvantageIsZero() {
        double[] r = {0.1, 0.9, 0.5, 0.9, 0.3};
        FakePolicy policy = new FakePolicy();
        EstimatorStep step = new RiskSeekingEstimator(TestBatches.context(), 0.3).update(policy,
                TestBatches.samples(r, 0));
        // 1 - 0.3 = 0.7, index ceil(0.7 * 4) = 3 of [0.1, 0.3, 0.5, 0.9, 0.9] → 0.9
        assertEquals(0.9, step.quantile());
        assertArrayEquals(new int[] {1, 3}, policy.last().ids());
        assertEquals(0.0, policy.last().gradNeglogp()[0]);
        assertEquals(0.0, policy.last().gradNeglogp()[1]);
    }

    @Test
    void epsilonOneTrainsOnEverythingWithTheMinimumAsBaseline() {
        double[] r = {0.4, 0.2, 0.8};
        FakePolicy policy = new FakePolicy();
        EstimatorStep step = new RiskSeekingEstimator(TestBatches.context(), 1.0).update(policy,
                TestBatches.samples(r, 0));
        assertEquals(0.2, step.baseline());
        assertArrayEquals(new int[] {0, 1, 2}, policy.last().ids());
        assertEquals((0.4 - 0.2) / 3, policy.last().gradNeglogp()[0], 1e-15);
    }

    @Test
    void clipsKeptRewardsAndTreatsNanAsWorst() {
        double[] r = {Double.NaN, 5e6, 0.5, 1.0, Double.NaN, 0.2};
        FakePolicy policy = new FakePolicy();
        EstimatorStep step = new RiskSeekingEstimator(TestBatches.context(), 0.5).update(policy,
                TestBatches.samples(r, 0));
        // sorted [-inf, -inf, 0.2, 0.5, 1.0, 5e6]; index ceil(0.5 * 5) = 3 → 0.5
        assertEquals(0.5, step.quantile());
        assertArrayEquals(new int[] {1, 2, 3}, policy.last().ids());
        assertEquals((1e6 - 0.5) / 3, policy.last().gradNeglogp()[0], 1e-9);
        for (double g : policy.last().gradNeglogp()) assertTrue(Double.isFinite(g));

        double[] allNan = {Double.NaN, Double.NaN, Double.NaN};
        EstimatorStep nanStep = new RiskSeekingEstimator(TestBatches.context(), 0.05).update(policy,
                TestBatches.samples(allNan, 1));
        assertEquals(Double.NEGATIVE_INFINITY, nanStep.quantile());
        assertEquals(-1e6, nanStep.baseline());
        assertTrue(Double.isFinite(nanStep.loss()));
    }

    @Test
    void emptyBatchTrainsNothing() {
        FakePolicy policy = new FakePolicy();
        EstimatorStep step = create().update(policy, TestBatches.samples(new double[0], 0));
        assertEquals(0, step.trained());
        assertEquals(0, policy.calls.size());
    }

    @Test
    void stateRoundTripsAndRejectsAnotherEstimatorsState() throws IOException {
        GradientEstimator rs = create();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        rs.save(new DataOutputStream(bytes));
        create().load(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));

        GradientEstimator vanilla = new VanillaEstimator.Factory().create(TestBatches.context(),
                TestBatches.params(Map.of("type", "vanilla")));
        assertInstanceOf(VanillaEstimator.class, vanilla);
        IOException e = assertThrows(IOException.class,
                () -> vanilla.load(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))));
        assertTrue(e.getMessage().contains("risk_seeking"), e.getMessage());
    }
}
