package io.dsr4j.policy.lstm;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

import static io.dsr4j.policy.lstm.FastActivations.CLAMP;
import static io.dsr4j.policy.lstm.FastActivations.P0;
import static io.dsr4j.policy.lstm.FastActivations.P1;
import static io.dsr4j.policy.lstm.FastActivations.P2;
import static io.dsr4j.policy.lstm.FastActivations.P3;
import static io.dsr4j.policy.lstm.FastActivations.P4;
import static io.dsr4j.policy.lstm.FastActivations.P5;
import static io.dsr4j.policy.lstm.FastActivations.Q1;
import static io.dsr4j.policy.lstm.FastActivations.Q2;
import static io.dsr4j.policy.lstm.FastActivations.Q3;
import static io.dsr4j.policy.lstm.FastActivations.Q4;
import static io.dsr4j.policy.lstm.FastActivations.Q5;

/**
 * {@link LstmKernels} with the JDK Vector API (incubating in Java 17). {@link #product4}: per strip of one vector of
 * columns, the four rows' accumulators stay in registers for all k and each weight vector is loaded once for the
 * four rows (1000 rows × 32 × 128 on one Zen 4 core: ~13–15 GMAC/s against ~11 for the scalar kernel,
 * {@code GemmKernelBenchmark}). {@link #tanh}: {@link FastActivations}'s rational function on whole vectors (C2 does
 * not vectorise the scalar loop's clamp). Only separate {@code mul}/{@code add}/{@code div}, {@code min}/{@code max}
 * (never {@code fma}), each with the same operands as the scalar code, so results are bit-identical to
 * {@link LstmKernels#SCALAR}. Only instantiated by {@link LstmKernels#best()}.
 */
final class VectorLstmKernels implements LstmKernels {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    int lanes() { return S.length(); }

    @Override
    public void product4(double[] v0, double[] v1, double[] v2, double[] v3, int rows, double[][] w,
                         double[] o0, double[] o1, double[] o2, double[] o3, int n) {
        product4From(v0, v1, v2, v3, rows, w, o0, o1, o2, o3, o0, o1, o2, o3, n);
    }

    @Override
    public void product4From(double[] v0, double[] v1, double[] v2, double[] v3, int rows, double[][] w,
                             double[] i0, double[] i1, double[] i2, double[] i3,
                             double[] o0, double[] o1, double[] o2, double[] o3, int n) {
        int lanes = S.length();
        int j = 0;
        for (; j + lanes <= n; j += lanes) {
            DoubleVector a = DoubleVector.fromArray(S, i0, j), b = DoubleVector.fromArray(S, i1, j);
            DoubleVector c = DoubleVector.fromArray(S, i2, j), d = DoubleVector.fromArray(S, i3, j);
            int k = 0;
            for (; k + 3 < rows; k += 4) {
                DoubleVector w0 = DoubleVector.fromArray(S, w[k], j), w1 = DoubleVector.fromArray(S, w[k + 1], j);
                DoubleVector w2 = DoubleVector.fromArray(S, w[k + 2], j), w3 = DoubleVector.fromArray(S, w[k + 3], j);
                a = a.add(w0.mul(v0[k]).add(w1.mul(v0[k + 1])).add(w2.mul(v0[k + 2]).add(w3.mul(v0[k + 3]))));
                b = b.add(w0.mul(v1[k]).add(w1.mul(v1[k + 1])).add(w2.mul(v1[k + 2]).add(w3.mul(v1[k + 3]))));
                c = c.add(w0.mul(v2[k]).add(w1.mul(v2[k + 1])).add(w2.mul(v2[k + 2]).add(w3.mul(v2[k + 3]))));
                d = d.add(w0.mul(v3[k]).add(w1.mul(v3[k + 1])).add(w2.mul(v3[k + 2]).add(w3.mul(v3[k + 3]))));
            }
            for (; k < rows; k++) {
                DoubleVector wk = DoubleVector.fromArray(S, w[k], j);
                a = a.add(wk.mul(v0[k]));
                b = b.add(wk.mul(v1[k]));
                c = c.add(wk.mul(v2[k]));
                d = d.add(wk.mul(v3[k]));
            }
            a.intoArray(o0, j);
            b.intoArray(o1, j);
            c.intoArray(o2, j);
            d.intoArray(o3, j);
        }
        if (j < n) { // columns past the last full vector, in the same order
            tail(v0, rows, w, i0, o0, j, n);
            tail(v1, rows, w, i1, o1, j, n);
            tail(v2, rows, w, i2, o2, j, n);
            tail(v3, rows, w, i3, o3, j, n);
        }
    }

    private static void tail(double[] v, int rows, double[][] w, double[] init, double[] o, int from, int to) {
        if (init != o) System.arraycopy(init, from, o, from, to - from);
        Vec.vecMat(v, 0, rows, w, o, from, to);
    }

