package io.dsr4j.policy.lstm;

import io.dsr4j.api.policy.OptimizerSpec;
import io.dsr4j.api.policy.PolicyContext;
import io.dsr4j.api.util.Rng;
import io.dsr4j.policy.RnnSpec;
import io.dsr4j.policy.TestToken;
import io.dsr4j.policy.ToyEnvironment;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The Vector API kernel must be bit-identical to the scalar one (results may not depend on the JVM's flags). */
class LstmKernelsTest {

    @Test
    void vectorKernelIsBitIdenticalToScalarKernel() {
        VectorLstmKernels vector = new VectorLstmKernels();
        Rng rng = new Rng(7);
        for (int rows : new int[] {1, 3, 4, 5, 8, 17, 32, 33}) {
            for (int n : new int[] {1, 5, 8, 10, 13, 64, 128, 131}) {
                double[][] w = random(rng, rows, n);
                double[][] v = random(rng, 4, rows);
                double[][] a = random(rng, 4, n);
                double[][] b = new double[4][];
                for (int q = 0; q < 4; q++) b[q] = a[q].clone();
                LstmKernels.SCALAR.product4(v[0], v[1], v[2], v[3], rows, w, a[0], a[1], a[2], a[3], n);
                vector.product4(v[0], v[1], v[2], v[3], rows, w, b[0], b[1], b[2], b[3], n);
                for (int q = 0; q < 4; q++) assertArrayEquals(a[q], b[q], 0.0, "rows " + rows + ", n " + n + ", q " + q);
            }
        }
    }

    @Test
    void productFromAStartRowEqualsCopyThenProductInBothKernels() {
        Rng rng = new Rng(9);
        for (LstmKernels k : new LstmKernels[] {LstmKernels.SCALAR, new VectorLstmKernels()}) {
            for (int rows : new int[] {1, 4, 5, 32}) {
                for (int n : new int[] {1, 5, 8, 9, 11, 13, 128, 131}) {
                    double[][] w = random(rng, rows, n);
                    double[][] v = random(rng, 4, rows);
                    double[][] start = random(rng, 4, n);
                    double[][] startCopy = new double[4][], expected = new double[4][], out = random(rng, 4, n);
                    for (int q = 0; q < 4; q++) {
                        startCopy[q] = start[q].clone();
                        expected[q] = start[q].clone();
                    }
                    LstmKernels.SCALAR.product4(v[0], v[1], v[2], v[3], rows, w, expected[0], expected[1], expected[2], expected[3], n);
                    k.product4From(v[0], v[1], v[2], v[3], rows, w, start[0], start[1], start[2], start[3],
                            out[0], out[1], out[2], out[3], n);
                    for (int q = 0; q < 4; q++) {
                        assertArrayEquals(expected[q], out[q], 0.0, k + " rows " + rows + ", n " + n + ", q " + q);
                        assertArrayEquals(startCopy[q], start[q], 0.0, "the start rows are only read");
                    }
                    // one shared start row (a bias), and in place
                    double[] bias = start[0];
                    k.product4From(v[0], v[1], v[2], v[3], rows, w, bias, bias, bias, bias, out[0], out[1], out[2], out[3], n);
                    for (int q = 0; q < 4; q++) {
                        double[] e = bias.clone();
                        LstmKernels.SCALAR.product1(v[q], rows, w, e, n);
                        assertArrayEquals(e, out[q], 0.0, k + " shared start, q " + q);
                    }
                    double[] inPlace = startCopy[1].clone();
                    k.product4From(v[0], v[1], v[2], v[3], rows, w, startCopy[0], inPlace, startCopy[2], startCopy[3],
                            out[0], inPlace, out[2], out[3], n);
                    assertArrayEquals(expected[1], inPlace, 0.0, k + " in place");
                }
            }
        }
    }

    @Test
    void vectorRowKernelIsBitIdenticalToScalarKernel() {
        VectorLstmKernels vector = new VectorLstmKernels();
        Rng rng = new Rng(8);
        for (int rows : new int[] {1, 3, 4, 5, 8, 12, 32, 33, 128}) {
            for (int n : new int[] {1, 5, 8, 10, 13, 31, 32, 33, 64, 128, 131}) {
                double[][] w = random(rng, rows, n);
                double[] v = random(rng, 1, rows)[0];
                double[] a = random(rng, 1, n)[0], b = a.clone();
                LstmKernels.SCALAR.product1(v, rows, w, a, n);
                vector.product1(v, rows, w, b, n);
                assertArrayEquals(a, b, 0.0, "rows " + rows + ", n " + n);
            }
        }
    }

    @Test
    void scoresAndGradientsAreTheSameWithEitherKernel() {
        ToyEnvironment env = new ToyEnvironment(TestToken.koza(), 4, 30, true);
        for (RnnSpec spec : new RnnSpec[] {RnnSpec.defaults(), SamplingTest.richSpec(),
                RnnSpec.builder().cell(RnnSpec.Cell.GRU).build()}) {
            try (JvmLstmPolicy s = policy(spec, env, LstmKernels.SCALAR, 1);
                 JvmLstmPolicy v = policy(spec, env, new VectorLstmKernels(), 1)) {
                var batch = s.sample(97);
                var ss = s.score(batch, 0.7);
                var vs = v.score(batch, 0.7);
                assertArrayEquals(ss.neglogp(), vs.neglogp(), 0.0);
                assertArrayEquals(ss.entropy(), vs.entropy(), 0.0);
                io.dsr4j.api.policy.PolicyLoss loss = new io.dsr4j.api.policy.PolicyLoss() {
                    @Override public double entropyGamma() { return 0.7; }

                    @Override
                    public double evaluate(double[] nlp, double[] ent, double[] gN, double[] gE) {
                        for (int i = 0; i < nlp.length; i++) {
                            gN[i] = (i % 3) / 7.0;
                            gE[i] = -0.01;
                        }
                        return 0;
                    }
                };
                int size = s.layout().size();
                double[] gs = new double[size], gv = new double[size];
                s.computeGradient(batch, loss, gs);
                v.computeGradient(batch, loss, gv);
                assertArrayEquals(gs, gv, 0.0);
                // without the shared tape every row replays alone (no four-row products): the same gradient
                v.setTapeBudgetBytes(0);
                double[] g1 = new double[size];
                v.computeGradient(batch, loss, g1);
                assertArrayEquals(gs, g1, 0.0);
            }
        }
    }

    @Test
    void vectorTanhIsBitIdenticalToScalarTanh() {
        VectorLstmKernels vector = new VectorLstmKernels();
        double[] special = {0.0, -0.0, 1e-300, -1e-300, 1e-8, 0.5, -0.5, 9.999999, 10.0, -10.0, 10.000001, 1e300,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, Double.MIN_VALUE};
        int n = 200_003;
        double[] a = new double[n + special.length];
        for (int i = 0; i < n; i++) a[i] = -12 + 24.0 * i / n;
        System.arraycopy(special, 0, a, n, special.length);
        for (int off : new int[] {0, 3}) {
            double[] s = a.clone(), v = a.clone();
            FastActivations.tanh(s, off, s.length - off);
            vector.tanh(v, off, v.length - off);
            for (int i = 0; i < a.length; i++) {
                assertEquals(Double.doubleToRawLongBits(s[i]), Double.doubleToRawLongBits(v[i]), "tanh(" + a[i] + ")");
            }
        }
    }

    @Test
    void vectorTanhIsBitIdenticalForEveryShortLengthAndOffset() {
        // two-vector passes, the one-vector pass and the scalar tail, each starting anywhere
        VectorLstmKernels vector = new VectorLstmKernels();
        java.util.Random rng = new java.util.Random(7);
        for (int n = 0; n <= 5 * vector.lanes() + 1; n++) {
            for (int off = 0; off < 4; off++) {
                double[] a = new double[off + n + 2];
                for (int i = 0; i < a.length; i++) a[i] = 8 * rng.nextGaussian();
                double[] s = a.clone(), v = a.clone();
                FastActivations.tanh(s, off, n);
                vector.tanh(v, off, n);
                for (int i = 0; i < a.length; i++) {
                    assertEquals(Double.doubleToRawLongBits(s[i]), Double.doubleToRawLongBits(v[i]), "n " + n + " off " + off + " i " + i);
                }
            }
        }
    }

    @Test
    void testsRunWithTheVectorKernel() {
        // surefire adds jdk.incubator.vector (dsr-policy/pom.xml), as the ./dsr launcher does
        if (new VectorLstmKernels().lanes() >= 4) assertInstanceOf(VectorLstmKernels.class, LstmKernels.best());
    }

    @Test
    void samplingIsTheSameWithEitherKernel() {
        ToyEnvironment env = new ToyEnvironment(TestToken.koza(), 4, 30, true);
        for (RnnSpec spec : new RnnSpec[] {RnnSpec.defaults(), SamplingTest.richSpec()}) {
            try (JvmLstmPolicy s = policy(spec, env, LstmKernels.SCALAR, 1);
                 JvmLstmPolicy v = policy(spec, env, new VectorLstmKernels(), 1);
                 JvmLstmPolicy v2 = policy(spec, env, new VectorLstmKernels(), 2)) {
                for (int round = 0; round < 3; round++) {
                    var batch = s.sample(301);
                    SamplingTest.assertSameBatch(batch, v.sample(301));
                    SamplingTest.assertSameBatch(batch, v2.sample(301));
                }
            }
        }
    }

    private static JvmLstmPolicy policy(RnnSpec spec, ToyEnvironment env, LstmKernels kernel, int threads) {
        JvmLstmPolicy p = new JvmLstmPolicy(spec, new PolicyContext(env, 5, threads, OptimizerSpec.adam(1e-3)), kernel);
        double[] w = p.getParameters();
        Rng rng = new Rng(105);
        for (int i = 0; i < w.length; i++) w[i] += 0.8 * (rng.nextDouble() - 0.5);
        p.setParameters(w);
        return p;
    }

    private static double[][] random(Rng rng, int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (double[] r : m) for (int j = 0; j < cols; j++) r[j] = rng.nextDouble() * 2 - 1;
        return m;
    }
}
