package io.dsr4j.policy.lstm;

import io.dsr4j.api.policy.OptimizerSpec;
import io.dsr4j.api.policy.PolicyContext;
import io.dsr4j.api.policy.SequenceBatch;
import io.dsr4j.api.util.Rng;
import io.dsr4j.policy.RnnSpec;
import io.dsr4j.policy.TestToken;
import io.dsr4j.policy.ToyEnvironment;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The float32 sampling path ({@code policy.precision: float32}): kernels, determinism, closeness to float64. */
class FloatSamplingTest {

    private final ToyEnvironment env = new ToyEnvironment(TestToken.koza(), 4, 30, true);

    private static RnnSpec embeddedSpec() {
        return RnnSpec.builder().units(12).observe(true, true, true, true).embedding(5).build();
    }

    @Test
    void vectorProductIsBitIdenticalToScalarProduct() {
        VectorFloatKernels vector = new VectorFloatKernels();
        Rng rng = new Rng(11);
        for (int rows : new int[] {1, 3, 4, 5, 8, 9, 17}) {
            for (int depth : new int[] {1, 5, 32, 33}) {
                for (int n : new int[] {16, 32, 48, 128, 144}) {
                    float[][] a = random(rng, rows, depth);
                    float[] w = random(rng, 1, depth * n)[0];
                    float[][] x = random(rng, rows, n), y = new float[rows][];
                    for (int i = 0; i < rows; i++) y[i] = x[i].clone();
                    FloatKernels.SCALAR.product(a, rows, depth, w, n, x);
                    vector.product(a, rows, depth, w, n, y);
                    for (int i = 0; i < rows; i++) assertArrayEquals(x[i], y[i], 0f, rows + "x" + depth + "x" + n + " row " + i);
                }
            }
        }
    }

    @Test
    void productFromStartRowsEqualsCopyThenProductInBothKernels() {
        Rng rng = new Rng(13);
        for (FloatKernels k : new FloatKernels[] {FloatKernels.SCALAR, new VectorFloatKernels()}) {
            for (int rows : new int[] {1, 3, 4, 5, 9}) {
                for (int n : new int[] {16, 32, 128, 144}) {
                    int depth = 32;
                    float[][] a = random(rng, rows, depth);
                    float[] w = random(rng, 1, depth * n)[0];
                    float[][] start = random(rng, rows, n), out = random(rng, rows, n);
                    float[] bias = random(rng, 1, n)[0];
                    // rows alternate between their own start row, a shared one and in place (start = out)
                    float[][] starts = new float[rows][], expected = new float[rows][];
                    for (int i = 0; i < rows; i++) {
                        starts[i] = i % 3 == 0 ? start[i] : i % 3 == 1 ? bias : out[i];
                        expected[i] = starts[i].clone();
                    }
                    float[][] before = new float[rows][];
                    for (int i = 0; i < rows; i++) before[i] = start[i].clone();
                    float[] biasBefore = bias.clone();
                    FloatKernels.SCALAR.product(a, rows, depth, w, n, expected);
                    k.productFrom(a, rows, depth, w, n, starts, out);
                    for (int i = 0; i < rows; i++) assertArrayEquals(expected[i], out[i], 0f, k + " " + rows + "x" + n + " row " + i);
                    for (int i = 0; i < rows; i += 3) assertArrayEquals(before[i], start[i], 0f, "start rows are only read");
                    assertArrayEquals(biasBefore, bias, 0f, "a shared start row is only read");
                }
            }
        }
    }

