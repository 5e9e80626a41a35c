package io.dsr4j.policy.lstm;

import io.dsr4j.policy.PolicyOptimizer;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.policy.OptimizerSpec;
import io.dsr4j.api.policy.SequenceBatch;
import io.dsr4j.api.token.Library;
import io.dsr4j.api.util.Rng;
import io.dsr4j.policy.RnnSpec;
import io.dsr4j.policy.TestToken;
import io.dsr4j.policy.ToyEnvironment;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingTest {

    private final Library koza = TestToken.koza();
    private final ToyEnvironment env = new ToyEnvironment(koza, 4, 30, true);

    private static PolicyTestSupport.WeightedLoss loss(int n, long seed) {
        Rng rng = new Rng(seed);
        double[] w = new double[n];
        for (int i = 0; i < n; i++) w[i] = rng.nextDouble() / n;
        return new PolicyTestSupport.WeightedLoss(w, 0.03, 0.7);
    }

    @Test
    void trainingIsIndependentOfThreadsAndOfTheMemoryPath() {
        RnnSpec spec = SamplingTest.richSpec();
        try (JvmLstmPolicy one = SamplingTest.randomPolicy(spec, env, 2, 1);
             JvmLstmPolicy two = SamplingTest.randomPolicy(spec, env, 2, 2);
             JvmLstmPolicy lean = SamplingTest.randomPolicy(spec, env, 2, 3)) {
            lean.setTapeBudgetBytes(0); // re-run the forward pass per chunk instead of keeping the tape
            for (int step = 0; step < 3; step++) {
                SequenceBatch b = one.sample(150); // several gradient chunks
                SamplingTest.assertSameBatch(b, two.sample(150));
                lean.sample(150);
                var l = loss(b.size(), step);
                double v1 = one.trainStep(b, l), v2 = two.trainStep(b, l), v3 = lean.trainStep(b, l);
                assertEquals(v1, v2);
                assertEquals(v1, v3);
                assertArrayEquals(one.getParameters(), two.getParameters());
                assertArrayEquals(one.getParameters(), lean.getParameters());
            }
        }
    }

    @Test
    void trainStepReturnsTheLossBeforeTheStepAndMovesAlongTheGradient() {
        try (JvmLstmPolicy p = SamplingTest.randomPolicy(SamplingTest.richSpec(), env, 8, 1)) {
            SequenceBatch b = p.sample(40);
            var l = loss(b.size(), 1);
            double[] g = new double[p.parameterCount()];
            double before = p.computeGradient(b, l, g);
            double[] w0 = p.getParameters();
            assertEquals(before, p.trainStep(b, l));
            double[] w1 = p.getParameters();
            // Adam's first step (TF1 form) applied to exactly this gradient
            int moved = 0;
            double lrT = 1e-3 * Math.sqrt(1 - 0.999) / (1 - 0.9);
            for (int i = 0; i < g.length; i++) {
                double expected = -lrT * (0.1 * g[i]) / (Math.sqrt(0.001 * g[i] * g[i]) + 1e-8);
                assertEquals(expected, w1[i] - w0[i], 1e-15, "parameter " + i);
                if (Math.abs(expected) > 5e-4) moved++;
            }
            assertTrue(moved > 100, "most parameters get a gradient: " + moved);
            var s = p.score(b, 0.7);
            double after = l.evaluate(s.neglogp(), s.entropy(), new double[b.size()], new double[b.size()]);
            assertTrue(after < before, "a small step along −gradient lowers the loss: " + before + " → " + after);
        }
    }

    @Test
    void saveLoadContinuesBitIdentically() throws IOException {
        RnnSpec spec = SamplingTest.richSpec();
        try (JvmLstmPolicy a = SamplingTest.randomPolicy(spec, env, 5, 1);
             JvmLstmPolicy b = PolicyTestSupport.policy(spec, env, 99, 2)) {
            SequenceBatch first = a.sample(100);
            a.trainStep(first, loss(100, 3));
            a.trainStep(first, loss(100, 4));
            b.load(new DataInputStream(new ByteArrayInputStream(save(a))));
            assertArrayEquals(a.getParameters(), b.getParameters());
            for (int round = 0; round < 3; round++) {
                SequenceBatch sa = a.sample(120), sb = b.sample(120);
                SamplingTest.assertSameBatch(sa, sb);
                assertEquals(a.trainStep(sa, loss(120, round)), b.trainStep(sb, loss(120, round)));
                assertArrayEquals(a.getParameters(), b.getParameters(), "optimiser moments and step count restored");
            }
        }
    }

    @Test
    void loadRejectsAnotherPolicyShapeOrOptimizer() throws IOException {
        try (JvmLstmPolicy a = PolicyTestSupport.policy(RnnSpec.defaults(), env, 1, 1);
             JvmLstmPolicy gru = PolicyTestSupport.policy(new RnnSpec(64, RnnSpec.Cell.GRU, new int[] {32},
                     RnnSpec.Initializer.ZEROS, false, true, true, false, false, 8, 0), env, 1, 1);
             JvmLstmPolicy sgd = PolicyTestSupport.policy(RnnSpec.defaults(), env, 1, 1,
                     new OptimizerSpec("sgd", 0.1, 0, 0, 0))) {
            byte[] bytes = save(a);
            IOException e = assertThrows(IOException.class, () -> gru.load(new DataInputStream(new ByteArrayInputStream(bytes))));
            assertTrue(e.getMessage().contains("different policy"));
            assertThrows(IOException.class, () -> sgd.load(new DataInputStream(new ByteArrayInputStream(bytes))));
            assertThrows(IOException.class, () -> a.load(new DataInputStream(new ByteArrayInputStream(new byte[] {1, 2, 3, 4, 5}))));
        }
    }

    @Test
    void optimizersFollowTf1() {
        double[] g = {0.5, -2.0, 0.0};
        // Adam: lr_t = lr·sqrt(1−β2^t)/(1−β1^t), θ −= lr_t·m/(sqrt(v)+ε)
        PolicyOptimizer adam = PolicyOptimizer.create(OptimizerSpec.adam(0.1), 3);
        double[] p = {1, 1, 1};
        adam.step(p, g);
        adam.step(p, g);
        double[] expected = {1, 1, 1};
        double m = 0, v = 0;
        for (int t = 1; t <= 2; t++) {
            for (int i = 0; i < 3; i++) {
                double mi = (t == 1 ? 0 : 0.1 * g[i]) * 0.9 + 0.1 * g[i];
                double vi = (t == 1 ? 0 : 0.001 * g[i] * g[i]) * 0.999 + 0.001 * g[i] * g[i];
                double lrT = 0.1 * Math.sqrt(1 - Math.pow(0.999, t)) / (1 - Math.pow(0.9, t));
                expected[i] -= lrT * mi / (Math.sqrt(vi) + 1e-8);
            }
        }
        assertArrayEquals(expected, p, 1e-15);
        // RMSProp (TF1: mean square starts at 1, ε inside the sqrt)
        PolicyOptimizer rms = PolicyOptimizer.create(new OptimizerSpec("rmsprop", 0.1, 0.9, 0.99, 1e-10), 3);
        double[] q = {1, 1, 1};
        rms.step(q, g);
        for (int i = 0; i < 3; i++) {
            double ms = 0.99 + 0.01 * g[i] * g[i];
            assertEquals(1 - 0.1 * g[i] / Math.sqrt(ms + 1e-10), q[i], 1e-15);
        }
        PolicyOptimizer sgd = PolicyOptimizer.create(new OptimizerSpec("sgd", 0.1, 0, 0, 0), 3);
        double[] r = {1, 1, 1};
        sgd.step(r, g);
        assertArrayEquals(new double[] {0.95, 1.2, 1}, r, 1e-15);
        ConfigException e = assertThrows(ConfigException.class,
                () -> PolicyOptimizer.create(new OptimizerSpec("adma", 0.1, 0.9, 0.999, 1e-8), 3));
        assertTrue(e.getMessage().contains("did you mean 'adam'"), e.getMessage());
        assertThrows(ConfigException.class, () -> PolicyOptimizer.create(OptimizerSpec.adam(0), 3));
    }

    /**
     * Risk-seeking style training on a toy task: reward = "contains sin"; each iteration trains on the best
     * samples of the batch (weights 1/|best|) with a small entropy bonus. The probability of sin must rise.
     */
    @Test
    void learnsToEmitTheRewardedToken() {
        int sin = koza.indexOf("sin");
        ToyEnvironment small = new ToyEnvironment(koza, 2, 8, false);
        try (JvmLstmPolicy p = PolicyTestSupport.policy(RnnSpec.defaults(), small, 3, 1, OptimizerSpec.adam(0.01))) {
            double before = fractionWith(p.sample(2000), sin);
            for (int it = 0; it < 40; it++) {
                SequenceBatch b = p.sample(200);
                int[] best = new int[b.size()];
                int n = 0;
                for (int r = 0; r < b.size() && n < 20; r++) if (contains(b, r, sin)) best[n++] = r;
                if (n == 0) continue;
                SequenceBatch top = b.select(java.util.Arrays.copyOf(best, n));
                double[] w = new double[n];
                java.util.Arrays.fill(w, 1.0 / n);
                p.trainStep(top, new PolicyTestSupport.WeightedLoss(w, 0.01, 0.7));
            }
            double after = fractionWith(p.sample(2000), sin);
            assertTrue(before < 0.5, "before " + before);
            assertTrue(after > 0.9, "after " + after + " (before " + before + ")");
        }
        // the untrained control stays where it was
        try (JvmLstmPolicy control = PolicyTestSupport.policy(RnnSpec.defaults(), small, 3, 1)) {
            assertFalse(fractionWith(control.sample(2000), sin) > 0.5);
        }
    }

    private static boolean contains(SequenceBatch b, int r, int token) {
        for (int t = 0; t < b.length(r); t++) if (b.action(r, t) == token) return true;
        return false;
    }

    private static double fractionWith(SequenceBatch b, int token) {
        int c = 0;
        for (int r = 0; r < b.size(); r++) if (contains(b, r, token)) c++;
        return c / (double) b.size();
    }

    private static byte[] save(JvmLstmPolicy p) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            p.save(out);
        }
        return bytes.toByteArray();
    }
}
