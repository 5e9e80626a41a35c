package io.dsr4j.policy.lstm;

import io.dsr4j.api.policy.SequenceBatch;
import io.dsr4j.api.token.Library;
import io.dsr4j.api.util.Rng;
import io.dsr4j.policy.RnnSpec;
import io.dsr4j.policy.TestToken;
import io.dsr4j.policy.ToyEnvironment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Finite-difference check of the full backward pass (softmax with priors, entropy, output, BPTT, embeddings). */
class GradientCheckTest {

    static Stream<Arguments> configs() {
        return Stream.of(
                Arguments.of(RnnSpec.Cell.LSTM, false, 0.0),
                Arguments.of(RnnSpec.Cell.LSTM, true, 0.0),
                Arguments.of(RnnSpec.Cell.GRU, false, 0.0),
                Arguments.of(RnnSpec.Cell.GRU, true, 0.0),
                Arguments.of(RnnSpec.Cell.LSTM, false, 0.2),
                Arguments.of(RnnSpec.Cell.GRU, true, 0.1));
    }

    @ParameterizedTest(name = "{0} embedding={1} lb={2}")
    @MethodSource("configs")
    void analyticGradientMatchesFiniteDifferences(RnnSpec.Cell cell, boolean embedding, double lb) {
        Library lib = TestToken.library(2, "add/2", "sin/1", "mul/2");
        // length in [3, 7] (−∞ entries) and the soft uniform-arity prior; x2 banned outright
        ToyEnvironment env = new ToyEnvironment(lib, 3, 7, true, 1);
        RnnSpec spec = PolicyTestSupport.spec(cell, new int[] {4, 3}, RnnSpec.Initializer.VAR_SCALE,
                true, true, true, true, embedding, 3, lb);
        double gamma = 0.7;
        try (JvmLstmPolicy policy = PolicyTestSupport.policy(spec, env, 11, 1)) {
            Rng rng = new Rng(5);
            double[] p = policy.getParameters();
            for (int i = 0; i < p.length; i++) p[i] += 0.6 * (rng.nextDouble() - 0.5);
            policy.setParameters(p);
            SequenceBatch batch = policy.sample(3);
            boolean sawForbidden = false, sawSoft = false;
            for (int r = 0; r < batch.size(); r++) {
                for (int t = 0; t < batch.length(r); t++) {
                    for (int k = 0; k < lib.size(); k++) {
                        float v = batch.prior(r, t, k);
                        sawForbidden |= v == Float.NEGATIVE_INFINITY;
                        sawSoft |= v != 0 && Float.isFinite(v);
                    }
                }
            }
            assertTrue(sawForbidden && sawSoft, "batch must exercise both hard and soft priors");
            int n = batch.size();
            double[] a = new double[n], b = new double[n], c = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = rng.nextDouble() * 2 - 1;
                b[i] = rng.nextDouble() * 2 - 1;
                c[i] = rng.nextDouble() * 0.5;
            }
            PolicyTestSupport.QuadraticLoss loss = new PolicyTestSupport.QuadraticLoss(a, b, c, gamma);
            double[] analytic = new double[p.length];
            double value = policy.computeGradient(batch, loss, analytic);
            assertEquals(value, lossAt(policy, batch, loss, p), 1e-12 * Math.max(1, Math.abs(value)));

            double maxAbs = 0;
            for (double g : analytic) maxAbs = Math.max(maxAbs, Math.abs(g));
            assertTrue(maxAbs > 1e-3, "gradient should not vanish");
            double h = 1e-6, diffNorm = 0, sumNorm = 0;
            int nonZero = 0;
            for (int j = 0; j < p.length; j++) {
                double keep = p[j];
                p[j] = keep + h;
                double up = lossAt(policy, batch, loss, p);
                p[j] = keep - h;
                double down = lossAt(policy, batch, loss, p);
                p[j] = keep;
                double numeric = (up - down) / (2 * h);
                double diff = Math.abs(numeric - analytic[j]);
                diffNorm += diff * diff;
                sumNorm += (Math.abs(numeric) + Math.abs(analytic[j])) * (Math.abs(numeric) + Math.abs(analytic[j]));
                if (analytic[j] != 0) nonZero++;
                assertTrue(diff <= 1e-5 * (Math.abs(numeric) + Math.abs(analytic[j])) + 1e-8 * maxAbs,
                        "parameter " + j + ": analytic " + analytic[j] + " vs numeric " + numeric);
            }
            double rel = Math.sqrt(diffNorm / sumNorm);
            assertTrue(rel < 1e-6, "relative error " + rel);
            assertTrue(nonZero > p.length / 2, "most parameters should receive gradient: " + nonZero + "/" + p.length);
        }
    }

    private static double lossAt(JvmLstmPolicy policy, SequenceBatch batch, PolicyTestSupport.QuadraticLoss loss, double[] p) {
        policy.setParameters(p);
        var s = policy.score(batch, loss.gamma());
        int n = batch.size();
        return loss.evaluate(s.neglogp(), s.entropy(), new double[n], new double[n]);
    }
}
