package io.dsr4j.train.estimator;

import io.dsr4j.api.estimator.EstimatorStep;
import io.dsr4j.api.estimator.GradientEstimator;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VanillaEstimatorTest {

    private static final double[] R1 = {0.2, 0.4, 0.6, 0.8};   // mean 0.5, min 0.2
    private static final double[] R2 = {0.1, 0.1, 0.3, 0.7};   // mean 0.3
    private static final double[] R3 = {0.9, 0.5, 0.5, 0.5};   // mean 0.6

    private static VanillaEstimator create(Map<String, ?> user) {
        return (VanillaEstimator) new VanillaEstimator.Factory().create(TestBatches.context(), TestBatches.params(user));
    }

    @Test
    void defaultsAreWholeBatchAndEwmaOfTheMeanReward() {
        VanillaEstimator est = create(Map.of());
        assertEquals(1.0, est.epsilon());
        assertEquals(Baseline.Kind.EWMA_R, est.baseline().kind());
        FakePolicy policy = new FakePolicy();
        EstimatorStep step = est.update(policy, TestBatches.samples(R1, 0));
        assertArrayEquals(new int[] {0, 1, 2, 3}, policy.last().ids());
        assertEquals(4, step.trained());
        // b_jumpstart false (reference default): the EWMA starts at 0
        assertEquals(0.5 * 0.5, step.baseline(), 1e-15);
        for (int i = 0; i < 4; i++) assertEquals((R1[i] - 0.25) / 4, policy.last().gradNeglogp()[i], 1e-15);
        Gradients.assertMatchesFiniteDifferences(policy.last().loss(), policy.last().neglogp(), policy.last().entropy());
    }

    @Test
    void ewmaPersistsAcrossIterations() {
        VanillaEstimator est = create(Map.of("alpha", 0.25));
        FakePolicy policy = new FakePolicy();
        double b1 = est.update(policy, TestBatches.samples(R1, 0)).baseline();
        double b2 = est.update(policy, TestBatches.samples(R2, 1)).baseline();
        double b3 = est.update(policy, TestBatches.samples(R3, 2)).baseline();
        assertEquals(0.25 * 0.5, b1, 1e-15);
        assertEquals(0.25 * 0.3 + 0.75 * b1, b2, 1e-15);
        assertEquals(0.25 * 0.6 + 0.75 * b2, b3, 1e-15);
        assertEquals((R3[0] - b3) / 4, policy.last().gradNeglogp()[0], 1e-15);
    }

    @Test
    void jumpstartInitialisesWithTheFirstValue() {
        VanillaEstimator est = create(Map.of("b_jumpstart", true));
        FakePolicy policy = new FakePolicy();
        assertEquals(0.5, est.update(policy, TestBatches.samples(R1, 0)).baseline(), 1e-15);
        assertEquals(0.5 * 0.3 + 0.5 * 0.5, est.update(policy, TestBatches.samples(R2, 1)).baseline(), 1e-15);
    }

    @Test
    void ewmaOfQuantileAndCombinedBaselinesWithAFilter() {
        // epsilon 0.5 on 4 samples: index ceil(0.5 * 3) = 2
        VanillaEstimator re = create(Map.of("baseline", "ewma_R_e", "epsilon", 0.5, "b_jumpstart", true));
        FakePolicy policy = new FakePolicy();
        EstimatorStep s1 = re.update(policy, TestBatches.samples(R1, 0));
        assertArrayEquals(new int[] {2, 3}, s1.keptRows());
        assertEquals(0.6, s1.quantile());
        assertEquals(0.6, s1.baseline(), 1e-15);      // min of the kept rewards
        EstimatorStep s2 = re.update(policy, TestBatches.samples(R2, 1));
        assertEquals(0.3, s2.quantile());
        assertEquals(0.5 * 0.3 + 0.5 * 0.6, s2.baseline(), 1e-15);

        VanillaEstimator combined = create(Map.of("baseline", "combined", "epsilon", 0.5));
        EstimatorStep c1 = combined.update(policy, TestBatches.samples(R1, 0));
        double e1 = 0.5 * (0.7 - 0.6);              // kept mean 0.7, quantile 0.6, EWMA from 0
        assertEquals(0.6 + e1, c1.baseline(), 1e-15);
        EstimatorStep c2 = combined.update(policy, TestBatches.samples(R2, 1));
        double e2 = 0.5 * (0.5 - 0.3) + 0.5 * e1;    // kept {0.3, 0.7}: mean 0.5
        assertEquals(0.3 + e2, c2.baseline(), 1e-15);

        VanillaEstimator rE = create(Map.of("baseline", "R_e", "epsilon", 0.5));
        assertEquals(0.6, rE.update(policy, TestBatches.samples(R1, 0)).baseline());
    }

    @Test
    void ewmaSurvivesSaveAndLoad() throws IOException {
        VanillaEstimator a = create(Map.of());
        FakePolicy policy = new FakePolicy();
        a.update(policy, TestBatches.samples(R1, 0));
        a.update(policy, TestBatches.samples(R2, 1));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        a.save(new DataOutputStream(bytes));

        GradientEstimator b = create(Map.of());
        b.load(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        GradientEstimator fresh = create(Map.of());

        double expected = a.update(policy, TestBatches.samples(R3, 2)).baseline();
        assertEquals(expected, b.update(policy, TestBatches.samples(R3, 2)).baseline(), 0.0);
        assertNotEquals(expected, fresh.update(policy, TestBatches.samples(R3, 2)).baseline());
    }

    @Test
    void loadRejectsADifferentBaselineType() throws IOException {
        VanillaEstimator a = create(Map.of());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        a.save(new DataOutputStream(bytes));
        VanillaEstimator other = create(Map.of("baseline", "combined"));
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> other.load(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))));
        assertTrue(e.getMessage().contains("ewma_R"), e.getMessage());
    }

    @Test
    void explicitEpsilonFiltersAndReportsTheQuantile() {
        VanillaEstimator est = create(Map.of("epsilon", 0.25));
        FakePolicy policy = new FakePolicy();
        EstimatorStep step = est.update(policy, TestBatches.samples(R1, 0));
        // index ceil(0.75 * 3) = 3
        assertArrayEquals(new int[] {3}, policy.last().ids());
        assertEquals(0.8, step.quantile());
        EstimatorStep whole = create(Map.of()).update(policy, TestBatches.samples(R1, 0));
        assertTrue(Double.isNaN(whole.quantile()));
    }
}
