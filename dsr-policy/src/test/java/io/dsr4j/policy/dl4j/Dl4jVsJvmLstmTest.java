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