    /**
     * One row: per block of four column vectors the accumulators stay in registers over all k (the scalar loop loads
     * and stores {@code o} once per four k), each broadcast feeds four vectors. Same grouping of k as
     * {@link Vec#vecMat}, so bit-identical.
     */
    @Override
    public void product1(double[] v, int rows, double[][] w, double[] o, int n) {
        int lanes = S.length();
        int j = 0;
        for (; j + 4 * lanes <= n; j += 4 * lanes) {
            int j1 = j + lanes, j2 = j1 + lanes, j3 = j2 + lanes;
            DoubleVector a = DoubleVector.fromArray(S, o, j), b = DoubleVector.fromArray(S, o, j1);
            DoubleVector c = DoubleVector.fromArray(S, o, j2), d = DoubleVector.fromArray(S, o, j3);
            int k = 0;
            for (; k + 3 < rows; k += 4) {
                double s0 = v[k], s1 = v[k + 1], s2 = v[k + 2], s3 = v[k + 3];
                double[] r0 = w[k], r1 = w[k + 1], r2 = w[k + 2], r3 = w[k + 3];
                a = a.add(DoubleVector.fromArray(S, r0, j).mul(s0).add(DoubleVector.fromArray(S, r1, j).mul(s1))
                        .add(DoubleVector.fromArray(S, r2, j).mul(s2).add(DoubleVector.fromArray(S, r3, j).mul(s3))));
                b = b.add(DoubleVector.fromArray(S, r0, j1).mul(s0).add(DoubleVector.fromArray(S, r1, j1).mul(s1))
                        .add(DoubleVector.fromArray(S, r2, j1).mul(s2).add(DoubleVector.fromArray(S, r3, j1).mul(s3))));
                c = c.add(DoubleVector.fromArray(S, r0, j2).mul(s0).add(DoubleVector.fromArray(S, r1, j2).mul(s1))
                        .add(DoubleVector.fromArray(S, r2, j2).mul(s2).add(DoubleVector.fromArray(S, r3, j2).mul(s3))));
                d = d.add(DoubleVector.fromArray(S, r0, j3).mul(s0).add(DoubleVector.fromArray(S, r1, j3).mul(s1))
                        .add(DoubleVector.fromArray(S, r2, j3).mul(s2).add(DoubleVector.fromArray(S, r3, j3).mul(s3))));
            }
            for (; k < rows; k++) {
                double s = v[k];
                double[] r = w[k];
                a = a.add(DoubleVector.fromArray(S, r, j).mul(s));
                b = b.add(DoubleVector.fromArray(S, r, j1).mul(s));
                c = c.add(DoubleVector.fromArray(S, r, j2).mul(s));
                d = d.add(DoubleVector.fromArray(S, r, j3).mul(s));
            }
            a.intoArray(o, j);
            b.intoArray(o, j1);
            c.intoArray(o, j2);
            d.intoArray(o, j3);
        }
        for (; j + lanes <= n; j += lanes) {
            DoubleVector a = DoubleVector.fromArray(S, o, j);
            int k = 0;
            for (; k + 3 < rows; k += 4) {
                a = a.add(DoubleVector.fromArray(S, w[k], j).mul(v[k]).add(DoubleVector.fromArray(S, w[k + 1], j).mul(v[k + 1]))
                        .add(DoubleVector.fromArray(S, w[k + 2], j).mul(v[k + 2]).add(DoubleVector.fromArray(S, w[k + 3], j).mul(v[k + 3]))));
            }
            for (; k < rows; k++) a = a.add(DoubleVector.fromArray(S, w[k], j).mul(v[k]));
            a.intoArray(o, j);
        }
        if (j < n) Vec.vecMat(v, 0, rows, w, o, j, n); // columns past the last full vector, in the same order
    }

    /**
     * Two vectors per pass: each vector's rational function is one long chain of dependent operations (ending in a
     * division), so interleaving two independent chains keeps the FP pipes busy (160 values: ~210 → ~170 ns, quiet).
     * Lane-wise the same operations as the one-vector loop, so bit-identical.
     */
    @Override
    public void tanh(double[] a, int off, int n) {
        int lanes = S.length();
        int i = off, end = off + n;
        for (; i + 2 * lanes <= end; i += 2 * lanes) {
            int i1 = i + lanes;
            DoubleVector x = DoubleVector.fromArray(S, a, i).min(CLAMP).max(-CLAMP);
            DoubleVector y = DoubleVector.fromArray(S, a, i1).min(CLAMP).max(-CLAMP);
            DoubleVector u = x.mul(x), v = y.mul(y);
            DoubleVector p = u.mul(P5).add(P4).mul(u).add(P3).mul(u).add(P2).mul(u).add(P1).mul(u).add(P0);
            DoubleVector pv = v.mul(P5).add(P4).mul(v).add(P3).mul(v).add(P2).mul(v).add(P1).mul(v).add(P0);
            DoubleVector q = u.mul(Q5).add(Q4).mul(u).add(Q3).mul(u).add(Q2).mul(u).add(Q1).mul(u).add(1.0);
            DoubleVector qv = v.mul(Q5).add(Q4).mul(v).add(Q3).mul(v).add(Q2).mul(v).add(Q1).mul(v).add(1.0);
            x.mul(p).div(q).intoArray(a, i);
            y.mul(pv).div(qv).intoArray(a, i1);
        }
        for (; i + lanes <= end; i += lanes) {
            DoubleVector x = DoubleVector.fromArray(S, a, i).min(CLAMP).max(-CLAMP);
            DoubleVector u = x.mul(x);
            DoubleVector p = u.mul(P5).add(P4).mul(u).add(P3).mul(u).add(P2).mul(u).add(P1).mul(u).add(P0);
            DoubleVector q = u.mul(Q5).add(Q4).mul(u).add(Q3).mul(u).add(Q2).mul(u).add(Q1).mul(u).add(1.0);
            x.mul(p).div(q).intoArray(a, i);
        }
        if (i < end) FastActivations.tanh(a, i, end - i);
    }

    @Override
    public String toString() { return "vector " + S; }
}