    @Test
    void vectorLstmCellIsBitIdenticalToScalarCell() {
        VectorFloatKernels vector = new VectorFloatKernels();
        Rng rng = new Rng(14);
        for (int h : new int[] {1, 5, 12, 16, 17, 32, 33, 48}) {
            for (boolean first : new boolean[] {true, false}) {
                float[] g = random(rng, 1, 4 * h)[0], c = random(rng, 1, h)[0];
                for (int j = 0; j < 4 * h; j++) g[j] *= 6; // the tanh's whole range, saturation included
                float[] g2 = g.clone(), c2 = c.clone(), h1 = new float[h], h2 = new float[h];
                FloatKernels.SCALAR.lstm(h, first, g, c, h1, new float[h]);
                vector.lstm(h, first, g2, c2, h2, new float[h]);
                assertArrayEquals(c, c2, 0f, "c, h " + h + ", first " + first);
                assertArrayEquals(h1, h2, 0f, "h, h " + h + ", first " + first);
                assertArrayEquals(g, g2, 0f, "gates, h " + h + ", first " + first);
            }
        }
    }

    @Test
    void rowResultsDoNotDependOnBlocking() {
        VectorFloatKernels vector = new VectorFloatKernels();
        Rng rng = new Rng(12);
        int rows = 7, depth = 32, n = 128;
        float[][] a = random(rng, rows, depth);
        float[] w = random(rng, 1, depth * n)[0];
        float[][] init = random(rng, rows, n);
        float[][] all = new float[rows][];
        for (int i = 0; i < rows; i++) all[i] = init[i].clone();
        vector.product(a, rows, depth, w, n, all);
        for (int i = 0; i < rows; i++) {
            float[][] one = {init[i].clone()};
            vector.product(new float[][] {a[i]}, 1, depth, w, n, one);
            assertArrayEquals(all[i], one[0], 0f, "row " + i);
        }
    }

    @Test
    void floatTanhIsTheSameInBothKernelsForEveryShortLengthAndOffset() {
        VectorFloatKernels vector = new VectorFloatKernels();
        java.util.Random rng = new java.util.Random(7);
        for (int n = 0; n <= 5 * vector.lanes() + 1; n++) {
            for (int off = 0; off < 4; off++) {
                float[] x = new float[off + n + 2];
                for (int i = 0; i < x.length; i++) x[i] = (float) (8 * rng.nextGaussian());
                float[] s = x.clone(), v = x.clone();
                FloatKernels.SCALAR.tanh(s, off, n);
                vector.tanh(v, off, n);
                for (int i = 0; i < x.length; i++) {
                    assertEquals(Float.floatToRawIntBits(s[i]), Float.floatToRawIntBits(v[i]), "n " + n + " off " + off + " i " + i);
                }
            }
        }
    }

    @Test
    void floatTanhIsAccurateAndTheSameInBothKernels() {
        VectorFloatKernels vector = new VectorFloatKernels();
        float[] special = {0f, -0f, 1e-30f, -1e-30f, 0.5f, -0.5f, 8.999f, 9f, -9f, 10f, 1e30f,
                Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, Float.MIN_VALUE};
        int n = 200_003;
        float[] x = new float[n + special.length];
        for (int i = 0; i < n; i++) x[i] = -12f + 24f * i / n;
        System.arraycopy(special, 0, x, n, special.length);
        float[] s = x.clone(), v = x.clone();
        FloatKernels.SCALAR.tanh(s, 0, s.length);
        vector.tanh(v, 0, v.length);
        double worst = 0;
        for (int i = 0; i < x.length; i++) {
            assertEquals(Float.floatToRawIntBits(s[i]), Float.floatToRawIntBits(v[i]), "tanh(" + x[i] + ")");
            if (!Float.isNaN(x[i])) worst = Math.max(worst, Math.abs(s[i] - Math.tanh(x[i])));
        }
        assertTrue(worst <= 5e-7, "float tanh error " + worst); // measured 3.3e-7 (a few float ulps at |x| ~ 1)
        assertTrue(Float.isNaN(s[s.length - 2]), "NaN propagates");
    }

    @Test
    void testsRunWithTheVectorKernel() {
        if (new VectorFloatKernels().lanes() >= 4) assertInstanceOf(VectorFloatKernels.class, FloatKernels.best());
    }

