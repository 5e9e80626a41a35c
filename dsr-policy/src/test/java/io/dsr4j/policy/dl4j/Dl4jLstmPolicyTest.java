package io.dsr4j.policy.dl4j;

import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.config.Params;
import io.dsr4j.api.plugin.DsrPlugin;
import io.dsr4j.api.policy.OptimizerSpec;
import io.dsr4j.api.policy.Policy;
import io.dsr4j.api.policy.PolicyContext;
import io.dsr4j.api.policy.PolicyLoss;
import io.dsr4j.api.policy.SequenceBatch;
import io.dsr4j.api.token.Library;
import io.dsr4j.policy.RnnSpec;
import io.dsr4j.policy.TestToken;
import io.dsr4j.policy.ToyEnvironment;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Dl4jLstmPolicyTest {

    private static final Library KOZA = TestToken.koza();
    /** Koza with hard bans of 'cos' (always −∞), soft uniform-arity prior, lengths 3..10. */
    static final ToyEnvironment ENV = new ToyEnvironment(KOZA, 3, 10, true, KOZA.indexOf("cos"));

    /** 1 layer, one-hot parent + sibling, random weights. */
    static RnnSpec plainSpec(int units) {
        return new RnnSpec(10, RnnSpec.Cell.LSTM, new int[] {units}, RnnSpec.Initializer.VAR_SCALE,
                false, true, true, false, false, 8, 0.0);
    }

    /** 2 layers, every observation, embeddings, action-probability lower bound. */
    static RnnSpec richSpec() {
        return new RnnSpec(10, RnnSpec.Cell.LSTM, new int[] {4, 3}, RnnSpec.Initializer.VAR_SCALE,
                true, true, true, true, true, 3, 0.1);
    }

    static Dl4jLstmPolicy policy(RnnSpec spec, DataType dt, long seed, OptimizerSpec opt) {
        return new Dl4jLstmPolicy(ENV, spec, dt, seed, opt);
    }

    /** A non-trivial estimator-like loss: Σ c_i·neglogp_i − w·mean(entropy) + ½(mean neglogp)². */
    record TestLoss(double[] c, double entropyWeight, double entropyGamma) implements PolicyLoss {
        @Override
        public double evaluate(double[] neglogp, double[] entropy, double[] gN, double[] gE) {
            int n = neglogp.length;
            double mean = Arrays.stream(neglogp).sum() / n, value = 0.5 * mean * mean;
            for (int i = 0; i < n; i++) {
                value += c[i] * neglogp[i] - entropyWeight * entropy[i] / n;
                gN[i] = c[i] + mean / n;
                gE[i] = -entropyWeight / n;
            }
            return value;
        }

        static TestLoss of(int n, double gamma) {
            double[] c = new double[n];
            for (int i = 0; i < n; i++) c[i] = 0.3 + 0.1 * ((i * 7) % 5) - (i % 3 == 0 ? 0.4 : 0);
            return new TestLoss(c, 0.5, gamma);
        }
    }

    private static double lossOf(Dl4jLstmPolicy p, SequenceBatch b, TestLoss loss) {
        Policy.Scores s = p.score(b, loss.entropyGamma());
        int n = b.size();
        return loss.evaluate(s.neglogp(), s.entropy(), new double[n], new double[n]);
    }

    @Test
    void gradientMatchesFiniteDifferencesWithForbiddenAndSoftPriors() {
        for (RnnSpec spec : new RnnSpec[] {plainSpec(3), richSpec()}) {
            try (Dl4jLstmPolicy p = policy(spec, DataType.DOUBLE, 11, OptimizerSpec.adam(1e-3))) {
                SequenceBatch b = p.sample(5);
                assertTrue(hasForbidden(b), "test needs −∞ priors at recorded steps");
                TestLoss loss = TestLoss.of(b.size(), 0.7);
                Policy.Scores s = p.score(b, loss.entropyGamma());
                for (int i = 0; i < b.size(); i++) {
                    assertTrue(Double.isFinite(s.neglogp()[i]) && s.neglogp()[i] > 0, "neglogp " + s.neglogp()[i]);
                    assertTrue(Double.isFinite(s.entropy()[i]) && s.entropy()[i] > 0, "entropy " + s.entropy()[i]);
                }
                double[] grad = new double[p.parameterCount()];
                double value = p.gradient(b, loss, grad);
                double[] theta = p.getParameters();
                assertEquals(lossOf(p, b, loss), value, 1e-12);
                double eps = 1e-5, worst = 0; // FD noise ≈ 1e-16·|loss|/eps; truncation ≈ eps²
                int checked = 0;
                for (int k = 0; k < theta.length; k += 5) { // every 5th entry: all tensors, a fifth of the cost
                    double[] q = theta.clone();
                    q[k] = theta[k] + eps;
                    p.setParameters(q);
                    double up = lossOf(p, b, loss);
                    q[k] = theta[k] - eps;
                    p.setParameters(q);
                    double down = lossOf(p, b, loss);
                    double fd = (up - down) / (2 * eps);
                    double err = Math.abs(fd - grad[k]) / Math.max(1e-2, Math.abs(fd) + Math.abs(grad[k]));
                    worst = Math.max(worst, err);
                    if (grad[k] != 0) checked++;
                }
                p.setParameters(theta);
                assertTrue(worst < 1e-5, spec + ": worst relative gradient error " + worst);
                assertTrue(checked > theta.length / 15, spec + ": too few non-zero gradient entries: " + checked);
            }
        }
    }

    private static boolean hasForbidden(SequenceBatch b) {
        for (int i = 0; i < b.size(); i++) {
            for (int t = 0; t < b.length(i); t++) {
                for (int k = 0; k < b.librarySize(); k++) if (b.prior(i, t, k) == Float.NEGATIVE_INFINITY) return true;
            }
        }
        return false;
    }

    /** The canonical parameters and DL4J's network compute the same logits as a plain canonical LSTM. */
    @Test
    void scoresMatchPlainCanonicalLstm() {
        for (RnnSpec spec : new RnnSpec[] {plainSpec(5), richSpec()}) {
            try (Dl4jLstmPolicy p = policy(spec, DataType.DOUBLE, 3, OptimizerSpec.adam(1e-3))) {
                SequenceBatch b = p.sample(20);
                Policy.Scores s = p.score(b, 0.7);
                CanonicalLstm ref = new CanonicalLstm(p.layout(), p.getParameters());
                Policy.Scores r = ref.score(b, 0.7);
                for (int i = 0; i < b.size(); i++) {
                    assertEquals(r.neglogp()[i], s.neglogp()[i], 1e-9 * Math.max(1, Math.abs(r.neglogp()[i])));
                    assertEquals(r.entropy()[i], s.entropy()[i], 1e-9 * Math.max(1, Math.abs(r.entropy()[i])));
                }
            }
        }
    }

    /** The fused sampling step gives DL4J's own whole-sequence logits (float and double, 1 and 2 layers). */
    @Test
    void fusedStepMatchesDl4jForwardPass() {
        for (DataType dt : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            for (RnnSpec spec : new RnnSpec[] {plainSpec(6), richSpec()}) {
                RnnSpec noLb = new RnnSpec(spec.maxLength(), spec.cell(), spec.units(), spec.initializer(), spec.observeAction(),
                        spec.observeParent(), spec.observeSibling(), spec.observeDangling(), spec.embedding(), spec.embeddingSize(), 0);
                try (Dl4jLstmPolicy p = policy(noLb, dt, 5, OptimizerSpec.adam(1e-3))) {
                    SequenceBatch b = p.sample(7);
                    double[] theta = p.getParameters();
                    ObservationEncoder enc = new ObservationEncoder(p.layout());
                    Dl4jLstmNetwork net = new Dl4jLstmNetwork(p.layout(), dt);
                    net.setParameters(theta);
                    int B = b.size(), T = b.width(), W = enc.width(), L = KOZA.size();
                    double[] feats = new double[B * W * T], mask = new double[B * T];
                    for (int i = 0; i < B; i++) {
                        for (int t = 0; t < T; t++) {
                            enc.encode(b.previousAction(i, t), b.parent(i, t), b.sibling(i, t), b.dangling(i, t), theta, feats, i * W * T + t, T);
                            mask[i * T + t] = 1;
                        }
                    }
                    INDArray out = net.output(Nd4j.create(feats, new long[] {B, W, T}, 'c').castTo(dt),
                            Nd4j.create(mask, new long[] {B, T}, 'c').castTo(dt));
                    double[] whole = HostCopy.toDoubles(out);
                    LstmStepper stepper = net.stepper(B);
                    stepper.reset();
                    double tol = dt == DataType.FLOAT ? 1e-5 : 1e-12;
                    for (int t = 0; t < T; t++) {
                        for (int i = 0; i < B; i++) {
                            enc.encode(b.previousAction(i, t), b.parent(i, t), b.sibling(i, t), b.dangling(i, t), theta, stepper.input(), i, B);
                        }
                        stepper.step();
                        for (int i = 0; i < B; i++) {
                            for (int k = 0; k < L; k++) {
                                assertEquals(whole[(i * L + k) * T + t], stepper.logits()[i + B * k], tol, dt + " " + spec + " t=" + t);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void sameSeedSameSamplesAndCheckpointResumesTheStream() throws IOException {
        try (Dl4jLstmPolicy a = policy(plainSpec(8), DataType.FLOAT, 42, OptimizerSpec.adam(1e-3));
             Dl4jLstmPolicy b = policy(plainSpec(8), DataType.FLOAT, 42, OptimizerSpec.adam(1e-3));
             Dl4jLstmPolicy c = policy(plainSpec(8), DataType.FLOAT, 43, OptimizerSpec.adam(1e-3))) {
            SequenceBatch sa = a.sample(200), sb = b.sample(200), sc = c.sample(200);
            assertBatchesEqual(sa, sb);
            assertNotEquals(tokens(sa), tokens(sc));
            for (int i = 0; i < sa.size(); i++) {
                int len = sa.length(i);
                assertTrue(len >= 3 && len <= 10, "length " + len);
                for (int t = 0; t < len; t++) assertNotEquals(KOZA.indexOf("cos"), sa.action(i, t), "forbidden token sampled");
            }
            a.trainStep(sa, TestLoss.of(sa.size(), 1.0));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            a.save(new DataOutputStream(bytes));
            SequenceBatch next = a.sample(50);
            b.load(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
            assertArrayEquals(a.getParameters(), b.getParameters());
            assertBatchesEqual(next, b.sample(50));
        }
    }

    private static String tokens(SequenceBatch b) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < b.size(); i++) sb.append(Arrays.toString(b.tokens(i)));
        return sb.toString();
    }

    private static void assertBatchesEqual(SequenceBatch x, SequenceBatch y) {
        assertEquals(x.size(), y.size());
        assertEquals(x.width(), y.width());
        for (int i = 0; i < x.size(); i++) {
            assertArrayEquals(x.tokens(i), y.tokens(i));
            for (int t = 0; t < x.length(i); t++) {
                assertEquals(x.parent(i, t), y.parent(i, t));
                assertEquals(x.sibling(i, t), y.sibling(i, t));
                assertEquals(x.dangling(i, t), y.dangling(i, t));
                for (int k = 0; k < x.librarySize(); k++) assertEquals(x.prior(i, t, k), y.prior(i, t, k));
            }
        }
    }

    @Test
    void sgdStepMovesParametersByMinusLearningRateTimesGradient() {
        try (Dl4jLstmPolicy p = policy(richSpec(), DataType.DOUBLE, 9, new OptimizerSpec("sgd", 0.01, 0, 0, 0))) {
            SequenceBatch b = p.sample(10);
            TestLoss loss = TestLoss.of(b.size(), 0.7);
            double[] before = p.getParameters(), grad = new double[before.length];
            double expected = p.gradient(b, loss, grad);
            assertEquals(expected, p.trainStep(b, loss), 1e-12);
            double[] after = p.getParameters();
            for (int k = 0; k < before.length; k++) assertEquals(before[k] - 0.01 * grad[k], after[k], 1e-15);
            assertTrue(lossOf(p, b, loss) < expected, "a small gradient step lowers the loss");
        }
    }

    @Test
    void factoryRejectsGruAndIsRegistered() {
        PolicyContext ctx = new PolicyContext(ENV, 1, 1, OptimizerSpec.adam(1e-3));
        Params gru = Params.of("policy", Map.of("type", "dl4j-lstm", "cell", "gru"));
        ConfigException e = assertThrows(ConfigException.class, () -> new Dl4jLstmPolicyFactory().create(ctx, gru));
        assertTrue(e.getMessage().contains("policy.cell") && e.getMessage().contains("gru"), e.getMessage());
        Params bad = Params.of("policy", Map.of("type", "dl4j-lstm", "data_type", "half"));
        assertThrows(ConfigException.class, () -> new Dl4jLstmPolicyFactory().create(ctx, bad));
        try (Policy p = new Dl4jLstmPolicyFactory().create(ctx, Params.of("policy", Map.of("type", "dl4j-lstm", "num_units", 4)))) {
            assertEquals(p.parameterCount(), ((Dl4jLstmPolicy) p).layout().size());
            assertEquals(DataType.FLOAT, ((Dl4jLstmPolicy) p).dataType());
        }
        assertTrue(ServiceLoader.load(DsrPlugin.class).stream().anyMatch(pl -> pl.type() == Dl4jPoliciesPlugin.class));
    }
}
