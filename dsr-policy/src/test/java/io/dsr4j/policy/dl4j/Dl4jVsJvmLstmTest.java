package io.dsr4j.policy.dl4j;

import io.dsr4j.api.policy.OptimizerSpec;
import io.dsr4j.api.policy.Policy;
import io.dsr4j.api.policy.PolicyContext;
import io.dsr4j.api.policy.SequenceBatch;
import io.dsr4j.policy.RnnSpec;
import io.dsr4j.policy.lstm.JvmLstmPolicy;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cross-engine agreement: {@code dl4j-lstm} (double) and the plain-Java {@code lstm} engine on identical weights and
 * batches give the same samples, log-probabilities, entropies, gradients and optimiser steps.
 */
class Dl4jVsJvmLstmTest {

    /**
     * Forward quantities agree to rounding. Gradients: DL4J's backprop through time differs from the plain engine by
     * up to ~5e-9 of the gradient's largest entry (finite differences cannot tell which is closer), so small entries
     * are compared against a tenth of the largest.
     */
    private static final double REL = 1e-9;
    private static final double REL_GRADIENT = 1e-7;

    @Test
    void enginesAgreeOnSamplesScoresGradientsAndSteps() {
        for (RnnSpec spec : new RnnSpec[] {Dl4jLstmPolicyTest.plainSpec(6), Dl4jLstmPolicyTest.richSpec()}) {
            OptimizerSpec adam = OptimizerSpec.adam(0.01);
            try (Dl4jLstmPolicy dl4j = Dl4jLstmPolicyTest.policy(spec, DataType.DOUBLE, 21, adam);
                 JvmLstmPolicy jvm = new JvmLstmPolicy(spec, new PolicyContext(Dl4jLstmPolicyTest.ENV, 21, 1, adam))) {
                // same seed: same canonical initialisation and the same sampling streams
                assertArrayEquals(jvm.getParameters(), dl4j.getParameters(), spec.toString());
                SequenceBatch a = dl4j.sample(150), b = jvm.sample(150);
                assertEquals(tokens(b), tokens(a), spec + ": samples differ");

                Dl4jLstmPolicyTest.TestLoss loss = Dl4jLstmPolicyTest.TestLoss.of(a.size(), 0.7);
                Policy.Scores sd = dl4j.score(a, 0.7), sj = jvm.score(a, 0.7);
                assertClose(sj.neglogp(), sd.neglogp(), REL, 1e-3, spec + " neglogp");
                assertClose(sj.entropy(), sd.entropy(), REL, 1e-3, spec + " entropy");

                double[] gd = new double[dl4j.parameterCount()], gj = new double[gd.length];
                double vd = dl4j.gradient(a, loss, gd), vj = jvm.computeGradient(a, loss, gj);
                assertEquals(vj, vd, REL * Math.abs(vj), spec + " loss value");
                assertClose(gj, gd, REL_GRADIENT, 0.1, spec + " gradient");
                assertTrue(Arrays.stream(gd).filter(g -> g != 0).count() > gd.length / 3, "gradient mostly zero");

                dl4j.trainStep(a, loss);
                jvm.trainStep(a, loss);
                assertClose(jvm.getParameters(), dl4j.getParameters(), REL_GRADIENT, 1e-3, spec + " parameters after one Adam step");
            }
        }
    }

    /**
     * {@code lstm} with {@code precision: float32} against {@code dl4j-lstm} in double: the same rows are sampled
     * (a row can differ only when its uniform draw lands within float rounding of a cumulative boundary; at least
     * 98 % must agree, all did when this was written), and the log-probabilities of DL4J's batch under the float
     * sampling network are within {@link #FLOAT32_NEGLOGP} of DL4J's double scores. Tolerance: weights and sums are
     * rounded to float (relative 2^-24 ≈ 6e-8) in products of up to ~80 terms, so a logit moves by ≲ 1e-6 and a
     * log-probability by about as much per step; over these batches' ≤ 10 steps that stays under 1e-5 (measured
     * ≤ 2e-6). Scoring and training of the float32 policy are double, so they agree as in the test above.
     */
    private static final double FLOAT32_NEGLOGP = 1e-5;

    @Test
    void float32SamplingAgreesWithTheDoubleEngineToFloatRounding() {
        for (RnnSpec spec : new RnnSpec[] {Dl4jLstmPolicyTest.plainSpec(6), Dl4jLstmPolicyTest.richSpec()}) {
            OptimizerSpec adam = OptimizerSpec.adam(0.01);
            try (Dl4jLstmPolicy dl4j = Dl4jLstmPolicyTest.policy(spec, DataType.DOUBLE, 21, adam);
                 JvmLstmPolicy f32 = new JvmLstmPolicy(spec, new PolicyContext(Dl4jLstmPolicyTest.ENV, 21, 1, adam),
                         JvmLstmPolicy.Precision.FLOAT32)) {
                assertArrayEquals(f32.getParameters(), dl4j.getParameters(), spec.toString());
                int n = 400;
                SequenceBatch a = dl4j.sample(n), b = f32.sample(n);
                int same = 0;
                for (int r = 0; r < n; r++) if (Arrays.equals(a.tokens(r), b.tokens(r))) same++;
                assertTrue(same >= 0.98 * n, spec + ": only " + same + " of " + n + " rows sampled alike");
                double[] nd = dl4j.score(a, 0.7).neglogp(), nf = f32.samplingNeglogp(a);
                for (int r = 0; r < n; r++) assertEquals(nd[r], nf[r], FLOAT32_NEGLOGP, spec + " neglogp row " + r);
                assertClose(f32.score(a, 0.7).neglogp(), nd, REL, 1e-3, spec + " float32 policy's (double) scores");
            }
        }
    }

    private static String tokens(SequenceBatch b) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < b.size(); i++) sb.append(Arrays.toString(b.tokens(i))).append('\n');
        return sb.toString();
    }

    /** Entry-wise agreement within {@code rel} of max(|entry|, floor · largest |entry|). */
    private static void assertClose(double[] expected, double[] actual, double rel, double floor, String what) {
        assertEquals(expected.length, actual.length, what);
        double scale = 0;
        for (double v : expected) scale = Math.max(scale, Math.abs(v));
        for (int i = 0; i < expected.length; i++) {
            double tol = rel * Math.max(Math.abs(expected[i]), floor * scale) + 1e-15;
            assertEquals(expected[i], actual[i], tol, what + " [" + i + "]");
        }
    }
}