    @Test
    void float32SamplingIsDeterministicAndIndependentOfThreadsAndKernels() {
        for (RnnSpec spec : new RnnSpec[] {RnnSpec.defaults(), SamplingTest.richSpec(), embeddedSpec()}) {
            try (JvmLstmPolicy a = policy(spec, FloatKernels.best(), 1, 3);
                 JvmLstmPolicy b = policy(spec, FloatKernels.best(), 1, 3);
                 JvmLstmPolicy c = policy(spec, FloatKernels.best(), 2, 3);
                 JvmLstmPolicy d = policy(spec, FloatKernels.SCALAR, 3, 3)) {
                for (int round = 0; round < 3; round++) {
                    SequenceBatch sa = a.sample(301);
                    SamplingTest.assertSameBatch(sa, b.sample(301));
                    SamplingTest.assertSameBatch(sa, c.sample(301));
                    SamplingTest.assertSameBatch(sa, d.sample(301));
                }
            }
        }
    }

    /**
     * Float32 samples the float64 distribution up to float rounding: same streams, so nearly every row is the same
     * sequence (a row differs only when its uniform draw falls within rounding of a cumulative boundary), and the
     * log-probabilities of a batch (up to 30 steps) under the float network are within 1e-5 of the double ones
     * (float rounding of weights and sums, 2^-24 relative, over ~50-term products and 30 steps; measured ≤ 1.2e-6).
     */
    @Test
    void float32IsFloat64UpToRounding() {
        for (RnnSpec spec : new RnnSpec[] {RnnSpec.defaults(), SamplingTest.richSpec(), embeddedSpec()}) {
            try (JvmLstmPolicy f = policy(spec, FloatKernels.best(), 1, 5);
                 JvmLstmPolicy d = policy(spec, null, 1, 5)) {
                assertEquals(JvmLstmPolicy.Precision.FLOAT32, f.precision());
                SequenceBatch bf = f.sample(1000), bd = d.sample(1000);
                int same = 0;
                for (int r = 0; r < 1000; r++) if (java.util.Arrays.equals(bf.tokens(r), bd.tokens(r))) same++;
                assertTrue(same >= 990, spec + ": only " + same + " of 1000 rows equal");
                double[] nf = f.samplingNeglogp(bf), nd = d.score(bf, 1.0).neglogp();
                double worst = 0;
                for (int r = 0; r < nf.length; r++) worst = Math.max(worst, Math.abs(nf[r] - nd[r]));
                assertTrue(worst < 1e-5, spec + ": neglogp differs by " + worst); // measured 0.6-1.2e-6
                assertTrue(worst > 0, "the float path really runs in float");
                // training is double on both: identical parameters give identical scores
                assertArrayEquals(nd, f.score(bf, 1.0).neglogp(), 0.0);
            }
        }
    }

    @Test
    void float32IsForLstmCellsOnly() {
        RnnSpec gru = RnnSpec.builder().cell(RnnSpec.Cell.GRU).build();
        assertThrows(IllegalArgumentException.class, () -> policy(gru, FloatKernels.SCALAR, 1, 1));
    }

    private JvmLstmPolicy policy(RnnSpec spec, FloatKernels floats, int threads, long seed) {
        JvmLstmPolicy p = new JvmLstmPolicy(spec, new PolicyContext(env, seed, threads, OptimizerSpec.adam(1e-3)),
                LstmKernels.best(), floats);
        double[] w = p.getParameters();
        Rng rng = new Rng(seed + 100);
        for (int i = 0; i < w.length; i++) w[i] += 0.8 * (rng.nextDouble() - 0.5);
        p.setParameters(w);
        return p;
    }

    private static float[][] random(Rng rng, int rows, int cols) {
        float[][] m = new float[rows][cols];
        for (float[] r : m) for (int j = 0; j < cols; j++) r[j] = (float) (rng.nextDouble() * 2 - 1);
        return m;
    }
}
